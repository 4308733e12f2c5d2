/**
 * What the store works out from an item rather than being told: its SLA deadline
 * (feedback.sla_due_at / sla_clock), which rules match it now (rule_matches) and what
 * those rules do to it (a priority where no person set one, a tag, an automatic
 * escalation for a rule marked so). Every path that changes an item calls refreshItems
 * for it inside its own transaction; a change to the rules or the SLA settings calls
 * refreshAllInSteps, which streams the store in rowid batches of short transactions.
 * Imports work the same values out before the INSERT (deriveNew), so a new row is
 * written once.
 */
import type { Channel, CustomerTier, Sentiment, Status } from '../../../shared/domain';
import { compileRules, type CompiledRules, type RuleLike } from '../../../shared/escalation/rules';
import type { Priority, RuleFlag, RuleSubject, SlaClock, SlaClockKind, SlaSettings, SlaSubject } from '../../../shared/escalation/schema';
import { nextDeadline, slaClocks } from '../../../shared/escalation/sla';
import type { NewFeedback } from '../ingest/types';
import type { ReportTimes } from '../../../shared/reports/times';
import { recordAudit } from './audit';
import { cached, type DB } from './db';
import { newId } from './ids';
import { newItemTimes, refreshReportTimes, refreshTimesInSteps } from './report-times';
import { ruleLikes } from './rules-repo';
import { loadSlaSettings } from './sla-repo';
import { ensureTagId } from './tags';
import { targetNames } from './targets-repo';

const rank: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };
const STOPPED: ReadonlySet<Status> = new Set(['resolved', 'closed']);
/** Rows per batch when the whole store is worked out again. */
export const REFRESH_BATCH = 2_000;
const TAG_SEPARATOR = '\u001f';

/** Rules compiled and SLA settings read once for a run of evaluations. */
export interface DeriveContext {
  rules: CompiledRules;
  ruleList: readonly RuleLike[];
  sla: SlaSettings;
  /** Some enabled rule reads the customer's earlier contacts. */
  needsContacts: boolean;
  /** Some enabled rule reads the SLA deadline, so its matches change as time passes. */
  timeDependent: boolean;
  /** The widest 'sla' condition window, in ms (the sweep refreshes that far ahead). */
  slaWindowMs: number;
  /** The columns to read: an item's tags only when some rule has a topic condition (a third of the read otherwise). */
  columns: string;
}

export function deriveContext(db: DB, extra?: RuleLike): DeriveContext {
  const ruleList = extra ? [extra] : ruleLikes(db).filter((r) => r.enabled);
  const conditions = ruleList.flatMap((r) => r.conditions);
  const windows = conditions.flatMap((c) => (c.kind === 'sla' ? [c.withinMinutes * 60_000] : []));
  const rules = compileRules(ruleList, targetNames(db));
  return {
    rules,
    ruleList,
    sla: loadSlaSettings(db),
    needsContacts: conditions.some((c) => c.kind === 'repeat'),
    timeDependent: rules.timeDependent,
    slaWindowMs: windows.length > 0 ? Math.max(...windows) : 0,
    columns: itemColumns(conditions.some((c) => c.kind === 'topic')),
  };
}

/** One stored item as evaluation reads it. */
export interface ItemRow {
  r: number;
  id: string;
  subject: string | null;
  body: string;
  sentiment: Sentiment | null;
  sentiment_score: number | null;
  language: string | null;
  channel: Channel;
  product: string | null;
  tier: CustomerTier | null;
  urgency: Priority | null;
  customer_id: string | null;
  received_at: number;
  status: Status;
  priority: Priority | null;
  priority_source: 'human' | 'rule' | null;
  sla_due_at: number | null;
  sla_clock: SlaClockKind | null;
  escalated: number;
  tags: string | null;
}

