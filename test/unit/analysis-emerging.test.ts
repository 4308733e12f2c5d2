import { describe, expect, it } from 'vitest';
import { emergingTerms, logLikelihood } from '../../src/main/core/analysis/emerging';

const DAY = 86_400_000;
const now = Date.UTC(2025, 5, 1);

/** 35 days of steady traffic; in the last 7, a "battery drain" complaint spikes. */
function corpus(): { text: string; receivedAt: number }[] {
  const base = ['The invoice for my plan is wrong', 'I cannot log in to my account', 'The dashboard is slow today', 'Please add a dark mode', 'My package has not arrived yet'];
  const docs: { text: string; receivedAt: number }[] = [];
  for (let day = 0; day < 35; day++) {
    for (let k = 0; k < 10; k++) docs.push({ text: base[(day + k) % base.length] as string, receivedAt: now - day * DAY - (k + 1) * 60_000 });
    if (day < 7) for (let k = 0; k < 4; k++) docs.push({ text: 'Severe battery drain since the update, the batteries drained overnight', receivedAt: now - day * DAY - 3_600_000 });
    if (day === 20) docs.push({ text: 'battery drain after the update', receivedAt: now - day * DAY - 3_600_000 });
  }
  return docs;
}

describe('emergingTerms', () => {
  it('computes Dunning G²', () => {
    expect(logLikelihood(10, 90, 10, 90)).toBeCloseTo(0, 6);
    expect(logLikelihood(30, 70, 5, 395)).toBeGreaterThan(40);
  });

  it('finds the term that spiked, grouped by stem, with a readable form', () => {
    const terms = emergingTerms(corpus(), now);
    const names = terms.map((t) => t.term);
    expect(names).toEqual(expect.arrayContaining(['battery drain', 'battery', 'severe']));
    const battery = terms.find((t) => t.term === 'battery');
    // "battery" and "batteries" are one stem: 4 docs a day for 7 days.
    expect(battery).toMatchObject({ recent: 28, previous: 1 });
    expect(battery!.ratio).toBeGreaterThan(10);
    expect(battery!.llr).toBeGreaterThan(10.83);
    // Steady terms and stop-words do not emerge.
    expect(names).not.toContain('invoice');
    expect(names).not.toContain('the');
    // Sorted by LLR.
    expect([...terms].sort((a, b) => b.llr - a.llr)).toEqual(terms);
  });

  it('respects the minimum count and empty windows', () => {
    expect(emergingTerms(corpus(), now, { minCount: 100 })).toEqual([]);
    expect(emergingTerms([{ text: 'battery battery', receivedAt: now - DAY }], now)).toEqual([]);
  });
});
