import { describe, expect, it } from 'vitest';
import { macroF1, nmi, purity, rougeL, tokenF1 } from '../../src/shared/eval/metrics';

describe('evaluation metrics', () => {
  it('macro-F1 averages per-label F1, counting a label never predicted as 0', () => {
    const gold = ['pos', 'pos', 'neg', 'neu'] as const;
    const predicted = ['pos', 'neg', 'neg', 'pos'] as const;
    const r = macroF1([...gold], [...predicted], ['pos', 'neg', 'neu']);
    // pos: tp1 fp1 fn1 -> 0.5; neg: tp1 fp1 fn0 -> 2/3; neu: 0
    expect(r.perLabel).toEqual({ pos: 0.5, neg: 2 / 3, neu: 0 });
    expect(r.f1).toBeCloseTo((0.5 + 2 / 3) / 3, 10);
    expect(r.accuracy).toBe(0.5);
    expect(() => macroF1(['a'], [], ['a'])).toThrow(/length/);
  });

  it('NMI is 1 for a relabelled identical grouping, 0 for independent ones, and matches a hand-worked case', () => {
    expect(nmi([1, 1, 2, 2], ['x', 'x', 'y', 'y'])).toBeCloseTo(1, 10);
    expect(nmi([1, 2, 1, 2], ['x', 'x', 'y', 'y'])).toBeCloseTo(0, 10);
    // scikit-learn: normalized_mutual_info_score([0,0,1,1], [0,0,1,2]) = 0.8
    expect(nmi([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.8, 6);
  });

  it('purity counts each cluster’s majority label', () => {
    expect(purity(['a', 'a', 'b', 'b', 'b'], [1, 1, 1, 2, 2])).toBeCloseTo(4 / 5, 10);
    expect(purity(['a', 'b'], [1, 2])).toBe(1);
  });

  it('token F1 and ROUGE-L compare words, ROUGE-L in order', () => {
    expect(tokenF1('the cat sat', 'the cat sat')).toBe(1);
    expect(tokenF1('cat the', 'the cat sat')).toBeCloseTo(0.8, 10);
    expect(tokenF1('dog', 'the cat')).toBe(0);
    expect(rougeL('the cat sat on the mat', 'the cat on the mat')).toBeCloseTo((2 * (5 / 6) * 1) / (5 / 6 + 1), 10);
    expect(rougeL('mat the on cat the', 'the cat on the mat')).toBeLessThan(rougeL('the cat on the mat', 'the cat on the mat'));
    expect(rougeL('', 'x')).toBe(0);
  });
});