/** What evaluation reads of an item; `tags` (a subquery per row) only when a rule reads topics. */
export function itemColumns(tags: boolean): string {
  return `f.rowid AS r, f.id, f.subject, f.body, f.sentiment, f.sentiment_score, f.language, f.channel, f.product, c.tier,
  f.urgency, f.customer_id, f.received_at, f.status, f.priority, f.priority_source, f.sla_due_at, f.sla_clock, f.escalated,
  ${tags ? '(SELECT group_concat(t.name, char(31)) FROM feedback_tags ft JOIN tags t ON t.id = ft.tag_id WHERE ft.feedback_id = f.id)' : 'NULL'} AS tags`;
}

/** Customer id → when each of their items arrived, sorted; filled lazily, one query per customer. */
export class ContactTimes {
  private readonly known = new Map<string, number[]>();
  constructor(private readonly db: DB) {}

  /** Every customer's times in one pass (a whole-store run reads them all anyway). */
  static all(db: DB): ContactTimes {
    const times = new ContactTimes(db);
    let id: string | null = null;
    let list: number[] = [];
    for (const row of cached(db, 'SELECT customer_id AS c, received_at AS t FROM feedback INDEXED BY feedback_by_customer WHERE customer_id IS NOT NULL ORDER BY customer_id, received_at').iterate() as Iterable<{
      c: string;
      t: number;
    }>) {
      if (row.c !== id) {
        id = row.c;
        times.known.set(id, (list = []));
      }
      list.push(row.t);
    }
    return times;
  }

  of(customerId: string | null): readonly number[] {
    if (customerId === null) return [];
    let times = this.known.get(customerId);
    if (!times) {
      times = (cached(this.db, 'SELECT received_at AS t FROM feedback WHERE customer_id = ? ORDER BY received_at').all(customerId) as { t: number }[]).map((r) => r.t);
      this.known.set(customerId, times);
    }
    return times;
  }
}

export function ruleSubject(row: ItemRow, contactTimes: readonly number[], slaDueAt: number | null): RuleSubject {
  return {
    subject: row.subject,
    text: row.body,
    sentiment: row.sentiment,
    sentimentScore: row.sentiment_score,
    topics: row.tags ? row.tags.split(TAG_SEPARATOR) : [],
    language: row.language,
    channel: row.channel,
    product: row.product,
    tier: row.tier,
    urgency: row.urgency,
    contactTimes,
    receivedAt: row.received_at,
    slaDueAt,
  };
}

/** The priority the SLA policy follows: a person's or a rule's, else the urgency suggestion, else normal. */
export function slaPriority(priority: Priority | null, urgency: Priority | null): Priority {
  return priority ?? urgency ?? 'normal';
}

/** The highest priority the matching rules set, if any. */
export function rulePriority(flags: readonly RuleFlag[]): Priority | null {
  let best: Priority | null = null;
  for (const f of flags) if (f.priority !== null && (best === null || rank[f.priority] > rank[best])) best = f.priority;
  return best;
}

interface History {
  messages: Map<string, { direction: 'in' | 'out' | 'note'; at: number }[]>;
  statuses: Map<string, { status: Status; at: number }[]>;
}

/** Messages and status changes of the items whose clocks may run, two queries for the lot. */
function loadHistory(db: DB, ids: readonly string[]): History {
  const history: History = { messages: new Map(), statuses: new Map() };
  if (ids.length === 0) return history;
  const json = JSON.stringify(ids);
  for (const m of cached(db, 'SELECT feedback_id AS id, direction, sent_at AS at FROM messages WHERE feedback_id IN (SELECT value FROM json_each(?)) ORDER BY sent_at, rowid').all(json) as {
    id: string;
    direction: 'in' | 'out' | 'note';
    at: number;
  }[]) {
    let list = history.messages.get(m.id);
    if (!list) history.messages.set(m.id, (list = []));
    list.push({ direction: m.direction, at: m.at });
  }
  for (const s of cached(db, 'SELECT feedback_id AS id, status, at FROM status_changes WHERE feedback_id IN (SELECT value FROM json_each(?)) ORDER BY at').all(json) as {
    id: string;
    status: Status;
    at: number;
  }[]) {
    let list = history.statuses.get(s.id);
    if (!list) history.statuses.set(s.id, (list = []));
    list.push({ status: s.status, at: s.at });
  }
  return history;
}

