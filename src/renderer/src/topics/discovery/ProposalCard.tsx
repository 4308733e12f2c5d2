/**
 * One proposed topic: its name (editable before accepting), the words its conversations
 * share (removable), its size, a few of its conversations (each opens in the inbox), and
 * Accept / Reject. Once accepted it says what it did.
 */
import { Badge, Button, Group, Pill, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconCheck, IconMessage } from '@tabler/icons-react';
import { useShallow } from 'zustand/react/shallow';
import type { TopicProposal } from '../../../../shared/contract';
import { countLabel } from '../../format';
import { acceptRequested, rejectRequested, sampleOpened } from './flows';
import { editOf, useDiscovery, type AcceptedProposal } from './state';
import classes from './discovery.module.css';

function Samples({ proposal }: { proposal: TopicProposal }) {
  return (
    <ul className={classes.samples} aria-label={`Conversations in ${proposal.name}`}>
      {proposal.samples.slice(0, 5).map((s) => (
        <li key={s.id}>
          <UnstyledButton className={classes.sample} onClick={() => sampleOpened(s.id)} data-testid="proposal-sample" data-feedback-id={s.id} title="Open in the inbox">
            <IconMessage size={14} stroke={1.6} className={classes.sampleIcon} aria-hidden />
            <span className={classes.sampleText}>
              {s.subject ? <span className={classes.sampleSubject}>{s.subject}</span> : null}
              <span className={classes.samplePreview} data-testid="proposal-sample-preview">
                {s.preview}
              </span>
            </span>
          </UnstyledButton>
        </li>
      ))}
    </ul>
  );
}

export function OpenProposalCard({ proposal }: { proposal: TopicProposal }) {
  // A fresh object when unedited: compared by its fields, not its identity.
  const edit = useDiscovery(useShallow((s) => editOf(s, proposal.id)));
  const pending = useDiscovery((s) => s.pending[proposal.id]);
  const error = useDiscovery((s) => s.cardErrors[proposal.id]);
  const busy = pending !== undefined;
  return (
    <article className={classes.card} aria-label={`Suggested topic ${edit.name || proposal.name}`} data-testid="proposal-card" data-proposal-id={proposal.id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <TextInput
          className={classes.name}
          value={edit.name}
          onChange={(e) => useDiscovery.getState().proposalRenamed(proposal.id, e.currentTarget.value)}
          aria-label="Topic name"
          size="sm"
          variant="filled"
          disabled={busy}
          data-testid="proposal-name"
        />
        <Badge variant="light" color="gray" size="lg" radius="sm" className={classes.size} data-testid="proposal-size">
          {countLabel(proposal.size, 'conversation')}
        </Badge>
      </Group>
      <Pill.Group className={classes.keywords} aria-label="Keywords">
        {edit.keywords.map((k) => (
          <Pill
            key={k}
            withRemoveButton={edit.keywords.length > 1 && !busy}
            onRemove={() => useDiscovery.getState().keywordRemoved(proposal.id, k)}
            // Mantine hides the remove button from the keyboard and screen readers; a chip here has no other way to go.
            removeButtonProps={{ 'aria-label': `Remove the keyword ${k}`, 'aria-hidden': false, tabIndex: 0 }}
            data-testid="proposal-keyword"
          >
            {k}
          </Pill>
        ))}
      </Pill.Group>
      <Samples proposal={proposal} />
      {error ? (
        <Text size="sm" c="red" role="alert" data-testid="proposal-error">
          {error}
        </Text>
      ) : null}
      <Group justify="flex-end" gap="xs" className={classes.actions}>
        <Button variant="subtle" color="gray" size="compact-sm" h={30} onClick={() => void rejectRequested(proposal.id)} loading={pending === 'reject'} disabled={busy} data-testid="proposal-reject">
          Reject
        </Button>
        <Button size="compact-sm" h={30} px="md" onClick={() => void acceptRequested(proposal.id)} loading={pending === 'accept'} disabled={busy} data-testid="proposal-accept">
          Accept
        </Button>
      </Group>
    </article>
  );
}

export function AcceptedProposalCard({ accepted }: { accepted: AcceptedProposal }) {
  return (
    <article className={classes.card} data-accepted="true" aria-label={`Added topic ${accepted.name}`} data-testid="proposal-card" data-proposal-id={accepted.proposal.id}>
      <Text fw={600} size="sm" className={classes.acceptedName}>
        {accepted.name}
      </Text>
      <Group gap={6} wrap="nowrap" data-testid="proposal-added">
        <IconCheck size={15} stroke={2.2} color="var(--mantine-color-teal-filled)" aria-hidden />
        <Text size="sm" fw={600}>
          Added · {countLabel(accepted.tagged, 'item')} tagged
        </Text>
      </Group>
      <Text size="sm" c="dimmed">
        Now a topic of the taxonomy: new conversations with its words get it too.
      </Text>
      <Samples proposal={accepted.proposal} />
    </article>
  );
}
