/**
 * Replies an agent sent, their outcomes against the suggestion they started from, and the
 * two bm25 searches suggestions are ranked from: templates (templates_fts) and past
 * replies by the customer text they answered (reply_fts, see migration 0010).
 */
import type { SuggestionRef } from '../../../shared/contract';
import type { Status } from '../../../shared/domain';
import type { ReplyOutcome } from '../../../shared/templates';
import { cached, type DB } from './db';
import { updateFeedback, type UpdateResult } from './feedback-update';
import { newId } from './ids';
import { getSetting, setSetting } from './settings';

/**
 * How common a term is, is judged among recent messages (by rowid, about the last 70,000
 * conversations): recent replies reflect current practice.
 */
export const REPLY_SEARCH_ROWIDS = 200_000;

export function searchTemplates(db: DB, match: string, limit: number): { rowid: number; rank: number }[] {
  // Columns: name, keywords (incl. topics), body.
  return cached(db, 'SELECT rowid, bm25(templates_fts, 3.0, 4.0, 1.0) AS rank FROM templates_fts WHERE templates_fts MATCH ? ORDER BY rank LIMIT ?').all(match, limit) as {
    rowid: number;
    rank: number;
  }[];
}

export interface PastReplyRow {
  rowid: number;
  rank: number;
  id: string;
  feedback_id: string;
  body: string;
  author: string | null;
  sent_at: number;
  subject: string | null;
  prompt: string;
  language: string | null;
  customer_name: string | null;
}

function replyWindowStart(db: DB): number {
  return (cached(db, 'SELECT coalesce(max(rowid), 0) AS n FROM reply_fts').get() as { n: number }).n - REPLY_SEARCH_ROWIDS;
}

/**
 * How many recent replies answered text with each term, counted only up to `cap` (newest
 * first, so a capped count stops early: about 0.2 ms a term at a million items). Terms at
 * the cap are too common to say what a message is about, and bm25 would have to score
 * every reply they match.
 */
export function replyTermCounts(db: DB, terms: readonly string[], cap: number, quote: (term: string) => string): Map<string, number> {
  const after = replyWindowStart(db);
  const counts = new Map<string, number>();
  for (const term of terms) {
    // Newest first and capped, then the window: FTS5 walks a doclist backwards cheaply, while
    // a "rowid > ?" bound costs a few ms a term on a store of a million (measured).
    counts.set(
      term,
      (cached(db, 'SELECT count(*) AS n FROM (SELECT rowid FROM reply_fts WHERE reply_fts MATCH ? ORDER BY rowid DESC LIMIT ?) WHERE rowid > ?').get(quote(term), cap, after) as { n: number })
        .n,
    );
  }
  return counts;
}

/** The most recent matching replies that are ranked: current practice, and a bounded cost. */
export const REPLY_SEARCH_MATCHES = 3_000;

/**
 * Sent replies whose conversation reads most like `match`, best first (bm25), among the
 * REPLY_SEARCH_MATCHES most recent replies that match at all.
 */
export function searchPastReplies(db: DB, match: string, limit: number, excludeFeedbackId: string): PastReplyRow[] {
  const hits = cached(
    db,
    `SELECT rowid, rank FROM (SELECT rowid, bm25(reply_fts) AS rank FROM reply_fts WHERE reply_fts MATCH ? ORDER BY rowid DESC LIMIT ?)
     ORDER BY rank LIMIT ?`,
  ).all(match, REPLY_SEARCH_MATCHES, limit * 3) as { rowid: number; rank: number }[];
  if (hits.length === 0) return [];
  const rows = cached(
    db,
    `SELECT m.rowid, m.id, m.feedback_id, m.body, m.author, m.sent_at, f.subject, f.body AS prompt, f.language, c.name AS customer_name
     FROM messages m JOIN feedback f ON f.id = m.feedback_id LEFT JOIN customers c ON c.id = f.customer_id
     WHERE m.rowid IN (SELECT value FROM json_each(?)) AND m.direction = 'out' AND m.feedback_id != ?`,
  ).all(JSON.stringify(hits.map((h) => h.rowid)), excludeFeedbackId) as Omit<PastReplyRow, 'rank'>[];
  const byRowid = new Map(rows.map((r) => [r.rowid, r]));
  return hits.flatMap((h) => {
    const row = byRowid.get(h.rowid);
    return row ? [{ ...row, rank: h.rank }] : [];
  }).slice(0, limit);
}

/** How often an earlier reply was reused from a suggestion, and how often unchanged. */
export function pastReplyUsage(db: DB, messageIds: readonly string[]): Map<string, { used: number; unchanged: number }> {
  const rows = cached(
    db,
    `SELECT source_message_id AS id, sum(outcome IN ('unchanged', 'edited')) AS used, sum(outcome = 'unchanged') AS unchanged
     FROM reply_outcomes WHERE source_message_id IN (SELECT value FROM json_each(?)) GROUP BY source_message_id`,
  ).all(JSON.stringify(messageIds)) as { id: string; used: number; unchanged: number }[];
  return new Map(rows.map((r) => [r.id, { used: r.used, unchanged: r.unchanged }]));
}