export function slaSubjectOf(
  item: { receivedAt: number; status: Status; priority: Priority },
  messages: readonly { direction: 'in' | 'out' | 'note'; at: number }[],
  statuses: readonly { status: Status; at: number }[],
): SlaSubject {
  return {
    receivedAt: item.receivedAt,
    priority: item.priority,
    status: item.status,
    messages: messages.length > 0 ? messages : [{ direction: 'in', at: item.receivedAt }],
    // No history (an item stored before status changes were kept): the SLA maths reads its
    // current status as held since arrival, which stays put, rather than a made-up "open
    // since arrival" that would make a resolved item's clock end at whatever time it is read.
    statusChanges: statuses,
  };
}

/**
 * The next running deadline; none once an item is resolved or closed. A running clock's
 * deadline depends on the item's events, not on the time it is read at, so the clocks are
 * read as of the latest event: reading them "now" also counts the business time left,
 * a walk over every day since the item arrived (most of the cost for old items).
 */
export function deadline(subject: SlaSubject, settings: SlaSettings, now: number): { dueAt: number; clock: SlaClockKind } | null {
  if (STOPPED.has(subject.status)) return null;
  let asOf = subject.receivedAt;
  for (const m of subject.messages) if (m.at > asOf && m.at <= now) asOf = m.at;
  for (const c of subject.statusChanges) if (c.at > asOf && c.at <= now) asOf = c.at;
  const next = nextDeadline(slaClocks(subject, settings, Math.min(asOf, now)));
  return next ? { dueAt: next.dueAt, clock: next.clock } : null;
}

/** Every SLA clock of one stored item (the detail pane). */
export function itemClocks(db: DB, id: string, now: number, settings: SlaSettings = loadSlaSettings(db)): SlaClock[] {
  const row = cached(db, 'SELECT received_at, status, priority, urgency FROM feedback WHERE id = ?').get(id) as
    | { received_at: number; status: Status; priority: Priority | null; urgency: Priority | null }
    | undefined;
  if (!row) return [];
  const history = loadHistory(db, [id]);
  const subject = slaSubjectOf({ receivedAt: row.received_at, status: row.status, priority: slaPriority(row.priority, row.urgency) }, history.messages.get(id) ?? [], history.statuses.get(id) ?? []);
  return slaClocks(subject, settings, now);
}

export interface RefreshOutcome {
  /** Items whose deadline, priority, matches or tags changed. */
  changed: string[];
  /** Escalations a rule marked auto-escalate made. */
  autoEscalated: number;
}

