/** An import as a job: the file is read, analysed and stored on the job's connection. */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { openImport } from '../../ingest/readers';
import { ImportTally, runImportPipeline } from '../../ingest/pipeline';
import { recordJobProgress } from '../../store/jobs-repo';
import { inboxSize, mergeSearchIndexStep } from '../../store/search-index';
import type { ImportJobResult, JobEnv, ImportJobParams } from '../types';

/** A batch's ids are named in `feedback.changed` only when few; a big batch means "refresh". */
export const MAX_NAMED_IDS = 200;

/**
 * After an import this large that is also a quarter of the inbox or more, the search index
 * is merged into one segment (store/search-index.ts): the merge rewrites the whole index,
 * about 8 s of CPU at 1,000,000 items, so a small import into a big inbox leaves it to
 * FTS5's own merging.
 */
export const MERGE_AFTER_IMPORTED = 10_000;

export function mergesSearchIndex(imported: number, inbox: number): boolean {
  return imported >= MERGE_AFTER_IMPORTED && imported * 4 >= inbox;
}

export async function importJob(env: JobEnv, params: ImportJobParams): Promise<ImportJobResult> {
  const reader = await openImport(params.path, { format: params.format, timeZone: params.timeZone });
  const tally = new ImportTally();
  const { jobId } = env;
  const outcome = await runImportPipeline({
    reader,
    // Reading in a parse worker beside this thread (ingest/parse-thread.ts) is built and
    // tested, but off unless asked for: on the 2-core bench machine it imported no faster
    // (1,000,000 rows: 2,803 rows/s) and peaked ~130-200 MB higher (616 MB) than this
    // thread alone, each thread paying its own module and heap costs.
    ...(process.env.HEARKEN_IMPORT_PARSE_WORKER === '1' ? { source: { path: params.path, format: params.format, timeZone: params.timeZone } } : {}),
    mapping: params.mapping,
    db: env.db,
    now: env.now,
    batchSize: params.batchSize,
    signal: env.signal,
    tally,
    // With each batch, so a restart after a kill can say exactly what this import added (ingest/imports.ts).
    record: jobId === undefined ? undefined : (db, p) => recordJobProgress(db, jobId, { ...p, at: env.now() }),
    onProgress: (p) => env.progress(p),
    onBatch: (p, ids) => {
      env.progress(p);
      if (ids.length > 0) env.changed(ids.length <= MAX_NAMED_IDS ? ids : null);
    },
  });
  if (outcome.state === 'done' && mergesSearchIndex(outcome.counts.imported, inboxSize(env.db()))) {
    // Step by step, so a cancel or shutdown stops it and other writers get turns; the
    // import itself is complete either way.
    while (!env.signal.aborted) {
      await yieldToEventLoop();
      if (!mergeSearchIndexStep(env.db())) break;
    }
  }
  return outcome;
}
