import type { FeedbackDetail, FeedbackFilter, FeedbackSort, FeedbackSummary, LanguageReason, SentimentCueInfo, Stats, UrgencyLevel } from '../../../shared/contract';
import type { Channel, CustomerTier, MessageDirection, Sentiment, Status, TagSource } from '../../../shared/domain';
import { HearkenError } from '../../../shared/errors';
import { HIGHLIGHT_END, HIGHLIGHT_START, longPrefixTerm, toFtsQuery, withPrefixExpanded } from '../../../shared/search';
import type { Priority, SlaClockKind, SlaSummary } from '../../../shared/escalation/schema';
import { decodeCursor, encodeCursor } from './cursor';
import { cached, type DB } from './db';
import { itemClocks } from './derived';
import { flagsOf, openEscalation } from './escalations-repo';
import { qualityFigures } from './quality';
import { loadSlaSettings } from './sla-repo';

interface SummaryRow {
  id: string;
  channel: Channel;
  subject: string | null;
  preview: string;
  customer_id: string | null;
  customer_name: string | null;
  customer_tier: CustomerTier | null;
  product: string | null;
  language: string | null;
  status: Status;
  sentiment: Sentiment | null;
  escalated: number;
  unread: number;
  received_at: number;
  message_count: number;
  tags_json: string;
  priority: Priority | null;
  sla_due_at: number | null;
  sla_clock: SlaClockKind | null;
  snippet?: string | null;
}

/**
 * The clock the SLA filters and the list's SLA state are read against, and the due-soon
 * window (SLA settings). Callers pass the call's time; without one, now.
 */
export interface SlaNow {
  now: number;
  dueSoonMs: number;
}

export function slaNow(db: DB, now: number = Date.now()): SlaNow {
  return { now, dueSoonMs: loadSlaSettings(db).dueSoonMinutes * 60_000 };
}

const PREVIEW_CHARS = 240;

const summaryColumns = `
  f.id, f.channel, f.subject, substr(f.body, 1, ${PREVIEW_CHARS}) AS preview,
  f.customer_id, c.name AS customer_name, c.tier AS customer_tier,
  f.product, f.language, f.status, f.sentiment, f.escalated, f.unread, f.received_at, f.priority, f.sla_due_at, f.sla_clock,
  (SELECT count(*) FROM messages m WHERE m.feedback_id = f.id) AS message_count,
  (SELECT json_group_array(json_object('name', t.name, 'source', ft.source))
     FROM feedback_tags ft JOIN tags t ON t.id = ft.tag_id WHERE ft.feedback_id = f.id) AS tags_json`;

/**
 * How a page query uses its selective conditions (tags and search). A condition that
 * matches few items "drives": SQLite fetches those items and sorts them. One that matches
 * many is "probed": SQLite walks the inbox order and tests each row, stopping at a full
 * page. Either way is fast when chosen right; the wrong one costs seconds at a million
 * items (bench/README.md). `choosePlan` decides with a capped count.
 */
export interface PagePlan {
  tags: 'drive' | 'probe';
  search: 'drive' | 'probe';
}

const DRIVE_ALL: PagePlan = { tags: 'drive', search: 'drive' };

/** Under this many matches a condition drives the page query. */
export const RARE_MATCHES = 2000;

const TAG_ID = '(SELECT t.id FROM tags t WHERE t.name = ?)';

/** Items that a rule suggesting a target matches now (rule_matches_by_rule drives it). */
const FLAGGED = `f.id IN (SELECT rm.feedback_id FROM rule_matches rm WHERE rm.rule_id IN
  (SELECT r.id FROM rules r WHERE r.enabled = 1 AND json_extract(r.definition, '$.actions.escalateTo') IS NOT NULL))`;

/**
 * Builds the WHERE clause for a filter; values are always bound, never interpolated.
 * `flagged`: a rule that suggests a target matches the item, and it is not escalated yet.
 * The SLA filters read the clock and the due-soon window from `sla`.
 */
