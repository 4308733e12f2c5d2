/**
 * Rules & SLA: the predefined criteria that suggest escalating (a rule suggests, a person
 * escalates), the teams items go to, the service-level clocks, and the log of everything
 * that left the machine. One page, four tabs.
 */
import { Tabs, Text, Title } from '@mantine/core';
import { IconClockHour4, IconListCheck, IconSend, IconUsersGroup } from '@tabler/icons-react';
import { OutboundTab } from './outbound/OutboundTab';
import { RulesTab } from './rules/RulesTab';
import classes from './routing.module.css';
import { SlaTab } from './sla/SlaTab';
import { useRouting, type RoutingTab } from './state';
import { TeamsTab } from './teams/TeamsTab';

export function RoutingScreen() {
  const tab = useRouting((s) => s.tab);
  const tabOpened = useRouting((s) => s.tabOpened);
  return (
    <section className={classes.screen} aria-label="Rules and SLA" data-testid="routing-screen">
      <header className={classes.header}>
        <div>
          <Title order={2} size="h4">
            Rules &amp; SLA
          </Title>
          <Text size="sm" c="dimmed" mb={10}>
            Rules flag conversations and suggest where they go; a person escalates. SLA clocks say what is due.
          </Text>
        </div>
      </header>
      <Tabs value={tab} onChange={(v) => v && tabOpened(v as RoutingTab)} className={classes.tabs} keepMounted={false}>
        <Tabs.List className={classes.tabList}>
          <Tabs.Tab value="rules" leftSection={<IconListCheck size={15} />} data-testid="routing-tab-rules">
            Rules
          </Tabs.Tab>
          <Tabs.Tab value="teams" leftSection={<IconUsersGroup size={15} />} data-testid="routing-tab-teams">
            Teams
          </Tabs.Tab>
          <Tabs.Tab value="sla" leftSection={<IconClockHour4 size={15} />} data-testid="routing-tab-sla">
            SLA
          </Tabs.Tab>
          <Tabs.Tab value="outbound" leftSection={<IconSend size={15} />} data-testid="routing-tab-outbound">
            Outbound log
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rules" className={classes.panel}>
          <RulesTab />
        </Tabs.Panel>
        <Tabs.Panel value="teams" className={classes.panel}>
          <TeamsTab />
        </Tabs.Panel>
        <Tabs.Panel value="sla" className={classes.panel}>
          <SlaTab />
        </Tabs.Panel>
        <Tabs.Panel value="outbound" className={classes.panel}>
          <OutboundTab />
        </Tabs.Panel>
      </Tabs>
    </section>
  );
}
