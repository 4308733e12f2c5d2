/**
 * Re-analysis of a view as a background job: batches of 1,000 items, one transaction
 * each, yielding to IPC between them; `analysis.progress` at most 10 times a second and
 * `feedback.changed` at most twice, each with a final push.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { AnalysisState, FeedbackFilter, Handlers } from '../../../shared/contract';
import { HearkenError } from '../../../shared/errors';
import { requireDb, type CoreContext } from '../context';
import { reanalyzeBatch } from '../store/analysis-repo';
import { recordAudit } from '../store/audit';
import { countFeedback } from '../store/feedback-repo';

export const ANALYSIS_BATCH = 1_000;
const PROGRESS_MS = 100;
const CHANGED_MS = 500;

type AnalysisHandlers = Pick<Handlers, 'analysis.run' | 'analysis.cancel'>;

export class AnalysisJobs {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly ctx: CoreContext) {}

  start(filter: FeedbackFilter): { jobId: string; done: Promise<void> } {
    const db = requireDb(this.ctx);
    const jobId = randomUUID();
    const total = countFeedback(db, filter);
    const abort = new AbortController();
    this.running.set(jobId, abort);
    const done = this.run(jobId, filter, total, abort.signal).finally(() => this.running.delete(jobId));
    return { jobId, done };
  }

  cancel(jobId: string): { cancelled: boolean } {
    const job = this.running.get(jobId);
    job?.abort();
    return { cancelled: job !== undefined };
  }

  /** Before the store closes: every job stops after its batch. */
  stopAll(): void {
    for (const job of this.running.values()) job.abort();
  }

  private async run(jobId: string, filter: FeedbackFilter, total: number, signal: AbortSignal): Promise<void> {
    const { ctx } = this;
    let done = 0;
    let progressAt = -Infinity;
    let changedAt = performance.now();
    const progress = (state: AnalysisState, error: string | null = null): void => {
      progressAt = performance.now();
      ctx.emit('analysis.progress', { jobId, state, done, total: Math.max(total, done), error });
    };
    progress('running');
    let state: AnalysisState = 'done';
    let error: string | null = null;
    try {
      let after: number | null = 0;
      while (after !== null) {
        await yieldToEventLoop();
        if (signal.aborted || !ctx.db) {
          state = 'cancelled';
          break;
        }
        const batch = reanalyzeBatch(ctx.db, filter, after, ANALYSIS_BATCH, ctx.now());
        done += batch.count;
        after = batch.next;
        const at = performance.now();
        if (at - progressAt >= PROGRESS_MS && after !== null) progress('running');
        if (at - changedAt >= CHANGED_MS && batch.count > 0) {
          changedAt = at;
          ctx.emit('feedback.changed', { reason: 'analysis' });
        }
      }
      if (ctx.db) recordAudit(ctx.db, { at: ctx.now(), actor: 'agent', action: 'analysis.run', detail: { filter, analysed: done, state } });
    } catch (failure) {
      state = 'failed';
      error = failure instanceof HearkenError ? failure.message : `Analysis stopped: ${failure instanceof Error ? failure.message : String(failure)}`;
    }
    if (done > 0) ctx.emit('feedback.changed', { reason: 'analysis' });
    progress(state, error);
  }
}

export function analysisHandlers(jobs: AnalysisJobs): AnalysisHandlers {
  return {
    'analysis.run': ({ filter }) => ({ jobId: jobs.start(filter).jobId }),
    'analysis.cancel': ({ jobId }) => jobs.cancel(jobId),
  };
}
