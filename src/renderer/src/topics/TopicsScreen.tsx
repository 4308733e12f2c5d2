/**
 * The topic taxonomy local analysis tags with: each topic's words and phrases for every
 * language, and additions per language. Word forms match ("refunded" finds "refund").
 * New conversations use it at once; the ones already here when re-analysed.
 */
import { Alert, Button, Group, ScrollArea, SegmentedControl, Text, Title, UnstyledButton } from '@mantine/core';
import { IconLayoutList, IconPlus, IconRestore, IconSparkles, IconTags } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { DiscoveryHeader, DiscoveryPanel } from './discovery/DiscoveryPanel';
import { followDiscovery, panelChosen } from './discovery/flows';
import { useDiscovery, type TopicsPanel } from './discovery/state';
import { openTopicsPage, reanalysisRequested, topicRequested } from './flows';
import { blankForm, formOf, termCount } from './model';
import { StarterCard } from './starter/StarterCard';
import { StarterDialog } from './starter/StarterDialog';
import { useTopics } from './state';
import { TopicConfirmDialog } from './TopicConfirmDialog';
import { TopicEditor } from './TopicEditor';
import discoveryClasses from './discovery/discovery.module.css';
import classes from './topics.module.css';

function ReanalysisHint() {
  const changedSinceAnalysis = useTopics((s) => s.changedSinceAnalysis);
  if (!changedSinceAnalysis) return null;
  return (
    <Alert color="blue" variant="light" mx="lg" mt="sm" icon={<IconSparkles size={16} />} data-testid="topics-reanalyse-hint">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">The topics changed. Conversations already here keep their old topic tags until they are analysed again.</Text>
        <Button size="compact-sm" variant="light" onClick={reanalysisRequested}>
          Re-analyse every conversation
        </Button>
      </Group>
    </Alert>
  );
}

function TopicList() {
  const topics = useTopics((s) => s.topics);
  const openId = useTopics((s) => s.form.id);
  return (
    <ScrollArea className={classes.list} type="auto">
      <ul className={classes.items} aria-label="Topics">
        {(topics ?? []).map((t) => (
          <li key={t.id}>
            <UnstyledButton className={classes.item} aria-current={t.id === openId ? 'true' : undefined} onClick={() => topicRequested(formOf(t))} data-testid="topic-item">
              <IconTags size={15} stroke={1.6} aria-hidden />
              <span className={classes.itemName}>{t.name}</span>
              <Text size="xs" c="dimmed" component="span">
                {termCount(t)} terms
              </Text>
            </UnstyledButton>
          </li>
        ))}
      </ul>
    </ScrollArea>
  );
}

/** The taxonomy, or the topics "Suggest topics" proposes for it. */
function PanelSwitch() {
  const panel = useDiscovery((s) => s.panel);
  const open = useDiscovery((s) => s.proposals?.length ?? 0);
  return (
    <div className={discoveryClasses.tabs}>
      <SegmentedControl
        size="xs"
        value={panel}
        onChange={(value) => panelChosen(value as TopicsPanel)}
        data={[
          { value: 'taxonomy', label: 'Taxonomy' },
          { value: 'suggest', label: open > 0 ? `Suggested (${open})` : 'Suggest topics' },
        ]}
        aria-label="The taxonomy or suggested topics"
        data-testid="topics-panels"
      />
    </div>
  );
}

function TaxonomyHeader() {
  const confirmationAsked = useTopics((s) => s.confirmationAsked);
  const [starterOpen, setStarterOpen] = useState(false);
  return (
    <header className={classes.header}>
      <div>
        <Title order={2} size="h4">
          Topics
        </Title>
        <Text size="sm" c="dimmed">
          What local analysis tags conversations with. Word forms match: “refund” also finds “refunded” and “refunds”.
        </Text>
      </div>
      <Group gap={8} wrap="nowrap" style={{ flexShrink: 0 }}>
        <Button variant="default" size="compact-sm" h={30} leftSection={<IconLayoutList size={14} />} onClick={() => setStarterOpen(true)} data-testid="topics-starters">
          Starter taxonomies…
        </Button>
        <Button variant="default" size="compact-sm" h={30} leftSection={<IconRestore size={14} />} onClick={() => confirmationAsked({ kind: 'restoreDefaults' })}>
          Restore default topics
        </Button>
        <Button size="compact-sm" h={30} leftSection={<IconPlus size={14} />} onClick={() => topicRequested(blankForm)} data-testid="topic-new">
          New topic
        </Button>
      </Group>
      <StarterDialog opened={starterOpen} onClose={() => setStarterOpen(false)} />
    </header>
  );
}

export function TopicsScreen() {
  useEffect(() => openTopicsPage(), []);
  useEffect(() => followDiscovery(), []);
  const panel = useDiscovery((s) => s.panel);

  return (
    <section className={classes.screen} aria-label="Topics" data-testid="topics-screen">
      <PanelSwitch />
      {panel === 'suggest' ? (
        <>
          <DiscoveryHeader />
          <DiscoveryPanel />
        </>
      ) : (
        <>
          <TaxonomyHeader />
          <StarterCard />
          <ReanalysisHint />
          <div className={classes.body}>
            <TopicList />
            <TopicEditor />
          </div>
        </>
      )}
      <TopicConfirmDialog />
    </section>
  );
}