export function filterClause(filter: FeedbackFilter, plan: PagePlan = DRIVE_ALL, sla?: SlaNow, walk?: ListColumn): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly string[] | undefined): void => {
    if (!values || values.length === 0) return;
    const list = values.map(() => '?').join(', ');
    // Walking one column's index, another column is tested in its own index (same
    // received_at and id) rather than in the row: index pages hold ten times the rows.
    const own = column.slice(2) as ListColumn;
    parts.push(
      walk && own !== walk && LIST_COLUMNS.includes(own)
        ? `EXISTS (SELECT 1 FROM feedback g INDEXED BY feedback_by_${own} WHERE g.${own} IN (${list}) AND g.received_at = f.received_at AND g.id = f.id)`
        : `${column} IN (${list})`,
    );
    params.push(...values);
  };
  inList('f.status', filter.status);
  inList('f.sentiment', filter.sentiment);
  inList('f.channel', filter.channel);
  inList('f.product', filter.product);
  inList('f.language', filter.language);
  inList('f.assignee', filter.assignee);
  for (const tag of filter.tags ?? []) {
    parts.push(
      plan.tags === 'drive'
        ? `f.id IN (SELECT ft.feedback_id FROM feedback_tags ft WHERE ft.tag_id = ${TAG_ID})`
        : `EXISTS (SELECT 1 FROM feedback_tags ft WHERE ft.feedback_id = f.id AND ft.tag_id = ${TAG_ID})`,
    );
    params.push(tag);
  }
  if (filter.receivedFrom !== undefined) {
    parts.push('f.received_at >= ?');
    params.push(filter.receivedFrom);
  }
  if (filter.receivedTo !== undefined) {
    parts.push('f.received_at < ?');
    params.push(filter.receivedTo);
  }
  if (filter.customerId !== undefined) {
    parts.push('f.customer_id = ?');
    params.push(filter.customerId);
  }
  // Flags are written as literals so the partial indexes on them apply.
  if (filter.escalated !== undefined) parts.push(`f.escalated = ${filter.escalated ? 1 : 0}`);
  if (filter.unread !== undefined) parts.push(`f.unread = ${filter.unread ? 1 : 0}`);
  if (filter.vip !== undefined) parts.push(`f.vip = ${filter.vip ? 1 : 0}`);
  if (filter.flagged !== undefined) parts.push(filter.flagged ? `f.escalated = 0 AND ${FLAGGED}` : `NOT (f.escalated = 0 AND ${FLAGGED})`);
  if (filter.sla !== undefined) {
    const now = sla?.now ?? Date.now();
    if (filter.sla === 'breached') {
      parts.push('f.sla_due_at <= ?');
      params.push(now);
    } else {
      parts.push('f.sla_due_at > ? AND f.sla_due_at <= ?');
      params.push(now, now + (sla?.dueSoonMs ?? 3_600_000));
    }
  }
  const match = filter.query ? toFtsQuery(filter.query) : null;
  if (match) {
    // The unary + keeps SQLite from driving the query by the search hits: it tests each
    // row against the set of hits instead (built once per query).
    parts.push(`${plan.search === 'drive' ? '' : '+'}f.rowid IN (SELECT rowid FROM feedback_fts WHERE feedback_fts MATCH ?)`);
    params.push(match);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

function cappedCount(db: DB, sql: string, params: unknown[], cap: number): number {
  return (cached(db, `SELECT count(*) AS n FROM (${sql} LIMIT ?)`).get(...params, cap) as { n: number }).n;
}

/** Picks drive or probe for tags and search by counting their matches, up to RARE_MATCHES. */
export function choosePlan(db: DB, filter: FeedbackFilter, rare: number = RARE_MATCHES): PagePlan {
  const match = filter.query ? toFtsQuery(filter.query) : null;
  const rareTag = (filter.tags ?? []).some((tag) => cappedCount(db, `SELECT 1 FROM feedback_tags WHERE tag_id = ${TAG_ID}`, [tag], rare) < rare);
  const rareSearch = match !== null && cappedCount(db, 'SELECT 1 FROM feedback_fts WHERE feedback_fts MATCH ?', [match], rare) < rare;
  return { tags: rareTag ? 'drive' : 'probe', search: rareSearch ? 'drive' : 'probe' };
}

/**
 * With nothing rare to drive it, a page must come from an index already in inbox order,
 * or SQLite collects every match and sorts them (seconds at a million items). The
 * customer and a single value of an indexed column have such an index of their own, which
 * SQLite finds; a flag's partial index (escalated, VIP, unread: smallest first) and
 * otherwise (received_at, id) are named, because next to an IN list SQLite prefers to sort.
 */
function orderedIndex(filter: FeedbackFilter, plan: PagePlan): string | null {
  const driven = (filter.tags?.length && plan.tags === 'drive') || (filter.query && toFtsQuery(filter.query) && plan.search === 'drive');
  if (driven || filter.customerId !== undefined || filter.sla !== undefined || filter.flagged === true) return null;
  if (filter.escalated === true) return 'feedback_escalated';
  if (filter.vip === true) return 'feedback_vip';
  if (filter.unread === true) return 'feedback_unread';
  const single = [filter.status, filter.sentiment, filter.channel, filter.product, filter.language].some((values) => values?.length === 1);
  return single ? null : 'feedback_by_received';
}

/** Columns with an index on (column, received_at, id); the first is the one walked first. */
const LIST_COLUMNS = ['language', 'product', 'channel', 'sentiment', 'status'] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];

