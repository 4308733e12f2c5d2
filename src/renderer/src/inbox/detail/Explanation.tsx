/**
 * Why local analysis read a conversation as it did: the cue words behind the sentiment,
 * and the reasons behind the suggested urgency. Shown on hover or keyboard focus.
 */
import { Badge, Group, Popover, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { FeedbackDetail, SentimentCueKind, UrgencyLevel } from '../../../../shared/contract';
import classes from './detail.module.css';

const cueKinds: Record<SentimentCueKind, string> = {
  lexicon: 'sentiment word',
  negated: 'negated',
  intensified: 'intensified',
  // Any language's contrast word (but, mais, aber, pero, mas, ma, maar), not only English "but".
  contrast: 'after a contrast word (but, mais, aber…)',
  emoji: 'emoji',
  emphasis: 'emphasis',
  complaint: 'complaint',
  courtesy: 'courtesy',
};

const whoSet = {
  local: 'Local analysis',
  human: 'Set by you',
  import: 'From the imported file',
  llm: 'From the AI model',
} as const;

const quoted = (text: string): string => `“${text}”`;

/** The same word found twice is one cue, counted. */
function distinctCues(cues: FeedbackDetail['sentimentCues']): (FeedbackDetail['sentimentCues'][number] & { times: number })[] {
  const seen = new Map<string, FeedbackDetail['sentimentCues'][number] & { times: number }>();
  for (const cue of cues) {
    const key = `${cue.text.toLowerCase()}\u0000${cue.kind}`;
    const known = seen.get(key);
    if (known) known.times++;
    else seen.set(key, { ...cue, times: 1 });
  }
  return [...seen.values()];
}

function CueList({ detail }: { detail: FeedbackDetail }) {
  const source = detail.sentimentSource;
  return (
    <Stack gap={8} data-testid="sentiment-why-card">
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: 0.4 }}>
        {source ? whoSet[source] : 'Not analysed yet'}
      </Text>
      {detail.sentimentCues.length > 0 ? (
        <ul className={classes.cues}>
          {distinctCues(detail.sentimentCues).map((cue, i) => (
            <li key={i} data-testid="sentiment-cue">
              <span className={classes.cueDot} data-tone={cue.weight < 0 ? 'negative' : 'positive'} aria-hidden />
              <Text span size="sm" fw={600}>
                {quoted(cue.text)}
              </Text>
              <Text span size="sm" c="dimmed">
                {' '}
                — {cueKinds[cue.kind]}
                {cue.times > 1 && ` ×${cue.times}`}
              </Text>
            </li>
          ))}
        </ul>
      ) : (
        <Text size="sm">
          {source === 'human'
            ? 'You set this sentiment. Re-analysis keeps it.'
            : source === 'import' || source === 'llm'
              ? 'It came with the conversation; local analysis keeps it.'
              : 'No sentiment words or complaint phrases were found, so it reads as neutral.'}
        </Text>
      )}
    </Stack>
  );
}

/** "Why?" under the sentiment badge: a summary of the cue words, the full list on hover or focus. */
export function SentimentWhy({ detail }: { detail: FeedbackDetail }) {
  const [opened, setOpened] = useState(false);
  const cues = distinctCues(detail.sentimentCues);
  const summary =
    cues.length > 0
      ? cues
          .slice(0, 3)
          .map((c) => quoted(c.text))
          .join(', ') + (cues.length > 3 ? ' …' : '')
      : detail.sentimentSource
        ? whoSet[detail.sentimentSource]
        : 'Not analysed yet';
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" width={300} shadow="md" withArrow arrowPosition="side">
      <Popover.Target>
        <UnstyledButton
          className={classes.why}
          onMouseEnter={() => setOpened(true)}
          onMouseLeave={() => setOpened(false)}
          onFocus={() => setOpened(true)}
          onBlur={() => setOpened(false)}
          onClick={() => setOpened((o) => !o)}
          aria-expanded={opened}
          aria-label={`Why this sentiment: ${summary}`}
          data-testid="sentiment-why"
        >
          <IconInfoCircle size={13} style={{ flexShrink: 0, marginTop: 1 }} aria-hidden />
          <span>
            <span className={classes.whyLabel}>Why?</span> {summary}
          </span>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown style={{ pointerEvents: 'none' }}>
        <CueList detail={detail} />
      </Popover.Dropdown>
    </Popover>
  );
}

export const urgencyBadges: Record<UrgencyLevel, { label: string; color: string; variant: 'filled' | 'light' | 'default' }> = {
  urgent: { label: 'Urgent', color: 'red', variant: 'filled' },
  high: { label: 'High', color: 'orange', variant: 'light' },
  normal: { label: 'Normal', color: 'gray', variant: 'default' },
  low: { label: 'Low', color: 'gray', variant: 'light' },
};

/** The suggested priority; its reasons on hover or focus. */
export function UrgencyBadge({ urgency }: { urgency: NonNullable<FeedbackDetail['urgency']> }) {
  const badge = urgencyBadges[urgency.level];
  const reasons = urgency.reasons.length > 0 ? urgency.reasons : ['no urgency cues'];
  return (
    <Group gap={8} wrap="nowrap">
      <Tooltip
        multiline
        w={260}
        withArrow
        events={{ hover: true, focus: true, touch: true }}
        label={
          <Stack gap={2} data-testid="urgency-reasons">
            <Text size="xs" fw={700}>
              Suggested by local analysis
            </Text>
            {reasons.map((r) => (
              <Text key={r} size="xs">
                · {r}
              </Text>
            ))}
          </Stack>
        }
      >
        <Badge tabIndex={0} color={badge.color} variant={badge.variant} size="sm" radius="sm" tt="none" fw={600} autoContrast data-testid="urgency-badge">
          {badge.label}
        </Badge>
      </Tooltip>
      {urgency.reasons.length > 0 && (
        <Text size="xs" c="dimmed" truncate="end">
          {urgency.reasons[0]}
          {urgency.reasons.length > 1 && ` +${urgency.reasons.length - 1}`}
        </Text>
      )}
    </Group>
  );
}
