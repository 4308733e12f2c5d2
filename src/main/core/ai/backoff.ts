/**
 * What the queue does after a failed try, by kind: wait out a Retry-After (capped), back off
 * and try again (5xx, time-outs), give up at once where trying again cannot help (a key,
 * a bad request, an answer that stayed invalid), or put the job back and pause everything
 * (offline, the budget). Pure, so each rule is tested without a server.
 */
import { AiCallError } from './types';

/** Tries for a job failing with 5xx or time-outs, the first included. */
export const MAX_ATTEMPTS = 4;
/** 429s count as tries too, but a busy server gets more patience. */
export const MAX_RATE_LIMITED_ATTEMPTS = 10;
/** A Retry-After longer than this is not believed: the job comes back sooner and asks again. */
export const RETRY_AFTER_CAP_MS = 5 * 60_000;

const backoffSteps = [2_000, 8_000, 30_000, 60_000];
const offlineSteps = [1_000, 2_000, 5_000, 10_000, 30_000];

/** Back-off before try `attempts + 1`, with ±20% jitter so jobs that failed together spread out. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = backoffSteps[Math.min(Math.max(attempts, 1), backoffSteps.length) - 1] ?? 30_000;
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * How long to wait before the n-th probe of an endpoint that went away (0-based). With a
 * fixed interval (tests, or a setting), every probe waits that long.
 */
export function offlineProbeMs(n: number, fixed?: number): number {
  if (fixed !== undefined) return fixed;
  return offlineSteps[Math.min(n, offlineSteps.length - 1)] ?? 30_000;
}

export type Decision =
  | { state: 'waiting'; attempts: number; notBefore: number; error: string }
  | { state: 'failed'; attempts: number; error: string }
  /** Back in the queue without counting the try; the queue pauses for `pause`. */
  | { state: 'queued'; pause: 'offline' | 'budget' };

export function decide(error: unknown, attemptsBefore: number, now: number, random: () => number = Math.random): Decision {
  const attempts = attemptsBefore + 1;
  if (!(error instanceof AiCallError)) {
    const message = error instanceof Error ? error.message : String(error);
    return { state: 'failed', attempts, error: `The job failed: ${message}` };
  }
  switch (error.kind) {
    case 'offline':
      return { state: 'queued', pause: 'offline' };
    case 'budget':
      return { state: 'queued', pause: 'budget' };
    case 'rate-limited': {
      if (attempts >= MAX_RATE_LIMITED_ATTEMPTS) return { state: 'failed', attempts, error: `${error.message} (gave up after ${attempts} tries)` };
      const wait = Math.min(error.retryAfterMs ?? backoffMs(attempts, random), RETRY_AFTER_CAP_MS);
      return { state: 'waiting', attempts, notBefore: now + wait, error: error.message };
    }
    case 'server':
    case 'timeout':
      if (attempts >= MAX_ATTEMPTS) return { state: 'failed', attempts, error: `${error.message} (gave up after ${attempts} tries)` };
      return { state: 'waiting', attempts, notBefore: now + backoffMs(attempts, random), error: error.message };
    case 'auth':
    case 'bad-request':
    case 'invalid':
    case 'cancelled':
      return { state: 'failed', attempts, error: error.message };
  }
}
