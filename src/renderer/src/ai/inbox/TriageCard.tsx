/**
 * The model's triage beside local analysis: each field's suggestion next to the item's value
 * now, accepted one click at a time (or all at once), its reason, and an escalation it
 * suggests, which only opens the Escalate dialog. Nothing changes without a click.
 */
import { Badge, Button, Collapse, Group, Loader, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconChevronDown, IconChevronRight, IconChevronUp, IconFlag3, IconRefresh, IconSparkles } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { FeedbackDetail } from '../../../../shared/contract';
import type { AiJob, AiTriage } from '../../../../shared/ai/schema';
import { call, toErrorInfo } from '../../api';
import { adviceFor } from '../../common/errors';
import { notifyFailure } from '../../common/notify';
import { useNow } from '../../inbox/useNow';
import { acceptTriage, dismissTriage, escalateAsSuggested, loadTriage, triageWithAi } from './triage-flows';
import { compareTriage, confidenceBadges, decisionLine, fieldsToAccept, type FieldRow } from './model';
import { useAiInbox } from './state';
import classes from './ai.module.css';

const READ_AFTER_MS = 200;

function Row({ row, onAccept, busy, decided }: { row: FieldRow; onAccept: () => void; busy: boolean; decided: boolean }) {
  return (
    <li className={classes.row} data-testid="ai-field" data-field={row.field} data-differs={row.differs || undefined}>
      <span className={classes.rowLabel}>{row.label}</span>
      <span className={classes.rowValues}>
        <span className={classes.aiValue} data-testid="ai-value">
          {row.topics
            ? row.topics.length === 0
              ? 'None'
              : row.topics.map((t) => (
                  <span key={t.name} className={classes.topic} data-new={t.isNew || undefined} title={t.isNew ? 'A new topic the model proposes (not in your taxonomy yet)' : undefined}>
                    {t.name}
                    {t.isNew && (
                      <Text span size="10px" c="dimmed" fw={700} ml={4}>
                        NEW
                      </Text>
                    )}
                  </span>
                ))
            : row.ai}
        </span>
        <span className={classes.localValue} data-testid="local-value">
          {row.differs ? `now ${row.current}` : 'same as now'}
        </span>
      </span>
      <span className={classes.rowAction}>
        {row.accepted ? (
          <Tooltip label="Accepted">
            <IconCheck size={16} color="var(--mantine-color-teal-text)" aria-label="Accepted" />
          </Tooltip>
        ) : row.differs && !decided ? (
          <Button size="compact-xs" variant="light" onClick={onAccept} disabled={busy} aria-label={`Accept the AI's ${row.label.toLowerCase()}`} data-testid={`ai-accept-${row.field}`}>
            Accept
          </Button>
        ) : null}
      </span>
    </li>
  );
}

async function retryJob(job: AiJob, feedbackId: string): Promise<void> {
  try {
    await call('ai.jobs.retry', { id: job.id });
    void loadTriage(feedbackId, true);
  } catch (error) {
    notifyFailure(toErrorInfo(error), 'Retrying the triage');
  }
}

function Pending({ job, feedbackId }: { job: AiJob; feedbackId: string }) {
  const paused = useAiInbox((s) => s.status?.queue.paused ?? null);
  if (job.state === 'failed') {
    return (
      <div className={classes.quiet} role="alert" data-testid="ai-triage-failed">
        <IconAlertTriangle size={14} color="var(--mantine-color-red-text)" aria-hidden />
        <Text size="xs" c="red" style={{ flex: 1, minWidth: 0 }} lineClamp={3}>
          {job.error ?? 'The triage failed.'}
        </Text>
        <Button size="compact-xs" variant="default" leftSection={<IconRefresh size={12} />} onClick={() => void retryJob(job, feedbackId)} data-testid="ai-triage-retry">
          Retry
        </Button>
      </div>
    );
  }
  const waiting = paused === 'offline' ? 'Waiting for the endpoint to answer' : paused === 'budget' ? "Waiting: this month's token budget is spent" : job.state === 'waiting' ? 'Waiting to try again' : job.state === 'running' ? 'Triaging with AI…' : 'Queued for AI triage…';
  return (
    <div className={classes.quiet} data-testid="ai-triage-pending" data-state={job.state}>
      <Loader size={12} />
      <span>{waiting}</span>
    </div>
  );
}