/** Works out and stores the derived values of the given rows (one batch, inside the caller's transaction). */
function refreshRows(db: DB, rows: readonly ItemRow[], ctx: DeriveContext, contacts: ContactTimes | null, now: number, out: RefreshOutcome): void {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.id);
  const running = rows.filter((r) => !STOPPED.has(r.status)).map((r) => r.id);
  const history = loadHistory(db, running);
  const existing = new Map<string, Map<string, string>>();
  for (const m of cached(db, 'SELECT feedback_id AS id, rule_id, explanation FROM rule_matches WHERE feedback_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as {
    id: string;
    rule_id: string;
    explanation: string;
  }[]) {
    let map = existing.get(m.id);
    if (!map) existing.set(m.id, (map = new Map()));
    map.set(m.rule_id, m.explanation);
  }
  const tagIds = new Map<string, string>();
  for (const row of rows) {
    const messages = history.messages.get(row.id) ?? [];
    const statuses = history.statuses.get(row.id) ?? [];
    const due = (priority: Priority | null) =>
      deadline(slaSubjectOf({ receivedAt: row.received_at, status: row.status, priority: slaPriority(priority, row.urgency) }, messages, statuses), ctx.sla, now);
    // Rules read the deadline of the priority no rule set (a person's, else the suggestion):
    // reading one a rule set could flip the rule off and on at every run.
    const base = row.priority_source === 'human' ? row.priority : null;
    let next = due(base);
    const flags = ctx.rules.size > 0 ? ctx.rules.evaluate(ruleSubject(row, ctx.needsContacts && contacts ? contacts.of(row.customer_id) : [], next?.dueAt ?? null), now) : [];
    let priority = row.priority;
    let source = row.priority_source;
    if (source !== 'human') {
      const fromRules = rulePriority(flags);
      priority = fromRules;
      source = fromRules === null ? null : 'rule';
      if (priority !== base) next = due(priority);
    }
    let changed = false;
    const dueAt = next?.dueAt ?? null;
    const clock = next?.clock ?? null;
    if (priority !== row.priority || source !== row.priority_source || dueAt !== row.sla_due_at || clock !== row.sla_clock) {
      cached(db, 'UPDATE feedback SET priority = ?, priority_source = ?, sla_due_at = ?, sla_clock = ? WHERE rowid = ?').run(priority, source, dueAt, clock, row.r);
      changed = true;
    }
    const before = existing.get(row.id);
    const same = (before?.size ?? 0) === flags.length && flags.every((f) => before?.get(f.ruleId) === f.explanation);
    if (!same) {
      cached(db, 'DELETE FROM rule_matches WHERE feedback_id = ?').run(row.id);
      for (const f of flags) {
        cached(db, 'INSERT INTO rule_matches (feedback_id, rule_id, explanation, matched_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(row.id, f.ruleId, f.explanation, now);
      }
      changed = true;
    }
    if (flags.length > 0) {
      const tags = new Set((row.tags ? row.tags.split(TAG_SEPARATOR) : []).map((t) => t.toLowerCase()));
      for (const f of flags) {
        if (f.addTag === null || tags.has(f.addTag.toLowerCase())) continue;
        tags.add(f.addTag.toLowerCase());
        if (addRuleTag(db, row.id, f.addTag, now, tagIds)) changed = true;
      }
      if (row.escalated === 0) {
        const auto = flags.find((f) => f.autoEscalate && f.targetId !== null);
        if (auto && autoEscalate(db, row.id, auto, flags, priority ?? auto.priority ?? slaPriority(null, row.urgency), now)) {
          out.autoEscalated++;
          changed = true;
        }
      }
    }
    if (changed) out.changed.push(row.id);
  }
  // After the rows' own values: the SLA outcomes follow the priority just worked out.
  refreshReportTimes(db, ids, ctx.sla, now);
}

/** A rule's tag, as local analysis would add it; never one a person took off. */
function addRuleTag(db: DB, feedbackId: string, name: string, now: number, known: Map<string, string>): boolean {
  const tagId = ensureTagId(db, name, now, known);
  if (cached(db, 'SELECT 1 FROM feedback_tag_rejections WHERE feedback_id = ? AND tag_id = ?').get(feedbackId, tagId)) return false;
  return cached(db, "INSERT INTO feedback_tags (feedback_id, tag_id, source, created_at) VALUES (?, ?, 'local', ?) ON CONFLICT DO NOTHING").run(feedbackId, tagId, now).changes > 0;
}

/** An escalation a rule marked auto-escalate makes, recorded as the system's. */
function autoEscalate(db: DB, feedbackId: string, flag: RuleFlag, flags: readonly RuleFlag[], priority: Priority, now: number): boolean {
  if (cached(db, "SELECT 1 FROM escalations WHERE feedback_id = ? AND state = 'open'").get(feedbackId)) return false;
  const id = newId(now);
  cached(
    db,
    `INSERT INTO escalations (id, feedback_id, target_id, reason, priority, note, state, rules, source, actor, created_at, ended_at)
     VALUES (?, ?, ?, ?, ?, NULL, 'open', ?, 'rule', 'system', ?, NULL)`,
  ).run(id, feedbackId, flag.targetId, flag.explanation, priority, JSON.stringify(flags.filter((f) => f.targetId !== null).map((f) => f.ruleName)), now);
  const status = cached(db, 'SELECT status FROM feedback WHERE id = ?').get(feedbackId) as { status: Status };
  cached(db, "UPDATE feedback SET escalated = 1, status = CASE WHEN status IN ('resolved', 'closed') THEN 'open' ELSE status END, updated_at = ? WHERE id = ?").run(now, feedbackId);
  if (STOPPED.has(status.status)) cached(db, "INSERT INTO status_changes (feedback_id, at, status) VALUES (?, ?, 'open') ON CONFLICT DO NOTHING").run(feedbackId, now);
  recordAudit(db, {
    at: now,
    actor: 'system',
    action: 'escalation.created',
    entityType: 'feedback',
    entityId: feedbackId,
    detail: { escalationId: id, target: flag.targetName, reason: flag.explanation, priority, rule: flag.ruleName, auto: true },
  });
  return true;
}

