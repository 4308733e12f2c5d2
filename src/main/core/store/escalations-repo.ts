/**
 * Escalation records: made, moved, resolved and de-escalated, each change undoable through
 * the same UndoRecord as other bulk changes (feedback-update.ts). At most one record per
 * item is open (0014's partial unique index); escalating an escalated item closes its open
 * record as de-escalated and opens the new one, so the history says where it went.
 */
import type { FeedbackSummary } from '../../../shared/contract';
import type { Escalation, EscalationState, Priority, RuleFlag } from '../../../shared/escalation/schema';
import { priorities, slaClockKinds } from '../../../shared/escalation/schema';
import { HearkenError } from '../../../shared/errors';
import { cached, type DB } from './db';
import { refreshItems } from './derived';
import { captureRows, recordStatusChanges, type EscalationBefore, type UndoRecord } from './feedback-update';
import { newId } from './ids';
import { requireTarget } from './targets-repo';

interface EscalationRow {
  id: string;
  feedback_id: string;
  target_id: string;
  target_name: string;
  reason: string;
  priority: Priority;
  note: string | null;
  state: EscalationState;
  rules: string;
  source: 'person' | 'rule';
  created_at: number;
  ended_at: number | null;
}

const COLUMNS = `e.id, e.feedback_id, e.target_id, t.name AS target_name, e.reason, e.priority, e.note, e.state, e.rules, e.source, e.created_at, e.ended_at`;

function toEscalation(row: EscalationRow): Escalation {
  return {
    id: row.id,
    feedbackId: row.feedback_id,
    targetId: row.target_id,
    targetName: row.target_name,
    reason: row.reason,
    priority: row.priority,
    note: row.note,
    state: row.state,
    rules: JSON.parse(row.rules) as string[],
    source: row.source,
    createdAt: row.created_at,
    endedAt: row.ended_at,
  };
}

export function openEscalation(db: DB, feedbackId: string): Escalation | null {
  const row = cached(db, `SELECT ${COLUMNS} FROM escalations e JOIN escalation_targets t ON t.id = e.target_id WHERE e.feedback_id = ? AND e.state = 'open'`).get(feedbackId) as
    | EscalationRow
    | undefined;
  return row ? toEscalation(row) : null;
}

/** The rules that match an item now, as flags, in rule order. */
export function flagsOf(db: DB, feedbackIds: readonly string[]): Map<string, RuleFlag[]> {
  const rows = cached(
    db,
    `SELECT rm.feedback_id, r.id AS rule_id, r.name AS rule_name, rm.explanation, r.definition, r.auto_escalate, t.id AS target_id, t.name AS target_name
     FROM rule_matches rm JOIN rules r ON r.id = rm.rule_id
     LEFT JOIN escalation_targets t ON t.id = json_extract(r.definition, '$.actions.escalateTo')
     WHERE rm.feedback_id IN (SELECT value FROM json_each(?)) ORDER BY r.position, r.created_at`,
  ).all(JSON.stringify(feedbackIds)) as {
    feedback_id: string;
    rule_id: string;
    rule_name: string;
    explanation: string;
    definition: string;
    auto_escalate: number;
    target_id: string | null;
    target_name: string | null;
  }[];
  const out = new Map<string, RuleFlag[]>();
  for (const row of rows) {
    const actions = (JSON.parse(row.definition) as { actions: { priority: Priority | null; addTag: string | null } }).actions;
    let list = out.get(row.feedback_id);
    if (!list) out.set(row.feedback_id, (list = []));
    list.push({
      ruleId: row.rule_id,
      ruleName: row.rule_name,
      explanation: row.explanation,
      targetId: row.target_id,
      targetName: row.target_name,
      priority: actions.priority,
      addTag: actions.addTag,
      autoEscalate: row.auto_escalate === 1,
    });
  }
  return out;
}

/** What the Escalate dialog starts from (escalation.prefill). */
export function prefill(db: DB, ids: readonly string[]): { targetId: string | null; reason: string; priority: Priority; flags: RuleFlag[]; alreadyEscalated: number } {
  const flags = flagsOf(db, ids);
  const votes = new Map<string, { n: number; flag: RuleFlag }>();
  for (const id of ids) {
    const first = flags.get(id)?.find((f) => f.targetId !== null);
    if (!first) continue;
    const vote = votes.get(first.targetId!);
    if (vote) vote.n++;
    else votes.set(first.targetId!, { n: 1, flag: first });
  }
  const best = [...votes.values()].sort((a, b) => b.n - a.n)[0]?.flag ?? null;
  const item = cached(
    db,
    `SELECT coalesce(max(CASE coalesce(priority, urgency) WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 WHEN 'low' THEN 0 END), 1) AS p,
       coalesce(sum(escalated), 0) AS escalated
     FROM feedback WHERE id IN (SELECT value FROM json_each(?))`,
  ).get(JSON.stringify(ids)) as { p: number; escalated: number };
  const firstTarget = cached(db, 'SELECT id FROM escalation_targets ORDER BY position LIMIT 1').get() as { id: string } | undefined;
  const shown = ids.length === 1 ? (flags.get(ids[0]!) ?? []) : best ? [best] : [];
  return {
    targetId: best?.targetId ?? firstTarget?.id ?? null,
    reason: best?.explanation ?? '',
    priority: best?.priority ?? priorities[item.p]!,
    flags: shown,
    alreadyEscalated: item.escalated,
  };
}

