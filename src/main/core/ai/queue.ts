/**
 * The persistent LLM queue over `ai_jobs`. Jobs are read from the table in order (priority,
 * then age) as slots free up, so a queue of 100,000 holds only the few that run. Up to
 * `concurrency` run at once. A failed try is decided by backoff.ts: a job waiting out a
 * Retry-After or a back-off is `waiting` with `not_before`, woken by one cancellable timer;
 * offline puts the job back and pauses the whole queue while the endpoint is probed, and it
 * resumes by itself when the endpoint answers; a spent budget pauses until `wake()`.
 * `stop()` aborts the calls in flight and their jobs go back to the queue uncounted, so a
 * restart resumes them; jobs left running by a crash are re-queued by `start()`.
 */
import type { AiPauseReason, AiPurpose, AiQueueCounts, AiQueueState, AiSettings } from '../../../shared/ai/schema';
import type { CoreContext } from '../context';
import { log } from '../log';
import { aiJobCounts, cancelJobs, claimJob, finishJob, insertAiJobs, nextJobs, nextWaitingAt, requeueRunning, retryJobs, type JobRow } from '../store/ai-repo';
import type { DB } from '../store/db';
import { decide } from './backoff';
import { OfflineProber, realTimers, Throttle, type QueueTimers } from './queue-offline';
import { AiCallError, type AiJobRow, type AiPurposeRunner, type AiQueue, type EnqueueRequest, type LlmClient } from './types';

export type { QueueTimers };

export interface LlmQueueOptions {
  /** The open store; null while locked (nothing runs). */
  db: () => DB | null;
  now: () => number;
  emit: CoreContext['emit'];
  runners: Record<AiPurpose, AiPurposeRunner>;
  settings: () => AiSettings;
  client: () => LlmClient;
  /** Why no call may be made now ('disabled', 'not-configured', 'budget'); null when calls may go. */
  blocked?: () => Exclude<AiPauseReason, 'offline'> | null;
  /** A fixed interval between probes of an endpoint that went away (default 1, 2, 5, 10, then every 30 s). */
  offlineProbeMs?: number | undefined;
  /** Runs a job's work inside the caller's scope (so its calls are logged against the job). */
  wrap?: <T>(job: AiJobRow, work: () => Promise<T>) => Promise<T>;
  timers?: QueueTimers;
  random?: () => number;
}

interface Running {
  controller: AbortController;
  /** Why we aborted it: stopping (back to queued) or a cancel (stays cancelled). */
  reason: 'stop' | 'cancel' | null;
  done: Promise<void>;
}

/** The budget and settings are read at most this often while jobs flow (wake() reads them at once). */
const BLOCKED_TTL_MS = 1000;
const BUDGET_RECHECK_MS = 60_000;
const noCounts: AiQueueCounts = { queued: 0, running: 0, waiting: 0, failed: 0 };

export class LlmQueue implements AiQueue {
  private readonly running = new Map<string, Running>();
  private readonly timers: QueueTimers;
  private stopped = true;
  /** Paused by what a call found (offline, the budget), as opposed to `blocked()`. */
  private pausedFor: 'offline' | 'budget' | null = null;
  private retryAt: number | null = null;
  private readonly prober: OfflineProber;
  private readonly throttle: Throttle;
  private waitTimer: unknown = null;
  private waitAt: number | null = null;
  private recheckTimer: unknown = null;
  private pumpQueued = false;
  private blockedNow: { reason: Exclude<AiPauseReason, 'offline'> | null; at: number } | null = null;
  private counts: AiQueueCounts | null = null;

  constructor(private readonly options: LlmQueueOptions) {
    this.timers = options.timers ?? realTimers;
    this.prober = new OfflineProber({
      timers: this.timers,
      now: options.now,
      intervalMs: options.offlineProbeMs,
      ask: (signal) => options.client().listModels(signal),
      onScheduled: (at) => {
        this.retryAt = at;
        this.changed();
      },
      onBack: () => {
        if (this.stopped || this.pausedFor !== 'offline') return;
        this.pausedFor = null;
        this.retryAt = null;
        this.changed();
        this.pump();
      },
    });
    this.throttle = new Throttle(() => {
      if (this.options.db()) this.options.emit('ai.jobs.changed', this.state());
    });
  }

