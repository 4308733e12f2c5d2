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

export function recordJobEnd(db: DB, id: string, end: { state: 'done' | 'cancelled' | 'failed'; progress: unknown; error: string | null; finishedAt: number }): void {
  cached(db, 'UPDATE jobs SET state = ?, progress = ?, error = ?, finished_at = ? WHERE id = ?').run(end.state, JSON.stringify(end.progress ?? null), end.error, end.finishedAt, id);
}

/**
 * Jobs still marked running when the store opens were cut off by a crash or a kill: they
 * are marked so. On a full disk they stay marked running and are found again on the next
 * unlock, since unlocking must not need free space.
 */
export function markInterruptedJobs(db: DB, now: number): JobInfo[] {
  const rows = cached(db, "SELECT id, kind, actor, params, started_at AS startedAt FROM jobs WHERE state = 'running'").all() as { id: string; kind: string; actor: string; params: string; startedAt: number }[];
  if (rows.length > 0) {
    try {
      cached(db, "UPDATE jobs SET state = 'interrupted', finished_at = ? WHERE state = 'running'").run(now);
    } catch (error) {
      if (!isDiskFull(error)) throw error;
    }
  }
  return rows.map((r) => ({ id: r.id, kind: r.kind, actor: r.actor, state: 'interrupted', startedAt: r.startedAt }));
}

export function listJobs(db: DB, limit = 50): JobInfo[] {
  return cached(db, 'SELECT id, kind, actor, state, started_at AS startedAt FROM jobs ORDER BY started_at DESC LIMIT ?').all(limit) as JobInfo[];
}
