/**
 * The seam between the importers (ingest/readers/*: they turn a file into rows) and the
 * import pipeline (ingest/pipeline.ts: batches, dedupe, progress, cancel, the report).
 * Readers never touch the database; the pipeline never parses a file format.
 */
import type { ColumnMapping, ImportFormat } from '../../../shared/import';
import type { NewFeedback } from '../store/feedback-write';

/** One row (a CSV record, a JSON object, an e-mail thread, a helpdesk ticket). */
export type ImportRow =
  | {
      kind: 'item';
      /** 1-based line (or record / message number for formats without lines) where the row starts. */
      line: number;
      item: NewFeedback;
      /** Things the report should say about an otherwise good row, e.g. a truncated field. */
      notes?: string[];
    }
  | { kind: 'error'; line: number; reason: string };

/** What the mapping step shows before the import starts. */
export interface ImportPreview {
  format: ImportFormat;
  /** e.g. 'utf-8', 'utf-8-bom', 'utf-16le', 'windows-1252'. */
  encoding: string;
  /** Tabular formats (csv, tsv, json, ndjson): the detected delimiter, else null. */
  delimiter: string | null;
  /** Tabular formats: the columns (CSV header, or the keys seen in the first JSON objects). */
  columns: string[];
  /** Up to 20 rows as text, for the mapping table. */
  sample: Record<string, string>[];
  /** Tabular formats: the guessed mapping; null for formats with a fixed mapping (e-mail, helpdesk). */
  guessedMapping: ColumnMapping | null;
  /** The size of everything that will be read, for progress and ETA. */
  totalBytes: number;
}

export interface ImportReader {
  readonly format: ImportFormat;
  preview(): Promise<ImportPreview>;
  /**
   * Streams the rows. Tabular formats need a mapping (the guessed one when omitted); other
   * formats ignore it. Never holds the whole file in memory. Stops early when `signal` aborts.
   */
  rows(options: { mapping?: ColumnMapping; signal?: AbortSignal }): AsyncIterable<ImportRow>;
  /** Bytes consumed so far (for progress); reaches totalBytes at the end. */
  bytesRead(): number;
}
