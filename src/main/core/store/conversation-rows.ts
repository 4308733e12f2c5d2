/**
 * The per-conversation export: every item a filter selects, oldest first, one flat row
 * each (fields, customer, topics and labels, escalation, reply and resolution times, SLA
 * outcomes). Read in keyset batches through the inbox's own page query (pageKeysQuery),
 * so a million items never sit in memory and each batch is one short read.
 */
import type { FeedbackFilter } from '../../../shared/contract';
import { encodeCursor } from './cursor';
import { cached, type DB } from './db';
import { choosePlan, countFeedback, pageKeysQuery, slaNow, type PagePlan, type SlaNow } from './feedback-repo';

/** The characters of the first message an export carries. */
export const BODY_EXCERPT_CHARS = 500;

/** The row's fields in SELECT order; a batch's rows are arrays in this order (raw statements, no object per row). */
export const conversationRowKeys = [
  'id',
  'externalId',
  'source',
  'receivedAt',
  'channel',
  'product',
  'customerName',
  'customerEmail',
  'customerTier',
  'subject',
  'status',
  'priority',
  'sentiment',
  'sentimentScore',
  'sentimentSource',
  'language',
  'topics',
  'labels',
  'urgency',
  'assignee',
  'escalated',
  'escalationTarget',
  'escalationReason',
  'escalationState',
  'escalatedAt',
  'firstResponseAt',
  'resolvedAt',
  'firstResponseBms',
  'resolutionBms',
  'slaFirstResponse',
  'slaResolution',
  'messageCount',
  'rating',
  'body',
] as const;
export type ConversationRowKey = (typeof conversationRowKeys)[number];
/** One row; topics and labels are names joined by TAG_SEPARATOR, escalated is 0 or 1. */
export type ConversationRow = (string | number | null)[];

/** Joins tag names inside a cell: a unit separator, which no tag name holds. */
export const TAG_SEPARATOR = '\u001f';

/**
 * One row per key, in the keys' order (json_each drives the join; CROSS JOIN keeps it the
 * outer loop). Tags come as the item's tag ids and escalations as empty slots: both are
 * filled per batch in JS (a tag combination is worked out once; escalations are few), which
 * costs far less than a sorted subquery per row.
 */
const ROWS_SQL = `
  SELECT f.id, f.external_id, f.source, f.received_at, f.channel, f.product,
    c.name, c.email, c.tier, f.subject, f.status, f.priority,
    f.sentiment, f.sentiment_score, f.sentiment_source, f.language,
    (SELECT group_concat(ft.tag_id) FROM feedback_tags ft WHERE ft.feedback_id = f.id), NULL,
    f.urgency, f.assignee, f.escalated,
    NULL, NULL, NULL, NULL,
    f.first_response_at, f.resolved_at, f.first_response_bms, f.resolution_bms, f.sla_first_response, f.sla_resolution,
    (SELECT count(*) FROM messages m WHERE m.feedback_id = f.id),
    f.rating, substr(f.body, 1, ${BODY_EXCERPT_CHARS})
  FROM json_each(?) j
  CROSS JOIN feedback f ON f.rowid = j.value
  LEFT JOIN customers c ON c.id = f.customer_id`;

/** Every escalation of the batch's items, the one to show last for each: open before closed, then the latest. */
const ESCALATIONS_SQL = `
  SELECT e.feedback_id, t.name, e.reason, e.state, e.created_at
  FROM escalations e JOIN escalation_targets t ON t.id = e.target_id
  WHERE e.feedback_id IN (SELECT value FROM json_each(?))
  ORDER BY e.feedback_id, e.state = 'open', e.created_at`;

const TOPICS = conversationRowKeys.indexOf('topics');
const LABELS = conversationRowKeys.indexOf('labels');
const TARGET = conversationRowKeys.indexOf('escalationTarget');

/** Tag ids to their topic and label names, sorted and joined; each combination worked out once per export. */
function tagNames(db: DB): (ids: string) => [string | null, string | null] {
  let tags = new Map<string, { name: string; kind: string }>();
  const load = (): void => {
    tags = new Map((cached(db, 'SELECT id, name, kind FROM tags').all() as { id: string; name: string; kind: string }[]).map((t) => [t.id, t]));
  };
  load();
  const combos = new Map<string, [string | null, string | null]>();
  return (ids) => {
    let found = combos.get(ids);
    if (found !== undefined) return found;
    const list = ids.split(',');
    // A tag made while the export runs: read the table again.
    if (list.some((id) => !tags.has(id))) load();
    const topics: string[] = [];
    const labels: string[] = [];
    for (const id of list) {
      const t = tags.get(id);
      if (t !== undefined) (t.kind === 'label' ? labels : topics).push(t.name);
    }
    topics.sort(byName);
    labels.sort(byName);
    found = [topics.length > 0 ? topics.join(TAG_SEPARATOR) : null, labels.length > 0 ? labels.join(TAG_SEPARATOR) : null];
    combos.set(ids, found);
    return found;
  };
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface ConversationRowReader {
  /** How many rows the filter selects (for progress). */
  readonly total: number;
  /** The next batch, or null when every row has been read. */
  next(): ConversationRow[] | null;
}

export const ROWS_BATCH = 2_000;

/** A reader of the filter's rows, oldest first; `now` is the clock the SLA filters read. */
export function conversationRows(db: DB, filter: FeedbackFilter, now: number, batch: number = ROWS_BATCH): ConversationRowReader {
  const plan: PagePlan = choosePlan(db, filter);
  const sla: SlaNow = slaNow(db, now);
  const total = countFeedback(db, filter, now);
  const rows = cached(db, ROWS_SQL);
  const escalations = cached(db, ESCALATIONS_SQL).raw(true);
  const names = tagNames(db);
  let cursor: string | null = null;
  let finished = false;
  return {
    total,
    next() {
      if (finished) return null;
      const { sql, params } = pageKeysQuery({ filter, sort: 'oldest', cursor, limit: batch, plan, sla });
      const keys = cached(db, sql).all(...params) as { r: number; received_at: number; id: string }[];
      const more = keys.length > batch;
      if (more) keys.length = batch;
      const last = keys.at(-1);
      if (!more || last === undefined) finished = true;
      else cursor = encodeCursor({ receivedAt: last.received_at, id: last.id });
      if (keys.length === 0) return null;
      const batchRows = rows.raw(true).all(JSON.stringify(keys.map((k) => k.r))) as ConversationRow[];
      // The plan walks json_each in order; should a future SQLite not, put the rows back in the keys' order.
      if (batchRows.some((row, i) => row[0] !== keys[i]?.id)) {
        const byId = new Map(batchRows.map((row) => [row[0], row]));
        batchRows.length = 0;
        for (const k of keys) {
          const row = byId.get(k.id);
          if (row !== undefined) batchRows.push(row);
        }
      }
      for (const row of batchRows) {
        const ids = row[TOPICS];
        if (typeof ids === 'string') [row[TOPICS], row[LABELS]] = names(ids);
      }
      const escalated = escalations.all(JSON.stringify(keys.map((k) => k.id))) as (string | number | null)[][];
      if (escalated.length > 0) {
        const last = new Map(escalated.map((e) => [e[0], e]));
        for (const row of batchRows) {
          const e = last.get(row[0] as string);
          if (e !== undefined) row.splice(TARGET, 4, e[1]!, e[2]!, e[3]!, e[4]!);
        }
      }
      return batchRows;
    },
  };
}
