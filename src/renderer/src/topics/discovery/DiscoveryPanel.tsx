/**
 * "Suggest topics": the scope and the button, the run's progress, the last run's time and
 * counts, and the proposals as cards, largest first. Before any run it explains itself.
 */
import { Alert, Button, Group, Progress, Select, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconBulb, IconSparkles } from '@tabler/icons-react';
import { useMemo } from 'react';
import { suggestRequested } from './flows';
import { progressLabel, runSummary, scopeOf, scopeOptions, scopeValue } from './model';
import { AcceptedProposalCard, OpenProposalCard } from './ProposalCard';
import { selectCards, useDiscovery } from './state';
import classes from './discovery.module.css';

function SuggestControls() {
  const scope = useDiscovery((s) => s.scope);
  const views = useDiscovery((s) => s.views);
  const running = useDiscovery((s) => s.job !== null);
  const options = useMemo(() => scopeOptions(views), [views]);
  return (
    <Group gap={8} wrap="nowrap" className={classes.controls}>
      <Select
        aria-label="Which conversations to group"
        size="xs"
        h={30}
        w={230}
        data={options}
        value={scopeValue(scope)}
        onChange={(value) => value && useDiscovery.getState().scopeChosen(scopeOf(value))}
        allowDeselect={false}
        disabled={running}
        comboboxProps={{ withinPortal: true }}
        data-testid="discovery-scope"
      />
      <Button size="compact-sm" h={30} leftSection={<IconSparkles size={14} />} onClick={() => suggestRequested()} loading={running} data-testid="discovery-suggest">
        Suggest topics
      </Button>
    </Group>
  );
}

function RunStatus() {
  const job = useDiscovery((s) => s.job);
  const run = useDiscovery((s) => s.run);
  const views = useDiscovery((s) => s.views);
  const runError = useDiscovery((s) => s.runError);
  if (job) {
    const value = job.total > 0 ? (100 * job.done) / job.total : 0;
    return (
      <div className={classes.status} data-testid="discovery-progress">
        <Text size="sm" c="dimmed">
          {progressLabel(job.done, job.total)}
        </Text>
        <Progress value={value} size="sm" animated={job.total === 0} aria-label="Suggesting topics" />
      </div>
    );
  }
  return (
    <>
      {runError ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} className={classes.status} data-testid="discovery-error">
          {runError}
        </Alert>
      ) : null}
      {run ? (
        <Text size="xs" c="dimmed" className={classes.status} data-testid="discovery-run">
          {runSummary(run, views)}
        </Text>
      ) : null}
    </>
  );
}

function EmptyState({ ran }: { ran: boolean }) {
  return (
    <div className={classes.empty} data-testid="discovery-empty">
      <ThemeIcon size={44} radius="xl" variant="light">
        <IconBulb size={24} stroke={1.6} />
      </ThemeIcon>
      <Title order={3} size="h5">
        {ran ? 'Nothing new to propose' : 'Find the topics your taxonomy is missing'}
      </Title>
      <Text size="sm" c="dimmed" maw={520} ta="center">
        {ran
          ? 'The last run found no group of conversations that share enough words and are not covered by a topic already, or every suggestion has been decided. Try all conversations, or run it again after the next import.'
          : 'Suggest topics reads the conversations that have no topic (or a view’s, or all of them), groups those that talk about the same thing, and proposes each group as a topic with its keywords and a few examples. It runs on this computer; nothing leaves it. Accept a proposal to add it to the taxonomy and tag its conversations; reject it and it is not proposed again.'}
      </Text>
    </div>
  );
}

function Cards() {
  const proposals = useDiscovery((s) => s.proposals);
  const accepted = useDiscovery((s) => s.accepted);
  const ran = useDiscovery((s) => s.run !== null);
  const cards = useMemo(() => selectCards({ proposals, accepted }), [proposals, accepted]);
  if (proposals === null) return null;
  if (cards.length === 0) return <EmptyState ran={ran} />;
  return (
    <div className={classes.grid} data-testid="proposal-list">
      {cards.map((card) =>
        card.kind === 'open' ? <OpenProposalCard key={card.proposal.id} proposal={card.proposal} /> : <AcceptedProposalCard key={card.accepted.proposal.id} accepted={card.accepted} />,
      )}
    </div>
  );
}

export function DiscoveryHeader() {
  return (
    <header className={classes.header}>
      <div className={classes.heading}>
        <Title order={2} size="h4">
          Suggest topics
        </Title>
        <Text size="sm" c="dimmed">
          Groups conversations by what they share and proposes each group as a topic. Offline, on this computer.
        </Text>
      </div>
      <SuggestControls />
    </header>
  );
}

export function DiscoveryPanel() {
  return (
    <div className={classes.panel} data-testid="discovery-panel">
      <RunStatus />
      <Cards />
    </div>
  );
}
