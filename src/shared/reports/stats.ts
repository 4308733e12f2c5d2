/**
 * The statistics a report's figures and insights rest on: nearest-rank distributions, the
 * pooled two-proportion z test, and Benjamini–Hochberg adjustment across many tests.
 */
import type { Distribution } from './schema';

/** The nearest-rank percentile of sorted values: the smallest value with at least q of them at or below it. */
function nearestRank(sorted: readonly number[], q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

/** Count, nearest-rank median and p90, and mean; the figures are null when there are no values. */
export function distribution(values: readonly number[]): Distribution {
  const count = values.length;
  if (count === 0) return { count, median: null, p90: null, mean: null };
  const sorted = [...values].sort((x, y) => x - y);
  let sum = 0;
  for (const v of sorted) sum += v;
  return { count, median: nearestRank(sorted, 0.5), p90: nearestRank(sorted, 0.9), mean: sum / count };
}

/**
 * The complementary error function (Numerical Recipes' erfcc, relative error below 1.2e-7
 * everywhere), so small p-values keep their digits where 1 - erf(x) would round to 0.
 */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

export interface ProportionTestOptions {
  /** Events on both sides together below this are too few to test. */
  minCount?: number;
  /** Each expected cell count (events and non-events, both sides) must reach this. */
  minExpected?: number;
}

/**
 * Pooled two-sided z test of c1/n1 against c2/n2 (z > 0 when the first is higher). Null when
 * the counts are too small for the normal approximation to mean anything.
 */
export function twoProportionTest(c1: number, n1: number, c2: number, n2: number, opts: ProportionTestOptions = {}): { z: number; p: number } | null {
  const minCount = opts.minCount ?? 10;
  const minExpected = opts.minExpected ?? 5;
  if (!(n1 > 0 && n2 > 0)) return null;
  if (c1 + c2 < minCount) return null;
  const pooled = (c1 + c2) / (n1 + n2);
  const expected = [n1 * pooled, n1 * (1 - pooled), n2 * pooled, n2 * (1 - pooled)];
  if (expected.some((e) => e < minExpected)) return null;
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return null;
  const z = (c1 / n1 - c2 / n2) / se;
  return { z, p: Math.min(1, erfc(Math.abs(z) / Math.SQRT2)) };
}

/** Benjamini–Hochberg adjusted p-values, in the input's order: monotone in p and at most 1. */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const { p, i } = order[k]!;
    running = Math.min(running, (p * m) / (k + 1));
    adjusted[i] = running;
  }
  return adjusted;
}
