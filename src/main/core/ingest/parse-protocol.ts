/** Messages between the import pipeline (the job thread, which writes) and its parse worker (which reads and analyses). */
import { HearkenError, type ErrorCode } from '../../../shared/errors';
import type { ColumnMapping, ImportFormat } from '../../../shared/import';
import type { Taxonomy } from '../analysis/taxonomy';
import type { BatchEvent } from './batches';

/** What the parse worker opens and how it cuts batches; the taxonomy is the store's, read once at the start. */
export interface ParseWorkerData {
  path: string;
  format?: ImportFormat | undefined;
  timeZone?: string | undefined;
  mapping?: ColumnMapping | undefined;
  batchSize: number;
  taxonomy: Taxonomy;
}

/** An error as it crosses the thread boundary: structured clone keeps neither the class nor `code`. */
export interface SentError {
  message: string;
  hearken: ErrorCode | null;
  code: unknown;
}

export type ToParseWorker = { t: 'credit' };

export type FromParseWorker =
  | { t: 'ready' }
  | { t: 'progress'; bytesRead: number }
  | (Exclude<BatchEvent, { t: 'error' }> & { error?: never })
  | { t: 'error'; batch: Extract<BatchEvent, { t: 'error' }>['batch']; error: SentError };

export function sendError(error: unknown): SentError {
  return {
    message: error instanceof Error ? error.message : String(error),
    hearken: error instanceof HearkenError ? error.code : null,
    code: (error as { code?: unknown } | null)?.code,
  };
}

export function receiveError(sent: SentError): Error {
  if (sent.hearken !== null) return new HearkenError(sent.hearken, sent.message);
  return Object.assign(new Error(sent.message), sent.code === undefined ? {} : { code: sent.code });
}
