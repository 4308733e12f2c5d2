/**
 * The job service: one registry for every long job (imports, re-analysis, and the LLM
 * queue later). It records each job in the `jobs` table, throttles what a job reports
 * (progress at most 10 times a second, `feedback.changed` at most twice, each with a
 * trailing push so the window never shows a stale count), cancels, and stops everything
 * when the store locks or the core closes, waiting for the batch in flight.
 */
import type { ErrorInfo } from '../../../shared/errors';
import { requireDb, type CoreContext } from '../context';
import { isDiskFull, toErrorInfo } from '../errors';
import type { DB } from '../store/db';
import { newId } from '../store/ids';
import { markInterruptedJobs, recordJobEnd, recordJobStart, runningJobKinds, type InterruptedJob, type JobInfo } from '../store/jobs-repo';
import { log } from '../log';
import type { Actor } from '../types';
import { Throttle } from './throttle';
import type { JobKind, JobKinds, JobRunner } from './types';

export const PROGRESS_EVERY_MS = 100;
export const CHANGED_EVERY_MS = 500;
/** A `feedback.changed` names ids only up to this many; past it, the window refreshes. */
const MAX_CHANGED_IDS = 200;

export type { JobInfo };

export type JobOutcome<K extends JobKind> = { ok: true; result: JobKinds[K]['result'] } | { ok: false; error: ErrorInfo };

export interface StartOptions<K extends JobKind> {
  /** The job's id; the caller's own id (an import's) when it has one. */
  id?: string;
  actor: Actor;
  /** What the job may be recorded with: names and filters, never customer text. */
  describe: Record<string, unknown>;
  /** Throttled; the latest report the job made. */
  onProgress(data: JobKinds[K]['progress']): void;
  /** The reason `feedback.changed` carries for this job's batches. */
  changedReason: 'import' | 'analysis';
}

interface Live {
  abort(): void;
  done: Promise<unknown>;
}

/** What the owner of a kind of job does when a restart finds one of its jobs cut off. */
export interface JobRecovery {
  /**
   * Before anything is marked: holds what proves that no job of this kind runs in another
   * process (another window, a CLI command) and returns its release, or returns null when
   * one may be running: the table's running jobs of this kind are then left as they are.
   */
  hold(): (() => void) | null;
  /** In the transaction that marks the job interrupted: what the job leaves behind (an import's report). */
  record(db: DB, job: InterruptedJob): void;
  /**
   * After an unlock that found the job cut off: starts it again from what it was recorded
   * with (an import of the same file, which adds exactly the rows the cut-off run had not
   * committed; a re-analysis of the same view). Called only where the host keeps running
   * (the app), never by a CLI command that would exit mid-way.
   */
  resume?(job: InterruptedJob): void;
}

