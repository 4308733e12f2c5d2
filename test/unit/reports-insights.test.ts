/** Report insights: what is called significant, what is only a mover, the wording and the drill-down filters. */
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../src/shared/domain';
import { insightsFor } from '../../src/shared/reports/insights';
import type { PeriodFigures, Report } from '../../src/shared/reports/schema';
import { twoProportionTest } from '../../src/shared/reports/stats';

const times = { business: { count: 0, median: null, p90: null, mean: null }, calendar: { count: 0, median: null, p90: null, mean: null } };

interface Side {
  total: number;
  topics?: Record<string, number>;
  channels?: Partial<Record<Channel, number>>;
  sentiment?: { negative: number; neutral: number; positive: number };
  escalated?: number;
  firstResponse?: [number, number];
  label?: string;
  drill?: Record<string, unknown>;
}

function figures(s: Side): PeriodFigures {
  const sentiment = s.sentiment ?? { negative: 0, neutral: 0, positive: 0 };
  const rated = sentiment.negative + sentiment.neutral + sentiment.positive;
  const [met, breached] = s.firstResponse ?? [0, 0];
  return {
    label: s.label ?? '1–30 Nov 2026',
    from: 1,
    to: 2,
    drill: s.drill ?? { receivedFrom: 1, receivedTo: 2 },
    total: s.total,
    byChannel: { email: s.total, chat: 0, survey: 0, review: 0, social: 0, ...s.channels },
    bySentiment: { ...sentiment, unknown: s.total - rated },
    byStatus: { open: s.total, pending: 0, replied: 0, resolved: 0, closed: 0 },
    series: { starts: [], end: 2, labels: [], volumeByChannel: { email: [], chat: [], survey: [], review: [], social: [] }, sentiment: { negative: [], neutral: [], positive: [], unknown: [] }, escalated: [], backlog: [] },
    topics: Object.entries(s.topics ?? {})
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count),
    escalation: { escalated: s.escalated ?? 0, rate: s.total === 0 ? null : (s.escalated ?? 0) / s.total, byTarget: [], byReason: [] },
    firstResponse: times,
    resolution: times,
    sla: { firstResponse: { met, breached, rate: null }, resolution: { met: 0, breached: 0, rate: null } },
    backlog: { atStart: 0, atEnd: 0 },
    agents: [],
    repeat: { customers: 0, repeatItems: 0, rate: null, topCustomers: [] },
    ai: {
      drafts: { unchanged: 0, edited: 0, discarded: 0, medianEditDistance: null, meanEditDistance: null },
      suggestions: { unchanged: 0, edited: 0, discarded: 0, written: 0 },
      overrides: { byLanguage: [], byChannel: [] },
      llm: { calls: 0, failed: 0, promptTokens: 0, completionTokens: 0, estimatedTokens: 0, byPurpose: [], monthlyBudget: null, usedInBudgetMonth: 0, budgetMonth: '2026-11' },
    },
  };
}

const noTerms: Report['emerging'] = { terms: [], sampled: { recent: 0, previous: 0 } };
const previous = { kind: 'previous' } as const;
const drill = { receivedFrom: 1000, receivedTo: 2000, product: ['Product A'] };

