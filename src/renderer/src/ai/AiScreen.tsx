/**
 * AI & privacy: the optional LLM endpoint and its key, the queue of AI jobs, and the log of
 * every call that left this machine with exactly what was sent. One page, three tabs.
 */
import { Badge, Tabs, Text, Title } from '@mantine/core';
import { IconListDetails, IconPlugConnected, IconShieldCheck } from '@tabler/icons-react';
import { useEffect } from 'react';
import { onEvent } from '../api';
import classes from './ai.module.css';
import { loadStatus } from './flows/provider';
import { LogTab } from './log/LogTab';
import { ProviderTab } from './provider/ProviderTab';
import { QueueTab } from './queue/QueueTab';
import { useAi, type AiTab } from './state';

function EndpointBadge() {
  const status = useAi((s) => s.status);
  if (status === null) return null;
  if (!status.settings.enabled) {
    return (
      <Badge variant="light" color="gray" size="lg" style={{ textTransform: 'none' }} data-testid="ai-state-badge">
        Off: local analysis only
      </Badge>
    );
  }
  if (status.loopback) {
    return (
      <Badge variant="light" color="teal" size="lg" style={{ textTransform: 'none' }} leftSection={<IconShieldCheck size={14} />} data-testid="ai-state-badge">
        Nothing leaves this machine
      </Badge>
    );
  }
  return (
    <Badge variant="light" color={status.redacting ? 'blue' : 'orange'} size="lg" style={{ textTransform: 'none' }} data-testid="ai-state-badge">
      {status.host ?? 'No endpoint'} · {status.redacting ? 'redacted' : 'not redacted'}
    </Badge>
  );
}

export function AiScreen() {
  const tab = useAi((s) => s.tab);
  const tabOpened = useAi((s) => s.tabOpened);
  useEffect(() => {
    void loadStatus();
    const offStatus = onEvent('ai.status.changed', () => void loadStatus());
    const offQueue = onEvent('ai.jobs.changed', (queue) => useAi.getState().queueChanged(queue));
    // Each call spends budget: the meter follows the log, read at most once a second.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const offLog = onEvent('ai.log.added', () => {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        void loadStatus();
      }, 1000);
    });
    return () => {
      offStatus();
      offQueue();
      offLog();
      if (timer !== null) clearTimeout(timer);
    };
  }, []);
  return (
    <section className={classes.screen} aria-label="AI and privacy" data-testid="ai-screen">
      <header className={classes.header}>
        <div>
          <Title order={2} size="h4">
            AI &amp; privacy
          </Title>
          <Text size="sm" c="dimmed" mb={10}>
            An optional language model for triage, reply drafts and summaries, and a record of all that left this machine.
          </Text>
        </div>
        <div style={{ paddingTop: 4, flexShrink: 0 }}>
          <EndpointBadge />
        </div>
      </header>
      <Tabs value={tab} onChange={(v) => v && tabOpened(v as AiTab)} className={classes.tabs} keepMounted={false}>
        <Tabs.List className={classes.tabList}>
          <Tabs.Tab value="provider" leftSection={<IconPlugConnected size={15} />} data-testid="ai-tab-provider">
            Provider
          </Tabs.Tab>
          <Tabs.Tab value="queue" leftSection={<IconListDetails size={15} />} data-testid="ai-tab-queue">
            Queue
          </Tabs.Tab>
          <Tabs.Tab value="log" leftSection={<IconShieldCheck size={15} />} data-testid="ai-tab-log">
            What left this machine
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="provider" className={classes.panel}>
          <ProviderTab />
        </Tabs.Panel>
        <Tabs.Panel value="queue" className={classes.panel}>
          <QueueTab />
        </Tabs.Panel>
        <Tabs.Panel value="log" className={classes.panel}>
          <LogTab />
        </Tabs.Panel>
      </Tabs>
    </section>
  );
}