/** Filter keys that need nothing of an item's row beyond those indexes (and tags, search). */
const INDEX_ONLY_KEYS = new Set<string>([...LIST_COLUMNS, 'tags', 'query', 'receivedFrom', 'receivedTo']);

/**
 * A page under two or more of the list columns walks one single-value column's index in
 * inbox order and tests the others in their own indexes (filterClause's walk), so a deep
 * page reads index pages instead of one row per candidate (product + language read about
 * 500 rows for a page). Null when something else drives, or a condition needs the row.
 */
export function columnWalk(filter: FeedbackFilter, plan: PagePlan): ListColumn | null {
  const driven = (filter.tags?.length && plan.tags === 'drive') || (filter.query && toFtsQuery(filter.query) && plan.search === 'drive');
  if (driven) return null;
  const used = Object.entries(filter).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0));
  if (!used.every(([key]) => INDEX_ONLY_KEYS.has(key))) return null;
  const columns = LIST_COLUMNS.filter((c) => (filter[c]?.length ?? 0) > 0);
  const single = columns.find((c) => filter[c]!.length === 1);
  return single && columns.length >= 2 ? single : null;
}

/** The list's SLA state from the stored deadline alone (the detail pane works out the clocks). */
function slaOf(row: SummaryRow, sla: SlaNow): SlaSummary | null {
  if (row.sla_due_at !== null) {
    const state = row.sla_due_at <= sla.now ? 'breached' : row.sla_due_at <= sla.now + sla.dueSoonMs ? 'due-soon' : 'ok';
    return { state, dueAt: row.sla_due_at, clock: row.sla_clock };
  }
  if (row.status === 'pending') return { state: 'paused', dueAt: null, clock: null };
  return null;
}

function toSummary(row: SummaryRow, sla: SlaNow, flag: FeedbackSummary['flag'] = null): FeedbackSummary {
  return {
    id: row.id,
    channel: row.channel,
    subject: row.subject,
    preview: row.preview.replace(/\s+/g, ' ').trim(),
    customer: row.customer_id && row.customer_name !== null ? { id: row.customer_id, name: row.customer_name, tier: row.customer_tier ?? 'standard' } : null,
    product: row.product,
    language: row.language,
    status: row.status,
    sentiment: row.sentiment,
    tags: (JSON.parse(row.tags_json) as { name: string; source: TagSource }[]).sort((a, b) => a.name.localeCompare(b.name)),
    escalated: row.escalated === 1,
    unread: row.unread === 1,
    messageCount: row.message_count,
    receivedAt: row.received_at,
    priority: row.priority,
    sla: slaOf(row, sla),
    flag: row.escalated === 1 ? null : flag,
    snippet: row.snippet ?? null,
  };
}

/**
 * One inbox page in received order, continued by keyset (never OFFSET, so deep pages stay
 * fast). The cursor is the last row's (received_at, id); ties on time are broken by id.
 */
