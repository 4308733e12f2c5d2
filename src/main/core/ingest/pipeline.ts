/**
 * The import pipeline: rows from a reader, in batches, into the store. "Nothing lost,
 * nothing doubled" lives here:
 * - one transaction per batch (insertFeedbackBatch), so a crash or a cancel loses at most
 *   the batch in flight and a re-run dedupes what already landed;
 * - a batch that the store refuses is split until the bad row stands alone, so that row is
 *   recorded as failed (line + reason) and every other row lands; no row is half-written;
 * - counts are exact and only count settled rows: read = imported + duplicates + failed
 *   (+ skipped: rows that are not feedback, such as bounces, listed with the reason);
 * - a message row (a conversation's later message) lands in the same batch transaction as
 *   the items, after them, so it may follow an item of its own batch, of an earlier batch
 *   or of an earlier import; an appended message counts as imported, one the conversation
 *   already has as a duplicate, one whose conversation is nowhere as failed.
 * The pipeline never parses a file format (readers do) and never emits IPC events (the
 * import session does): it reports through callbacks.
 * Given the file's path (`source`) in the job thread, reading, parsing, mapping and the text
 * analysis run in a parse worker (parse-source.ts) while this thread writes; the batches,
 * counts and stored rows are the same as when this thread reads (batches.ts cuts both).
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ImportProblem } from '../../../shared/contract';
import { HearkenError, type ErrorInfo } from '../../../shared/errors';
import { toErrorInfo } from '../errors';
import type { ColumnMapping, ImportCounts, ImportFormat } from '../../../shared/import';
import type { DB } from '../store/db';
import { deriveContext, deriveNew, type DeriveContext, type NewItemDerived } from '../store/derived';
import { importLanguageContext } from '../store/analysis-repo';
import { contactNumbers, insertFeedbackBatch, type CustomerLookups } from '../store/feedback-write';
import { loadTaxonomy } from '../store/taxonomy-repo';
import { batchSizeOf, readBatches, type BatchEvent, type PendingRow, type RowBatch } from './batches';
import { enrichWithAnalysis } from './enrich';
import { ParseSource } from './parse-source';
import type { ImportReader, ImportRow } from './types';

export const DEFAULT_BATCH_SIZE = 5_000;
/** Problems kept for the report; the total is still counted beyond it. */
export const PROBLEM_CAP = 500;

export interface PipelineProgress {
  counts: ImportCounts;
  bytesRead: number;
}

export interface PipelineOptions {
  reader: ImportReader;
  /**
   * The file `reader` was opened from: with it, and a parse worker to run it in (the job
   * thread sets one), the file is read again in that worker and `reader` is not read.
   */
  source?: { path: string; format?: ImportFormat | undefined; timeZone?: string | undefined } | undefined;
  mapping?: ColumnMapping | undefined;
  /** The open store, asked for before every batch: a locked store throws LOCKED here. */
  db: () => DB;
  now: () => number;
  batchSize?: number | undefined;
  /** Aborting stops after the batch being written; the partly collected batch is dropped. */
  signal?: AbortSignal | undefined;
  /** After every committed batch. */
  onBatch?: ((progress: PipelineProgress, ids: readonly string[]) => void) | undefined;
  /**
   * Inside every batch's transaction, with the counts as they stand once it commits: what
   * it writes (a job's progress) always matches the rows in the store, even after a kill.
   */
  record?: ((db: DB, progress: PipelineProgress) => void) | undefined;
  /** While a batch is being read (rows read so far are not counted until they settle). */
  onProgress?: ((progress: PipelineProgress) => void) | undefined;
  /** Where counts and problems accumulate; pass one to read them while the import runs. */
  tally?: ImportTally | undefined;
}

export interface PipelineOutcome {
  state: 'done' | 'cancelled' | 'failed';
  counts: ImportCounts;
  problems: ImportProblem[];
  problemsTotal: number;
  error: ErrorInfo | null;
  /** How far the file was read. */
  bytesRead: number;
}

/** Counts and the capped list of problems, in file order within each batch. */
export class ImportTally {
  readonly counts: ImportCounts = { read: 0, imported: 0, duplicates: 0, failed: 0 };
  readonly problems: ImportProblem[] = [];
  problemsTotal = 0;

  constructor(readonly cap = PROBLEM_CAP) {}

  get room(): number {
    return Math.max(0, this.cap - this.problems.length);
  }

  add(problems: ImportProblem[]): void {
    problems.sort((a, b) => a.line - b.line);
    this.problemsTotal += problems.length;
    this.problems.push(...problems.slice(0, this.room));
  }
}

type ItemRow = Extract<ImportRow, { kind: 'item' }>;
type MessageRow = Extract<ImportRow, { kind: 'message' }>;
type NewFeedbackOf = ItemRow['item'];