function Suggestion({ triage, detail }: { triage: AiTriage; detail: FeedbackDetail }) {
  const busy = useAiInbox((s) => s.applying[detail.id] ?? false);
  const folded = useAiInbox((s) => s.cardFolded);
  const [why, setWhy] = useState(false);
  const rows = useMemo(() => compareTriage(triage, detail), [triage, detail]);
  const toAccept = fieldsToAccept(rows);
  const decided = triage.state === 'dismissed';
  if (folded) {
    return (
      <Group gap={8} wrap="nowrap">
        <Text size="sm" lineClamp={1} style={{ flex: 1, minWidth: 0 }} data-testid="ai-summary">
          {triage.answer.summary}
        </Text>
        {!decided && toAccept.length > 0 && (
          <Button size="compact-xs" disabled={busy} onClick={() => void acceptTriage(detail.id, toAccept)} style={{ flexShrink: 0 }} data-testid="ai-accept-all">
            Accept all ({toAccept.length})
          </Button>
        )}
      </Group>
    );
  }
  const escalation = triage.answer.escalation;
  return (
    <>
      <Text className={classes.summaryLine} data-testid="ai-summary">
        {triage.answer.summary}
      </Text>
      <ul className={classes.rows} aria-label="The AI's suggestion beside the values now">
        {rows.map((row) => (
          <Row key={row.field} row={row} busy={busy} decided={decided} onAccept={() => void acceptTriage(detail.id, [row.field])} />
        ))}
      </ul>
      {escalation && !detail.escalation && (
        <div className={classes.escalation} data-testid="ai-escalation">
          <IconFlag3 size={13} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="xs" style={{ flex: 1, minWidth: 0 }}>
            Suggests escalating to <b>{escalation.targetName}</b> — {escalation.reason}
          </Text>
          <Button size="compact-xs" variant="default" onClick={() => void escalateAsSuggested(detail.id, triage)} style={{ flexShrink: 0 }} data-testid="ai-escalate">
            Escalate…
          </Button>
        </div>
      )}
      <div className={classes.cardFoot}>
        <UnstyledButton onClick={() => setWhy(!why)} aria-expanded={why} className={classes.quiet} data-testid="ai-why">
          {why ? <IconChevronDown size={13} aria-hidden /> : <IconChevronRight size={13} aria-hidden />}
          Why?
        </UnstyledButton>
        <span style={{ flex: 1 }} />
        {!decided && (
          <>
            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => void dismissTriage(detail.id)} data-testid="ai-dismiss">
              Dismiss
            </Button>
            <Button size="compact-xs" disabled={toAccept.length === 0 || busy} onClick={() => void acceptTriage(detail.id, toAccept)} data-testid="ai-accept-all">
              Accept all
            </Button>
          </>
        )}
      </div>
      <Collapse expanded={why}>
        <Text size="xs" c="dimmed" data-testid="ai-reason">
          {triage.answer.reason}
        </Text>
      </Collapse>
    </>
  );
}

function Header({ triage, children }: { triage?: AiTriage | null; children?: ReactNode }) {
  const confidence = triage ? confidenceBadges[triage.answer.confidence] : null;
  return (
    <div className={classes.cardHead}>
      <span className={classes.cardTitle}>
        <IconSparkles size={13} aria-hidden /> AI suggestion
      </span>
      {triage && confidence && (
        <>
          <Badge size="xs" radius="sm" tt="none" variant="light" color={confidence.color} data-testid="ai-confidence">
            {confidence.label}
          </Badge>
          <span className={classes.model} title={`Model: ${triage.model}`}>
            {triage.model}
          </span>
        </>
      )}
      <span style={{ flex: 1 }} />
      {children}
    </div>
  );
}