export class JobService {
  private readonly live = new Map<string, Live>();
  private readonly recoveries = new Map<string, JobRecovery>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly runner: JobRunner,
  ) {}

  start<K extends JobKind>(kind: K, params: JobKinds[K]['params'], options: StartOptions<K>): { id: string; done: Promise<JobOutcome<K>> } {
    const { ctx } = this;
    const db = requireDb(ctx);
    const id = options.id ?? newId(ctx.now());
    recordJobStart(db, { id, kind, actor: options.actor, params: options.describe, startedAt: ctx.now() });

    let latest: JobKinds[K]['progress'] | null = null;
    const progress = new Throttle(PROGRESS_EVERY_MS, () => {
      if (latest !== null) options.onProgress(latest);
    });
    let changedIds: Set<string> | null = new Set();
    let changedPending = false;
    const changed = new Throttle(CHANGED_EVERY_MS, () => {
      if (!changedPending) return;
      const ids = changedIds && changedIds.size > 0 ? [...changedIds] : undefined;
      changedPending = false;
      changedIds = new Set();
      ctx.emit('feedback.changed', ids ? { reason: options.changedReason, ids } : { reason: options.changedReason });
    });

    const run = this.runner.run(id, kind, params, {
      progress: (data) => {
        latest = data as JobKinds[K]['progress'];
        progress.poke();
      },
      changed: (ids) => {
        changedPending = true;
        if (ids === null || changedIds === null || changedIds.size + ids.length > MAX_CHANGED_IDS) changedIds = null;
        else for (const one of ids) changedIds.add(one);
        changed.poke();
      },
    });
    const done = run
      .then(
        (result): JobOutcome<K> => ({ ok: true, result }),
        (error: unknown): JobOutcome<K> => ({ ok: false, error: toErrorInfo(error) }),
      )
      .then((outcome) => {
        progress.cancel();
        changed.now();
        this.live.delete(id);
        if (ctx.db?.open) {
          const state = outcome.ok ? (outcome.result as { state: 'done' | 'cancelled' | 'failed' }).state : 'failed';
          try {
            recordJobEnd(ctx.db, id, { state, progress: latest, error: outcome.ok ? null : outcome.error.message, finishedAt: ctx.now() });
          } catch {
            // The job's own result still reaches its owner; only the table's copy is stale.
          }
        }
        return outcome;
      });
    this.live.set(id, { abort: () => this.runner.cancel(id), done });
    return { id, done };
  }

  cancel(id: string): boolean {
    const job = this.live.get(id);
    job?.abort();
    return job !== undefined;
  }

  running(id: string): boolean {
    return this.live.has(id);
  }

  /** Every job stops after its batch in flight; resolves when all have ended. */
  async stopAll(): Promise<void> {
    const jobs = [...this.live.values()];
    for (const job of jobs) job.abort();
    await Promise.allSettled(jobs.map((j) => j.done));
  }

  /** On lock and on close: stop every job, then release the job thread and its connection. */
  async close(): Promise<void> {
    await this.stopAll();
    await this.runner.close();
  }

  onRecover(kind: JobKind, recovery: JobRecovery): void {
    this.recoveries.set(kind, recovery);
  }

  /** Starts again the cut-off jobs whose owner can resume them (JobRecovery.resume); a failure to resume one is logged, not thrown. */
  resume(jobs: readonly InterruptedJob[]): void {
    for (const job of jobs) {
      try {
        this.recoveries.get(job.kind)?.resume?.(job);
      } catch (error) {
        log.warn('an interrupted job could not be resumed', { jobId: job.id, kind: job.kind, error: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  /**
   * After an unlock: jobs the table still calls running were cut off when the app last
   * stopped; each is marked interrupted, and its owner records what it leaves behind, in
   * one transaction. `held`: the caller already holds the proof for this one kind (an
   * import that has just taken the import lock), and only that kind is looked at.
   */
  recover(held?: JobKind): InterruptedJob[] {
    const db = this.ctx.db;
    if (!db) return [];
    const running = runningJobKinds(db);
    if (held !== undefined ? !running.includes(held) : running.length === 0) return [];
    // Kinds left as they are: every other kind when one is held, and those that may run elsewhere.
    const skip = held === undefined ? [] : running.filter((kind) => kind !== held);
    const releases: (() => void)[] = [];
    try {
      if (held === undefined) {
        for (const kind of running) {
          const release = this.recoveries.get(kind)?.hold();
          if (release === null) skip.push(kind);
          else if (release) releases.push(release);
        }
      }
      const now = this.ctx.now();
      try {
        return db
          .transaction(() => {
            const jobs = markInterruptedJobs(db, now, skip);
            for (const job of jobs) this.recoveries.get(job.kind)?.record(db, job);
            return jobs;
          })
          .immediate();
      } catch (error) {
        // Unlocking must not need free space: the jobs stay running and are found again next time.
        if (!isDiskFull(error)) throw error;
        return markInterruptedJobs(db, now, skip);
      }
    } finally {
      for (const release of releases) release();
    }
  }
}
