/**
 * The seam between the importers (ingest/readers/*: they turn a file into rows) and the
 * import pipeline (ingest/pipeline.ts: batches, dedupe, progress, cancel, the report).
 * Readers never touch the database; the pipeline never parses a file format. NewFeedback
 * is declared here rather than beside the INSERT so that readers can build items without
 * importing the store.
 */
import type { Channel, CustomerTier, MessageDirection, Sentiment, Status, TagSource } from '../../../shared/domain';
import type { ColumnMapping, ImportFormat } from '../../../shared/import';
import type { NewAnalysis } from '../analysis/item';

export interface NewCustomer {
  name: string;
  email: string | null;
  tier: CustomerTier;
  language: string | null;
}

export interface NewMessage {
  direction: MessageDirection;
  author: string | null;
  body: string;
  sentAt: number;
}

/** One conversation on its way into the store (store/feedback-write.ts insertFeedbackBatch). */
export interface NewFeedback {
  source: string;
  externalId: string | null;
  /** Identifies the same content from any source; see ingest/content-hash. */
  contentHash: string;
  channel: Channel;
  customer: NewCustomer | null;
  subject: string | null;
  body: string;
  product: string | null;
  language: string | null;
  status: Status;
  sentiment: Sentiment | null;
  sentimentSource: TagSource | null;
  rating: number | null;
  receivedAt: number;
  /**
   * receivedAt (and the messages' times) is the file's time, not the row's: a re-import from
   * a copy with another time must still match the stored conversation and its messages.
   */
  undated?: true;
  unread: boolean;
  tags: { name: string; source: TagSource }[];
  /** The whole thread (as far as this row knows it), the customer's first message included. */
  messages: NewMessage[];
  /** Local analysis (ingest/enrich.ts), written in the same INSERT; absent when not analyzed. */
  analysis?: NewAnalysis;
}

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
  | {
      kind: 'message';
      line: number;
      /**
       * A message of a conversation that an earlier row started (in this file or in an
       * earlier import): the pipeline appends it to the feedback item with this source and
       * external id, whether that item is in the batch being collected or already stored.
       * This is how streamed e-mail and conversation-shaped tables (a row per message) thread
       * without holding the whole file in memory.
       */
      conversation: { source: string; externalId: string };
      message: NewMessage;
      notes?: string[];
    }
  | {
      kind: 'error';
      line: number;
      reason: string;
      /**
       * True for a row left out on purpose because it is not feedback (an e-mail bounce):
       * counted as skipped, not failed, and listed with the reason; never stored.
       */
      skipped?: true;
    };

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
  /**
   * Tabular formats: the origin the rows' ids dedupe within when the mapping names none
   * (the format and a digest of the file's start: see readers/tabular.ts fileOrigin).
   */
  origin?: string;
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
