/** Re-analysis of a filter's items as a job: batches by rowid, one transaction each. */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { reanalyzeBatch } from '../../store/analysis-repo';
import type { AnalysisJobParams, AnalysisJobResult, JobEnv } from '../types';

export const ANALYSIS_BATCH = 1_000;

export async function analysisJob(env: JobEnv, params: AnalysisJobParams): Promise<AnalysisJobResult> {
  let done = 0;
  let after: number | null = 0;
  while (after !== null) {
    // Between two batches: a cancel, and in the caller's thread its other work, get a turn.
    await yieldToEventLoop();
    if (env.signal.aborted) return { state: 'cancelled', done };
    const batch = reanalyzeBatch(env.db(), params.filter, after, params.batchSize ?? ANALYSIS_BATCH, env.now());
    done += batch.count;
    after = batch.next;
    env.progress({ done });
    if (batch.count > 0) env.changed(null);
  }
  return { state: 'done', done };
}