/** Works out the given items again, inside the caller's transaction (or its own). */
export function refreshItems(db: DB, ids: readonly string[], now: number, ctx: DeriveContext = deriveContext(db)): RefreshOutcome {
  const out: RefreshOutcome = { changed: [], autoEscalated: 0 };
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const contacts = ctx.needsContacts ? new ContactTimes(db) : null;
  db.transaction(() => {
    for (let i = 0; i < unique.length; i += REFRESH_BATCH) {
      const part = unique.slice(i, i + REFRESH_BATCH);
      const rows = cached(db, `SELECT ${ctx.columns} FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id WHERE f.id IN (SELECT value FROM json_each(?))`).all(
        JSON.stringify(part),
      ) as ItemRow[];
      refreshRows(db, rows, ctx, contacts, now, out);
    }
  })();
  // An automatic escalation changed an item's status: its clocks follow.
  if (out.autoEscalated > 0) refreshItemsOnce(db, out.changed, now, ctx);
  return out;
}

function refreshItemsOnce(db: DB, ids: readonly string[], now: number, ctx: DeriveContext): void {
  db.transaction(() => {
    const rows = cached(db, `SELECT ${ctx.columns} FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id WHERE f.id IN (SELECT value FROM json_each(?))`).all(
      JSON.stringify(ids),
    ) as ItemRow[];
    refreshRows(db, rows, ctx, null, now, { changed: [], autoEscalated: 0 });
  })();
}

/**
 * Works out every item again (`where` narrows it, e.g. to open items) in rowid batches,
 * one short IMMEDIATE transaction each, for a rule or SLA change or a first seeding. It
 * steps: the thread answers other calls between batches, so the inbox stays live while a
 * large store is worked out again. `stillWanted` is asked before each batch: a newer run, a lock
 * or a close ends this one (the newer run covers what it leaves). Null when it was ended.
 */
