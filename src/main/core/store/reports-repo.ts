/**
 * What a report reads from the store. The scan reads the covering index feedback_report
 * (migration 0016) only, in arrival order, so a period of a million items never touches
 * the rows with their bodies; the smaller reads (topics, escalations, names, texts) join
 * the scope's items by id.
 */
import type { FeedbackFilter } from '../../../shared/contract';
import type { Channel, Sentiment, Status } from '../../../shared/domain';
import type { CarriedItem, EarlierContact } from '../../../shared/reports/aggregate';
import type { ReportItem } from '../../../shared/reports/item';
import type { NamedCount } from '../../../shared/reports/schema';
import { cached, type DB } from './db';
import { filterClause } from './feedback-repo';

/** A report side's items: the inbox filter and a received range [from, to). */
export interface ReportSlice {
  filter: FeedbackFilter;
  from: number;
  to: number;
}

/** Reasons and targets listed, most items first. */
export const TOP_REASONS = 10;
/** Texts read per side for emerging terms (the newest). */
export const TEXTS_PER_SIDE = 20_000;

const SCAN_COLUMNS = `f.rowid, f.received_at, f.channel, f.sentiment, f.status, f.escalated, f.product, f.language, f.assignee, f.customer_id,
  f.first_response_at, f.resolved_at, f.first_response_bms, f.resolution_bms, f.sla_first_response, f.sla_resolution`;

/** The filter without its own received range (the slice's range replaces it). */
export function sliceWhere(filter: FeedbackFilter): { sql: string; params: unknown[] } {
  const { receivedFrom: _from, receivedTo: _to, ...rest } = filter;
  return filterClause(rest);
}

/** The scan's SQL, exported for the query-plan test. */
export function scanSql(filter: FeedbackFilter): { sql: string; params: unknown[] } {
  const where = sliceWhere(filter);
  return {
    sql: `SELECT ${SCAN_COLUMNS} FROM feedback f INDEXED BY feedback_report
          WHERE f.received_at >= ? AND f.received_at < ? AND ${where.sql} ORDER BY f.received_at`,
    params: where.params,
  };
}

type ScanRow = [
  number,
  number,
  Channel,
  Sentiment | null,
  Status,
  number,
  string | null,
  string | null,
  string | null,
  string | null,
  number | null,
  number | null,
  number | null,
  number | null,
  'met' | 'breached' | null,
  'met' | 'breached' | null,
];

/**
 * The slice's items, oldest first. `escalatedEver` (rowids) marks items escalated in the
 * past whose escalation has ended: the index holds the flag as it is now.
 */
export function* scanItems(db: DB, slice: ReportSlice, escalatedEver: ReadonlySet<number> = new Set()): Generator<ReportItem> {
  const { sql, params } = scanSql(slice.filter);
  // The SQL is this file's own, so its statement stays in raw mode: arrays, no object per row.
  const stmt = cached(db, sql).raw(true);
  for (const r of stmt.iterate(slice.from, slice.to, ...params) as Iterable<ScanRow>) {
    yield {
      receivedAt: r[1],
      channel: r[2],
      sentiment: r[3],
      status: r[4],
      escalated: r[5] === 1 || escalatedEver.has(r[0]),
      product: r[6],
      language: r[7],
      assignee: r[8],
      customerId: r[9],
      firstResponseAt: r[10],
      resolvedAt: r[11],
      firstResponseBms: r[12],
      resolutionBms: r[13],
      slaFirstResponse: r[14],
      slaResolution: r[15],
    };
  }
}

/** The slice's items received before `slice.from` and still open then, with when they were resolved since. */
export function carriedItems(db: DB, slice: ReportSlice): CarriedItem[] {
  const where = sliceWhere(slice.filter);
  return (
    cached(
      db,
      `SELECT f.resolved_at FROM feedback f INDEXED BY feedback_report
       WHERE f.received_at < ? AND (f.resolved_at IS NULL OR f.resolved_at >= ?) AND ${where.sql}`,
    )
      .raw(true)
      .all(slice.from, slice.from, ...where.params) as [number | null][]
  ).map((r) => ({ resolvedAt: r[0] }));
}

/** The scope's customer contacts in the `windowMs` before the slice (repeat contacts). */
export function earlierContacts(db: DB, slice: ReportSlice, windowMs: number): EarlierContact[] {
  const where = sliceWhere(slice.filter);
  return (
    cached(
      db,
      `SELECT f.customer_id, f.received_at FROM feedback f INDEXED BY feedback_report
       WHERE f.received_at >= ? AND f.received_at < ? AND f.customer_id IS NOT NULL AND ${where.sql}`,
    )
      .raw(true)
      .all(Math.max(0, slice.from - windowMs), slice.from, ...where.params) as [string, number][]
  ).map((r) => ({ customerId: r[0], receivedAt: r[1] }));
}