/** The AI's triage for the open conversation; nothing at all when no endpoint is set up and none exists. */
export function TriageCard({ detail, side = false }: { detail: FeedbackDetail; side?: boolean }) {
  const ready = useAiInbox((s) => s.status?.ready ?? false);
  const state = useAiInbox((s) => s.triages[detail.id]);
  const now = useNow();
  const [opened, setOpened] = useState(false);
  const folded = useAiInbox((s) => s.cardFolded);
  // Asked once the conversation stays open a moment: moving through the list with j/k
  // should not queue a read per row passed.
  useEffect(() => {
    const timer = window.setTimeout(() => void loadTriage(detail.id, useAiInbox.getState().triages[detail.id]?.phase === 'ready'), READ_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [detail.id]);

  const triage = state?.phase === 'ready' ? state.triage : null;
  const job = state?.phase === 'ready' ? state.job : null;
  if (!ready && triage === null && job === null) return null;
  if (!state || state.phase === 'loading') return null;
  if (state.phase === 'failed') {
    const advice = adviceFor(state.error, 'Reading the AI suggestion');
    return (
      <section className={classes.card} data-side={side || undefined} aria-label="AI suggestion" data-testid="ai-triage">
        <Header />
        <Text size="xs" c="red" role="alert">
          {advice.message}
        </Text>
      </section>
    );
  }
  const running = job !== null && job.state !== 'done' && job.state !== 'cancelled';
  const decided = triage !== null && (triage.state === 'dismissed' || triage.state === 'accepted');
  const line = triage ? decisionLine(triage, now) : null;
  return (
    <section className={classes.card} data-side={side || undefined} aria-label="AI suggestion" data-testid="ai-triage" data-state={triage?.state ?? 'none'}>
      <Header triage={triage}>
        {triage !== null && (
          <Tooltip label={folded ? 'Show each field' : 'Fold to the summary'}>
            <Button size="compact-xs" variant="subtle" color="gray" px={4} onClick={() => useAiInbox.getState().cardFoldToggled()} aria-expanded={!folded} aria-label={folded ? 'Show each field' : 'Fold the AI suggestion'} data-testid="ai-fold">
              {folded ? <IconChevronDown size={13} /> : <IconChevronUp size={13} />}
            </Button>
          </Tooltip>
        )}
        {triage !== null && ready && !running && (
          <Tooltip label="Ask the model again">
            <Button size="compact-xs" variant="subtle" color="gray" px={4} onClick={() => void triageWithAi([detail.id], true)} aria-label="Triage again with AI" data-testid="ai-triage-again">
              <IconRefresh size={13} />
            </Button>
          </Tooltip>
        )}
      </Header>
      {running && job && <Pending job={job} feedbackId={detail.id} />}
      {triage === null && !running && (
        <Group gap={8} justify="space-between">
          <Text size="xs" c="dimmed" style={{ flex: '1 1 180px' }}>
            Sentiment, topics, priority and language from the model, beside local analysis.
          </Text>
          <Button size="compact-xs" variant="light" leftSection={<IconSparkles size={12} />} onClick={() => void triageWithAi([detail.id])} data-testid="ai-triage-start" style={{ flexShrink: 0 }}>
            Triage with AI
          </Button>
        </Group>
      )}
      {triage !== null && decided && !opened && (
        <UnstyledButton className={classes.quiet} onClick={() => setOpened(true)} aria-expanded={false} data-testid="ai-decision">
          <IconChevronRight size={13} aria-hidden />
          {line ?? 'Decided'}
        </UnstyledButton>
      )}
      {triage !== null && (!decided || opened) && (
        <>
          {line && (
            <Text size="xs" c="dimmed" data-testid="ai-decision">
              {line}
            </Text>
          )}
          <Suggestion triage={triage} detail={detail} />
        </>
      )}
    </section>
  );
}
