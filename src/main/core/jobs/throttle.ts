/**
 * At most one flush per interval, and never a stale last word: a poke inside the interval
 * schedules one trailing flush for when it ends. Every job's progress and change pushes go
 * through this, so the window gets the same rhythm from imports, analysis and later jobs.
 */
export class Throttle {
  private last = -Infinity;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly flush: () => void,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  poke(): void {
    const wait = this.intervalMs - (this.clock() - this.last);
    if (wait <= 0) {
      this.now();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.now();
    }, wait).unref();
  }

  /** Flushes at once (a final word), cancelling a pending trailing flush. */
  now(): void {
    this.cancel();
    this.last = this.clock();
    this.flush();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
