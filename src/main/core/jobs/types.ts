/**
 * A job is a body that runs against a connection in batches. The same body runs in the
 * job thread (the app, the e2e bridge, the bench) or in the caller's thread (the CLI and
 * unit tests): it sees only this environment, never where it runs.
 */
import type { ColumnMapping, ImportFormat } from '../../../shared/import';
import type { DiscoveryScope, FeedbackFilter } from '../../../shared/contract';
import type { RowFormat } from '../../../shared/reports/schema';
import type { DB } from '../store/db';
import type { PipelineOutcome } from '../ingest/pipeline';
import type { BackupJobParams, BackupJobResult } from '../backups/job-types';

export interface JobEnv {
  /** The job's row in the jobs table; absent when a test runs a body on its own. */
  readonly jobId?: string | undefined;
  /** The job's connection; throws LOCKED once the store is closing. */
  db(): DB;
  now(): number;
  /** Aborted by cancel or shutdown: the body stops after the batch in flight. */
  readonly signal: AbortSignal;
  /** As often as the body likes; the job service throttles what reaches the window. */
  progress(data: unknown): void;
  /** After each committed batch; `ids` is null when there were too many to name. */
  changed(ids: readonly string[] | null): void;
}

export interface ImportJobParams {
  path: string;
  format?: ImportFormat | undefined;
  mapping?: ColumnMapping | undefined;
  timeZone?: string | undefined;
  batchSize?: number | undefined;
}

export interface ImportJobProgress {
  counts: PipelineOutcome['counts'];
  bytesRead: number;
}

export type ImportJobResult = PipelineOutcome & { bytesRead: number };

export interface AnalysisJobParams {
  filter: FeedbackFilter;
  batchSize?: number | undefined;
}

export interface AnalysisJobProgress {
  done: number;
}

export interface AnalysisJobResult {
  state: 'done' | 'cancelled';
  done: number;
}

/** The per-conversation rows of a filter, written to `path` (already granted by the caller). */
export interface ExportJobParams {
  filter: FeedbackFilter;
  format: RowFormat;
  path: string;
  /** The zone local times are written in; UTC when absent. */
  timeZone?: string | undefined;
}

export interface ExportJobProgress {
  done: number;
  total: number;
}

export interface ExportJobResult {
  /** Cancelled: nothing was left at `path`; `count` is the rows written before the cancel. */
  state: 'done' | 'cancelled';
  count: number;
}

/** "Suggest topics" over a scope; the run and its proposals are stored when it ends. */
export interface DiscoveryJobParams {
  scope: DiscoveryScope;
  minSize?: number | undefined;
}

export interface DiscoveryJobProgress {
  done: number;
  total: number;
}

export interface DiscoveryJobResult {
  state: 'done' | 'cancelled';
  /** The stored run; null when cancelled (the proposals before it stay). */
  runId: string | null;
  considered: number;
  proposals: number;
}

/** Every kind of job, with what it takes, reports and returns. */
export interface JobKinds {
  import: { params: ImportJobParams; progress: ImportJobProgress; result: ImportJobResult };
  analysis: { params: AnalysisJobParams; progress: AnalysisJobProgress; result: AnalysisJobResult };
  export: { params: ExportJobParams; progress: ExportJobProgress; result: ExportJobResult };
  discover: { params: DiscoveryJobParams; progress: DiscoveryJobProgress; result: DiscoveryJobResult };
  backup: { params: BackupJobParams; progress: never; result: BackupJobResult };
}

export type JobKind = keyof JobKinds;

export type JobBody<K extends JobKind> = (env: JobEnv, params: JobKinds[K]['params']) => Promise<JobKinds[K]['result']>;

/** Where job bodies run: in this thread, or in the job thread on its own connection. */
export interface JobRunner {
  run<K extends JobKind>(jobId: string, kind: K, params: JobKinds[K]['params'], hooks: RunHooks): Promise<JobKinds[K]['result']>;
  cancel(jobId: string): void;
  /** After every job has ended: releases the thread and its connection. */
  close(): Promise<void>;
}

export interface RunHooks {
  progress(data: unknown): void;
  changed(ids: readonly string[] | null): void;
}