describe('insightsFor with a period before', () => {
  it('calls a large change significant, with its counts, adjusted p and drill-down', () => {
    const a = figures({ total: 430, topics: { Refunds: 42, Shipping: 100 }, drill });
    const b = figures({ total: 440, topics: { Refunds: 18, Shipping: 100 } });
    const insights = insightsFor(a, b, noTerms, previous);
    // Two tests (Refunds, Shipping); Refunds' raw p 9.546e-4 × 2 / 1 = 0.0019.
    expect(insights[0]).toEqual({
      kind: 'significant',
      text: 'Refunds rose from 4.1% to 9.8% of items (42 of 430 vs 18 of 440; p = 0.002).',
      metric: 'topic:Refunds',
      current: { count: 42, base: 430 },
      previous: { count: 18, base: 440 },
      pValue: expect.closeTo(2 * 9.545775e-4, 8) as number,
      drill: { receivedFrom: 1000, receivedTo: 2000, product: ['Product A'], tags: ['Refunds'] },
    });
    expect(insights.filter((i) => i.kind === 'significant')).toHaveLength(1);
  });

  it('does not test the same change in tiny counts, and says so as a mover', () => {
    const a = figures({ total: 43, topics: { Refunds: 4 } });
    const b = figures({ total: 44, topics: { Refunds: 2 } });
    expect(twoProportionTest(4, 43, 2, 44)).toBeNull();
    const insights = insightsFor(a, b, noTerms, previous);
    expect(insights.filter((i) => i.kind === 'significant')).toEqual([]);
    expect(insights).toContainEqual({
      kind: 'mover',
      text: 'Refunds rose from 2 to 4 items (4.5% to 9.3% of items); too few items to test.',
      metric: 'topic:Refunds',
      current: { count: 4, base: 43 },
      previous: { count: 2, base: 44 },
      pValue: null,
      drill: { receivedFrom: 1, receivedTo: 2, tags: ['Refunds'] },
    });
  });

  it('lets Benjamini–Hochberg decide which changes survive', () => {
    // Refunds alone: raw p 0.0201. With two more tested topics its adjusted p is 3 × 0.0201.
    const raw = twoProportionTest(30, 300, 15, 300)!;
    expect(raw.p).toBeCloseTo(0.02007, 4);
    const a = figures({ total: 300, topics: { Refunds: 30, Shipping: 50, Billing: 40 } });
    const b = figures({ total: 300, topics: { Refunds: 15, Shipping: 50, Billing: 41 } });
    const insights = insightsFor(a, b, noTerms, previous);
    expect(insights.filter((i) => i.kind === 'significant')).toEqual([]);
    const refunds = insights.find((i) => i.metric === 'topic:Refunds')!;
    expect(refunds.kind).toBe('mover');
    expect(refunds.pValue).toBeCloseTo(3 * raw.p, 10);
    expect(refunds.text).toBe('Refunds rose from 15 to 30 items (5.0% to 10.0% of items); not a significant change (p = 0.06).');

    // With only one other test, the adjusted p is 2 × 0.0201 = 0.040 < 0.05.
    const two = insightsFor(figures({ total: 300, topics: { Refunds: 30, Shipping: 50 } }), figures({ total: 300, topics: { Refunds: 15, Shipping: 50 } }), noTerms, previous);
    expect(two[0]!.kind).toBe('significant');
    expect(two[0]!.pValue).toBeCloseTo(2 * raw.p, 10);
    expect(two[0]!.text).toBe('Refunds rose from 5.0% to 10.0% of items (30 of 300 vs 15 of 300; p = 0.04).');
    // A looser alpha keeps the three-test case.
    expect(insightsFor(a, b, noTerms, previous, { alpha: 0.1 })[0]!.kind).toBe('significant');
  });

  it('tests sentiment, escalation and SLA attainment, each with its filter', () => {
    const a = figures({ total: 200, sentiment: { negative: 60, neutral: 100, positive: 40 }, escalated: 40, firstResponse: [120, 80] });
    const b = figures({ total: 200, sentiment: { negative: 20, neutral: 140, positive: 40 }, escalated: 10, firstResponse: [170, 30] });
    const insights = insightsFor(a, b, noTerms, previous);
    const by = new Map(insights.map((i) => [i.metric, i]));
    expect(insights.map((i) => i.kind)).toEqual(['significant', 'significant', 'significant']);
    expect(by.get('sentiment:negative')!.drill).toEqual({ receivedFrom: 1, receivedTo: 2, sentiment: ['negative'] });
    expect(by.get('sentiment:negative')!.text).toBe('Negative sentiment rose from 10.0% to 30.0% of items with a sentiment (60 of 200 vs 20 of 200; p < 0.001).');
    expect(by.get('escalation')!.drill).toEqual({ receivedFrom: 1, receivedTo: 2, escalated: true });
    expect(by.get('escalation')!.text).toBe('Escalations rose from 5.0% to 20.0% of items (40 of 200 vs 10 of 200; p < 0.001).');
    expect(by.get('sla:firstResponse')!.text).toBe('First responses within SLA fell from 85.0% to 60.0% (120 of 200 vs 170 of 200; p < 0.001).');
    // Sorted by adjusted p, smallest first.
    const ps = insights.map((i) => i.pValue!);
    expect([...ps].sort((x, y) => x - y)).toEqual(ps);
  });

  it('ranks up to three movers by the change in count, and filters channels', () => {
    const a = figures({ total: 100, channels: { email: 60, chat: 40 }, topics: { A: 10, B: 11, C: 5, D: 8 } });
    const b = figures({ total: 100, channels: { email: 58, chat: 42 }, topics: { A: 7, B: 10, C: 9, D: 8 } });
    const movers = insightsFor(a, b, noTerms, previous).filter((i) => i.kind === 'mover');
    // |Δ|: C 4, A 3, chat 2, email 2, B 1, D 0 → C, A, then channel:chat (name order breaks the tie).
    expect(movers.map((m) => m.metric)).toEqual(['topic:C', 'topic:A', 'channel:chat']);
    expect(movers[2]!.drill).toEqual({ receivedFrom: 1, receivedTo: 2, channel: ['chat'] });
    expect(movers[2]!.text).toMatch(/^Chat fell from 42 to 40 items \(42\.0% to 40\.0% of items\); not a significant change \(p = 0\.\d\d\)\.$/);
  });

  it('starts a sentence with a capital and says when a count rose while its share fell', () => {
    // Every channel grew: chat from 31 to 56 items while its share fell from 31.0% to 28.0%.
    const a = figures({ total: 200, channels: { email: 144, chat: 56 }, topics: { praise: 12 } });
    const b = figures({ total: 100, channels: { email: 69, chat: 31 }, topics: { praise: 6 } });
    const texts = insightsFor(a, b, noTerms, previous).map((i) => i.text);
    expect(texts).toContain('Chat rose from 31 to 56 items, but its share of items fell from 31.0% to 28.0%; not a significant change (p = 0.88).');
    expect(texts.some((t) => t.startsWith('Praise '))).toBe(true);
    expect(texts.some((t) => t.startsWith('praise'))).toBe(false);
  });

  it('reports up to three emerging terms with a drill-down search', () => {
    const terms: Report['emerging'] = {
      terms: ['charger', 'cable', 'plug', 'socket'].map((term, i) => ({ term, recent: 14 - i, previous: 1, llr: 20 - i, ratio: 5 })),
      sampled: { recent: 430, previous: 440 },
    };
    const a = figures({ total: 430, drill: { receivedFrom: 1, receivedTo: 2, query: 'broken' } });
    const insights = insightsFor(a, figures({ total: 440 }), terms, previous).filter((i) => i.kind === 'emerging');
    expect(insights).toHaveLength(3);
    expect(insights[0]).toEqual({
      kind: 'emerging',
      text: "'charger' appeared in 14 items, against 1 in the period before.",
      metric: 'term:charger',
      current: { count: 14, base: 430 },
      previous: { count: 1, base: 440 },
      pValue: null,
      drill: { receivedFrom: 1, receivedTo: 2, query: 'broken "charger"' },
    });
  });
});

