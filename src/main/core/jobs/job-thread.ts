/**
 * The job thread: long work (imports, re-analysis, and later LLM jobs and exports) on a
 * connection of its own, so the core's connection keeps answering the window while a job
 * writes. WAL lets both connections read; writes take turns through busy_timeout and
 * IMMEDIATE transactions.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { HearkenError } from '../../../shared/errors';
import { toErrorInfo } from '../errors';
import { openEncrypted } from '../store/open';
import { setParseWorkerFile } from '../ingest/parse-source';
import { forgetTaxonomy } from '../store/taxonomy-repo';
import type { DB } from '../store/db';
import type { FromJobThread, JobThreadData, ToJobThread } from './job-protocol';
import type { JobBody, JobKind } from './types';

/**
 * Each kind's body is loaded when a job of that kind first runs: an import's thread then
 * holds the readers and the pipeline but not the reports, exports and discovery, whose
 * modules were a large part of the thread's heap.
 */
const bodyLoaders: { [K in JobKind]: () => Promise<JobBody<K>> } = {
  import: async () => (await import('./kinds/import')).importJob,
  analysis: async () => (await import('./kinds/analysis')).analysisJob,
  export: async () => (await import('./kinds/export')).exportJob,
  discover: async () => (await import('./kinds/discovery')).discoveryJob,
  backup: async () => (await import('./kinds/backup')).backupJob,
};

const port = parentPort;
if (!port) throw new Error('job-thread runs only as a worker thread.');
const data = workerData as JobThreadData;
const send = (message: FromJobThread): void => port.postMessage(message);

// An import's parse worker: built, parse-worker.js beside this file (electron.vite.config.ts);
// from the TypeScript sources, the loader that registers tsx first.
setParseWorkerFile(import.meta.url.endsWith('.ts') ? new URL('../ingest/parse-worker.mjs', import.meta.url) : new URL('./parse-worker.js', import.meta.url));

let db: DB | null = openEncrypted(data.dbPath, { keyHex: data.keyHex, nativeBinding: data.nativeBinding });
const running = new Map<string, { abort: AbortController; done: Promise<void> }>();

const connection = (): DB => {
  if (!db) throw new HearkenError('LOCKED', 'The store is locked. Unlock it first.');
  return db;
};

function start(jobId: string, kind: JobKind, params: unknown): void {
  const abort = new AbortController();
  forgetTaxonomy(connection());
  const done = (bodyLoaders[kind] as () => Promise<JobBody<JobKind>>)().then((body) => body(
    {
      jobId,
      db: connection,
      now: Date.now,
      signal: abort.signal,
      progress: (progress) => send({ t: 'progress', jobId, data: progress }),
      changed: (ids) => send({ t: 'changed', jobId, ids: ids ? [...ids] : null }),
    },
    params as never,
  )).then(
    (result) => send({ t: 'done', jobId, result }),
    (error: unknown) => send({ t: 'failed', jobId, error: toErrorInfo(error) }),
  );
  running.set(jobId, { abort, done: done.finally(() => running.delete(jobId)) });
}

port.on('message', (message: ToJobThread) => {
  if (message.t === 'start') start(message.jobId, message.kind, message.params);
  else if (message.t === 'cancel') running.get(message.jobId)?.abort.abort();
  else if (message.t === 'close') {
    for (const job of running.values()) job.abort.abort();
    void Promise.allSettled([...running.values()].map((j) => j.done)).then(() => {
      db?.close();
      db = null;
      send({ t: 'closed' });
      port.close();
    });
  }
});

send({ t: 'ready' });