/** The SQL that finds one page's keys; exported so tests can check its query plan. */
export function pageKeysQuery(query: {
  filter: FeedbackFilter;
  sort?: FeedbackSort;
  cursor: string | null;
  limit: number;
  plan?: PagePlan;
  sla?: SlaNow;
  /** false: test every column in the row (the plain plan, for tests). */
  columnWalk?: boolean;
}): { sql: string; params: unknown[] } {
  const oldest = query.sort === 'oldest';
  const after = oldest ? '>' : '<';
  const direction = oldest ? 'ASC' : 'DESC';
  const plan = query.plan ?? DRIVE_ALL;
  const walkBy = query.columnWalk === false ? null : columnWalk(query.filter, plan);
  const where = filterClause(query.filter, plan, query.sla, walkBy ?? undefined);
  const index = walkBy ? `feedback_by_${walkBy}` : where.sql === '1' ? null : orderedIndex(query.filter, plan);
  // A search that drives must drive: without statistics SQLite preferred walking a
  // column's index (every e-mail, say) and testing each row against the few hits.
  // NOT INDEXED still lets it look rows up by rowid, which is how the hits drive.
  const searchDrives = plan.search === 'drive' && query.filter.query !== undefined && toFtsQuery(query.filter.query) !== null;
  const walk = index ? ` INDEXED BY ${index}` : searchDrives ? ' NOT INDEXED' : '';
  let sql = `SELECT f.rowid AS r, f.received_at, f.id FROM feedback f${walk} WHERE ${where.sql}`;
  const params = [...where.params];
  if (query.cursor) {
    const from = decodeCursor(query.cursor);
    // A row-value comparison lets SQLite seek the (…, received_at, id) index to the cursor;
    // the equivalent OR form made it walk from the top of the inbox on every deep page.
    sql += ` AND (f.received_at, f.id) ${after} (?, ?)`;
    params.push(from.receivedAt, from.id);
  }
  sql += ` ORDER BY f.received_at ${direction}, f.id ${direction} LIMIT ?`;
  params.push(query.limit + 1);
  return { sql, params };
}

export function listFeedback(
  db: DB,
  query: { filter: FeedbackFilter; sort?: FeedbackSort; cursor: string | null; limit: number },
  now: number = Date.now(),
): { items: FeedbackSummary[]; nextCursor: string | null } {
  // Two steps: first the page's keys alone, so that sorting many candidates never pays
  // for the per-row subqueries (tags, thread size, snippet); then the rows of that page.
  const sla = slaNow(db, now);
  const { sql, params } = pageKeysQuery({ ...query, plan: choosePlan(db, query.filter), sla });
  const keys = cached(db, sql).all(...params) as { r: number; received_at: number; id: string }[];
  const more = keys.length > query.limit;
  const pageKeys = more ? keys.slice(0, query.limit) : keys;
  const last = pageKeys.at(-1);
  return {
    items: summariesByRowid(db, pageKeys.map((k) => k.r), query.filter.query, sla),
    nextCursor: more && last ? encodeCursor({ receivedAt: last.received_at, id: last.id }) : null,
  };
}

/**
 * The MATCH expression for the page's snippets: the search itself, with a long prefix term
 * replaced by the page's words that start with it (see withPrefixExpanded; one snippet per
 * row re-expanded "refu"* each time, 400 ms a page at a million items).
 */
function snippetMatch(db: DB, rowids: readonly number[], search: string | undefined): string | null {
  const match = search ? toFtsQuery(search) : null;
  if (match === null || !longPrefixTerm(match)) return match;
  const texts = cached(db, 'SELECT subject, body, customer_name FROM feedback_search_source WHERE rowid IN (SELECT value FROM json_each(?))').all(JSON.stringify(rowids)) as {
    subject: string | null;
    body: string;
    customer_name: string | null;
  }[];
  return withPrefixExpanded(
    match,
    texts.flatMap((t) => [t.subject, t.body, t.customer_name]),
  );
}

const SNIPPET = `snippet(feedback_fts, -1, '${HIGHLIGHT_START}', '${HIGHLIGHT_END}', '…', 14)`;

/**
 * How many segments the search index has now (its structure record: a 4-byte cookie, an
 * optional 4-byte version mark, then varints for the levels and the segments); a large
 * number when it cannot be read, which chooses the way that does not depend on it.
 */
