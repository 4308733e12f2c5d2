/** The `jobs` table: what ran, what is running, and what a restart found interrupted. */
import { isDiskFull } from '../errors';
import { cached, type DB } from './db';

export interface JobInfo {
  id: string;
  kind: string;
  actor: string;
  state: 'running' | 'done' | 'cancelled' | 'failed' | 'interrupted';
  startedAt: number;
}

export function recordJobStart(db: DB, job: { id: string; kind: string; actor: string; params: unknown; startedAt: number }): void {
  cached(db, "INSERT INTO jobs (id, kind, state, actor, params, started_at) VALUES (?, ?, 'running', ?, ?, ?)").run(job.id, job.kind, job.actor, JSON.stringify(job.params), job.startedAt);
}

/** What a job has done so far; an import writes it in each batch's own transaction. */
export function recordJobProgress(db: DB, id: string, progress: unknown): void {
  cached(db, 'UPDATE jobs SET progress = ? WHERE id = ?').run(JSON.stringify(progress), id);
}

export function recordJobEnd(db: DB, id: string, end: { state: 'done' | 'cancelled' | 'failed'; progress: unknown; error: string | null; finishedAt: number }): void {
  cached(db, 'UPDATE jobs SET state = ?, progress = ?, error = ?, finished_at = ? WHERE id = ?').run(end.state, JSON.stringify(end.progress ?? null), end.error, end.finishedAt, id);
}

/** The kinds of job the table calls running (read only: an unlock that finds none writes nothing). */
export function runningJobKinds(db: DB): string[] {
  return (cached(db, "SELECT DISTINCT kind FROM jobs WHERE state = 'running'").all() as { kind: string }[]).map((r) => r.kind);
}

/** A job a restart found cut off, with what it was started with and its last progress. */
export interface InterruptedJob extends JobInfo {
  params: unknown;
  progress: unknown;
}

function parsed(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

/**
 * Jobs still marked running when the store opens were cut off by a crash or a kill: they
 * are marked so, except those of `keepKinds` (their owner knows they may be running in
 * another process). On a full disk they stay marked running and are found again on the
 * next unlock, since unlocking must not need free space.
 */
export function markInterruptedJobs(db: DB, now: number, keepKinds: readonly string[] = []): InterruptedJob[] {
  const rows = (
    cached(db, "SELECT id, kind, actor, params, progress, started_at AS startedAt FROM jobs WHERE state = 'running'").all() as {
      id: string;
      kind: string;
      actor: string;
      params: string;
      progress: string | null;
      startedAt: number;
    }[]
  ).filter((r) => !keepKinds.includes(r.kind));
  const mark = cached(db, "UPDATE jobs SET state = 'interrupted', finished_at = ? WHERE id = ? AND state = 'running'");
  try {
    for (const r of rows) mark.run(now, r.id);
  } catch (error) {
    if (!isDiskFull(error)) throw error;
  }
  return rows.map((r) => ({ id: r.id, kind: r.kind, actor: r.actor, state: 'interrupted', startedAt: r.startedAt, params: parsed(r.params), progress: parsed(r.progress) }));
}

export function listJobs(db: DB, limit = 50): JobInfo[] {
  return cached(db, 'SELECT id, kind, actor, state, started_at AS startedAt FROM jobs ORDER BY started_at DESC LIMIT ?').all(limit) as JobInfo[];
}
