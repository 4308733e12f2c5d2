/**
 * A hand-made report with every part filled and known numbers: three days in Berlin
 * (2–4 Nov 2026) against the three days before. Some text starts with a formula trigger
 * and some names carry accents, so the exports' escaping is exercised too.
 */
import type { PeriodFigures, Report } from '../../src/shared/reports/schema';

export const DAY = 86_400_000;
/** 2026-11-02 00:00 in Europe/Berlin (CET, +01:00). */
export const FIXTURE_FROM = Date.UTC(2026, 10, 1, 23);
export const FIXTURE_TO = FIXTURE_FROM + 3 * DAY;
const PREV_FROM = FIXTURE_FROM - 3 * DAY;

const times = (count: number, median: number, p90: number, mean: number) => ({ count, median, p90, mean });
const none = { count: 0, median: null, p90: null, mean: null };

function primary(): PeriodFigures {
  return {
    label: '2–4 Nov 2026',
    from: FIXTURE_FROM,
    to: FIXTURE_TO,
    drill: { receivedFrom: FIXTURE_FROM, receivedTo: FIXTURE_TO },
    total: 10,
    byChannel: { email: 5, chat: 3, survey: 0, review: 1, social: 1 },
    bySentiment: { negative: 4, neutral: 3, positive: 2, unknown: 1 },
    byStatus: { open: 3, pending: 1, replied: 2, resolved: 3, closed: 1 },
    series: {
      starts: [FIXTURE_FROM, FIXTURE_FROM + DAY, FIXTURE_FROM + 2 * DAY],
      end: FIXTURE_TO,
      labels: ['2026-11-02', '2026-11-03', '2026-11-04'],
      volumeByChannel: { email: [2, 1, 2], chat: [1, 1, 1], survey: [0, 0, 0], review: [0, 1, 0], social: [1, 0, 0] },
      sentiment: { negative: [2, 1, 1], neutral: [1, 1, 1], positive: [1, 0, 1], unknown: [0, 1, 0] },
      escalated: [1, 0, 1],
      backlog: [5, 6, 4],
    },
    topics: [
      { name: 'Refunds', count: 4 },
      { name: 'Shipping', count: 3 },
      { name: 'Login', count: 1 },
    ],
    escalation: {
      escalated: 2,
      rate: 0.2,
      byTarget: [
        { name: 'Billing team', count: 1 },
        { name: 'Tier 2', count: 1 },
      ],
      byReason: [
        { name: 'Angry VIP', count: 1 },
        { name: '=HYPERLINK("http://evil.example","click")', count: 1 },
      ],
    },
    firstResponse: { business: times(6, 3_600_000, 7_200_000, 4_200_000), calendar: times(6, 5_400_000, 86_400_000, 20_000_000) },
    resolution: { business: times(4, 14_400_000, 28_800_000, 16_200_000), calendar: times(4, 90_000_000, 172_800_000, 100_000_000) },
    sla: { firstResponse: { met: 5, breached: 1, rate: 5 / 6 }, resolution: { met: 3, breached: 1, rate: 0.75 } },
    backlog: { atStart: 4, atEnd: 4 },
    agents: [
      {
        agent: 'Ana Lima',
        assigned: 6,
        responded: 4,
        resolved: 3,
        escalated: 1,
        negative: 2,
        firstResponse: { business: times(4, 1_800_000, 3_600_000, 2_250_000), calendar: times(4, 2_700_000, 7_200_000, 3_600_000) },
        resolution: { business: times(3, 10_800_000, 14_400_000, 12_000_000), calendar: times(3, 86_400_000, 90_000_000, 87_600_000) },
      },
      {
        agent: null,
        assigned: 4,
        responded: 2,
        resolved: 1,
        escalated: 1,
        negative: 2,
        firstResponse: { business: times(2, 7_200_000, 7_200_000, 8_100_000), calendar: times(2, 86_400_000, 86_400_000, 52_800_000) },
        resolution: { business: times(1, 28_800_000, 28_800_000, 28_800_000), calendar: times(1, 172_800_000, 172_800_000, 172_800_000) },
      },
    ],
    repeat: {
      customers: 8,
      repeatItems: 2,
      rate: 0.2,
      topCustomers: [
        { customerId: 'c1', name: 'Zoë Müller', count: 3 },
        { customerId: 'c2', name: '+Bob Stone', count: 2 },
      ],
    },
    ai: {
      drafts: { unchanged: 3, edited: 2, discarded: 1, medianEditDistance: 12, meanEditDistance: 20.5 },
      suggestions: { unchanged: 4, edited: 1, discarded: 2, written: 3 },
      overrides: {
        byLanguage: [
          { key: 'en', items: 7, sentimentOverrides: 1, topicOverrides: 2, sentimentRate: 1 / 7, topicRate: 2 / 7 },
          { key: 'de', items: 3, sentimentOverrides: 0, topicOverrides: 1, sentimentRate: 0, topicRate: 1 / 3 },
        ],
        byChannel: [
          { key: 'email', items: 5, sentimentOverrides: 1, topicOverrides: 1, sentimentRate: 0.2, topicRate: 0.2 },
          { key: 'chat', items: 3, sentimentOverrides: 0, topicOverrides: 1, sentimentRate: 0, topicRate: 1 / 3 },
        ],
      },
      llm: {
        calls: 12,
        failed: 1,
        promptTokens: 9000,
        completionTokens: 1500,
        estimatedTokens: 300,
        byPurpose: [
          { purpose: 'triage', calls: 8, tokens: 6000 },
          { purpose: 'draft', calls: 4, tokens: 4500 },
        ],
        monthlyBudget: 1_000_000,
        usedInBudgetMonth: 45_000,
        budgetMonth: '2026-11',
      },
    },
  };
}