export function searchSegments(db: DB): number {
  const row = cached(db, 'SELECT block FROM feedback_fts_data WHERE id = 10').get() as { block: Buffer } | undefined;
  const b = row?.block;
  if (!b || b.length < 6) return Number.MAX_SAFE_INTEGER;
  let i = b[4] === 0xff && b[5] === 0 && b[6] === 0 && b[7] === 1 ? 8 : 4;
  const varint = (): number => {
    let x = 0;
    for (let n = 0; n < 9 && i < b.length; n++) {
      const c = b[i++]!;
      x = x * 128 + (c & 0x7f);
      if (!(c & 0x80)) return x;
    }
    return Number.MAX_SAFE_INTEGER;
  };
  varint();
  return varint();
}

/**
 * Search snippets for a page's rows. 'each' asks the search once per row; each ask seeks
 * every term in every index segment, so it is cheap on a merged index (one segment: 1 to
 * 3 ms a page at a million items) and costly on a freshly loaded one (11 to 55 ms a page
 * with a dozen segments, half a phrase search's time). 'range' runs the search once over
 * the page's rowid range and makes snippets for the page's rows only: about one pass over
 * the hits (1 to 6 ms) whatever the segments. Both give the same snippets (tested).
 */
export function pageSnippets(db: DB, rowids: readonly number[], match: string, how: 'range' | 'each' = searchSegments(db) <= 1 ? 'each' : 'range'): Map<number, string | null> {
  const out = new Map<number, string | null>();
  if (rowids.length === 0) return out;
  const page = JSON.stringify(rowids);
  if (how === 'each') {
    const rows = cached(db, `SELECT j.value AS r, (SELECT ${SNIPPET} FROM feedback_fts WHERE feedback_fts MATCH ? AND feedback_fts.rowid = j.value) AS s FROM json_each(?) j`).all(
      match,
      page,
    ) as { r: number; s: string | null }[];
    for (const row of rows) out.set(row.r, row.s);
    return out;
  }
  let lo = rowids[0]!;
  let hi = lo;
  for (const r of rowids) {
    if (r < lo) lo = r;
    if (r > hi) hi = r;
  }
  // CASE keeps snippet() to the page's rows; other hits in the range are only stepped over.
  const rows = cached(
    db,
    `SELECT rowid AS r, CASE WHEN rowid IN (SELECT value FROM json_each(?)) THEN ${SNIPPET} END AS s
     FROM feedback_fts WHERE feedback_fts MATCH ? AND rowid BETWEEN ? AND ?`,
  ).all(page, match, lo, hi) as { r: number; s: string | null }[];
  for (const row of rows) if (row.s !== null) out.set(row.r, row.s);
  return out;
}

