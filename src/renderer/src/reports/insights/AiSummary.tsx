/**
 * The optional AI-written period summary under the insights. Offered only when an LLM is
 * set up; its text is always boxed and marked as written by the model, with the local
 * figures it was given one click away, so a reader can check it before sharing.
 */
import { Anchor, Badge, Box, Button, Collapse, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconSparkles } from '@tabler/icons-react';
import { Fragment, useEffect, type ReactNode } from 'react';
import { onEvent } from '../../api';
import { loadAiStatus } from '../../ai/inbox/status';
import { useAiInbox } from '../../ai/inbox/state';
import { dateTimeLabel } from '../../format';
import { useWorkspace } from '../../stores/workspace';
import { figureRows } from '../model-insights';
import classes from './insights.module.css';
import { parseMarkdown, type Inline } from './markdown';
import { followSummary, writeSummary } from './summary-flows';
import { useSummary } from './summary-state';

function InlineText({ inline }: { inline: Inline[] }) {
  return (
    <>
      {inline.map((part, i) => (part.strong ? <strong key={i}>{part.text}</strong> : part.em ? <em key={i}>{part.text}</em> : <Fragment key={i}>{part.text}</Fragment>))}
    </>
  );
}

/** Model output as React text: never HTML. */
export function SummaryText({ text }: { text: string }) {
  const blocks = parseMarkdown(text);
  const rendered: ReactNode[] = blocks.map((block, i) => {
    if (block.kind === 'heading') {
      const Tag = (['h3', 'h4', 'h5'] as const)[block.level - 1]!;
      return (
        <Tag key={i}>
          <InlineText inline={block.inline} />
        </Tag>
      );
    }
    if (block.kind === 'list') {
      const List = block.ordered ? 'ol' : 'ul';
      return (
        <List key={i}>
          {block.items.map((item, j) => (
            <li key={j}>
              <InlineText inline={item} />
            </li>
          ))}
        </List>
      );
    }
    return (
      <p key={i}>
        <InlineText inline={block.inline} />
      </p>
    );
  });
  return (
    <div className={classes.summaryText} data-testid="ai-summary-text">
      {rendered}
    </div>
  );
}

function WrittenSummary() {
  const summary = useSummary((s) => s.summary)!;
  const figuresOpen = useSummary((s) => s.figuresOpen);
  const { rows, withPrevious } = figureRows(summary.figures);
  return (
    <Stack gap={8}>
      <SummaryText text={summary.text} />
      <Text size="xs" c="dimmed">
        Written {dateTimeLabel(summary.at)}
      </Text>
      {rows.length > 0 && (
        <Box>
          <Button
            variant="subtle"
            size="compact-sm"
            color="gray"
            leftSection={figuresOpen ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
            onClick={() => useSummary.getState().figuresToggled()}
            aria-expanded={figuresOpen}
            data-testid="ai-summary-figures-toggle"
          >
            The local figures it was given ({rows.length})
          </Button>
          <Collapse expanded={figuresOpen}>
            <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing="sm" fz="xs" mt={4} maw={520} data-testid="ai-summary-figures">
              {withPrevious && (
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th />
                    <Table.Th className={classes.figure}>This period</Table.Th>
                    <Table.Th className={classes.figure}>Before</Table.Th>
                  </Table.Tr>
                </Table.Thead>
              )}
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.label}>
                    <Table.Td c="dimmed">{row.label}</Table.Td>
                    <Table.Td className={classes.figure}>{row.value ?? '—'}</Table.Td>
                    {withPrevious && <Table.Td className={classes.figure}>{row.previous ?? '—'}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Collapse>
        </Box>
      )}
    </Stack>
  );
}

function jobLine(state: string | undefined): string {
  if (state === 'waiting') return 'Waiting for the model (it will retry on its own)…';
  if (state === 'queued') return 'Queued behind other AI work…';
  return 'The model is writing the summary…';
}

export function AiSummary({ from, to }: { from: number; to: number }) {
  const status = useAiInbox((s) => s.status);
  const phase = useSummary((s) => s.phase);
  const summary = useSummary((s) => s.summary);
  const job = useSummary((s) => s.job);
  const error = useSummary((s) => s.error);
  const ready = status?.ready ?? false;

  useEffect(() => {
    if (useAiInbox.getState().status === null) void loadAiStatus();
    return onEvent('ai.status.changed', () => void loadAiStatus());
  }, []);
  useEffect(() => (ready ? followSummary(from, to) : undefined), [ready, from, to]);

  if (status === null) return null;
  if (!ready) {
    return (
      <Text size="sm" c="dimmed" data-testid="ai-summary-setup">
        An AI-written summary of the period is available once a language model is set up on{' '}
        <Anchor component="button" type="button" size="sm" onClick={() => useWorkspace.getState().pageOpened('ai')} data-testid="ai-summary-setup-link">
          AI &amp; privacy
        </Anchor>
        .
      </Text>
    );
  }

  const model = summary?.model ?? status.settings.model;
  return (
    <Paper withBorder p="md" radius="md" className={classes.summary} data-testid="ai-summary" data-phase={phase}>
      <Stack gap={10}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} size="sm">
            AI period summary
          </Text>
          <Badge variant="light" color="violet" leftSection={<IconSparkles size={12} />} style={{ textTransform: 'none' }} data-testid="ai-summary-mark">
            AI-written · {model || 'model'} · check before sharing
          </Badge>
        </Group>
        {phase === 'ready' && summary ? (
          <WrittenSummary />
        ) : phase === 'writing' ? (
          <Group gap="xs" data-testid="ai-summary-writing">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {jobLine(job?.state)}
            </Text>
          </Group>
        ) : (
          <Stack gap={8} align="flex-start">
            <Text size="sm" c="dimmed">
              The model is given this period&apos;s figures and a few redacted quotes; the call shows in What left this machine.
            </Text>
            {phase === 'failed' && error && (
              <Text size="sm" c="red" role="alert" data-testid="ai-summary-error">
                {error.message}
              </Text>
            )}
            <Button
              variant="light"
              color="violet"
              size="sm"
              leftSection={<IconSparkles size={16} />}
              loading={phase === 'loading'}
              onClick={() => void writeSummary(from, to)}
              data-testid="ai-summary-write"
            >
              {phase === 'failed' ? 'Try again' : 'Write an AI summary of this period'}
            </Button>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
