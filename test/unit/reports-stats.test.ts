/** Report statistics against values worked out by hand and textbook examples. */
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, distribution, twoProportionTest } from '../../src/shared/reports/stats';

describe('distribution', () => {
  it('gives nearest-rank median and p90 and the mean', () => {
    const values = [5, 1, 4, 2, 3, 9, 8, 7, 6, 10];
    // Ranks: median ceil(0.5 × 10) = 5th, p90 ceil(0.9 × 10) = 9th.
    expect(distribution(values)).toEqual({ count: 10, median: 5, p90: 9, mean: 5.5 });
    expect(values).toEqual([5, 1, 4, 2, 3, 9, 8, 7, 6, 10]);
  });

  it('takes the lower middle of an even count and an actual value, never an interpolation', () => {
    expect(distribution([40, 10, 30, 20])).toEqual({ count: 4, median: 20, p90: 40, mean: 25 });
    expect(distribution([7])).toEqual({ count: 1, median: 7, p90: 7, mean: 7 });
    // 0.9 × 11 = 9.9 → the 10th value.
    expect(distribution([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).p90).toBe(10);
  });

  it('has null figures when empty', () => {
    expect(distribution([])).toEqual({ count: 0, median: null, p90: null, mean: null });
  });
});

describe('twoProportionTest', () => {
  it('matches the pooled z worked out by hand', () => {
    // 30/100 vs 10/100: pooled 0.2, se = √(0.2 × 0.8 × 0.02) = √0.0032, z = 0.2 / √0.0032 = 2.5√2.
    const r = twoProportionTest(30, 100, 10, 100)!;
    expect(r.z).toBeCloseTo(2.5 * Math.SQRT2, 12);
    // p = erfc(z / √2) = erfc(2.5) = 4.069520174449590e-4.
    expect(r.p).toBeCloseTo(4.06952017445e-4, 9);
  });

  it('is signed by direction and symmetric in p', () => {
    const up = twoProportionTest(30, 100, 10, 100)!;
    const down = twoProportionTest(10, 100, 30, 100)!;
    expect(down.z).toBeCloseTo(-up.z, 12);
    expect(down.p).toBe(up.p);
  });

  it('matches a textbook case with unequal sizes', () => {
    // 42/430 vs 18/440: pooled 60/870; z = (0.0976744 − 0.0409091) / √(p̂(1 − p̂)(1/430 + 1/440)).
    const pooled = 60 / 870;
    const z = (42 / 430 - 18 / 440) / Math.sqrt(pooled * (1 - pooled) * (1 / 430 + 1 / 440));
    const r = twoProportionTest(42, 430, 18, 440)!;
    expect(r.z).toBeCloseTo(z, 12);
    expect(r.z).toBeCloseTo(3.30358, 5);
    // Two-sided tail of z = 3.30358: erfc(z / √2) = 9.54577e-4.
    expect(r.p).toBeCloseTo(9.54577e-4, 8);
  });

  it('gives p = 1 for equal shares', () => {
    expect(twoProportionTest(20, 100, 20, 100)).toEqual({ z: 0, p: 1 });
  });

  it('does not test too few events or too small expected cells', () => {
    // Same 3× change as 30/100 vs 10/100, but 3 + 1 events: too few.
    expect(twoProportionTest(3, 10, 1, 10)).toBeNull();
    // 6/10 vs 4/10: 10 events, every expected cell exactly 5: tested, unless asked for more.
    expect(twoProportionTest(6, 10, 4, 10)).not.toBeNull();
    expect(twoProportionTest(6, 10, 4, 10, { minExpected: 5.5 })).toBeNull();
    expect(twoProportionTest(6, 10, 4, 10, { minCount: 11 })).toBeNull();
    // 10 events over 1000 + 1000: expected events 5 each, passes.
    expect(twoProportionTest(7, 1000, 3, 1000)).not.toBeNull();
    // 10 events over 1000 + 10: expected events on the small side 0.099.
    expect(twoProportionTest(5, 1000, 5, 10)).toBeNull();
    // Nearly everything is an event: the non-event cells are too small.
    expect(twoProportionTest(98, 100, 99, 100)).toBeNull();
    expect(twoProportionTest(5, 0, 5, 10)).toBeNull();
    expect(twoProportionTest(4, 100, 4, 100, { minCount: 8, minExpected: 1 })).not.toBeNull();
  });
});

describe('benjaminiHochberg', () => {
  it('matches a worked example, in the input order', () => {
    // Sorted p: 0.001 0.008 0.039 0.041 0.042 0.06 0.074 0.205 (m = 8); p × m / rank, then the
    // running minimum from the largest: 0.008 0.032 0.0672 0.0672 0.0672 0.08 0.084571… 0.205.
    const adjusted = benjaminiHochberg([0.205, 0.001, 0.074, 0.008, 0.039, 0.041, 0.042, 0.06]);
    const expected = [0.205, 0.008, 0.074 * 8 / 7, 0.032, 0.0672, 0.0672, 0.0672, 0.08];
    adjusted.forEach((a, i) => expect(a).toBeCloseTo(expected[i]!, 12));
  });

  it('caps at 1, keeps ties, and handles none', () => {
    benjaminiHochberg([0.9, 0.8, 0.95]).forEach((a) => expect(a).toBeCloseTo(0.95, 12));
    expect(benjaminiHochberg([0.6, 0.5])).toEqual([0.6, 0.6]);
    expect(benjaminiHochberg([0.9, 0.9, 0.5]).every((a) => a <= 1)).toBe(true);
    expect(benjaminiHochberg([0.04, 0.5, 0.7])[0]).toBeCloseTo(0.12, 12);
    expect(benjaminiHochberg([1, 1])).toEqual([1, 1]);
    expect(benjaminiHochberg([0.01, 0.01, 0.01, 0.01, 0.01])).toEqual([0.01, 0.01, 0.01, 0.01, 0.01]);
    expect(benjaminiHochberg([])).toEqual([]);
    expect(benjaminiHochberg([0.03])).toEqual([0.03]);
  });

  it('never gives a smaller p a larger adjusted value', () => {
    const p = [0.04, 0.001, 0.3, 0.02, 0.049, 0.5, 0.011];
    const adjusted = benjaminiHochberg(p);
    for (let i = 0; i < p.length; i++) {
      expect(adjusted[i]).toBeGreaterThanOrEqual(p[i]!);
      for (let j = 0; j < p.length; j++) if (p[i]! < p[j]!) expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j]!);
    }
  });
});