  enqueue(requests: readonly EnqueueRequest[]): { queued: number; alreadyQueued: number; ids: string[] } {
    const db = this.options.db();
    if (!db) throw new AiCallError('cancelled', 'The store is locked.');
    const result = insertAiJobs(db, requests, this.options.now());
    if (result.queued > 0) {
      this.changed();
      this.schedulePump();
    }
    return result;
  }

  cancel(id?: string): number {
    const db = this.options.db();
    if (!db) return 0;
    const n = cancelJobs(db, id, this.options.now());
    for (const [jobId, entry] of this.running) {
      if (id !== undefined && jobId !== id) continue;
      entry.reason = 'cancel';
      entry.controller.abort();
    }
    if (n > 0) this.changed();
    return n;
  }

  retry(id?: string): number {
    const db = this.options.db();
    if (!db) return 0;
    const n = retryJobs(db, id, this.options.now());
    if (n > 0) {
      this.changed();
      this.schedulePump();
    }
    return n;
  }

  state(): AiQueueState {
    const db = this.options.db();
    if (db && this.counts === null) this.counts = aiJobCounts(db);
    const blocked = this.stopped ? null : this.blocked(false);
    return { counts: db ? (this.counts ?? noCounts) : noCounts, paused: this.pausedFor ?? blocked, retryAt: this.pausedFor === 'offline' ? this.retryAt : null };
  }

  start(): void {
    const db = this.options.db();
    if (!db) return;
    this.stopped = false;
    requeueRunning(db, this.options.now());
    this.changed();
    this.schedulePump();
  }

  wake(): void {
    if (this.stopped) return;
    this.blockedNow = null;
    if (this.pausedFor === 'budget') this.pausedFor = null;
    if (this.pausedFor === 'offline') this.prober.now();
    this.changed();
    this.schedulePump();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.prober.stop();
    this.timers.clear(this.waitTimer);
    this.timers.clear(this.recheckTimer);
    this.waitTimer = this.waitAt = this.recheckTimer = null;
    for (const entry of this.running.values()) {
      entry.reason ??= 'stop';
      entry.controller.abort();
    }
    await Promise.all([...this.running.values()].map((e) => e.done));
    this.throttle.stop();
    this.pausedFor = null;
    this.retryAt = null;
  }

  /** Why nothing may be sent now, read at most once a second unless `fresh`. */
  private blocked(fresh: boolean): Exclude<AiPauseReason, 'offline'> | null {
    const now = Date.now();
    if (fresh || !this.blockedNow || now - this.blockedNow.at > BLOCKED_TTL_MS) {
      this.blockedNow = { reason: this.options.blocked?.() ?? null, at: now };
    }
    return this.blockedNow.reason;
  }