/** Errors that say nothing about a row: the store itself is unwell, so stop instead of bisecting. */
const storeErrorCodes = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CORRUPT|NOTADB|READONLY|INTERRUPT|CANTOPEN|NOMEM|PERM|AUTH)/;
function isRowError(error: unknown, db: DB): boolean {
  if (!db.open) return false;
  if (error instanceof HearkenError) return error.code === 'VALIDATION';
  const code = (error as { code?: unknown }).code;
  return !(typeof code === 'string' && storeErrorCodes.test(code));
}

function rowFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `Could not be stored: ${message}`;
}

interface Committed {
  imported: number;
  duplicates: number;
  failed: number;
  /** New items, then stored conversations that got a message. */
  ids: string[];
  problems: ImportProblem[];
}

const DUPLICATE_ITEM = 'Already in the inbox.';
const DUPLICATE_MESSAGE = 'Already in its conversation.';
const MISSING_CONVERSATION = 'Replies to a conversation that is neither earlier in this file nor in the inbox.';

/**
 * Commits rows in one transaction; if the store refuses them, halves the set until each
 * bad row stands alone. Halves keep file order and commit left first, so a message row
 * still finds a conversation that an item row before it started.
 */
function commitRows(db: DB, rows: readonly PendingRow[], now: number, derived?: ReadonlyMap<NewFeedbackOf, NewItemDerived>, lookups?: CustomerLookups): Committed {
  const items = rows.filter((r): r is ItemRow => r.kind === 'item');
  const messages = rows.filter((r): r is MessageRow => r.kind === 'message');
  try {
    const result = insertFeedbackBatch(
      db,
      items.map((r) => r.item),
      now,
      messages.map((r) => ({ conversation: r.conversation, message: r.message })),
      derived,
      lookups,
    );
    const problems: ImportProblem[] = [];
    result.items.forEach((outcome, i) => {
      if (outcome === 'duplicate') problems.push({ line: items[i]!.line, kind: 'duplicate', reason: DUPLICATE_ITEM });
    });
    let imported = result.imported + result.continued;
    let duplicates = result.duplicates;
    let failed = 0;
    result.appended.forEach((outcome, i) => {
      const line = messages[i]!.line;
      if (outcome === 'appended') imported++;
      else if (outcome === 'duplicate') {
        duplicates++;
        problems.push({ line, kind: 'duplicate', reason: DUPLICATE_MESSAGE });
      } else {
        failed++;
        problems.push({ line, kind: 'failed', reason: MISSING_CONVERSATION });
      }
    });
    return { imported, duplicates, failed, ids: [...result.ids, ...result.touched], problems };
  } catch (error) {
    if (!isRowError(error, db)) throw error;
    // The halves look customers up again: the left half's commit adds some.
    if (rows.length === 1) {
      return { imported: 0, duplicates: 0, failed: 1, ids: [], problems: [{ line: rows[0]!.line, kind: 'failed', reason: rowFailure(error) }] };
    }
    const half = Math.ceil(rows.length / 2);
    const left = commitRows(db, rows.slice(0, half), now, derived);
    const right = commitRows(db, rows.slice(half), now, derived);
    return {
      imported: left.imported + right.imported,
      duplicates: left.duplicates + right.duplicates,
      failed: left.failed + right.failed,
      ids: [...new Set([...left.ids, ...right.ids])],
      problems: [...left.problems, ...right.problems],
    };
  }
}

function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof HearkenError) return error.toInfo();
  const info = toErrorInfo(error);
  if (info.code === 'DATABASE_LOCKED') {
    // Another writer held the store past busy_timeout: this batch rolled back, the ones before it stay.
    return {
      code: 'DATABASE_LOCKED',
      message:
        'The store stayed busy in another program (another Hearken window or a CLI command), so the import stopped after its last complete batch. Run the same import again when that program is done: the rows already added are recognised and skipped.',
    };
  }
  if (info.code === 'DISK_FULL') {
    // The batches before this one are stored: "nothing was changed" would not be true here.
    return {
      code: 'DISK_FULL',
      message:
        'The disk holding the store is full, so the import stopped after its last complete batch. Free some space, then run the same import again: the rows already added are recognised and skipped.',
    };
  }
  if (info.code !== 'INTERNAL') return info;
  return { code: 'INTERNAL', message: `The import stopped: ${error instanceof Error ? error.message : String(error)}` };
}

