/**
 * Re-analysis of a view as an `analysis` job (jobs/kinds/analysis.ts): `analysis.progress`
 * as the job service throttles it, a final push, and an audit event when it ends.
 */
import { feedbackFilterSchema, type AnalysisState, type FeedbackFilter, type Handlers } from '../../../shared/contract';
import { requireDb, type CoreContext } from '../context';
import type { JobService } from '../jobs/service';
import { recordAudit } from '../store/audit';
import { countFeedback } from '../store/feedback-repo';

type AnalysisHandlers = Pick<Handlers, 'analysis.run' | 'analysis.cancel'>;

function startAnalysis(ctx: CoreContext, jobs: JobService, filter: FeedbackFilter): string {
  const total = countFeedback(requireDb(ctx), filter, ctx.now());
  let done = 0;
  const progress = (jobId: string, state: AnalysisState, error: string | null = null): void =>
    ctx.emit('analysis.progress', { jobId, state, done, total: Math.max(total, done), error });
  const job = jobs.start(
    'analysis',
    { filter },
    {
      actor: 'system',
      describe: { filter },
      changedReason: 'analysis',
      onProgress: (p) => {
        done = p.done;
        progress(job.id, 'running');
      },
    },
  );
  progress(job.id, 'running');
  void job.done.then((outcome) => {
    const state: AnalysisState = outcome.ok ? outcome.result.state : 'failed';
    if (outcome.ok) done = outcome.result.done;
    if (ctx.db?.open) recordAudit(ctx.db, { at: ctx.now(), actor: 'system', action: 'analysis.run', detail: { filter, analyzed: done, state } });
    progress(job.id, state, outcome.ok ? null : `Analysis stopped: ${outcome.error.message}`);
  });
  return job.id;
}

export function analysisHandlers(ctx: CoreContext, jobs: JobService): AnalysisHandlers {
  jobs.onRecover('analysis', {
    // A re-analysis running in another process is not told apart (it has no lock of its own): marked interrupted, as before.
    hold: () => () => undefined,
    record: () => undefined,
    resume: (job) => {
      const recorded = feedbackFilterSchema.safeParse((job.params as { filter?: unknown } | null)?.filter ?? {});
      if (recorded.success) startAnalysis(ctx, jobs, recorded.data);
    },
  });
  return {
    'analysis.run': ({ filter }) => ({ jobId: startAnalysis(ctx, jobs, filter) }),
    'analysis.cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
  };
}
