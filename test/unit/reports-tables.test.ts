import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/shared/reports/schema';
import { cellTypeAt, reportTables } from '../../src/shared/reports/tables';
import type { ReportTable } from '../../src/shared/reports/item';
import { FIXTURE_FROM, DAY, sampleReport } from '../support/report-fixture';

const byName = (tables: ReportTable[], name: string): ReportTable => {
  const t = tables.find((x) => x.name === name);
  if (t === undefined) throw new Error(`no table ${name}`);
  return t;
};

describe('reportTables', () => {
  it('the fixture is a valid report', () => {
    expect(() => reportSchema.parse(sampleReport())).not.toThrow();
    expect(() => reportSchema.parse(sampleReport({ comparison: false }))).not.toThrow();
  });

  it('lists every table once, names lowercase-dashed, every row keyed by its columns', () => {
    const tables = reportTables(sampleReport(), 'business');
    expect(tables.map((t) => t.name)).toEqual([
      'summary',
      'volume-by-channel',
      'sentiment-over-time',
      'topics',
      'emerging-terms',
      'escalation-by-target',
      'escalation-by-reason',
      'response-times',
      'sla-attainment',
      'backlog',
      'agents',
      'repeat-customers',
      'ai-drafts',
      'suggestion-outcomes',
      'overrides-by-language',
      'overrides-by-channel',
      'llm-usage',
      'insights',
    ]);
    for (const t of tables) {
      expect(t.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      const keys = t.columns.map((c) => c.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const [i, row] of t.rows.entries()) {
        expect(Object.keys(row).sort()).toEqual([...keys].sort());
        for (const col of t.columns) {
          const v = row[col.key];
          if (v === null || v === undefined) continue;
          const type = cellTypeAt(t, col, i);
          expect(typeof v, `${t.name}.${col.key}`).toBe(type === 'text' ? 'string' : 'number');
          if (type === 'int') expect(Number.isInteger(v)).toBe(true);
        }
      }
    }
  });

  it('summary: one row per key figure, typed per row, with the change', () => {
    const t = byName(reportTables(sampleReport(), 'business'), 'summary');
    expect(t.columns.map((c) => c.header)).toEqual(['Figure', '2–4 Nov 2026', 'Previous period', 'Change', 'Change (relative)']);
    expect(t.rowTypes).toEqual(['int', 'percent', 'percent', 'duration', 'duration', 'percent', 'percent', 'int', 'int', 'percent']);
    expect(t.rows[0]).toEqual({ figure: 'Items', primary: 10, comparison: 8, change: 2, changeRelative: 0.25 });
    expect(t.rows[1]).toEqual({ figure: 'Negative share', primary: 0.4, comparison: 0.25, change: 0.4 - 0.25, changeRelative: (0.4 - 0.25) / 0.25 });
    expect(t.rows[3]).toEqual({ figure: 'Median first response (business hours)', primary: 3_600_000, comparison: 5_400_000, change: -1_800_000, changeRelative: -1 / 3 });
    // The comparison has no resolutions met or breached: no rate, so no change either.
    expect(t.rows[6]).toEqual({ figure: 'SLA attainment, resolution', primary: 0.75, comparison: null, change: null, changeRelative: null });
    expect(t.rows[5]!['primary']).toBe(5 / 6);
    expect(cellTypeAt(t, t.columns[1]!, 3)).toBe('duration');
    expect(cellTypeAt(t, t.columns[4]!, 3)).toBe('percent');
  });

  it('calendar basis: the summary and the times follow it, the other basis still labelled', () => {
    const tables = reportTables(sampleReport(), 'calendar');
    const s = byName(tables, 'summary');
    expect(s.rows[4]).toMatchObject({ figure: 'Median resolution (calendar time)', primary: 90_000_000, comparison: null });
    const r = byName(tables, 'response-times');
    expect(r.rows.map((x) => [x['metric'], x['basis'], x['median']])).toEqual([
      ['First response', 'Calendar time', 5_400_000],
      ['First response', 'Business hours', 3_600_000],
      ['Resolution', 'Calendar time', 90_000_000],
      ['Resolution', 'Business hours', 14_400_000],
    ]);
    expect(r.rows[0]).toEqual({
      metric: 'First response',
      basis: 'Calendar time',
      count: 6,
      median: 5_400_000,
      p90: 86_400_000,
      mean: 20_000_000,
      comparisonCount: 5,
      comparisonMedian: 7_200_000,
      comparisonP90: 90_000_000,
      comparisonMean: 25_000_000,
      changeMedian: -1_800_000,
    });
  });

  it('without a comparison, no comparison columns anywhere', () => {
    for (const t of reportTables(sampleReport({ comparison: false }), 'business')) {
      for (const c of t.columns) {
        expect(c.key, t.name).not.toMatch(/^comparison|^change/);
        expect(c.header, t.name).not.toContain('Previous period');
      }
    }
    const s = byName(reportTables(sampleReport({ comparison: false }), 'business'), 'summary');
    expect(s.rows[0]).toEqual({ figure: 'Items', primary: 10 });
  });

  it('volume and sentiment per bucket, the comparison aligned by position', () => {
    const tables = reportTables(sampleReport(), 'business');
    const v = byName(tables, 'volume-by-channel');
    expect(v.columns.map((c) => c.key)).toEqual(['label', 'start', 'email', 'chat', 'survey', 'review', 'social', 'total', 'escalated', 'comparisonStart', 'comparisonTotal', 'comparisonEscalated']);
    expect(v.rows[0]).toEqual({ label: '2026-11-02', start: FIXTURE_FROM, email: 2, chat: 1, survey: 0, review: 0, social: 1, total: 4, escalated: 1, comparisonStart: FIXTURE_FROM - 3 * DAY, comparisonTotal: 4, comparisonEscalated: 0 });
    expect(v.rows.map((r) => r['total'])).toEqual([4, 3, 3]);
    const s = byName(tables, 'sentiment-over-time');
    expect(s.rows[1]).toEqual({ label: '2026-11-03', start: FIXTURE_FROM + DAY, negative: 1, neutral: 1, positive: 0, unknown: 1, negativeShare: 1 / 3, comparisonNegativeShare: 0 });
    const b = byName(tables, 'backlog');
    expect(b.rows.map((r) => [r['open'], r['comparisonOpen']])).toEqual([
      [5, 3],
      [6, 4],
      [4, 4],
    ]);
  });

  it('topics and escalations: both sides, a name only in the comparison still shown', () => {
    const tables = reportTables(sampleReport(), 'business');
    const t = byName(tables, 'topics');
    expect(t.rows).toEqual([
      { name: 'Refunds', count: 4, share: 0.4, comparisonCount: 2, comparisonShare: 0.25, change: 0.4 - 0.25 },
      { name: 'Shipping', count: 3, share: 0.3, comparisonCount: 3, comparisonShare: 0.375, change: 0.3 - 0.375 },
      { name: 'Login', count: 1, share: 0.1, comparisonCount: 0, comparisonShare: 0, change: 0.1 },
      { name: 'Billing', count: 0, share: 0, comparisonCount: 1, comparisonShare: 0.125, change: -0.125 },
    ]);
    const target = byName(tables, 'escalation-by-target');
    expect(target.rows).toEqual([
      { name: 'Billing team', count: 1, share: 0.5, comparisonCount: 0, comparisonShare: 0, change: 0.5 },
      { name: 'Tier 2', count: 1, share: 0.5, comparisonCount: 1, comparisonShare: 1, change: -0.5 },
    ]);
    expect(byName(tables, 'escalation-by-reason').rows.map((r) => r['name'])).toEqual(['Angry VIP', '=HYPERLINK("http://evil.example","click")']);
    expect(byName(tables, 'emerging-terms').rows[0]).toEqual({ term: 'refund', recent: 4, previous: 1, ratio: 4, llr: 5.25 });
  });

  it('SLA, agents and repeat customers', () => {
    const tables = reportTables(sampleReport(), 'business');
    expect(byName(tables, 'sla-attainment').rows).toEqual([
      { target: 'First response', met: 5, breached: 1, rate: 5 / 6, comparisonMet: 3, comparisonBreached: 2, comparisonRate: 0.6, change: 5 / 6 - 0.6 },
      { target: 'Resolution', met: 3, breached: 1, rate: 0.75, comparisonMet: 0, comparisonBreached: 0, comparisonRate: null, change: null },
    ]);
    const a = byName(tables, 'agents');
    expect(a.rows.map((r) => r['agent'])).toEqual(['Ana Lima', 'Unassigned', 'Ben Ode']);
    expect(a.rows[0]).toEqual({
      agent: 'Ana Lima',
      assigned: 6,
      responded: 4,
      resolved: 3,
      escalated: 1,
      negative: 2,
      firstResponseMedian: 1_800_000,
      firstResponseP90: 3_600_000,
      resolutionMedian: 10_800_000,
      resolutionP90: 14_400_000,
      firstResponseMedianOther: 2_700_000,
      resolutionMedianOther: 86_400_000,
      comparisonAssigned: 5,
      comparisonResolved: 4,
      comparisonFirstResponseMedian: 5_400_000,
    });
    expect(a.rows[2]).toMatchObject({ agent: 'Ben Ode', assigned: 0, firstResponseMedian: null, comparisonAssigned: 3, comparisonFirstResponseMedian: null });
    expect(byName(tables, 'repeat-customers').rows).toEqual([
      { customer: 'Zoë Müller', customerId: 'c1', count: 3, comparisonCount: 2 },
      { customer: '+Bob Stone', customerId: 'c2', count: 2, comparisonCount: null },
    ]);
  });

  it('AI quality: drafts, suggestions, overrides and LLM usage', () => {
    const tables = reportTables(sampleReport(), 'business');
    expect(byName(tables, 'ai-drafts').rows).toEqual([
      { outcome: 'Sent unchanged', count: 3, share: 0.5, comparisonCount: 1, comparisonShare: 0.25, medianEditDistance: null, meanEditDistance: null, comparisonMedianEditDistance: null },
      { outcome: 'Edited before sending', count: 2, share: 2 / 6, comparisonCount: 1, comparisonShare: 0.25, medianEditDistance: null, meanEditDistance: null, comparisonMedianEditDistance: null },
      { outcome: 'Discarded', count: 1, share: 1 / 6, comparisonCount: 2, comparisonShare: 0.5, medianEditDistance: null, meanEditDistance: null, comparisonMedianEditDistance: null },
      { outcome: 'All', count: 6, share: 1, comparisonCount: 4, comparisonShare: 1, medianEditDistance: 12, meanEditDistance: 20.5, comparisonMedianEditDistance: 30 },
    ]);
    expect(byName(tables, 'suggestion-outcomes').rows.map((r) => [r['outcome'], r['count'], r['share']])).toEqual([
      ['Used unchanged', 4, 0.4],
      ['Used after editing', 1, 0.1],
      ['Set aside', 2, 0.2],
      ['Reply written without one', 3, 0.3],
      ['All', 10, 1],
    ]);
    expect(byName(tables, 'overrides-by-language').rows).toEqual([
      { key: 'en', items: 7, sentimentOverrides: 1, sentimentRate: 1 / 7, topicOverrides: 2, topicRate: 2 / 7, comparisonItems: 6, comparisonSentimentRate: 1 / 3, comparisonTopicRate: 0 },
      { key: 'de', items: 3, sentimentOverrides: 0, sentimentRate: 0, topicOverrides: 1, topicRate: 1 / 3, comparisonItems: 0, comparisonSentimentRate: null, comparisonTopicRate: null },
      { key: 'fr', items: 0, sentimentOverrides: 0, sentimentRate: null, topicOverrides: 0, topicRate: null, comparisonItems: 2, comparisonSentimentRate: 0, comparisonTopicRate: 0 },
    ]);
    expect(byName(tables, 'overrides-by-channel').rows.map((r) => r['key'])).toEqual(['email', 'chat']);
    expect(byName(tables, 'llm-usage').rows).toEqual([
      { item: 'triage', calls: 8, tokens: 6000, comparisonCalls: 4, comparisonTokens: 2500 },
      { item: 'draft', calls: 4, tokens: 4500, comparisonCalls: 0, comparisonTokens: 0 },
      { item: 'summary', calls: 0, tokens: 0, comparisonCalls: 1, comparisonTokens: 1000 },
      { item: 'All purposes', calls: 12, tokens: 10_500, comparisonCalls: 5, comparisonTokens: 3500 },
      { item: 'Failed calls', calls: 1, tokens: null, comparisonCalls: 0, comparisonTokens: null },
      { item: 'Prompt tokens', calls: null, tokens: 9000, comparisonCalls: null, comparisonTokens: 3000 },
      { item: 'Completion tokens', calls: null, tokens: 1500, comparisonCalls: null, comparisonTokens: 500 },
      { item: 'Estimated tokens (no usage sent)', calls: null, tokens: 300, comparisonCalls: null, comparisonTokens: 0 },
      { item: 'Monthly token budget (2026-11)', calls: null, tokens: 1_000_000, comparisonCalls: null, comparisonTokens: 1_000_000 },
      { item: 'Tokens used in 2026-11', calls: null, tokens: 45_000, comparisonCalls: null, comparisonTokens: 45_000 },
    ]);
  });

  it('insights with their figures and p-values', () => {
    expect(byName(reportTables(sampleReport(), 'business'), 'insights').rows).toEqual([
      { kind: 'significant', text: 'Refund questions rose from 25.0% to 40.0% of items (p = 0.031)', metric: 'topic:Refunds', count: 4, base: 10, previousCount: 2, previousBase: 8, pValue: 0.031 },
      { kind: 'note', text: '@social spiked on 2 Nov', metric: 'channel:social', count: 1, base: 10, previousCount: null, previousBase: null, pValue: null },
    ]);
  });

  it('an empty period gives empty tables and null shares, never NaN', () => {
    const r = sampleReport({ comparison: false });
    r.primary.total = 0;
    r.primary.bySentiment = { negative: 0, neutral: 0, positive: 0, unknown: 0 };
    r.primary.topics = [];
    r.primary.series = { ...r.primary.series, starts: [], labels: [], volumeByChannel: { email: [], chat: [], survey: [], review: [], social: [] }, sentiment: { negative: [], neutral: [], positive: [], unknown: [] }, escalated: [], backlog: [] };
    r.primary.ai.drafts = { unchanged: 0, edited: 0, discarded: 0, medianEditDistance: null, meanEditDistance: null };
    const tables = reportTables(r, 'business');
    expect(byName(tables, 'summary').rows[1]).toEqual({ figure: 'Negative share', primary: null });
    expect(byName(tables, 'volume-by-channel').rows).toEqual([]);
    expect(byName(tables, 'topics').rows).toEqual([]);
    expect(byName(tables, 'ai-drafts').rows.at(-1)).toEqual({ outcome: 'All', count: 0, share: null, medianEditDistance: null, meanEditDistance: null });
    for (const t of tables) for (const row of t.rows) for (const v of Object.values(row)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  });
});