export async function refreshAllInSteps(
  db: DB,
  now: () => number,
  stillWanted: () => boolean,
  options: { where?: string } = {},
): Promise<(RefreshOutcome & { items: number; ms: number }) | null> {
  const started = performance.now();
  const ctx = deriveContext(db);
  const contacts = ctx.needsContacts ? ContactTimes.all(db) : null;
  const out: RefreshOutcome = { changed: [], autoEscalated: 0 };
  const where = options.where ? ` AND (${options.where})` : '';
  const select = cached(db, `SELECT ${ctx.columns} FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id WHERE f.rowid > ?${where} ORDER BY f.rowid LIMIT ?`);
  let after = 0;
  let items = 0;
  for (;;) {
    if (!db.open || !stillWanted()) return null;
    const rows = select.all(after, REFRESH_BATCH) as ItemRow[];
    if (rows.length === 0) break;
    const at = now();
    db.transaction(() => refreshRows(db, rows, ctx, contacts, at, out)).immediate();
    items += rows.length;
    after = rows[rows.length - 1]!.r;
    if (rows.length < REFRESH_BATCH) break;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  // The items left out still have report times in business hours, which a calendar change moves.
  if (options.where && !(await refreshTimesInSteps(db, now, stillWanted, `NOT (${options.where})`))) return null;
  return { ...out, items, ms: Math.round(performance.now() - started) };
}

/** Items an unsaved rule matches now, streamed like refreshAllInSteps (in one go: a preview is read-only); the first `limit` ids of them, open and pending first, newest first. */
export function previewRule(db: DB, rule: RuleLike, limit: number, now: number): { count: number; ids: string[] } {
  const ctx = deriveContext(db, rule);
  const contacts = ctx.needsContacts ? ContactTimes.all(db) : null;
  const select = cached(db, `SELECT ${ctx.columns} FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id WHERE f.rowid > ? ORDER BY f.rowid LIMIT ?`);
  const matched: { id: string; live: boolean; at: number }[] = [];
  let after = 0;
  for (;;) {
    const rows = select.all(after, REFRESH_BATCH) as ItemRow[];
    if (rows.length === 0) break;
    for (const row of rows) {
      // The stored deadline is the one the rule would read (its priority may move it; a preview does not).
      if (ctx.rules.evaluate(ruleSubject(row, contacts ? contacts.of(row.customer_id) : [], row.sla_due_at), now).length > 0) {
        matched.push({ id: row.id, live: row.status === 'open' || row.status === 'pending', at: row.received_at });
      }
    }
    after = rows[rows.length - 1]!.r;
    if (rows.length < REFRESH_BATCH) break;
  }
  matched.sort((a, b) => Number(b.live) - Number(a.live) || b.at - a.at);
  return { count: matched.length, ids: matched.slice(0, limit).map((m) => m.id) };
}

/** What the import works out for a new item before it is stored. */
export interface NewItemDerived {
  priority: Priority | null;
  prioritySource: 'rule' | null;
  slaDueAt: number | null;
  slaClock: SlaClockKind | null;
  flags: RuleFlag[];
  /** Reply and resolution times, and SLA outcomes, of an imported thread (report-times.ts). */
  times: ReportTimes;
}

/**
 * The derived values of a batch of new items, worked out before the INSERT. A rule's tag
 * joins the item's tags here. Contact times for a repeat rule: the customer's stored items
 * (one query per customer per batch) and those before it in the batch.
 */
export function deriveNew(db: DB, items: readonly NewFeedback[], ctx: DeriveContext, now: number): Map<NewFeedback, NewItemDerived> {
  const out = new Map<NewFeedback, NewItemDerived>();
  // One list per customer: their stored items' times and this batch's. A repeat condition
  // counts only the times in its window before the item, so later ones may share the list.
  const times = new Map<string, number[]>();
  const keyOf = (item: NewFeedback): string | null => (item.customer ? (item.customer.email ? `e:${item.customer.email}` : `n:${item.customer.name}`) : null);
  if (ctx.needsContacts) {
    for (const item of items) {
      const key = keyOf(item);
      if (key === null) continue;
      let list = times.get(key);
      if (!list) {
        const customer = item.customer!;
        list = (
          (customer.email
            ? cached(db, 'SELECT f.received_at AS t FROM customers c JOIN feedback f ON f.customer_id = c.id WHERE c.email = ?').all(customer.email)
            : cached(db, 'SELECT f.received_at AS t FROM customers c JOIN feedback f ON f.customer_id = c.id WHERE c.email IS NULL AND c.name = ?').all(customer.name)) as { t: number }[]
        ).map((r) => r.t);
        times.set(key, list);
      }
      list.push(item.receivedAt);
    }
  }
  const contactsOf = (item: NewFeedback): readonly number[] => {
    const key = ctx.needsContacts ? keyOf(item) : null;
    return key === null ? [] : (times.get(key) ?? []);
  };
  for (const item of items) {
    const urgency = item.analysis?.urgency ?? null;
    const messages = item.messages.map((m) => ({ direction: m.direction, at: m.sentAt }));
    const statuses = [{ status: item.status, at: item.receivedAt }];
    const due = (priority: Priority | null) =>
      deadline(slaSubjectOf({ receivedAt: item.receivedAt, status: item.status, priority: slaPriority(priority, urgency) }, messages, statuses), ctx.sla, now);
    let next = due(null);
    let flags: RuleFlag[] = [];
    if (ctx.rules.size > 0) {
      flags = ctx.rules.evaluate(
        {
          subject: item.subject,
          text: item.body,
          sentiment: item.sentiment,
          sentimentScore: item.analysis?.sentimentScore ?? null,
          topics: item.tags.map((t) => t.name),
          language: item.language,
          channel: item.channel,
          product: item.product,
          tier: item.customer?.tier ?? null,
          urgency,
          contactTimes: contactsOf(item),
          receivedAt: item.receivedAt,
          slaDueAt: next?.dueAt ?? null,
        },
        now,
      );
    }
    const priority = rulePriority(flags);
    if (priority !== null) next = due(priority);
    for (const f of flags) {
      if (f.addTag !== null && !item.tags.some((t) => t.name.toLowerCase() === f.addTag!.toLowerCase())) item.tags.push({ name: f.addTag, source: 'local' });
    }
    const times = newItemTimes({ receivedAt: item.receivedAt, status: item.status, priority: slaPriority(priority, urgency), messages }, ctx.sla, now);
    out.set(item, { priority, prioritySource: priority === null ? null : 'rule', slaDueAt: next?.dueAt ?? null, slaClock: next?.clock ?? null, flags, times });
  }
  return out;
}

/**
 * Writes a new item's rule matches (inside the batch transaction; its deadline, priority and
 * report times went into its INSERT); true when a rule asks to escalate it automatically.
 */
export function storeNewMatches(db: DB, feedbackId: string, derived: NewItemDerived, now: number): boolean {
  for (const f of derived.flags) {
    cached(db, 'INSERT INTO rule_matches (feedback_id, rule_id, explanation, matched_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(feedbackId, f.ruleId, f.explanation, now);
  }
  return derived.flags.some((f) => f.autoEscalate && f.targetId !== null);
}

/** The automatic escalation of a new item, once the batch's rows are counted (the counts trigger moves it). */
export function autoEscalateNew(db: DB, feedbackId: string, derived: NewItemDerived, now: number): boolean {
  const auto = derived.flags.find((f) => f.autoEscalate && f.targetId !== null);
  return auto ? autoEscalate(db, feedbackId, auto, derived.flags, derived.priority ?? auto.priority ?? 'normal', now) : false;
}

/**
 * The periodic SLA pass: each deadline passed is logged once (sla_breaches and an audit
 * event), and when a rule reads the deadline, the items near theirs are worked out again.
 * First response and resolution breach once per item, even when a new priority moves the
 * deadline afterwards; next response once per reply cycle (its deadline).
 * Returns the items that changed.
 */
export function sweepSla(db: DB, now: number): { breached: string[]; changed: string[] } {
  const breached: string[] = [];
  let changed: string[] = [];
  db.transaction(() => {
    const due = cached(
      db,
      `SELECT f.id, f.sla_due_at AS due_at, f.sla_clock AS clock FROM feedback f INDEXED BY feedback_sla_due
       WHERE f.sla_due_at IS NOT NULL AND f.sla_due_at <= ?
         AND NOT EXISTS (SELECT 1 FROM sla_breaches b WHERE b.feedback_id = f.id AND b.clock = f.sla_clock
                           AND (b.due_at = f.sla_due_at OR f.sla_clock != 'next-response'))`,
    ).all(now) as { id: string; due_at: number; clock: SlaClockKind }[];
    for (const d of due) {
      cached(db, 'INSERT INTO sla_breaches (feedback_id, clock, due_at, logged_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(d.id, d.clock, d.due_at, now);
      recordAudit(db, { at: now, actor: 'system', action: 'sla.breached', entityType: 'feedback', entityId: d.id, detail: { clock: d.clock, dueAt: d.due_at } });
      breached.push(d.id);
    }
  }).immediate();
  const ctx = deriveContext(db);
  if (ctx.timeDependent) {
    const near = (
      cached(db, 'SELECT id FROM feedback INDEXED BY feedback_sla_due WHERE sla_due_at IS NOT NULL AND sla_due_at >= ? AND sla_due_at <= ?').all(now - 60_000, now + ctx.slaWindowMs) as {
        id: string;
      }[]
    ).map((r) => r.id);
    // The ones just logged too: a deadline passed while the store was locked is older than the window.
    const ids = [...new Set([...near, ...breached])];
    if (ids.length > 0) db.transaction(() => (changed = refreshItems(db, ids, now, ctx).changed)).immediate();
  }
  return { breached, changed };
}
