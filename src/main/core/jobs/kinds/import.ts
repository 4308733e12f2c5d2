/** An import as a job: the file is read, analysed and stored on the job's connection. */
import { openImport } from '../../ingest/readers';
import { ImportTally, runImportPipeline } from '../../ingest/pipeline';
import { recordJobProgress } from '../../store/jobs-repo';
import type { ImportJobResult, JobEnv, ImportJobParams } from '../types';

/** A batch's ids are named in `feedback.changed` only when few; a big batch means "refresh". */
export const MAX_NAMED_IDS = 200;

export async function importJob(env: JobEnv, params: ImportJobParams): Promise<ImportJobResult> {
  const reader = await openImport(params.path, { format: params.format, timeZone: params.timeZone });
  const tally = new ImportTally();
  const { jobId } = env;
  const outcome = await runImportPipeline({
    reader,
    // Read again in a parse worker beside this thread, which then only writes.
    source: { path: params.path, format: params.format, timeZone: params.timeZone },
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
  return outcome;
}