/** List rows for the given rowids, in the given order, with search snippets when searching. */
function summariesByRowid(db: DB, rowids: readonly number[], search: string | undefined, sla: SlaNow): FeedbackSummary[] {
  if (rowids.length === 0) return [];
  const match = snippetMatch(db, rowids, search);
  const snippets = match ? pageSnippets(db, rowids, match) : null;
  const rows = cached(
    db,
    `SELECT f.rowid AS r, ${summaryColumns} FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id
     WHERE f.rowid IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(rowids)) as (SummaryRow & { r: number })[];
  if (snippets) for (const row of rows) row.snippet = snippets.get(row.r) ?? null;
  const byRowid = new Map(rows.map((row) => [row.r, row]));
  const flags = firstFlags(
    db,
    rows.filter((row) => row.escalated === 0).map((row) => row.id),
  );
  return rowids.flatMap((r) => {
    const row = byRowid.get(r);
    return row ? [toSummary(row, sla, flags.get(row.id) ?? null)] : [];
  });
}

/** Each item's first rule suggestion, for its row: one query for a page. */
function firstFlags(db: DB, ids: readonly string[]): Map<string, NonNullable<FeedbackSummary['flag']>> {
  const out = new Map<string, NonNullable<FeedbackSummary['flag']>>();
  if (ids.length === 0) return out;
  // Ordered here rather than in SQL: a page's few matches need no sort step in the plan.
  const rows = cached(
    db,
    `SELECT rm.feedback_id AS id, rm.explanation, t.name AS target_name, r.position, r.created_at FROM rule_matches rm JOIN rules r ON r.id = rm.rule_id
     LEFT JOIN escalation_targets t ON t.id = json_extract(r.definition, '$.actions.escalateTo')
     WHERE rm.feedback_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as { id: string; explanation: string; target_name: string | null; position: number; created_at: number }[];
  rows.sort((a, b) => a.position - b.position || a.created_at - b.created_at);
  for (const row of rows) if (!out.has(row.id)) out.set(row.id, { targetName: row.target_name, explanation: row.explanation });
  return out;
}

/** List rows for the given item ids, in that order (the escalation queue, a rule's preview). */
export function summariesByIds(db: DB, ids: readonly string[], now: number = Date.now()): FeedbackSummary[] {
  if (ids.length === 0) return [];
  const rowids = cached(db, 'SELECT f.rowid AS r, f.id FROM feedback f WHERE f.id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { r: number; id: string }[];
  const byId = new Map(rowids.map((x) => [x.id, x.r] as const));
  return summariesByRowid(
    db,
    ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    undefined,
    slaNow(db, now),
  );
}

const COUNTED_KEYS = new Set(['status', 'unread', 'escalated', 'vip']);

/** A filter on status and the unread, escalated and VIP flags alone is answered from feedback_counts (0008). */
function countFromCounters(db: DB, filter: FeedbackFilter): number | null {
  const keys = Object.entries(filter).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0));
  if (!keys.every(([key]) => COUNTED_KEYS.has(key))) return null;
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filter.status?.length) {
    parts.push(`status IN (${filter.status.map(() => '?').join(', ')})`);
    params.push(...filter.status);
  }
  if (filter.unread !== undefined) parts.push(`unread = ${filter.unread ? 1 : 0}`);
  if (filter.escalated !== undefined) parts.push(`escalated = ${filter.escalated ? 1 : 0}`);
  if (filter.vip !== undefined) parts.push(`vip = ${filter.vip ? 1 : 0}`);
  const sql = `SELECT coalesce(sum(n), 0) AS n FROM feedback_counts${parts.length ? ` WHERE ${parts.join(' AND ')}` : ''}`;
  return (cached(db, sql).get(...params) as { n: number }).n;
}

export function countFeedback(db: DB, filter: FeedbackFilter, now: number = Date.now()): number {
  const counted = countFromCounters(db, filter);
  if (counted !== null) return counted;
  const where = filterClause(filter, DRIVE_ALL, filter.sla !== undefined ? slaNow(db, now) : undefined);
  // Without a WHERE clause SQLite counts from the smallest index instead of testing rows.
  const sql = where.params.length === 0 && where.sql === '1' ? 'SELECT count(*) AS n FROM feedback f' : `SELECT count(*) AS n FROM feedback f WHERE ${where.sql}`;
  const row = cached(db, sql).get(...where.params) as { n: number };
  return row.n;
}

