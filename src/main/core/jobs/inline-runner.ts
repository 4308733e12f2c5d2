/**
 * Job bodies in the caller's thread, on the core's own connection: the CLI, which has no
 * window to keep answering, and unit tests. A batch is one synchronous transaction, so
 * the thread is always between two batches when a cancel or a close runs.
 */
import type { DB } from '../store/db';
import { jobBodies } from './kinds';
import type { JobBody, JobKind, JobKinds, JobRunner, RunHooks } from './types';

export class InlineRunner implements JobRunner {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly db: () => DB,
    private readonly now: () => number,
  ) {}

  async run<K extends JobKind>(jobId: string, kind: K, params: JobKinds[K]['params'], hooks: RunHooks): Promise<JobKinds[K]['result']> {
    const abort = new AbortController();
    this.running.set(jobId, abort);
    try {
      const body = jobBodies[kind] as JobBody<K>;
      return await body({ jobId, db: this.db, now: this.now, signal: abort.signal, progress: hooks.progress, changed: hooks.changed }, params);
    } finally {
      this.running.delete(jobId);
    }
  }

  cancel(jobId: string): void {
    this.running.get(jobId)?.abort();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
