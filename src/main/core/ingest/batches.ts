/**
 * Rows from a reader, cut into the pipeline's batches. The same cut runs in the import's
 * parse worker (parse-thread.ts) and in the pipeline's own thread (pipeline.ts), so both
 * paths commit the same rows together and report the same counts.
 */
import type { ImportProblem } from '../../../shared/contract';
import type { ColumnMapping } from '../../../shared/import';
import type { PreAnalysis } from './enrich';
import type { ImportReader, ImportRow } from './types';

/** How often (in rows read) reading progress is reported between commits. */
export const READ_PROGRESS_EVERY = 1_000;

export type PendingRow = Extract<ImportRow, { kind: 'item' | 'message' }>;

export interface RowBatch {
  rows: PendingRow[];
  /** Problems of the rows in this batch that are not stored (reader errors, skipped rows, notes). */
  problems: ImportProblem[];
  failed: number;
  skipped: number;
  /** The reader's position when the batch was cut. */
  bytesRead: number;
  /** The parse worker's text analysis of the batch's items, in order (enrich.ts preAnalyze). */
  pre?: (PreAnalysis | null)[];
}

/**
 * 'end' carries the last (possibly empty) batch; 'error' the rows read before a reader error
 * (kept when the error is about the file, see pipeline.ts).
 */
export type BatchEvent = { t: 'batch'; batch: RowBatch } | { t: 'end'; batch: RowBatch } | { t: 'error'; batch: RowBatch; error: unknown };

export const batchSizeOf = (batch: RowBatch): number => batch.rows.length + batch.failed + batch.skipped;

export async function* readBatches(
  reader: ImportReader,
  options: { mapping?: ColumnMapping | undefined; signal?: AbortSignal | undefined; batchSize: number; onProgress?: ((bytesRead: number) => void) | undefined },
): AsyncGenerator<BatchEvent> {
  const { signal, batchSize } = options;
  const fresh = (): RowBatch => ({ rows: [], problems: [], failed: 0, skipped: 0, bytesRead: 0 });
  let batch = fresh();
  let sinceProgress = 0;
  try {
    for await (const row of reader.rows({ ...(options.mapping ? { mapping: options.mapping } : {}), ...(signal ? { signal } : {}) })) {
      if (signal?.aborted) return;
      if (row.kind === 'error' && row.skipped) {
        batch.skipped++;
        batch.problems.push({ line: row.line, kind: 'skipped', reason: row.reason });
      } else if (row.kind === 'error') {
        batch.failed++;
        batch.problems.push({ line: row.line, kind: 'failed', reason: row.reason });
      } else {
        batch.rows.push(row);
        for (const note of row.notes ?? []) batch.problems.push({ line: row.line, kind: 'note', reason: note });
      }
      if (batchSizeOf(batch) >= batchSize) {
        batch.bytesRead = reader.bytesRead();
        const full = batch;
        batch = fresh();
        yield { t: 'batch', batch: full };
        if (signal?.aborted) return;
      } else if (++sinceProgress >= READ_PROGRESS_EVERY) {
        sinceProgress = 0;
        options.onProgress?.(reader.bytesRead());
      }
    }
  } catch (error) {
    if (signal?.aborted) return;
    batch.bytesRead = reader.bytesRead();
    yield { t: 'error', batch, error };
    return;
  }
  if (signal?.aborted) return;
  batch.bytesRead = reader.bytesRead();
  yield { t: 'end', batch };
}
