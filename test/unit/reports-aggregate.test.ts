import { describe, expect, it } from 'vitest';
import { aggregate, sortedDistribution } from '../../src/shared/reports/aggregate';
import { makeBuckets } from '../../src/shared/reports/buckets';
import type { ReportItem } from '../../src/shared/reports/item';
import { distribution } from '../../src/shared/reports/stats';

const H = 3_600_000;
const M = 60_000;
const at = (iso: string): number => Date.parse(iso);

const item = (over: Partial<ReportItem> & Pick<ReportItem, 'receivedAt'>): ReportItem => ({
  channel: 'email',
  sentiment: null,
  status: 'open',
  escalated: false,
  product: null,
  language: null,
  assignee: null,
  customerId: null,
  firstResponseAt: null,
  resolvedAt: null,
  firstResponseBms: null,
  resolutionBms: null,
  slaFirstResponse: null,
  slaResolution: null,
  ...over,
});

describe('aggregate', () => {
  const from = at('2026-11-02T00:00:00Z');
  const to = at('2026-11-05T00:00:00Z');
  const buckets = makeBuckets(from, to, 'UTC', 'day');
  const items: ReportItem[] = [
    item({
      receivedAt: at('2026-11-02T09:00:00Z'),
      channel: 'email',
      sentiment: 'negative',
      status: 'resolved',
      escalated: true,
      assignee: 'Ann',
      customerId: 'c1',
      firstResponseAt: at('2026-11-02T10:00:00Z'),
      firstResponseBms: H,
      resolvedAt: at('2026-11-03T09:00:00Z'),
      resolutionBms: 8 * H,
      slaFirstResponse: 'met',
      slaResolution: 'met',
    }),
    // The last millisecond of the first day stays in it.
    item({ receivedAt: at('2026-11-02T23:59:59.999Z'), channel: 'chat', sentiment: 'neutral', assignee: 'Ann', customerId: 'c2' }),
    // Midnight starts the second day.
    item({
      receivedAt: at('2026-11-03T00:00:00Z'),
      channel: 'chat',
      status: 'replied',
      assignee: 'Bob',
      customerId: 'c1',
      firstResponseAt: at('2026-11-03T02:00:00Z'),
      firstResponseBms: 0,
      slaFirstResponse: 'breached',
    }),
    item({
      receivedAt: at('2026-11-04T12:00:00Z'),
      channel: 'email',
      sentiment: 'positive',
      status: 'closed',
      customerId: 'c1',
      firstResponseAt: at('2026-11-04T12:30:00Z'),
      firstResponseBms: 30 * M,
      // Resolved at the period's end: still open at it.
      resolvedAt: to,
      resolutionBms: 5 * H,
      slaFirstResponse: 'met',
      slaResolution: 'breached',
    }),
    item({
      receivedAt: at('2026-11-04T13:00:00Z'),
      channel: 'survey',
      sentiment: 'negative',
      status: 'resolved',
      assignee: 'Bob',
      resolvedAt: at('2026-11-04T13:00:00Z'),
      resolutionBms: 0,
      slaResolution: 'met',
    }),
    // Outside the period: ignored.
    item({ receivedAt: to, channel: 'social' }),
  ];
  const carried = [{ resolvedAt: null }, { resolvedAt: at('2026-11-03T12:00:00Z') }, { resolvedAt: at('2026-11-01T00:00:00Z') }];
  const earlier = [
    // 6 d 23:59:59.999 before c2's item: a repeat.
    { customerId: 'c2', receivedAt: at('2026-10-27T00:00:00Z') },
    // 7 d 1 min before c1's first item: not one.
    { customerId: 'c1', receivedAt: at('2026-10-26T08:59:00Z') },
  ];
  const a = aggregate(items, buckets, carried, earlier);

  it('counts totals by channel, sentiment and status', () => {
    expect(a.total).toBe(5);
    expect(a.byChannel).toEqual({ email: 2, chat: 2, survey: 1, review: 0, social: 0 });
    expect(a.bySentiment).toEqual({ negative: 2, neutral: 1, positive: 1, unknown: 1 });
    expect(a.byStatus).toEqual({ open: 1, pending: 0, replied: 1, resolved: 2, closed: 1 });
    expect(a.escalated).toBe(1);
  });

  it('splits the series by day, local midnight included in the new day', () => {
    expect(a.series.labels).toEqual(['2026-11-02', '2026-11-03', '2026-11-04']);
    expect(a.series.starts).toEqual([from, at('2026-11-03T00:00:00Z'), at('2026-11-04T00:00:00Z')]);
    expect(a.series.end).toBe(to);
    expect(a.series.volumeByChannel).toEqual({ email: [1, 0, 1], chat: [1, 1, 0], survey: [0, 0, 1], review: [0, 0, 0], social: [0, 0, 0] });
    expect(a.series.sentiment).toEqual({ negative: [1, 0, 1], neutral: [1, 0, 0], positive: [0, 0, 1], unknown: [0, 1, 0] });
    expect(a.series.escalated).toEqual([1, 0, 0]);
  });

  it('counts the backlog at each day end, items from before the period included', () => {
    // Day 1 end: the two carried still open, items 1 and 2. Day 2: carried A, items 2, 3.
    // Day 3: carried A, items 2, 3, and 4 (resolved exactly at the end).
    expect(a.series.backlog).toEqual([4, 3, 4]);
    expect(a.backlog).toEqual({ atStart: 2, atEnd: 4 });
  });

  it('works out response and resolution times, calendar and business, nearest-rank', () => {
    expect(a.firstResponse.calendar).toEqual({ count: 3, median: H, p90: 2 * H, mean: (3.5 * H) / 3 });
    expect(a.firstResponse.business).toEqual({ count: 3, median: 30 * M, p90: H, mean: 30 * M });
    expect(a.resolution.calendar).toEqual({ count: 3, median: 12 * H, p90: 24 * H, mean: 12 * H });
    expect(a.resolution.business).toEqual({ count: 3, median: 5 * H, p90: 8 * H, mean: (13 * H) / 3 });
  });

  it('counts SLA attainment', () => {
    expect(a.sla.firstResponse).toEqual({ met: 2, breached: 1, rate: 2 / 3 });
    expect(a.sla.resolution).toEqual({ met: 2, breached: 1, rate: 2 / 3 });
  });

  it('has a row per agent, Unassigned last', () => {
    expect(a.agents.map((r) => [r.agent, r.assigned, r.responded, r.resolved, r.escalated, r.negative])).toEqual([
      ['Ann', 2, 1, 1, 1, 1],
      ['Bob', 2, 1, 1, 0, 1],
      [null, 1, 1, 1, 0, 0],
    ]);
    const ann = a.agents[0]!;
    expect(ann.firstResponse.calendar).toEqual({ count: 1, median: H, p90: H, mean: H });
    expect(ann.resolution.business).toEqual({ count: 1, median: 8 * H, p90: 8 * H, mean: 8 * H });
    expect(a.agents[1]!.firstResponse.business).toEqual({ count: 1, median: 0, p90: 0, mean: 0 });
  });

  it('counts repeat contacts within the 7 days before each item', () => {
    expect(a.repeat).toEqual({
      customers: 2,
      repeatItems: 3,
      rate: 3 / 5,
      topCustomers: [
        { customerId: 'c1', count: 3 },
        { customerId: 'c2', count: 1 },
      ],
    });
  });

  it('gives zeros and nulls for an empty period', () => {
    const e = aggregate([], buckets, [], []);
    expect(e.total).toBe(0);
    expect(e.series.volumeByChannel.email).toEqual([0, 0, 0]);
    expect(e.series.backlog).toEqual([0, 0, 0]);
    expect(e.firstResponse).toEqual({ business: { count: 0, median: null, p90: null, mean: null }, calendar: { count: 0, median: null, p90: null, mean: null } });
    expect(e.sla.firstResponse).toEqual({ met: 0, breached: 0, rate: null });
    expect(e.backlog).toEqual({ atStart: 0, atEnd: 0 });
    expect(e.agents).toEqual([]);
    expect(e.repeat).toEqual({ customers: 0, repeatItems: 0, rate: null, topCustomers: [] });
  });

  it('keeps the carried backlog flat through a period with no new items', () => {
    const e = aggregate([], buckets, [{ resolvedAt: null }, { resolvedAt: at('2026-11-04T00:00:00Z') }], []);
    expect(e.series.backlog).toEqual([2, 2, 1]);
    expect(e.backlog).toEqual({ atStart: 2, atEnd: 1 });
  });
});

