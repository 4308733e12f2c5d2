/**
 * "What left this machine": every LLM call and escalation webhook, newest first. A row opens
 * to the exact request body as sent (pretty-printed when it is JSON) and what came back.
 */
import { Badge, Button, Collapse, Group, SegmentedControl, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconChevronRight, IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { useEffect } from 'react';
import type { AiLogEntry } from '../../../../shared/ai/schema';
import { onEvent } from '../../api';
import { dateTimeLabel } from '../../format';
import { useNow } from '../../inbox/useNow';
import { latencyLabel, payloadSize } from '../../routing/model/outbound';
import classes from '../ai.module.css';
import { exportLog, loadLog, loadOlderLog } from '../flows/activity';
import { logTimeLabel, outcomeLabel, purposeLabel, redactionsLabel, redactionTotal, tokensLabel } from '../model/log';
import { useAi, type LogKind } from '../state';
import { Body } from './Body';

function Entry({ entry, open, now }: { entry: AiLogEntry; open: boolean; now: number }) {
  const toggled = useAi.getState().entryToggled;
  const redacted = redactionTotal(entry.redactions);
  return (
    <li className={classes.entry} data-testid="ai-log-entry" data-entry-id={entry.id}>
      <button type="button" className={classes.rowToggle} onClick={() => toggled(entry.id)} aria-expanded={open} data-testid="ai-log-toggle">
        <IconChevronRight size={14} style={{ transform: open ? 'rotate(90deg)' : undefined, transition: 'transform 120ms' }} />
        <span className={classes.num} title={dateTimeLabel(entry.at)}>
          {logTimeLabel(entry.at, now)}
        </span>
        <span>
          <Badge size="sm" variant="light" color={entry.kind === 'llm' ? 'violet' : 'cyan'}>
            {entry.kind === 'llm' ? 'LLM' : 'Webhook'}
          </Badge>
        </span>
        <span className={classes.ellipsis}>{purposeLabel(entry.purpose)}</span>
        <span className={classes.hostCell} title={`${entry.host}${entry.model ? ` · ${entry.model}` : ''}`}>
          <span style={{ fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 }}>{entry.host}</span>
          {entry.model ? (
            <Text span size="xs" c="dimmed">
              {entry.model}
            </Text>
          ) : null}
        </span>
        <span className={classes.ellipsis}>
          <Badge size="sm" variant="light" color={entry.outcome === 'ok' ? 'teal' : entry.outcome === 'invalid' ? 'orange' : 'red'} style={{ textTransform: 'none' }} maw="100%" data-testid="ai-log-outcome">
            {outcomeLabel(entry)}
          </Badge>
        </span>
        <span className={classes.num} title="Prompt + completion tokens">
          {tokensLabel(entry)}
        </span>
        <span className={classes.num} style={{ textAlign: 'right' }}>
          {latencyLabel(entry.latencyMs)}
        </span>
        <span className={`${classes.num} ${classes.wide}`} title={redactionsLabel(entry.redactions)}>
          {redacted === 0 ? <Text span c="dimmed" inherit>none</Text> : `${redacted} redacted`}
        </span>
      </button>
      <Collapse expanded={open}>
        {open && (
          <div className={classes.entryBody}>
            <Body
              title={`Request to ${entry.host}, ${payloadSize(entry.request)}, exactly as sent`}
              text={entry.request}
              testId="ai-log-request"
              note={entry.kind === 'llm' ? `Redacted before sending: ${redactionsLabel(entry.redactions)}. No API key is kept here.` : null}
            />
            <Body
              title={entry.response === null ? 'Response' : `Response, ${payloadSize(entry.response)}`}
              text={entry.response}
              testId="ai-log-response"
              note={entry.error ? `Error: ${entry.error}` : null}
            />
          </div>
        )}
      </Collapse>
    </li>
  );
}

const kinds: { value: LogKind; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'llm', label: 'LLM calls' },
  { value: 'webhook', label: 'Webhooks' },
];

export function LogTab() {
  const log = useAi((s) => s.log);
  const total = useAi((s) => s.logTotal);
  const kind = useAi((s) => s.logKind);
  const expanded = useAi((s) => s.expanded);
  const loadingMore = useAi((s) => s.logLoadingMore);
  const now = useNow();
  useEffect(() => {
    void loadLog();
  }, [kind]);
  useEffect(() => onEvent('ai.log.added', ({ entry }) => useAi.getState().logEntryAdded(entry)), []);

  return (
    <div className={classes.scroll} data-testid="ai-log-tab">
      <Stack gap="md" maw={1240}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon variant="light" color="teal" radius="xl" size={32}>
              <IconShieldCheck size={18} />
            </ThemeIcon>
            <div>
              <Text fw={600}>What left this machine</Text>
              <Text size="sm" c="dimmed">
                Every call to the AI endpoint and every escalation webhook, with exactly what was sent. API keys are never recorded.
              </Text>
            </div>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <SegmentedControl size="xs" value={kind} onChange={(v) => useAi.getState().logKindChosen(v as LogKind)} data={kinds} aria-label="Kind" data-testid="ai-log-kind" />
            <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} onClick={() => void exportLog()} data-testid="ai-log-export">
              Export
            </Button>
          </Group>
        </Group>
        {log !== null && log.length === 0 ? (
          <Text size="sm" c="dimmed" py="xl" ta="center" data-testid="ai-log-empty">
            Nothing has left this machine{kind === 'llm' ? ' for an AI model' : kind === 'webhook' ? ' through a webhook' : ''}.
          </Text>
        ) : (
          <div>
            <div className={`${classes.rowToggle} ${classes.logHead}`} aria-hidden>
              <span />
              <span>Time</span>
              <span>Kind</span>
              <span>Purpose</span>
              <span>Host and model</span>
              <span>Outcome</span>
              <span>Tokens</span>
              <span style={{ textAlign: 'right' }}>Latency</span>
              <span className={classes.wide}>Redacted</span>
            </div>
            <ul style={{ listStyle: 'none', margin: 0, padding: 0, borderBottom: '1px solid var(--mantine-color-default-border)' }} aria-label="Calls that left this machine">
              {(log ?? []).map((e) => (
                <Entry key={e.id} entry={e} open={expanded === e.id} now={now} />
              ))}
            </ul>
          </div>
        )}
        {log !== null && log.length > 0 && (
          <Group justify="space-between">
            <Text size="xs" c="dimmed" data-testid="ai-log-count">
              {log.length} of {total} shown
            </Text>
            {log.length < total && (
              <Button size="xs" variant="subtle" loading={loadingMore} onClick={() => void loadOlderLog()} data-testid="ai-log-more">
                Load older entries
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </div>
  );
}