/** An audit row as a mutation returns it (handlers/define.ts adds the time and the actor). */
export interface EscalationAudit {
  action: string;
  entityType: string;
  entityId: string;
  detail: Record<string, unknown>;
}

export interface EscalationChange {
  count: number;
  ids: string[];
  escalationIds: string[];
  undo: UndoRecord;
  audit: EscalationAudit[];
}

/** Escalates items to a target: a record each, the flag, the priority (a person's), an open status. */
export function escalate(
  db: DB,
  input: { ids: readonly string[]; targetId: string; reason: string; priority: Priority; note: string | null },
  actor: string,
  now: number,
): EscalationChange {
  const target = requireTarget(db, input.targetId);
  const unique = [...new Set(input.ids)];
  const before = captureRows(db, unique);
  const undo: UndoRecord = { rows: before, addedTags: [], removedTags: [], escalations: { created: [], changed: [] } };
  const out: EscalationChange = { count: 0, ids: [], escalationIds: [], undo, audit: [] };
  if (before.length === 0) return out;
  const ruleNames = flagsOf(
    db,
    before.map((r) => r.id),
  );
  for (const row of before) {
    const open = cached(db, "SELECT id, state, target_id, ended_at FROM escalations WHERE feedback_id = ? AND state = 'open'").get(row.id) as EscalationBefore | undefined;
    if (open) {
      undo.escalations!.changed.push(open);
      cached(db, "UPDATE escalations SET state = 'deescalated', ended_at = ? WHERE id = ?").run(now, open.id);
    }
    const id = newId(now);
    const rules = (ruleNames.get(row.id) ?? []).map((f) => f.ruleName);
    cached(
      db,
      `INSERT INTO escalations (id, feedback_id, target_id, reason, priority, note, state, rules, source, actor, created_at, ended_at)
       VALUES (?, ?, ?, ?, ?, ?, 'open', ?, 'person', ?, ?, NULL)`,
    ).run(id, row.id, target.id, input.reason, input.priority, input.note, JSON.stringify(rules), actor, now);
    undo.escalations!.created.push(id);
    out.escalationIds.push(id);
    out.audit.push({
      action: 'escalation.created',
      entityType: 'feedback',
      entityId: row.id,
      detail: { escalationId: id, target: target.name, reason: input.reason, priority: input.priority, ...(open ? { replaced: open.id } : {}) },
    });
  }
  const ids = before.map((r) => r.id);
  cached(
    db,
    `UPDATE feedback SET escalated = 1, priority = ?, priority_source = 'human',
       status = CASE WHEN status IN ('resolved', 'closed') THEN 'open' ELSE status END, updated_at = ?
     WHERE id IN (SELECT value FROM json_each(?))`,
  ).run(input.priority, now, JSON.stringify(ids));
  recordStatusChanges(
    db,
    undo,
    before.filter((r) => r.status === 'resolved' || r.status === 'closed'),
    'open',
    now,
  );
  refreshItems(db, ids, now);
  out.count = ids.length;
  out.ids = ids;
  return out;
}

