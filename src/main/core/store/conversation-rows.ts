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
 * The escalation shown is the open one, else the latest; the ORDER BY runs over one item's
 * few records through escalations_by_item. Rows come back in the keys' order (j.key).
 */
const ROWS_SQL = `
  SELECT f.id, f.external_id, f.source, f.received_at, f.channel, f.product,
    c.name, c.email, c.tier, f.subject, f.status, f.priority,
    f.sentiment, f.sentiment_score, f.sentiment_source, f.language,
    (SELECT group_concat(t.name, char(31) ORDER BY t.name) FROM feedback_tags ft JOIN tags t ON t.id = ft.tag_id
      WHERE ft.feedback_id = f.id AND t.kind = 'topic'),
    (SELECT group_concat(t.name, char(31) ORDER BY t.name) FROM feedback_tags ft JOIN tags t ON t.id = ft.tag_id
      WHERE ft.feedback_id = f.id AND t.kind = 'label'),
    f.urgency, f.assignee, f.escalated,
    et.name, e.reason, e.state, e.created_at,
    f.first_response_at, f.resolved_at, f.first_response_bms, f.resolution_bms, f.sla_first_response, f.sla_resolution,
    (SELECT count(*) FROM messages m WHERE m.feedback_id = f.id),
    f.rating, substr(f.body, 1, ${BODY_EXCERPT_CHARS})
  FROM json_each(?) j
  CROSS JOIN feedback f ON f.rowid = j.value
  LEFT JOIN customers c ON c.id = f.customer_id
  LEFT JOIN escalations e ON e.id = (
    SELECT e2.id FROM escalations e2 WHERE e2.feedback_id = f.id ORDER BY e2.state = 'open' DESC, e2.created_at DESC LIMIT 1)
  LEFT JOIN escalation_targets et ON et.id = e.target_id
  ORDER BY j.key`;

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
      const rowids = keys.map((k) => k.r);
      return rows.raw(true).all(JSON.stringify(rowids)) as ConversationRow[];
    },
  };
}