export function getFeedback(db: DB, id: string, now: number = Date.now()): FeedbackDetail {
  const row = cached(db, `SELECT ${summaryColumns}, f.body, f.rating, f.assignee, f.sentiment_score, f.sentiment_source, f.sentiment_cues, f.urgency, f.urgency_reasons, f.language_reason, c.email AS customer_email,
      (SELECT count(*) FROM feedback o WHERE o.customer_id = f.customer_id) AS contact_count
    FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id WHERE f.id = ?`).get(id) as
    | (SummaryRow & {
        body: string;
        rating: number | null;
        assignee: string | null;
        sentiment_score: number | null;
        sentiment_source: TagSource | null;
        sentiment_cues: string | null;
        urgency: UrgencyLevel | null;
        urgency_reasons: string | null;
        language_reason: LanguageReason | null;
        customer_email: string | null;
        contact_count: number;
      })
    | undefined;
  if (!row) throw new HearkenError('NOT_FOUND', 'That feedback item no longer exists.');
  const messages = cached(db, 'SELECT id, direction, author, body, sent_at FROM messages WHERE feedback_id = ? ORDER BY sent_at, rowid').all(id) as {
    id: string;
    direction: MessageDirection;
    author: string | null;
    body: string;
    sent_at: number;
  }[];
  const flags = flagsOf(db, [id]).get(id) ?? [];
  const first = flags[0];
  const summary = toSummary(row, slaNow(db, now), first ? { targetName: first.targetName, explanation: first.explanation } : null);
  const earlier = row.customer_id
    ? (cached(
        db,
        `SELECT id, subject, substr(body, 1, ${PREVIEW_CHARS}) AS preview, status, sentiment, received_at FROM feedback
         WHERE customer_id = ? AND id != ? ORDER BY received_at DESC, id DESC LIMIT 5`,
      ).all(row.customer_id, id) as { id: string; subject: string | null; preview: string; status: Status; sentiment: Sentiment | null; received_at: number }[])
    : [];
  return {
    ...summary,
    body: row.body,
    rating: row.rating,
    assignee: row.assignee,
    sentimentScore: row.sentiment_score,
    sentimentSource: row.sentiment_source,
    languageReason: row.language_reason,
    // Cues explain a local sentiment only; a person's or a file's sentiment is its own reason.
    sentimentCues: row.sentiment_source === 'local' && row.sentiment_cues ? (JSON.parse(row.sentiment_cues) as SentimentCueInfo[]) : [],
    urgency: row.urgency ? { level: row.urgency, reasons: row.urgency_reasons ? (JSON.parse(row.urgency_reasons) as string[]) : [] } : null,
    customer: summary.customer
      ? {
          ...summary.customer,
          email: row.customer_email,
          contactCount: row.contact_count,
          earlier: earlier.map((e) => ({ id: e.id, subject: e.subject, preview: e.preview.replace(/\s+/g, ' ').trim(), status: e.status, sentiment: e.sentiment, receivedAt: e.received_at })),
        }
      : null,
    messages: messages.map((m) => ({ id: m.id, direction: m.direction, author: m.author, body: m.body, sentAt: m.sent_at })),
    escalation: openEscalation(db, id),
    flags,
    slaClocks: itemClocks(db, id, now),
  };
}

export function feedbackStats(db: DB): Stats {
  const group = (column: string): Record<string, number> => {
    // Grouped by the bare column so the column's index serves the scan; NULL reads "unknown".
    const rows = cached(db, `SELECT ${column} AS k, count(*) AS n FROM feedback GROUP BY ${column}`).all() as { k: string | null; n: number }[];
    return sortedCounts(rows);
  };
  const byStatus = sortedCounts(cached(db, 'SELECT status AS k, sum(n) AS n FROM feedback_counts GROUP BY status HAVING sum(n) > 0').all() as { k: string; n: number }[]);
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  return { total, byStatus, bySentiment: group('sentiment'), byChannel: group('channel'), quality: qualityFigures(db) };
}

function sortedCounts(rows: { k: string | null; n: number }[]): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [r.k ?? 'unknown', r.n] as const).sort(([a], [b]) => a.localeCompare(b)));
}

/** Distinct values of an indexed column by skipping through its index, one seek per value. */
function distinctByIndex(db: DB, column: 'product' | 'language'): string[] {
  const sql = `WITH RECURSIVE v(x) AS (
      SELECT min(${column}) FROM feedback
      UNION ALL SELECT (SELECT min(${column}) FROM feedback WHERE ${column} > v.x) FROM v WHERE v.x IS NOT NULL
    ) SELECT x AS v FROM v WHERE x IS NOT NULL`;
  return (cached(db, sql).all() as { v: string }[]).map((r) => r.v);
}

export function feedbackFacets(db: DB): { products: string[]; languages: string[]; tags: { name: string; count: number }[]; assignees: string[] } {
  return {
    products: distinctByIndex(db, 'product'),
    languages: distinctByIndex(db, 'language'),
    // Counted per tag on feedback_tags_by_tag: a join grouped by tag read every row instead.
    tags: cached(db, 'SELECT t.name AS name, (SELECT count(*) FROM feedback_tags ft WHERE ft.tag_id = t.id) AS count FROM tags t ORDER BY count DESC, t.name').all() as {
      name: string;
      count: number;
    }[],
    assignees: (cached(db, 'SELECT DISTINCT assignee AS v FROM feedback INDEXED BY feedback_by_assignee WHERE assignee IS NOT NULL ORDER BY v').all() as { v: string }[]).map(
      (r) => r.v,
    ),
  };
}
