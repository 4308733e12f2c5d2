/**
 * The persistent LLM queue's rows (ai_jobs). A job is pending while queued, running or
 * waiting (its next try not before `not_before`); one pending job per item and purpose.
 * State changes made by a finishing job are guarded by its current state, so a job cancelled
 * while its call was in flight stays cancelled.
 */
import type { AiJob, AiJobState, AiPurpose, AiQueueCounts } from '../../../shared/ai/schema';
import type { EnqueueRequest } from '../ai/types';
import { cached, type DB } from './db';
import { newId } from './ids';

export interface JobRow {
  id: string;
  purpose: AiPurpose;
  feedback_id: string | null;
  params: string;
  state: AiJobState;
  attempts: number;
  not_before: number | null;
  error: string | null;
  cached: number;
  priority: number;
  created_at: number;
  updated_at: number;
}

const columns = 'id, purpose, feedback_id, params, state, attempts, not_before, error, cached, priority, created_at, updated_at';
const pending = `('queued', 'running', 'waiting')`;
/**
 * The WHERE of the partial index ai_jobs_pending, word for word: SQLite only uses a partial
 * index when the query repeats its condition (`state = 'queued'` alone does not imply it).
 */
const inIndex = `state IN ('queued', 'running', 'waiting', 'failed')`;

/** Adds jobs in one transaction; `ids` holds each request's job, new or already pending. */
export function insertAiJobs(db: DB, requests: readonly EnqueueRequest[], now: number): { queued: number; alreadyQueued: number; ids: string[] } {
  const forItem = cached(db, `SELECT id FROM ai_jobs WHERE feedback_id = ? AND purpose = ? AND state IN ${pending} LIMIT 1`);
  // Jobs without an item (summaries) are few and have no index: read the pending ones once.
  let byParams: Map<string, string> | null = null;
  const paramsKey = (purpose: string, params: string): string => `${purpose}\u0000${params}`;
  const pendingByParams = (): Map<string, string> => {
    if (byParams) return byParams;
    const rows = cached(db, `SELECT id, purpose, params FROM ai_jobs WHERE ${inIndex} AND state IN ${pending} AND feedback_id IS NULL`).all() as { id: string; purpose: string; params: string }[];
    byParams = new Map(rows.map((r) => [paramsKey(r.purpose, r.params), r.id]));
    return byParams;
  };
  const insert = cached(db, `INSERT INTO ai_jobs (id, purpose, feedback_id, params, state, attempts, priority, created_at, updated_at) VALUES (?, ?, ?, ?, 'queued', 0, ?, ?, ?)`);
  let queued = 0;
  let alreadyQueued = 0;
  const ids: string[] = [];
  db.transaction(() => {
    for (const request of requests) {
      const params = JSON.stringify(request.params ?? {});
      const existing =
        request.feedbackId === null ? pendingByParams().get(paramsKey(request.purpose, params)) : (forItem.get(request.feedbackId, request.purpose) as { id: string } | undefined)?.id;
      if (existing !== undefined) {
        alreadyQueued++;
        ids.push(existing);
        continue;
      }
      const id = request.id ?? newId(now);
      insert.run(id, request.purpose, request.feedbackId, params, request.priority ?? 0, now, now);
      if (request.feedbackId === null) pendingByParams().set(paramsKey(request.purpose, params), id);
      queued++;
      ids.push(id);
    }
  }).immediate();
  return { queued, alreadyQueued, ids };
}

/** The next jobs to run: waiting ones whose time has come, then queued ones by priority and age. */
export function nextJobs(db: DB, now: number, limit: number): JobRow[] {
  if (limit <= 0) return [];
  const due = cached(db, `SELECT ${columns} FROM ai_jobs WHERE ${inIndex} AND state = 'waiting' AND not_before <= ? ORDER BY priority DESC, not_before LIMIT ?`).all(now, limit) as JobRow[];
  if (due.length >= limit) return due;
  const queued = cached(db, `SELECT ${columns} FROM ai_jobs WHERE ${inIndex} AND state = 'queued' ORDER BY priority DESC, created_at, rowid LIMIT ?`).all(limit - due.length) as JobRow[];
  return [...due, ...queued];
}

/** When the earliest waiting job may run; null when none waits. */
export function nextWaitingAt(db: DB): number | null {
  const row = cached(db, `SELECT min(not_before) AS at FROM ai_jobs WHERE ${inIndex} AND state = 'waiting'`).get() as { at: number | null };
  return row.at;
}

/** Marks a job running if it is still pending; false when it was cancelled meanwhile. */
export function claimJob(db: DB, id: string, now: number): boolean {
  return cached(db, `UPDATE ai_jobs SET state = 'running', updated_at = ? WHERE id = ? AND state IN ('queued', 'waiting')`).run(now, id).changes > 0;
}

export interface JobPatch {
  state: AiJobState;
  attempts?: number;
  notBefore?: number | null;
  error?: string | null;
  cached?: boolean;
}