/** Resolve, de-escalate or reassign open escalations, by escalation id. */
export function updateEscalations(db: DB, input: { ids: readonly string[]; action: 'resolve' | 'deescalate' | 'reassign'; targetId?: string | undefined }, now: number): EscalationChange {
  const target = input.action === 'reassign' ? requireTarget(db, input.targetId ?? '') : null;
  const rows = cached(
    db,
    `SELECT e.id, e.state, e.target_id, e.ended_at, e.feedback_id, t.name AS target_name FROM escalations e JOIN escalation_targets t ON t.id = e.target_id
     WHERE e.id IN (SELECT value FROM json_each(?)) AND e.state = 'open'`,
  ).all(JSON.stringify([...new Set(input.ids)])) as (EscalationBefore & { feedback_id: string; target_name: string })[];
  const feedbackIds = rows.map((r) => r.feedback_id);
  const before = captureRows(db, feedbackIds);
  const undo: UndoRecord = { rows: before, addedTags: [], removedTags: [], escalations: { created: [], changed: [] } };
  const out: EscalationChange = { count: 0, ids: feedbackIds, escalationIds: rows.map((r) => r.id), undo, audit: [] };
  if (rows.length === 0) return out;
  for (const row of rows) {
    undo.escalations!.changed.push({ id: row.id, state: row.state, target_id: row.target_id, ended_at: row.ended_at });
    if (target) {
      if (row.target_id === target.id) continue;
      cached(db, 'UPDATE escalations SET target_id = ? WHERE id = ?').run(target.id, row.id);
      out.audit.push({ action: 'escalation.reassigned', entityType: 'feedback', entityId: row.feedback_id, detail: { escalationId: row.id, from: row.target_name, to: target.name } });
    } else {
      const state = input.action === 'resolve' ? 'resolved' : 'deescalated';
      cached(db, 'UPDATE escalations SET state = ?, ended_at = ? WHERE id = ?').run(state, now, row.id);
      out.audit.push({ action: `escalation.${state}`, entityType: 'feedback', entityId: row.feedback_id, detail: { escalationId: row.id, target: row.target_name } });
    }
    out.count++;
  }
  if (!target) {
    const resolve = input.action === 'resolve';
    cached(db, `UPDATE feedback SET escalated = 0${resolve ? ", status = 'resolved'" : ''}, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))`).run(
      now,
      JSON.stringify(feedbackIds),
    );
    if (resolve) recordStatusChanges(db, undo, before, 'resolved', now);
  }
  refreshItems(db, feedbackIds, now);
  return out;
}

/** The escalation queue by target (in target order), oldest first; the summaries come from the list's own builder. */
export function listEscalations(
  db: DB,
  input: { state: 'open' | 'closed'; targetId?: string | undefined; limit: number },
  summaries: (ids: readonly string[]) => FeedbackSummary[],
): { groups: { target: { id: string; name: string }; total: number; items: { escalation: Escalation; item: FeedbackSummary }[] }[]; total: number } {
  const open = input.state === 'open';
  const byTarget = input.targetId !== undefined ? ' AND e.target_id = @target' : '';
  const rows = cached(
    db,
    open
      ? `SELECT ${COLUMNS}, t.position FROM escalations e INDEXED BY escalations_open_by_target JOIN escalation_targets t ON t.id = e.target_id
         WHERE e.state = 'open'${byTarget} ORDER BY t.position, e.created_at LIMIT @limit`
      : `SELECT ${COLUMNS}, t.position FROM escalations e INDEXED BY escalations_by_time JOIN escalation_targets t ON t.id = e.target_id
         WHERE e.state != 'open'${byTarget} ORDER BY e.created_at DESC LIMIT @limit`,
  ).all({ limit: input.limit, ...(input.targetId !== undefined ? { target: input.targetId } : {}) }) as (EscalationRow & { position: number })[];
  const totals = new Map(
    (
      cached(
        db,
        open
          ? "SELECT target_id AS id, count(*) AS n FROM escalations WHERE state = 'open' GROUP BY target_id"
          : "SELECT target_id AS id, count(*) AS n FROM escalations WHERE state != 'open' GROUP BY target_id",
      ).all() as { id: string; n: number }[]
    ).map((r) => [r.id, r.n] as const),
  );
  const items = new Map(summaries(rows.map((r) => r.feedback_id)).map((s) => [s.id, s] as const));
  const groups = new Map<string, { target: { id: string; name: string }; total: number; position: number; items: { escalation: Escalation; item: FeedbackSummary }[] }>();
  for (const row of rows) {
    const item = items.get(row.feedback_id);
    if (!item) continue;
    let group = groups.get(row.target_id);
    if (!group) groups.set(row.target_id, (group = { target: { id: row.target_id, name: row.target_name }, total: totals.get(row.target_id) ?? 0, position: row.position, items: [] }));
    group.items.push({ escalation: toEscalation(row), item });
  }
  const list = [...groups.values()].sort((a, b) => a.position - b.position).map(({ position: _position, ...g }) => g);
  const total = input.targetId !== undefined ? (totals.get(input.targetId) ?? 0) : [...totals.values()].reduce((a, b) => a + b, 0);
  return { groups: list, total };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return Math.round(values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2);
}

/**
 * Figures for reports over items received in [from, to). SLA attainment: a clock breached
 * is one logged in sla_breaches; first response met is an item with a reply and no
 * first-response breach; resolution met is a resolved or closed item with no resolution breach.
 */
