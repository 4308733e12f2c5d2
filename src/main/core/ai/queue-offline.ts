/**
 * The queue's two helpers that run on their own clocks: the prober that watches an endpoint
 * that went away (and says when it is back), and the throttle on `ai.jobs.changed`.
 */
import { offlineProbeMs } from './backoff';
import { AiCallError } from './types';

/** Timers the queue waits with; tests pass their own to move time by hand. */
export interface QueueTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: QueueTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface ProberOptions {
  timers: QueueTimers;
  now(): number;
  /** Fixed interval between probes; default 1, 2, 5, 10, then every 30 s. */
  intervalMs?: number | undefined;
  /** Any answer at all (a model list, even a 401) means the endpoint is back. */
  ask(signal: AbortSignal): Promise<unknown>;
  onBack(): void;
  /** The next probe's time, for the window's "trying again at". */
  onScheduled(at: number): void;
}

export class OfflineProber {
  private probes = 0;
  private timer: unknown = null;
  private controller: AbortController | null = null;
  private active = false;

  constructor(private readonly options: ProberOptions) {}

  start(): void {
    if (this.active) return;
    this.active = true;
    this.probes = 0;
    this.schedule();
  }

  /** Probe at once (settings changed, or someone pressed Retry). */
  now(): void {
    if (!this.active) return;
    this.options.timers.clear(this.timer);
    void this.probe();
  }

  stop(): void {
    this.active = false;
    this.options.timers.clear(this.timer);
    this.timer = null;
    this.controller?.abort();
  }

  private schedule(): void {
    const delay = offlineProbeMs(this.probes++, this.options.intervalMs);
    this.options.onScheduled(this.options.now() + delay);
    this.options.timers.clear(this.timer);
    this.timer = this.options.timers.set(() => void this.probe(), delay);
  }

  private async probe(): Promise<void> {
    if (!this.active || this.controller) return;
    const controller = new AbortController();
    this.controller = controller;
    let back = true;
    try {
      await this.options.ask(controller.signal);
    } catch (error) {
      back = !(error instanceof AiCallError && (error.kind === 'offline' || error.kind === 'timeout' || error.kind === 'cancelled'));
    } finally {
      this.controller = null;
    }
    if (!this.active) return;
    if (!back) return this.schedule();
    this.active = false;
    this.options.onBack();
  }
}

const EMIT_EVERY_MS = 250;

/** Calls `push` at most four times a second, the last change always pushed. */
export class Throttle {
  private timer: NodeJS.Timeout | null = null;
  private last = 0;

  constructor(private readonly push: () => void) {}

  poke(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.last + EMIT_EVERY_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.last = Date.now();
      this.push();
    }, wait);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
