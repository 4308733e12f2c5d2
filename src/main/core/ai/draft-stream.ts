/**
 * Streamed draft text as the window may see it: with the customer's details put back, and
 * at most about twenty pushes a second.
 *
 * The model writes placeholders ([EMAIL_1]) that arrive in pieces ("[EMA", "IL_1] …"), so
 * text is restored and shown only up to the last point where no placeholder can be
 * half-written; the rest waits for the next piece or the end. Restoring is done on the
 * whole text so far, whose restored form only ever grows at its end.
 */

/** A bracket that could still become a placeholder or a source marker (models may write [ email 1 ]). */
const OPEN_TAIL = /\[[A-Za-z0-9_ -]{0,24}$/;
const PUSH_EVERY_MS = 50;

export interface RestoringStreamOptions {
  /** Puts the real values back for placeholders; the identity when nothing was redacted. */
  restore(text: string): string;
  /** The new piece and the whole restored text so far. */
  push(delta: string, text: string): void;
  /** Milliseconds, monotonic; injectable for tests. */
  clock?: () => number;
}

export class RestoringStream {
  private raw = '';
  /** The restored text the window has been given. */
  private shown = '';
  /** Restored text ready to show but held back by the throttle. */
  private ready = '';
  private lastPush = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private readonly clock: () => number;

  constructor(private readonly options: RestoringStreamOptions) {
    this.clock = options.clock ?? (() => performance.now());
  }

  /** The raw model text received so far. */
  get received(): string {
    return this.raw;
  }

  /** The restored text so far, including any piece still held back. */
  get text(): string {
    return this.options.restore(this.raw);
  }

  add(delta: string): void {
    if (delta === '') return;
    this.raw += delta;
    const open = OPEN_TAIL.exec(this.raw);
    const safe = open ? this.raw.slice(0, open.index) : this.raw;
    const restored = this.options.restore(safe);
    if (restored.length > this.ready.length) this.ready = restored;
    this.schedule();
  }

  /** The stream ended: everything is restored and pushed now; returns the whole text. */
  end(): string {
    this.stopTimer();
    const restored = this.options.restore(this.raw);
    this.ready = restored;
    this.flush();
    return restored;
  }

  /** The stream failed or was cancelled: no more pushes. */
  abandon(): void {
    this.stopTimer();
  }

  private schedule(): void {
    if (this.ready.length <= this.shown.length || this.timer) return;
    const wait = this.lastPush + PUSH_EVERY_MS - this.clock();
    if (wait <= 0) {
      this.flush();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }

  private flush(): void {
    if (this.ready.length <= this.shown.length) return;
    // Restoring a longer prefix extends the shorter one's restored form, so the new piece is its tail.
    const delta = this.ready.startsWith(this.shown) ? this.ready.slice(this.shown.length) : this.ready;
    this.shown = this.ready;
    this.lastPush = this.clock();
    this.options.push(delta, this.shown);
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