export function escalationStats(db: DB, range: { from?: number | undefined; to?: number | undefined }) {
  const from = range.from ?? 0;
  const to = range.to ?? Number.MAX_SAFE_INTEGER;
  const items = (cached(db, 'SELECT count(*) AS n FROM feedback WHERE received_at >= ? AND received_at < ?').get(from, to) as { n: number }).n;
  const inRange = `e.feedback_id IN (SELECT id FROM feedback WHERE received_at >= @from AND received_at < @to)`;
  const escalated = (cached(db, `SELECT count(DISTINCT e.feedback_id) AS n FROM escalations e WHERE ${inRange}`).get({ from, to }) as { n: number }).n;
  const byReason = cached(db, `SELECT e.reason, count(*) AS count FROM escalations e WHERE ${inRange} GROUP BY e.reason ORDER BY count DESC, e.reason LIMIT 10`).all({ from, to }) as {
    reason: string;
    count: number;
  }[];
  const byTarget = cached(
    db,
    `SELECT t.name AS target, count(*) AS count FROM escalations e JOIN escalation_targets t ON t.id = e.target_id WHERE ${inRange} GROUP BY t.id ORDER BY count DESC, t.position`,
  ).all({ from, to }) as { target: string; count: number }[];
  const times = cached(
    db,
    `SELECT e.created_at - f.received_at AS toEscalate, CASE WHEN e.ended_at IS NOT NULL THEN e.ended_at - e.created_at END AS inEscalation
     FROM escalations e JOIN feedback f ON f.id = e.feedback_id WHERE f.received_at >= @from AND f.received_at < @to`,
  ).all({ from, to }) as { toEscalate: number; inEscalation: number | null }[];
  const breaches = cached(
    db,
    `SELECT coalesce(f.priority, f.urgency, 'normal') AS priority, b.clock, count(DISTINCT b.feedback_id) AS n
     FROM sla_breaches b JOIN feedback f ON f.id = b.feedback_id WHERE f.received_at >= @from AND f.received_at < @to GROUP BY 1, 2`,
  ).all({ from, to }) as { priority: Priority; clock: (typeof slaClockKinds)[number]; n: number }[];
  const firstResponded = cached(
    db,
    `SELECT coalesce(f.priority, f.urgency, 'normal') AS priority, count(*) AS n FROM feedback f
     WHERE f.received_at >= @from AND f.received_at < @to AND EXISTS (SELECT 1 FROM messages m WHERE m.feedback_id = f.id AND m.direction = 'out')
       AND NOT EXISTS (SELECT 1 FROM sla_breaches b WHERE b.feedback_id = f.id AND b.clock = 'first-response') GROUP BY 1`,
  ).all({ from, to }) as { priority: Priority; n: number }[];
  const resolved = cached(
    db,
    `SELECT coalesce(f.priority, f.urgency, 'normal') AS priority, count(*) AS n FROM feedback f
     WHERE f.received_at >= @from AND f.received_at < @to AND f.status IN ('resolved', 'closed')
       AND NOT EXISTS (SELECT 1 FROM sla_breaches b WHERE b.feedback_id = f.id AND b.clock = 'resolution') GROUP BY 1`,
  ).all({ from, to }) as { priority: Priority; n: number }[];
  const slaAttainment = priorities.flatMap((priority) =>
    slaClockKinds.map((clock) => {
      const breached = breaches.find((b) => b.priority === priority && b.clock === clock)?.n ?? 0;
      const metRows = clock === 'first-response' ? firstResponded : clock === 'resolution' ? resolved : [];
      const met = metRows.find((m) => m.priority === priority)?.n ?? 0;
      return { priority, clock, met, breached, rate: met + breached > 0 ? met / (met + breached) : null };
    }),
  );
  return {
    items,
    escalated,
    rate: items > 0 ? escalated / items : 0,
    byReason,
    byTarget,
    medianTimeToEscalateMs: median(times.map((t) => t.toEscalate)),
    medianTimeInEscalationMs: median(times.flatMap((t) => (t.inEscalation === null ? [] : [t.inEscalation]))),
    slaAttainment,
  };
}

/** Throws NOT_FOUND when none of the ids is an item. */
export function requireItems(db: DB, ids: readonly string[]): void {
  const found = (cached(db, 'SELECT count(*) AS n FROM feedback WHERE id IN (SELECT value FROM json_each(?))').get(JSON.stringify(ids)) as { n: number }).n;
  if (found === 0) throw new HearkenError('NOT_FOUND', ids.length === 1 ? 'That feedback item no longer exists.' : 'None of those feedback items exists any more.');
}
