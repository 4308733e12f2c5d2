/** Token estimates, UTC months and the budget's hard stop. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetState, estimateTokens, monthKey, monthStart } from '../../src/shared/ai/tokens';

describe('estimateTokens', () => {
  it('counts about four characters a token for Latin text', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('a')).toBe(1);
    expect(estimateTokens('abcd')).toBe(1);
    expect(estimateTokens('abcde')).toBe(2);
    expect(estimateTokens('x'.repeat(400))).toBe(100);
  });
  it('counts a CJK character as about one token', () => {
    expect(estimateTokens('注文が届きません')).toBe(8);
    expect(estimateTokens('환불해 주세요')).toBe(7);
    expect(estimateTokens('退款')).toBe(2);
    // A supplementary-plane Han character is one token, not two halves.
    expect(estimateTokens('𠀀')).toBe(1);
    expect(estimateTokens('Order 注文 late')).toBe(2 + Math.ceil(11 / 4));
  });
  it('is deterministic, never negative and grows with the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const n = estimateTokens(a);
        expect(n).toBe(estimateTokens(a));
        expect(n).toBeGreaterThanOrEqual(0);
        expect(estimateTokens(a + b)).toBeGreaterThanOrEqual(n);
        expect(estimateTokens(a + b)).toBeLessThanOrEqual(n + estimateTokens(b) + 1);
      }),
    );
  });
});

describe('months', () => {
  it('are UTC calendar months', () => {
    expect(monthKey(Date.parse('2026-01-31T23:59:59.999Z'))).toBe('2026-01');
    expect(monthKey(Date.parse('2026-02-01T00:00:00Z'))).toBe('2026-02');
    expect(monthKey(Date.parse('2026-12-15T12:00:00Z'))).toBe('2026-12');
    expect(monthStart(Date.parse('2026-03-17T08:30:00Z'))).toBe(Date.parse('2026-03-01T00:00:00Z'));
    expect(monthStart(Date.parse('2024-02-29T23:00:00Z'))).toBe(Date.parse('2024-02-01T00:00:00Z'));
  });
  it('start is in the same month and not after the instant (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        const start = monthStart(ms);
        expect(start).toBeLessThanOrEqual(ms);
        expect(monthKey(start)).toBe(monthKey(ms));
        expect(monthKey(start - 1)).not.toBe(monthKey(ms));
      }),
    );
  });
});

describe('budgetState', () => {
  it('has no stop without a limit', () => {
    expect(budgetState(5_000_000, null, 1000)).toEqual({ allowed: true, remaining: null });
  });
  it('allows a call that fits and refuses one that would go past the limit', () => {
    expect(budgetState(0, 10_000, 1000)).toEqual({ allowed: true, remaining: 10_000 });
    expect(budgetState(9_000, 10_000, 1000)).toEqual({ allowed: true, remaining: 1000 });
    expect(budgetState(9_001, 10_000, 1000)).toEqual({ allowed: false, remaining: 999 });
  });
  it('stops hard once spent, even overspent by estimates', () => {
    expect(budgetState(10_000, 10_000, 0)).toEqual({ allowed: false, remaining: 0 });
    expect(budgetState(12_345, 10_000, 1)).toEqual({ allowed: false, remaining: 0 });
  });
});