export async function runImportPipeline(options: PipelineOptions): Promise<PipelineOutcome> {
  const { reader, signal } = options;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const tally = options.tally ?? new ImportTally();
  let parse: ParseSource | null = null;
  const bytesRead = (): number => (parse ? parse.bytesRead : reader.bytesRead());
  const progress = (): PipelineProgress => ({ counts: { ...tally.counts }, bytesRead: bytesRead() });
  const outcome = (state: PipelineOutcome['state'], error: ErrorInfo | null = null): PipelineOutcome => ({
    state,
    counts: { ...tally.counts },
    problems: tally.problems,
    problemsTotal: tally.problemsTotal,
    error,
    bytesRead: bytesRead(),
  });
  /** Skipped rows are counted only once some exist, so the counts of other imports keep their shape. */
  const withSkipped = (counts: ImportCounts, skipped: number): ImportCounts => (skipped > 0 ? { ...counts, skipped: (counts.skipped ?? 0) + skipped } : counts);

  /** Rules compiled and SLA settings read once per import. */
  let deriving: DeriveContext | null = null;
  const flush = async (batch: RowBatch): Promise<void> => {
    const db = options.db();
    const pending = batch.rows;
    // Local analysis rides in the batch's own INSERT (ingest/enrich.ts), and so do the
    // SLA deadline, rule matches and rule actions worked out from it (store/derived.ts).
    const items = pending.flatMap((r) => (r.kind === 'item' ? [r.item] : []));
    let derived: ReadonlyMap<NewFeedbackOf, NewItemDerived> | undefined;
    const lookups: CustomerLookups = new Map();
    if (items.length > 0) {
      enrichWithAnalysis(items, options.now(), loadTaxonomy(db), contactNumbers(db, items, lookups), importLanguageContext(db), batch.pre);
      deriving ??= deriveContext(db);
      derived = deriveNew(db, items, deriving, options.now());
    }
    const now = options.now();
    const write = (): Committed | null => {
      const committed = pending.length > 0 ? commitRows(db, pending, now, derived, lookups) : null;
      options.record?.(db, {
        counts: withSkipped(
          {
            ...tally.counts,
            read: tally.counts.read + batchSizeOf(batch),
            imported: tally.counts.imported + (committed?.imported ?? 0),
            duplicates: tally.counts.duplicates + (committed?.duplicates ?? 0),
            failed: tally.counts.failed + batch.failed + (committed?.failed ?? 0),
          },
          batch.skipped,
        ),
        bytesRead: batch.bytesRead,
      });
      return committed;
    };
    // The batch's own transaction becomes a savepoint inside this one, so halving a refused batch still works.
    const committed = options.record ? db.transaction(write).immediate() : write();
    tally.counts.read += batchSizeOf(batch);
    tally.counts.failed += batch.failed;
    if (batch.skipped > 0) tally.counts.skipped = (tally.counts.skipped ?? 0) + batch.skipped;
    const problems = [...batch.problems];
    if (committed) {
      tally.counts.imported += committed.imported;
      tally.counts.duplicates += committed.duplicates;
      tally.counts.failed += committed.failed;
      problems.push(...committed.problems);
    }
    tally.add(problems);
    const ids = committed?.ids ?? [];
    options.onBatch?.(progress(), ids);
    // Let IPC, timers and a cancel request run between two batches.
    await yieldToEventLoop();
  };

  const onRead = (): void => options.onProgress?.(progress());
  let events: AsyncIterator<BatchEvent> | null = null;
  try {
    if (options.source) {
      const db = options.db();
      parse = await ParseSource.start(
        { ...options.source, mapping: options.mapping, batchSize, taxonomy: loadTaxonomy(db) },
        onRead,
      );
    }
    const next = async (): Promise<BatchEvent | null> => {
      if (parse) return parse.next(signal);
      events ??= readBatches(reader, { mapping: options.mapping, signal, batchSize, onProgress: onRead })[Symbol.asyncIterator]();
      const step = await events.next();
      return step.done ? null : step.value;
    };
    for (let event = await next(); event !== null; event = await next()) {
      if (signal?.aborted) break;
      if (event.t === 'error') {
        if (signal?.aborted) break;
        // The rows read before a reader error are good: keep them, then report the error.
        if (event.error instanceof HearkenError && event.error.code === 'VALIDATION' && batchSizeOf(event.batch) > 0) {
          try {
            await flush(event.batch);
          } catch {
            // The store refused too; the reader's error is the one to show.
          }
        }
        return outcome('failed', errorInfo(event.error));
      }
      await flush(event.batch);
      if (event.t === 'end') return outcome('done');
      if (signal?.aborted) break;
    }
    return outcome('cancelled');
  } catch (error) {
    if (signal?.aborted) return outcome('cancelled');
    return outcome('failed', errorInfo(error));
  } finally {
    await parse?.close();
    // Assigned inside the try, which TypeScript's narrowing does not follow into finally.
    await (events as AsyncIterator<BatchEvent> | null)?.return?.();
  }
}