/** Ends a running job's try (done, waiting, failed, or back to queued); false when it no longer runs. */
export function finishJob(db: DB, id: string, patch: JobPatch, now: number): boolean {
  return (
    cached(
      db,
      `UPDATE ai_jobs SET state = @state, attempts = coalesce(@attempts, attempts), not_before = @notBefore, error = @error, cached = coalesce(@cached, cached), updated_at = @now
       WHERE id = @id AND state = 'running'`,
    ).run({
      id,
      now,
      state: patch.state,
      attempts: patch.attempts ?? null,
      notBefore: patch.notBefore ?? null,
      error: patch.error ?? null,
      cached: patch.cached === undefined ? null : patch.cached ? 1 : 0,
    }).changes > 0
  );
}

/** After a crash or restart nothing runs: jobs left running go back to the queue. */
export function requeueRunning(db: DB, now: number): number {
  return cached(db, `UPDATE ai_jobs SET state = 'queued', updated_at = ? WHERE ${inIndex} AND state = 'running'`).run(now).changes;
}

/** Cancels one pending job, or all of them. */
export function cancelJobs(db: DB, id: string | undefined, now: number): number {
  if (id !== undefined) return cached(db, `UPDATE ai_jobs SET state = 'cancelled', not_before = NULL, updated_at = ? WHERE id = ? AND state IN ${pending}`).run(now, id).changes;
  return cached(db, `UPDATE ai_jobs SET state = 'cancelled', not_before = NULL, updated_at = ? WHERE ${inIndex} AND state IN ${pending}`).run(now).changes;
}

/** Failed jobs (one, or all) go back to the queue with their attempts reset. */
export function retryJobs(db: DB, id: string | undefined, now: number): number {
  const set = `SET state = 'queued', attempts = 0, not_before = NULL, error = NULL, updated_at = ?`;
  if (id !== undefined) return cached(db, `UPDATE ai_jobs ${set} WHERE id = ? AND state = 'failed'`).run(now, id).changes;
  return cached(db, `UPDATE ai_jobs ${set} WHERE ${inIndex} AND state = 'failed'`).run(now).changes;
}

export function aiJobCounts(db: DB): AiQueueCounts {
  const counts: AiQueueCounts = { queued: 0, running: 0, waiting: 0, failed: 0 };
  const rows = cached(db, `SELECT state, count(*) AS n FROM ai_jobs WHERE ${inIndex} GROUP BY state`).all() as { state: keyof AiQueueCounts; n: number }[];
  for (const r of rows) counts[r.state] = r.n;
  return counts;
}

interface ListedRow extends JobRow {
  label: string | null;
}

const toJob = (r: ListedRow): AiJob => ({
  id: r.id,
  purpose: r.purpose,
  feedbackId: r.feedback_id,
  label: r.label === null ? null : r.label.replace(/\s+/g, ' ').trim().slice(0, 120),
  state: r.state,
  attempts: r.attempts,
  notBefore: r.not_before,
  error: r.error,
  cached: r.cached === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const listedColumns = `j.id, j.purpose, j.feedback_id, j.params, j.state, j.attempts, j.not_before, j.error, j.cached, j.priority, j.created_at, j.updated_at,
  CASE WHEN f.id IS NULL THEN NULL ELSE coalesce(nullif(trim(f.subject), ''), substr(f.body, 1, 160)) END AS label`;

/** Jobs for the list, most recently changed first, labelled with their item's subject or opening words. */
export function listAiJobs(db: DB, query: { states?: readonly AiJobState[] | undefined; purpose?: AiPurpose | undefined; limit: number }): AiJob[] {
  const states = query.states && query.states.length > 0 ? query.states : null;
  const rows = cached(
    db,
    `SELECT ${listedColumns} FROM ai_jobs j LEFT JOIN feedback f ON f.id = j.feedback_id
     WHERE (@states IS NULL OR j.state IN (SELECT value FROM json_each(@states))) AND (@purpose IS NULL OR j.purpose = @purpose)
     ORDER BY j.updated_at DESC, j.id DESC LIMIT @limit`,
  ).all({ states: states ? JSON.stringify(states) : null, purpose: query.purpose ?? null, limit: query.limit }) as ListedRow[];
  return rows.map(toJob);
}

/** An item's latest job of a purpose (pending or not), or null. */
export function latestJobFor(db: DB, feedbackId: string, purpose: AiPurpose): AiJob | null {
  const row = cached(
    db,
    `SELECT ${listedColumns} FROM ai_jobs j LEFT JOIN feedback f ON f.id = j.feedback_id
     WHERE j.feedback_id = ? AND j.purpose = ? ORDER BY j.created_at DESC, j.id DESC LIMIT 1`,
  ).get(feedbackId, purpose) as ListedRow | undefined;
  return row ? toJob(row) : null;
}

export function getAiJob(db: DB, id: string): AiJob | null {
  const row = cached(db, `SELECT ${listedColumns} FROM ai_jobs j LEFT JOIN feedback f ON f.id = j.feedback_id WHERE j.id = ?`).get(id) as ListedRow | undefined;
  return row ? toJob(row) : null;
}
