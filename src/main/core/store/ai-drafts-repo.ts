/**
 * Reply drafts (ai_drafts, migration 0015): the sources each was grounded on, kept with the
 * full text the model was given so a retried job asks with exactly the same sources; the
 * streamed text once done; and what became of the draft (sent unchanged, edited, set aside).
 */
import type { AiDraft, DraftSource, ReplyTone, UnsupportedPromise } from '../../../shared/ai/schema';
import { cached, type DB } from './db';

/** A source as stored with its draft: what the window sees, plus the text given to the model. */
export interface GroundingSource extends DraftSource {
  text: string;
}

interface DraftRow {
  id: string;
  feedback_id: string;
  tone: ReplyTone;
  language: string | null;
  model: string;
  state: AiDraft['state'];
  text: string;
  sources: string;
  cited: string;
  promises: string;
  tokens: number;
  tokens_estimated: number;
  error: string | null;
  outcome: 'unchanged' | 'edited' | 'discarded' | null;
  edit_distance: number | null;
  created_at: number;
}

export interface StoredDraft {
  draft: AiDraft;
  sources: GroundingSource[];
  outcome: DraftRow['outcome'];
}

function toStored(row: DraftRow): StoredDraft {
  const sources = JSON.parse(row.sources) as GroundingSource[];
  return {
    draft: {
      id: row.id,
      feedbackId: row.feedback_id,
      tone: row.tone,
      language: row.language,
      model: row.model,
      state: row.state,
      text: row.text,
      sources: sources.map(({ marker, kind, sourceId, feedbackId, title, excerpt }) => ({ marker, kind, sourceId, feedbackId, title, excerpt })),
      cited: JSON.parse(row.cited) as string[],
      unsupportedPromises: JSON.parse(row.promises) as UnsupportedPromise[],
      tokens: row.tokens,
      tokensEstimated: row.tokens_estimated === 1,
      error: row.error,
      createdAt: row.created_at,
    },
    sources,
    outcome: row.outcome,
  };
}

export function insertDraft(
  db: DB,
  draft: { id: string; feedbackId: string; tone: ReplyTone; language: string | null; sources: readonly GroundingSource[] },
  now: number,
): void {
  cached(db, `INSERT INTO ai_drafts (id, feedback_id, tone, language, model, state, sources, created_at) VALUES (?, ?, ?, ?, '', 'streaming', ?, ?)`).run(
    draft.id,
    draft.feedbackId,
    draft.tone,
    draft.language,
    JSON.stringify(draft.sources),
    now,
  );
}

export function storedDraft(db: DB, id: string): StoredDraft | null {
  const row = cached(db, 'SELECT * FROM ai_drafts WHERE id = ?').get(id) as DraftRow | undefined;
  return row ? toStored(row) : null;
}

export function latestDraftOf(db: DB, feedbackId: string): StoredDraft | null {
  const row = cached(db, 'SELECT * FROM ai_drafts WHERE feedback_id = ? ORDER BY created_at DESC, id DESC LIMIT 1').get(feedbackId) as DraftRow | undefined;
  return row ? toStored(row) : null;
}

/** A run begins (again, after a retry): whatever an earlier attempt streamed is cleared. */
export function draftStarted(db: DB, id: string, model: string): void {
  cached(db, `UPDATE ai_drafts SET state = 'streaming', model = ?, text = '', cited = '[]', promises = '[]', error = NULL WHERE id = ?`).run(model, id);
}

export function draftEnded(
  db: DB,
  id: string,
  end: {
    state: 'done' | 'failed' | 'cancelled';
    text: string;
    cited: readonly string[];
    promises: readonly UnsupportedPromise[];
    tokens: number;
    tokensEstimated: boolean;
    error: string | null;
  },
): void {
  cached(db, 'UPDATE ai_drafts SET state = ?, text = ?, cited = ?, promises = ?, tokens = ?, tokens_estimated = ?, error = ? WHERE id = ?').run(
    end.state,
    end.text,
    JSON.stringify(end.cited),
    JSON.stringify(end.promises),
    end.tokens,
    end.tokensEstimated ? 1 : 0,
    end.error,
    id,
  );
}

/** Cancelled before it ran or while it streams; false when it had already ended. */
export function cancelStreamingDraft(db: DB, id: string): boolean {
  return cached(db, `UPDATE ai_drafts SET state = 'cancelled', error = 'Cancelled.' WHERE id = ? AND state = 'streaming'`).run(id).changes > 0;
}

export function setDraftOutcome(db: DB, id: string, outcome: 'unchanged' | 'edited' | 'discarded', editDistance: number | null): void {
  cached(db, 'UPDATE ai_drafts SET outcome = ?, edit_distance = ? WHERE id = ?').run(outcome, editDistance, id);
}

/** Sent replies a draft may cite: which item each answered, when, and that item's subject or opening words. */
export function replySourceRows(db: DB, messageIds: readonly string[]): Map<string, { feedbackId: string; sentAt: number; subject: string | null; prompt: string }> {
  const rows = cached(
    db,
    `SELECT m.id, m.feedback_id, m.sent_at, f.subject, substr(f.body, 1, 200) AS prompt FROM messages m JOIN feedback f ON f.id = m.feedback_id
     WHERE m.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(messageIds)) as { id: string; feedback_id: string; sent_at: number; subject: string | null; prompt: string }[];
  return new Map(rows.map((r) => [r.id, { feedbackId: r.feedback_id, sentAt: r.sent_at, subject: r.subject, prompt: r.prompt }]));
}
