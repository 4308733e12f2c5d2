/**
 * Job bodies in the job thread, beside the core: started on the first job after an
 * unlock, with the store's path and key, and ended when the store locks or the core
 * closes. Everything the body reports comes back as messages to the job service.
 */
import { Worker } from 'node:worker_threads';
import { HearkenError, type ErrorInfo } from '../../../shared/errors';
import type { FromJobThread, JobThreadData, ToJobThread } from './job-protocol';
import type { JobKind, JobKinds, JobRunner, RunHooks } from './types';

/**
 * Where a worker's code is: the built file in the app; under plain Node a small loader
 * that registers tsx and imports the TypeScript source named in `data`.
 */
export interface WorkerEntry {
  file: string;
  /** Merged into the worker's workerData (the loader reads the source's path here). */
  data?: Record<string, unknown> | undefined;
  /** The thread's V8 heap cap (old generation), in MB; JOB_THREAD_HEAP_MB unless given. */
  maxOldGenerationSizeMb?: number | undefined;
}

/**
 * The job thread's old-generation heap cap. Its jobs stream (an import holds one batch and
 * one message or record of at most 16 MB, readers/limits.ts), and live heap stays under
 * ~60 MB even while mailparser parses; without a cap V8 let the heap grow to about four
 * times that before collecting (the CLI's in-process import of a 300,000-message mbox
 * peaked at 504 MB of RSS). Capped, the thread's heap stays near 80 MB (bench
 * `mbox_peak_rss_mb`, docs/ARCHITECTURE.md).
 */
export const JOB_THREAD_HEAP_MB = 192;
/**
 * Its young generation (V8's default is up to 48 MB): 16 MB took another ~10 MB off the CLI
 * import's peak (291 and 295 MB against 300 and 304) at the same speed (86 s against 88 s
 * for 300,000 messages); 8 MB, with the parse worker beside it, imported the bench's CSV
 * as fast as 16.
 */
export const JOB_THREAD_YOUNG_MB = 8;

interface Pending {
  hooks: RunHooks;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

export class ThreadRunner implements JobRunner {
  private worker: Worker | null = null;
  private ready: Promise<Worker> | null = null;
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly entry: WorkerEntry,
    /** The open store's path and key; null when locked. */
    private readonly connection: () => JobThreadData | null,
  ) {}

  async run<K extends JobKind>(jobId: string, kind: K, params: JobKinds[K]['params'], hooks: RunHooks): Promise<JobKinds[K]['result']> {
    const worker = await this.thread();
    return new Promise((resolve, reject) => {
      this.pending.set(jobId, { hooks, resolve: resolve as (r: unknown) => void, reject });
      this.post(worker, { t: 'start', jobId, kind, params });
    });
  }

  cancel(jobId: string): void {
    if (this.worker && this.pending.has(jobId)) this.post(this.worker, { t: 'cancel', jobId });
  }

  async close(): Promise<void> {
    const worker = this.ready ? await this.ready.catch(() => null) : null;
    this.ready = null;
    this.worker = null;
    if (!worker) return;
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      this.post(worker, { t: 'close' });
    });
  }

  private thread(): Promise<Worker> {
    this.ready ??= new Promise<Worker>((resolve, reject) => {
      const data = this.connection();
      if (!data) {
        reject(new HearkenError('LOCKED', 'The store is locked. Unlock it first.'));
        return;
      }
      const worker = new Worker(this.entry.file, {
        workerData: { ...this.entry.data, ...data },
        resourceLimits: { maxOldGenerationSizeMb: this.entry.maxOldGenerationSizeMb ?? JOB_THREAD_HEAP_MB, maxYoungGenerationSizeMb: JOB_THREAD_YOUNG_MB },
      });
      worker.on('message', (message: FromJobThread) => {
        if (message.t === 'ready') {
          this.worker = worker;
          resolve(worker);
        } else this.receive(message);
      });
      worker.once('error', (error) => reject(error));
      worker.once('exit', (code) => {
        const failure = new HearkenError('INTERNAL', `The job thread stopped (exit code ${code}).`);
        reject(failure);
        for (const job of this.pending.values()) job.reject(failure);
        this.pending.clear();
        if (this.worker === worker) {
          this.worker = null;
          this.ready = null;
        }
      });
    });
    // A thread that failed to start is tried again by the next job.
    this.ready.catch(() => {
      this.ready = null;
    });
    return this.ready;
  }

  private post(worker: Worker, message: ToJobThread): void {
    worker.postMessage(message);
  }

  private receive(message: Exclude<FromJobThread, { t: 'ready' }>): void {
    if (message.t === 'closed') return;
    const job = this.pending.get(message.jobId);
    if (!job) return;
    if (message.t === 'progress') job.hooks.progress(message.data);
    else if (message.t === 'changed') job.hooks.changed(message.ids);
    else {
      this.pending.delete(message.jobId);
      if (message.t === 'done') job.resolve(message.result);
      else job.reject(errorFrom(message.error));
    }
  }
}

function errorFrom(info: ErrorInfo): HearkenError {
  return new HearkenError(info.code, info.message);
}