  private schedulePump(): void {
    if (this.pumpQueued) return;
    this.pumpQueued = true;
    queueMicrotask(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  /** Starts as many jobs as there are free slots, and sets the timer for the next waiting one. */
  private pump(): void {
    if (this.stopped || this.pausedFor) return;
    const db = this.options.db();
    if (!db) return;
    const was = this.blockedNow?.reason ?? null;
    const blocked = this.blocked(false);
    if (blocked !== was) this.changed();
    if (blocked) {
      if (blocked === 'budget' && this.recheckTimer === null) this.recheckLater();
      return;
    }
    const now = this.options.now();
    const free = Math.max(1, this.options.settings().concurrency) - this.running.size;
    if (free > 0) {
      for (const row of nextJobs(db, now, free)) {
        if (claimJob(db, row.id, now)) this.launch(db, row);
      }
    }
    this.armWaitTimer(db, now);
  }

  private armWaitTimer(db: DB, now: number): void {
    let at = nextWaitingAt(db);
    // Already due but every slot busy: the next job to finish pumps again, no timer needed
    // (one would fire at once, find no slot, and spin).
    if (at !== null && at <= now) at = null;
    if (at === this.waitAt) return;
    this.timers.clear(this.waitTimer);
    this.waitTimer = null;
    this.waitAt = at;
    if (at === null) return;
    this.waitTimer = this.timers.set(
      () => {
        this.waitTimer = this.waitAt = null;
        this.pump();
      },
      Math.max(0, at - now),
    );
  }

  private launch(db: DB, row: JobRow): void {
    const entry: Running = { controller: new AbortController(), reason: null, done: Promise.resolve() };
    this.running.set(row.id, entry);
    this.changed();
    entry.done = this.run(db, row, entry)
      .catch((error: unknown) => log.warn('an AI job could not be finished', { purpose: row.purpose, error: error instanceof Error ? error.name : 'unknown' }))
      .finally(() => {
        this.running.delete(row.id);
        this.changed();
        this.schedulePump();
      });
  }

  private async run(db: DB, row: JobRow, entry: Running): Promise<void> {
    const job: AiJobRow = { id: row.id, purpose: row.purpose, feedbackId: row.feedback_id, params: parseParams(row.params), attempts: row.attempts };
    const { options } = this;
    const work = async (): Promise<{ cached: boolean }> => {
      const runner = options.runners[job.purpose];
      return runner.run(job, { db, client: options.client(), settings: options.settings(), now: options.now, signal: entry.controller.signal, emit: options.emit });
    };
    let outcome: { cached: boolean } | { error: unknown };
    try {
      outcome = await (options.wrap ? options.wrap(job, work) : work());
    } catch (error) {
      outcome = { error };
    }
    // The store may have been locked meanwhile: then nothing is written and the job stays
    // running in the table, which start() re-queues.
    if (this.options.db() !== db) return;
    const now = options.now();
    if ('cached' in outcome) {
      finishJob(db, row.id, { state: 'done', cached: outcome.cached, attempts: row.attempts + (outcome.cached ? 0 : 1) }, now);
      return;
    }
    if (entry.reason === 'cancel') return;
    if (entry.reason === 'stop') {
      finishJob(db, row.id, { state: 'queued' }, now);
      return;
    }
    const decision = decide(outcome.error, row.attempts, now, options.random);
    if (decision.state === 'queued') {
      finishJob(db, row.id, { state: 'queued' }, now);
      this.pause(decision.pause);
    } else if (decision.state === 'waiting') {
      finishJob(db, row.id, { state: 'waiting', attempts: decision.attempts, notBefore: decision.notBefore, error: decision.error }, now);
    } else {
      finishJob(db, row.id, { state: 'failed', attempts: decision.attempts, error: decision.error }, now);
    }
  }

  private pause(reason: 'offline' | 'budget'): void {
    if (this.stopped || this.pausedFor === reason) return;
    this.pausedFor = reason;
    this.timers.clear(this.waitTimer);
    this.waitTimer = this.waitAt = null;
    if (reason === 'offline') this.prober.start();
    else this.recheckLater();
    this.changed();
  }

  /**
   * A spent budget is lifted by a larger one (wake() on save) or by a new month, which
   * nothing announces: look again now and then.
   */
  private recheckLater(): void {
    this.timers.clear(this.recheckTimer);
    this.recheckTimer = this.timers.set(() => {
      this.recheckTimer = null;
      if (this.stopped) return;
      this.blockedNow = null;
      if (this.pausedFor === 'budget' && this.blocked(true) !== 'budget') this.pausedFor = null;
      this.changed();
      this.pump();
    }, BUDGET_RECHECK_MS);
  }

  /** Counts are read again on next use; the window hears of it at most four times a second. */
  private changed(): void {
    this.counts = null;
    this.throttle.poke();
  }
}

function parseParams(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
