/** A row's tags without repeats: the more specific of two overlapping names stays. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctTags, tagsOverlap } from '../../src/shared/tags';

describe('distinctTags', () => {
  it('keeps the more specific of two overlapping names, in the original order', () => {
    expect(distinctTags(['bug', 'billing', 'bug or crash'])).toEqual(['billing', 'bug or crash']);
    expect(distinctTags(['refund-request', 'refund'])).toEqual(['refund-request']);
    expect(distinctTags(['Shipping', 'shipping delay', 'delay'])).toEqual(['shipping delay']);
  });

  it('keeps names that only share part of a word or some of their words', () => {
    expect(distinctTags(['bugfix', 'bug'])).toEqual(['bugfix', 'bug']);
    expect(distinctTags(['refund request', 'refund delay'])).toEqual(['refund request', 'refund delay']);
  });

  it('keeps the first of names with the same words', () => {
    expect(distinctTags(['refund request', 'Request-Refund', 'refund request'])).toEqual(['refund request']);
  });

  it('leaves short lists and names of symbols alone', () => {
    expect(distinctTags([])).toEqual([]);
    expect(distinctTags(['ux'])).toEqual(['ux']);
    expect(distinctTags(['+1', '??'])).toEqual(['+1', '??']);
  });

  const word = fc.constantFrom('bug', 'crash', 'refund', 'request', 'Refund', 'login', 'or', 'x1');
  const name = fc.array(word, { minLength: 1, maxLength: 4 }).chain((words) => fc.constantFrom(' ', '-', ' / ').map((sep) => words.join(sep)));
  const names = fc.array(name, { maxLength: 8 });

  it('returns some of its input, in order, no two overlapping, each input covered, and is idempotent', () => {
    fc.assert(
      fc.property(names, (input) => {
        const out = distinctTags(input);
        // A subsequence of the input.
        let at = 0;
        for (const n of out) {
          at = input.indexOf(n, at);
          expect(at).toBeGreaterThanOrEqual(0);
          at += 1;
        }
        for (let i = 0; i < out.length; i++) for (let j = i + 1; j < out.length; j++) expect(tagsOverlap(out[i]!, out[j]!)).toBe(false);
        // Nothing is lost: every name dropped is said by one shown.
        for (const n of input) expect(out.some((kept) => tagsOverlap(n, kept))).toBe(true);
        expect(distinctTags(out)).toEqual(out);
      }),
    );
  });
});