function previous(): PeriodFigures {
  return {
    label: 'Previous period',
    from: PREV_FROM,
    to: FIXTURE_FROM,
    drill: { receivedFrom: PREV_FROM, receivedTo: FIXTURE_FROM },
    total: 8,
    byChannel: { email: 4, chat: 2, survey: 1, review: 1, social: 0 },
    bySentiment: { negative: 2, neutral: 4, positive: 2, unknown: 0 },
    byStatus: { open: 1, pending: 1, replied: 1, resolved: 3, closed: 2 },
    series: {
      starts: [PREV_FROM, PREV_FROM + DAY, PREV_FROM + 2 * DAY],
      end: FIXTURE_FROM,
      labels: ['2026-10-30', '2026-10-31', '2026-11-01'],
      volumeByChannel: { email: [2, 1, 1], chat: [1, 0, 1], survey: [0, 1, 0], review: [1, 0, 0], social: [0, 0, 0] },
      sentiment: { negative: [1, 0, 1], neutral: [2, 1, 1], positive: [1, 1, 0], unknown: [0, 0, 0] },
      escalated: [0, 1, 0],
      backlog: [3, 4, 4],
    },
    topics: [
      { name: 'Shipping', count: 3 },
      { name: 'Refunds', count: 2 },
      { name: 'Billing', count: 1 },
    ],
    escalation: { escalated: 1, rate: 0.125, byTarget: [{ name: 'Tier 2', count: 1 }], byReason: [{ name: 'Angry VIP', count: 1 }] },
    firstResponse: { business: times(5, 5_400_000, 9_000_000, 6_000_000), calendar: times(5, 7_200_000, 90_000_000, 25_000_000) },
    resolution: { business: times(5, 18_000_000, 36_000_000, 20_000_000), calendar: none },
    sla: { firstResponse: { met: 3, breached: 2, rate: 0.6 }, resolution: { met: 0, breached: 0, rate: null } },
    backlog: { atStart: 3, atEnd: 4 },
    agents: [
      {
        agent: 'Ana Lima',
        assigned: 5,
        responded: 5,
        resolved: 4,
        escalated: 1,
        negative: 1,
        firstResponse: { business: times(5, 5_400_000, 9_000_000, 6_000_000), calendar: times(5, 7_200_000, 90_000_000, 25_000_000) },
        resolution: { business: times(4, 18_000_000, 36_000_000, 20_000_000), calendar: none },
      },
      {
        agent: 'Ben Ode',
        assigned: 3,
        responded: 0,
        resolved: 1,
        escalated: 0,
        negative: 1,
        firstResponse: { business: none, calendar: none },
        resolution: { business: times(1, 3_600_000, 3_600_000, 3_600_000), calendar: none },
      },
    ],
    repeat: { customers: 7, repeatItems: 1, rate: 0.125, topCustomers: [{ customerId: 'c1', name: 'Zoë Müller', count: 2 }] },
    ai: {
      drafts: { unchanged: 1, edited: 1, discarded: 2, medianEditDistance: 30, meanEditDistance: 30 },
      suggestions: { unchanged: 2, edited: 2, discarded: 0, written: 4 },
      overrides: {
        byLanguage: [
          { key: 'en', items: 6, sentimentOverrides: 2, topicOverrides: 0, sentimentRate: 1 / 3, topicRate: 0 },
          { key: 'fr', items: 2, sentimentOverrides: 0, topicOverrides: 0, sentimentRate: 0, topicRate: 0 },
        ],
        byChannel: [{ key: 'email', items: 4, sentimentOverrides: 2, topicOverrides: 0, sentimentRate: 0.5, topicRate: 0 }],
      },
      llm: {
        calls: 5,
        failed: 0,
        promptTokens: 3000,
        completionTokens: 500,
        estimatedTokens: 0,
        byPurpose: [
          { purpose: 'triage', calls: 4, tokens: 2500 },
          { purpose: 'summary', calls: 1, tokens: 1000 },
        ],
        monthlyBudget: 1_000_000,
        usedInBudgetMonth: 45_000,
        budgetMonth: '2026-11',
      },
    },
  };
}

/** The fixture report; `comparison: false` drops the previous period (and the columns it adds). */
export function sampleReport(options: { comparison?: boolean } = {}): Report {
  const withComparison = options.comparison ?? true;
  return {
    scope: {
      from: FIXTURE_FROM,
      to: FIXTURE_TO,
      timeZone: 'Europe/Berlin',
      granularity: 'day',
      compare: withComparison ? { kind: 'previous' } : { kind: 'none' },
      filter: {},
    },
    generatedAt: FIXTURE_TO + 3_600_000,
    businessHours: true,
    primary: primary(),
    comparison: withComparison ? previous() : null,
    emerging: {
      terms: [
        { term: 'refund', recent: 4, previous: 1, llr: 5.25, ratio: 4 },
        { term: 'tracking', recent: 2, previous: 0, llr: 3.5, ratio: 2.5 },
      ],
      sampled: { recent: 10, previous: 8 },
    },
    insights: [
      {
        kind: 'significant',
        text: 'Refund questions rose from 25.0% to 40.0% of items (p = 0.031)',
        metric: 'topic:Refunds',
        current: { count: 4, base: 10 },
        previous: { count: 2, base: 8 },
        pValue: 0.031,
        drill: { tags: ['Refunds'] },
      },
      {
        kind: 'note',
        text: '@social spiked on 2 Nov',
        metric: 'channel:social',
        current: { count: 1, base: 10 },
        previous: null,
        pValue: null,
        drill: { channel: ['social'] },
      },
    ],
  };
}
