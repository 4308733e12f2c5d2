import { describe, expect, it } from 'vitest';
import { emergingBetween, emergingTerms } from '../../src/main/core/analysis/emerging';

const DAY = 86_400_000;
const now = Date.UTC(2025, 5, 1);
const base = ['The invoice for my plan is wrong', 'I cannot log in to my account', 'The dashboard is slow today', 'Please add a dark mode', 'My package has not arrived yet'];

describe('emergingBetween', () => {
  it('reads the same terms as emergingTerms when given its two windows', () => {
    const docs: { text: string; receivedAt: number }[] = [];
    for (let day = 0; day < 35; day++) {
      for (let k = 0; k < 10; k++) docs.push({ text: base[(day + k) % base.length]!, receivedAt: now - day * DAY - (k + 1) * 60_000 });
      if (day < 7) for (let k = 0; k < 4; k++) docs.push({ text: 'Severe battery drain since the update', receivedAt: now - day * DAY - 3_600_000 });
    }
    const recent = docs.filter((d) => d.receivedAt > now - 7 * DAY);
    const previous = docs.filter((d) => d.receivedAt <= now - 7 * DAY && d.receivedAt > now - 35 * DAY);
    const terms = emergingBetween(recent, previous);
    expect(terms).toEqual(emergingTerms(docs, now));
    expect(terms.find((t) => t.term === 'battery')).toMatchObject({ recent: 28, previous: 0 });
  });

  it('finds nothing when a side is empty', () => {
    expect(emergingBetween([{ text: 'battery drain' }], [])).toEqual([]);
    expect(emergingBetween([], [{ text: 'battery drain' }])).toEqual([]);
  });
});