export interface SentReply {
  messageId: string;
  status: Status;
  update: UpdateResult;
}

/**
 * One transaction: the outbound message, its entry in reply_fts (so it can be suggested for
 * similar feedback later), status replied, and the outcome record.
 */
export function recordSentReply(
  db: DB,
  input: {
    feedbackId: string;
    body: string;
    author: string | null;
    suggestion: SuggestionRef | null;
    outcome: ReplyOutcome;
    editDistance: number | null;
  },
  now: number,
): SentReply {
  return db.transaction(() => {
    const messageId = newId(now);
    const inserted = cached(db, "INSERT INTO messages (id, feedback_id, direction, author, body, sent_at) VALUES (?, ?, 'out', ?, ?, ?)").run(
      messageId,
      input.feedbackId,
      input.author,
      input.body,
      now,
    );
    cached(
      db,
      `INSERT INTO reply_fts(rowid, prompt) SELECT ?, coalesce(subject, '') || ' ' || body FROM feedback WHERE id = ?`,
    ).run(inserted.lastInsertRowid, input.feedbackId);
    const update = updateFeedback(db, [input.feedbackId], { status: 'replied', unread: false }, now);
    recordOutcome(db, { ...input, messageId, outcome: input.outcome }, now);
    return { messageId, status: 'replied' as const, update };
  }).immediate();
}

export function recordOutcome(
  db: DB,
  input: { feedbackId: string; messageId: string | null; suggestion: SuggestionRef | null; outcome: ReplyOutcome; editDistance: number | null; author: string | null },
  now: number,
): void {
  const s = input.suggestion;
  cached(
    db,
    `INSERT INTO reply_outcomes (id, feedback_id, message_id, outcome, source_kind, template_id, source_message_id, suggested_text, rank, edit_distance, agent, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    newId(now),
    input.feedbackId,
    input.messageId,
    input.outcome,
    s?.kind ?? null,
    s?.kind === 'template' ? s.sourceId : null,
    s?.kind === 'reply' ? s.sourceId : null,
    s?.text ?? null,
    s?.rank ?? null,
    input.editDistance,
    input.author,
    now,
  );
}

/** The reply outcomes of one conversation, oldest first (tests, reports). */
export function outcomesOf(db: DB, feedbackId: string): {
  outcome: ReplyOutcome;
  source_kind: string | null;
  template_id: string | null;
  source_message_id: string | null;
  message_id: string | null;
  edit_distance: number | null;
  rank: number | null;
}[] {
  return cached(
    db,
    'SELECT outcome, source_kind, template_id, source_message_id, message_id, edit_distance, rank FROM reply_outcomes WHERE feedback_id = ? ORDER BY created_at, id',
  ).all(feedbackId) as ReturnType<typeof outcomesOf>;
}

export function feedbackExists(db: DB, id: string): boolean {
  return cached(db, 'SELECT 1 FROM feedback WHERE id = ?').get(id) !== undefined;
}

const AGENT_NAME_KEY = 'agent.name';

export function agentName(db: DB): string {
  return getSetting(db, AGENT_NAME_KEY) ?? '';
}

export function saveAgentName(db: DB, name: string, now: number): string {
  setSetting(db, AGENT_NAME_KEY, name, now);
  return name;
}

/** The newest sent reply's rowid (0 without any): a cheap "have replies changed" marker. */
export function lastReplyRowid(db: DB): number {
  return (cached(db, "SELECT coalesce(max(rowid), 0) AS n FROM messages WHERE direction = 'out'").get() as { n: number }).n;
}

/**
 * Sent replies to a product's newest conversations (at most `conversations` of them), newest
 * first, with the message each answered. Walks the product index, so a rare product does not
 * scan the whole message table.
 */
export function recentProductReplies(db: DB, product: string | null, conversations: number, limit: number): Omit<PastReplyRow, 'rank'>[] {
  return cached(
    db,
    `SELECT m.rowid, m.id, m.feedback_id, m.body, m.author, m.sent_at, f.subject, f.body AS prompt, f.language, c.name AS customer_name
     FROM (SELECT id, subject, body, language, customer_id, received_at FROM feedback WHERE product IS ? ORDER BY received_at DESC LIMIT ?) f
     JOIN messages m ON m.feedback_id = f.id AND m.direction = 'out'
     LEFT JOIN customers c ON c.id = f.customer_id
     ORDER BY f.received_at DESC, m.rowid DESC LIMIT ?`,
  ).all(product, conversations, limit) as Omit<PastReplyRow, 'rank'>[];
}
