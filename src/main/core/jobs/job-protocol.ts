/** Messages between the core worker and its job thread. */
import type { ErrorInfo } from '../../../shared/errors';
import type { JobKind } from './types';

/** What the job thread needs to open its own connection to the store. */
export interface JobThreadData {
  dbPath: string;
  keyHex: string;
  nativeBinding?: string | undefined;
}

export type ToJobThread =
  | { t: 'start'; jobId: string; kind: JobKind; params: unknown }
  | { t: 'cancel'; jobId: string }
  | { t: 'close' };

export type FromJobThread =
  | { t: 'ready' }
  | { t: 'progress'; jobId: string; data: unknown }
  | { t: 'changed'; jobId: string; ids: readonly string[] | null }
  | { t: 'done'; jobId: string; result: unknown }
  | { t: 'failed'; jobId: string; error: ErrorInfo }
  | { t: 'closed' };
