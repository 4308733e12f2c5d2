/**
 * The pipeline's side of the parse worker (parse-thread.ts): starts it, hands out credits
 * (at most QUEUE_DEPTH batches parsed ahead of the one being written, so memory stays flat)
 * and turns its messages back into the batch events the in-thread path produces.
 */
import { Worker } from 'node:worker_threads';
import { HearkenError } from '../../../shared/errors';
import type { BatchEvent } from './batches';
import { receiveError, type FromParseWorker, type ParseWorkerData, type ToParseWorker } from './parse-protocol';

/**
 * Batches parsed ahead of the one being written. Writing a batch takes longer than parsing
 * it, so one ahead keeps the store thread busy; more only hold memory (each batch in flight
 * is two copies, the clone and its objects; the bench's peak was 10 MB higher with two).
 */
export const QUEUE_DEPTH = 1;
/**
 * The worker's heap: its modules (readers, analysis tables) and at most QUEUE_DEPTH + 1
 * batches; 48 MB ran out of memory on the bench's CSV.
 */
const PARSE_HEAP_MB = 96;
const PARSE_YOUNG_MB = 16;

let workerFile: URL | string | null = null;

/** Where the parse worker's code is (set by the job thread; without it imports parse in-thread). */
export function setParseWorkerFile(file: URL | string | null): void {
  workerFile = file;
}

export function parseWorkerFile(): URL | string | null {
  return workerFile;
}

export class ParseSource {
  private readonly queue: (FromParseWorker | Error)[] = [];
  private wake: (() => void) | null = null;
  private ended = false;
  /** The worker's latest position, also between batches. */
  bytesRead = 0;

  private constructor(
    private readonly worker: Worker,
    private readonly onProgress: (bytesRead: number) => void,
  ) {
    worker.on('message', (message: FromParseWorker) => {
      if (message.t === 'progress') {
        this.bytesRead = message.bytesRead;
        this.onProgress(message.bytesRead);
        return;
      }
      this.push(message);
    });
    worker.on('error', (error) => this.push(error));
    worker.on('exit', (code) => {
      if (!this.ended) this.push(new HearkenError('INTERNAL', `The import's parse worker stopped (exit code ${code}).`));
    });
  }

  /** Null when the worker cannot start (no worker file, or it failed before reading): the caller parses in-thread. */
  static async start(data: ParseWorkerData, onProgress: (bytesRead: number) => void): Promise<ParseSource | null> {
    const file = workerFile;
    if (file === null) return null;
    let worker: Worker;
    try {
      worker = new Worker(file, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: PARSE_HEAP_MB, maxYoungGenerationSizeMb: PARSE_YOUNG_MB } });
    } catch {
      return null;
    }
    const source = new ParseSource(worker, onProgress);
    const first = await source.take();
    if (first === null || first instanceof Error) {
      await source.close();
      return null;
    }
    // An error before 'ready' (the file could not be opened again) is reported like a reader error.
    if (first.t !== 'ready') source.queue.unshift(first);
    for (let i = 0; i < QUEUE_DEPTH; i++) source.post({ t: 'credit' });
    return source;
  }

  /** The next batch event; resolves early with null when `signal` aborts. */
  async next(signal?: AbortSignal): Promise<BatchEvent | null> {
    const message = await this.take(signal);
    if (message === null) return null;
    if (message instanceof Error) throw message;
    if (message.t === 'ready' || message.t === 'progress') return this.next(signal);
    this.bytesRead = message.batch.bytesRead;
    if (message.t === 'batch') {
      // The store thread takes this batch now: the worker may parse one more.
      this.post({ t: 'credit' });
      return message;
    }
    this.ended = true;
    if (message.t === 'end') return message;
    return { t: 'error', batch: message.batch, error: receiveError(message.error) };
  }

  async close(): Promise<void> {
    this.ended = true;
    await this.worker.terminate();
  }

  private post(message: ToParseWorker): void {
    this.worker.postMessage(message);
  }

  private push(message: FromParseWorker | Error): void {
    this.queue.push(message);
    this.wake?.();
    this.wake = null;
  }

  private async take(signal?: AbortSignal): Promise<FromParseWorker | Error | null> {
    while (this.queue.length === 0) {
      if (signal?.aborted) return null;
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve();
        signal?.addEventListener('abort', stop, { once: true });
        this.wake = () => {
          signal?.removeEventListener('abort', stop);
          resolve();
        };
      });
    }
    return this.queue.shift()!;
  }
}