describe('aggregate fast paths', () => {
  it('sortedDistribution of sorted values equals distribution', () => {
    let seed = 7;
    const rand = (): number => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    for (const n of [0, 1, 2, 3, 9, 10, 11, 100, 1001]) {
      const values = Array.from({ length: n }, () => Math.round(rand() * 1e9) / (rand() < 0.5 ? 1 : 7));
      expect(sortedDistribution(Float64Array.from(values).sort())).toEqual(distribution(values));
    }
  });

  it('lists the ten customers with most items, equal counts by id', () => {
    const from = at('2026-11-02T00:00:00Z');
    const buckets = makeBuckets(from, from + 86_400_000, 'UTC', 'day');
    // Customer k has k items, 1..14; k13 and k14 come first, then k12 … k5.
    const items: ReportItem[] = [];
    for (let k = 1; k <= 14; k++) for (let i = 0; i < k; i++) items.push(item({ receivedAt: from + k * 60_000 + i, customerId: `k${String(k).padStart(2, '0')}` }));
    items.push(item({ receivedAt: from + 3_600_000, customerId: 'k00' }), item({ receivedAt: from + 3_600_001, customerId: 'k00' }));
    items.sort((a, b) => a.receivedAt - b.receivedAt);
    const a = aggregate(items, buckets, [], []);
    expect(a.repeat.customers).toBe(15);
    expect(a.repeat.topCustomers).toEqual([14, 13, 12, 11, 10, 9, 8, 7, 6, 5].map((k) => ({ customerId: `k${String(k).padStart(2, '0')}`, count: k })));
    const fewer = aggregate(items.filter((i) => i.customerId! <= 'k02'), buckets, [], []);
    expect(fewer.repeat.topCustomers).toEqual([
      { customerId: 'k00', count: 2 },
      { customerId: 'k02', count: 2 },
      { customerId: 'k01', count: 1 },
    ]);
  });
});
