/** Small statistics and timing helpers. */

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank on the sorted sample (p in 0..100).
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (values: readonly number[]): number => percentile(values, 50);
export const p95 = (values: readonly number[]): number => percentile(values, 95);

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

export function now(): number {
  return performance.now();
}

/** Runs fn and returns [result, elapsed ms]. */
export function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
}

export async function timedAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Times an async call repeatedly within a budget: a warm-up call first; fast calls are
 * repeated `reps` times, slow ones fewer times (a 2 s query is not run twenty times).
 * Returns the samples (a call over a second is run once, and that run is the sample).
 */
export async function sampleAsync(fn: () => Promise<unknown>, reps: number): Promise<number[]> {
  const t0 = performance.now();
  await fn();
  const warm = performance.now() - t0;
  // Over a second: the first run is the only sample (the page cache is warm by then anyway).
  if (warm > 1000) return [warm];
  const count = warm > 100 ? 3 : reps;
  const out: number[] = [];
  for (let r = 0; r < count; r++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}
