/**
 * "Suggest topics" as a job: reads the scope's items, groups them, and stores the run with
 * its proposals. Grouping 100,000 items takes seconds, so it runs on the job thread and the
 * core's thread stays free for the window.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { discoverTopics, type DiscoveredTopic } from '../../analysis/discovery';
import { discoveryMemory, readDiscoveryInput, storeRun } from '../../store/topic-proposals-repo';
import type { DiscoveryJobParams, DiscoveryJobResult, JobEnv } from '../types';

/** Proposals fewer than this many items share are noise in a support inbox. */
export const DEFAULT_MIN_SIZE = 5;
const MAX_TOPICS = 30;

export async function discoveryJob(env: JobEnv, params: DiscoveryJobParams): Promise<DiscoveryJobResult> {
  // Before anything is reported: the caller has its job's id only once start() returns.
  await yieldToEventLoop();
  const started = performance.now();
  const db = env.db();
  const input = readDiscoveryInput(db, params.scope, env.now());
  const { avoid, known } = discoveryMemory(db);
  env.progress({ done: 0, total: input.docs.length });
  if (env.signal.aborted) return { state: 'cancelled', runId: null, considered: input.docs.length, proposals: 0 };
  let topics: DiscoveredTopic[];
  try {
    topics = discoverTopics(input.docs, {
      minSize: params.minSize ?? DEFAULT_MIN_SIZE,
      maxTopics: MAX_TOPICS,
      avoid,
      known,
      signal: env.signal,
      onProgress: (done, total) => env.progress({ done, total }),
    });
  } catch (error) {
    if (env.signal.aborted) return { state: 'cancelled', runId: null, considered: input.docs.length, proposals: 0 };
    throw error;
  }
  if (env.signal.aborted) return { state: 'cancelled', runId: null, considered: input.docs.length, proposals: 0 };
  const runId = storeRun(env.db(), { scope: params.scope, at: env.now(), tookMs: performance.now() - started, ids: input.ids, topics });
  env.progress({ done: input.docs.length, total: input.docs.length });
  return { state: 'done', runId, considered: input.docs.length, proposals: topics.length };
}