describe('insightsFor two slices of one period', () => {
  it('words a product comparison as A vs B', () => {
    const a = figures({ total: 430, topics: { Refunds: 42, Shipping: 100 } });
    const b = figures({ total: 440, topics: { Refunds: 18, Shipping: 100 } });
    const insights = insightsFor(a, b, noTerms, { kind: 'product', a: 'Product A', b: 'Product B' });
    expect(insights[0]!.text).toBe("Refunds: 9.8% of Product A's items vs 4.1% of Product B's (42 of 430 vs 18 of 440; p = 0.002).");
  });

  it('leaves channel shares out when comparing channels', () => {
    const a = figures({ total: 100, channels: { email: 0, chat: 100 }, topics: { Refunds: 30 } });
    const b = figures({ total: 100, channels: { email: 100, chat: 0 }, topics: { Refunds: 10 } });
    const insights = insightsFor(a, b, noTerms, { kind: 'channel', a: 'chat', b: 'email' });
    expect(insights.some((i) => i.metric.startsWith('channel:'))).toBe(false);
    expect(insights[0]!.text).toBe("Refunds: 30.0% of Chat's items vs 10.0% of Email's (30 of 100 vs 10 of 100; p < 0.001).");
  });
});

describe('insightsFor without a comparison, or without items', () => {
  it('notes the period without claiming a change', () => {
    const a = figures({ total: 430, topics: { Refunds: 42, Shipping: 100 }, sentiment: { negative: 50, neutral: 200, positive: 150 } });
    const insights = insightsFor(a, null, noTerms, { kind: 'none' });
    expect(insights.map((i) => [i.kind, i.text, i.pValue])).toEqual([
      ['note', 'Shipping was the largest topic: 100 of 430 items (23.3%).', null],
      ['note', '12.5% of items with a sentiment were negative (50 of 400).', null],
    ]);
    expect(insights[0]!.drill).toEqual({ receivedFrom: 1, receivedTo: 2, tags: ['Shipping'] });
  });

  it('says there were no items, and nothing else', () => {
    const terms: Report['emerging'] = { terms: [{ term: 'charger', recent: 3, previous: 0, llr: 4, ratio: 3 }], sampled: { recent: 0, previous: 12 } };
    const insights = insightsFor(figures({ total: 0 }), figures({ total: 300, topics: { Refunds: 40 } }), terms, previous);
    expect(insights).toEqual([{ kind: 'note', text: 'There were no items in 1–30 Nov 2026.', metric: 'total', current: { count: 0, base: 0 }, previous: null, pValue: null, drill: { receivedFrom: 1, receivedTo: 2 } }]);
  });

  it('claims no change against an empty comparison', () => {
    const insights = insightsFor(figures({ total: 300, topics: { Refunds: 40 } }), figures({ total: 0, label: '1–31 Oct 2026' }), noTerms, previous);
    expect(insights.every((i) => i.kind === 'note' && i.previous === null)).toBe(true);
    expect(insights.at(-1)!.text).toBe('There were no items in 1–31 Oct 2026 to compare with.');
  });
});