/** Topic tags of the slice's items, most items first. */
export function topicCounts(db: DB, slice: ReportSlice): NamedCount[] {
  const where = sliceWhere(slice.filter);
  return cached(
    db,
    `SELECT t.name AS name, count(*) AS count FROM feedback f
       JOIN feedback_tags ft ON ft.feedback_id = f.id
       JOIN tags t ON t.id = ft.tag_id AND t.kind = 'topic'
     WHERE f.received_at >= ? AND f.received_at < ? AND ${where.sql}
     GROUP BY t.id ORDER BY count DESC, t.name`,
  ).all(slice.from, slice.to, ...where.params) as NamedCount[];
}

/**
 * The slice's items whose running clock is already past its deadline at `now`: breached,
 * though no reply or resolution has ended the clock yet (the stored outcomes count only
 * ended clocks). By the item's earliest running clock (feedback.sla_clock). The covering
 * index holds the deadline, so this reads the period's index entries only.
 */
export function overdueNow(db: DB, slice: ReportSlice, now: number): { firstResponse: number; resolution: number } {
  const where = sliceWhere(slice.filter);
  const rows = cached(
    db,
    `SELECT f.sla_clock AS clock, count(*) AS n FROM feedback f INDEXED BY feedback_report
     WHERE f.received_at >= ? AND f.received_at < ? AND f.sla_due_at <= ? AND ${where.sql}
     GROUP BY f.sla_clock`,
  ).all(slice.from, slice.to, now, ...where.params) as { clock: string | null; n: number }[];
  const out = { firstResponse: 0, resolution: 0 };
  for (const r of rows) {
    if (r.clock === 'first-response') out.firstResponse += r.n;
    else if (r.clock === 'resolution') out.resolution += r.n;
  }
  return out;
}

export interface EscalationFigures {
  /** Rowids of the slice's items with any escalation record. */
  items: Set<number>;
  byTarget: NamedCount[];
  byReason: NamedCount[];
}

/**
 * Escalations of the slice's items (whenever they were made). A target or a reason counts
 * each item once; a rule escalation's reasons are the names of the rules behind it, a
 * person's the reason as written.
 */
export function escalationFigures(db: DB, slice: ReportSlice): EscalationFigures {
  const where = sliceWhere(slice.filter);
  const rows = cached(
    db,
    `SELECT f.rowid AS r, t.name AS target, e.source, e.reason, e.rules FROM escalations e
       JOIN feedback f ON f.id = e.feedback_id
       JOIN escalation_targets t ON t.id = e.target_id
     WHERE f.received_at >= ? AND f.received_at < ? AND ${where.sql}`,
  ).all(slice.from, slice.to, ...where.params) as { r: number; target: string; source: 'person' | 'rule'; reason: string; rules: string }[];
  const items = new Set<number>();
  const targets = new Map<string, Set<number>>();
  const reasons = new Map<string, Set<number>>();
  const note = (map: Map<string, Set<number>>, key: string, r: number): void => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(r);
  };
  for (const row of rows) {
    items.add(row.r);
    note(targets, row.target, row.r);
    const names = row.source === 'rule' ? ruleNames(row.rules) : [];
    if (names.length > 0) for (const name of names) note(reasons, name, row.r);
    else note(reasons, row.reason.trim() || '(no reason given)', row.r);
  }
  const ranked = (map: Map<string, Set<number>>): NamedCount[] =>
    [...map.entries()]
      .map(([name, set]) => ({ name, count: set.size }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
      .slice(0, TOP_REASONS);
  return { items, byTarget: ranked(targets), byReason: ranked(reasons) };
}

function ruleNames(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? [...new Set(parsed.filter((n): n is string => typeof n === 'string' && n.trim() !== '').map((n) => n.trim()))] : [];
  } catch {
    return [];
  }
}

/** Customer names by id. */
export function customerNames(db: DB, ids: readonly string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = cached(db, 'SELECT id, name FROM customers WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Subject and body of the slice's newest items (up to `limit`), for emerging terms. */
export function sliceTexts(db: DB, slice: ReportSlice, limit: number = TEXTS_PER_SIDE): { text: string; language: string | null; receivedAt: number }[] {
  const where = sliceWhere(slice.filter);
  return cached(
    db,
    `SELECT coalesce(f.subject, '') || ' ' || f.body AS text, f.language, f.received_at AS receivedAt FROM feedback f
     WHERE f.received_at >= ? AND f.received_at < ? AND ${where.sql} ORDER BY f.received_at DESC LIMIT ?`,
  ).all(slice.from, slice.to, ...where.params, limit) as { text: string; language: string | null; receivedAt: number }[];
}
