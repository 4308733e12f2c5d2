/**
 * Every figure of a report from a real encrypted store: a fixed dataset around Berlin's
 * DST change (Sunday 25 Oct 2026, 03:00 CEST → 02:00 CET), items at local midnight and at
 * the last millisecond of a day, replies, status changes, a rule's escalation and a
 * person's, then reports.run with each comparison, an empty period and three years.
 * Items go in through the import path (deriveNew, as an import stores them); the changes
 * go through the core on a clock the test sets.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewFeedback } from '../../src/main/core/ingest/types';
import { NoSecretStore } from '../../src/main/core/secrets';
import { databaseKeyFromRecovery, parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import type { DB } from '../../src/main/core/store/db';
import { deriveContext, deriveNew } from '../../src/main/core/store/derived';
import { insertFeedbackBatch } from '../../src/main/core/store/feedback-write';
import { openEncrypted } from '../../src/main/core/store/open';
import { REPORT_TIMES_KEY } from '../../src/main/core/store/report-times';
import { scanSql } from '../../src/main/core/store/reports-repo';
import type { Channel, Sentiment, Status } from '../../src/shared/domain';
import type { Report, ReportScopeInput } from '../../src/shared/reports/schema';
import { makeTempCore, type TempCore } from '../support/core';
import { call } from '../helpers/results';
import { grantOf } from '../helpers/grants';
import { readFileSync } from 'node:fs';

const M = 60_000;
const H = 60 * M;
const z = (iso: string): number => Date.parse(iso);

/** Local midnights in Europe/Berlin. */
const SAT_24 = z('2026-10-23T22:00:00Z');
const SUN_25 = z('2026-10-24T22:00:00Z');
const MON_26 = z('2026-10-25T23:00:00Z');
const TUE_27 = z('2026-10-26T23:00:00Z');
const WED_21 = z('2026-10-20T22:00:00Z');

let now = z('2026-10-25T11:00:00Z');
let temp: TempCore;
let raw: DB;
const PASSPHRASE = 'report figures passphrase';
const ids = new Map<string, string>();

interface Spec {
  key: string;
  at: number;
  channel: Channel;
  sentiment: Sentiment | null;
  customer: string;
  product?: string;
  status?: Status;
  tags?: string[];
  /** Replies already in an imported thread. */
  replies?: number[];
}

function feedbackOf(s: Spec): NewFeedback {
  const [first, last] = s.customer.split(' ') as [string, string];
  return {
    source: 'test',
    externalId: s.key,
    contentHash: `hash-${s.key}`,
    channel: s.channel,
    customer: { name: s.customer, email: `${first.toLowerCase()}@${last.toLowerCase()}.example`, tier: 'standard', language: 'en' },
    subject: `About ${s.key}`,
    body: `Message ${s.key}: the invoice and the app.`,
    product: s.product ?? 'Lumo',
    language: 'en',
    status: s.status ?? 'open',
    sentiment: s.sentiment,
    sentimentSource: s.sentiment ? 'import' : null,
    rating: null,
    receivedAt: s.at,
    unread: true,
    tags: (s.tags ?? []).map((name) => ({ name, source: 'import' as const })),
    messages: [
      { direction: 'in', author: s.customer, body: `Message ${s.key}`, sentAt: s.at },
      ...(s.replies ?? []).map((at) => ({ direction: 'out' as const, author: 'Agent', body: 'Answered.', sentAt: at })),
    ],
  };
}

/** Stored as an import stores them: worked out before the INSERT. */
function importItems(specs: Spec[]): void {
  const items = specs.map(feedbackOf);
  const result = insertFeedbackBatch(raw, items, now, [], deriveNew(raw, items, deriveContext(raw), now));
  specs.forEach((s, i) => ids.set(s.key, result.ids[i]!));
}

const id = (key: string): string => ids.get(key)!;
const run = (scope: ReportScopeInput): Promise<Report> => call(temp.core, 'reports.run', scope);
const dist = (count: number, median: number | null, p90: number | null, mean: number | null) => ({ count, median, p90, mean });
const EMPTY = dist(0, null, null, null);

beforeAll(async () => {
  temp = await makeTempCore({ secrets: new NoSecretStore(), core: { clock: () => now } });
  const { recoveryKey } = await call(temp.core, 'store.create', { passphrase: PASSPHRASE });
  raw = openEncrypted(join(temp.dataDir, 'hearken.db'), { keyHex: databaseKeyFromRecovery(parseRecoveryKey(recoveryKey)).toString('hex') });
  for (const rule of (await call(temp.core, 'rules.list', {})).rules) await call(temp.core, 'rules.delete', { id: rule.id });
  const settings = await call(temp.core, 'sla.get', {});
  // Monday–Friday 09:00–17:00 in Berlin; one hour to answer, eight to resolve, whatever the priority.
  await call(temp.core, 'sla.save', {
    ...settings,
    businessHours: true,
    calendar: { timeZone: 'Europe/Berlin', week: settings.calendar.week.map((_, i) => (i < 5 ? [{ start: '09:00', end: '17:00' }] : [])), holidays: [] },
    policies: settings.policies.map((p) => ({ ...p, firstResponseMinutes: 60, nextResponseMinutes: null, resolutionMinutes: 480 })),
  });
  const targets = (await call(temp.core, 'escalation.targets.list', {})).targets;
  const target = (name: string): string => targets.find((t) => t.name === name)!.id;
  await call(temp.core, 'rules.save', {
    name: 'Social posts',
    conditions: [{ kind: 'channel', channels: ['social'] }],
    actions: { escalateTo: target('Tier 2'), priority: null, addTag: null },
    autoEscalate: true,
  });

  // Sunday 25 Oct, 11:00 UTC.
  importItems([
    { key: 'Y1', at: z('2025-10-25T10:00:00Z'), channel: 'survey', sentiment: 'positive', customer: 'Hal Hart' },
    { key: 'B4', at: z('2026-10-18T01:30:00Z'), channel: 'review', sentiment: 'negative', customer: 'Carl Cole', status: 'closed' },
    { key: 'B1', at: z('2026-10-20T08:00:00Z'), channel: 'email', sentiment: 'neutral', customer: 'Eve East' },
    { key: 'B3', at: z('2026-10-21T08:00:00Z'), channel: 'chat', sentiment: 'neutral', customer: 'Gus Gray', status: 'resolved', replies: [z('2026-10-21T09:00:00Z')] },
    { key: 'B2', at: z('2026-10-22T08:00:00Z'), channel: 'email', sentiment: 'positive', customer: 'Fay Fox' },
    // Saturday 00:00 local: the first day's first instant.
    { key: 'P1', at: SAT_24, channel: 'email', sentiment: 'negative', customer: 'Ann Able', tags: ['Refunds', 'Login'] },
    // Saturday 23:59:59.999 local: still Saturday.
    { key: 'P2', at: SUN_25 - 1, channel: 'chat', sentiment: 'neutral', customer: 'Bob Baker' },
    // Sunday 00:00 local; an imported thread, answered and resolved.
    { key: 'P3', at: SUN_25, channel: 'chat', sentiment: 'positive', customer: 'Ann Able', status: 'resolved', tags: ['Refunds'], replies: [z('2026-10-25T10:00:00Z')] },
    // 02:30 CET, in the hour Berlin lives twice; exactly 7 days after Carl's last item.
    { key: 'P4', at: z('2026-10-25T01:30:00Z'), channel: 'social', sentiment: 'negative', customer: 'Carl Cole', tags: ['Shipping'] },
  ]);
  now = z('2026-10-25T12:00:00Z');
  await call(temp.core, 'feedback.update', { ids: [id('B2')], change: { status: 'resolved' } });
  await call(temp.core, 'feedback.update', { ids: [id('P1')], change: { assignee: 'Ann Agent' } });
  await call(temp.core, 'feedback.update', { ids: [id('P4')], change: { assignee: 'Bob Agent' } });

  // Monday 26 Oct (CET).
  now = z('2026-10-26T08:00:00Z');
  importItems([{ key: 'P5', at: now, channel: 'email', sentiment: 'negative', customer: 'Dana Dietz', product: 'Other', tags: ['Refunds'] }]);
  now = z('2026-10-26T08:30:00Z');
  await call(temp.core, 'replies.send', { feedbackId: id('P1'), body: 'We are on it.', suggestion: null });
  now = z('2026-10-26T08:45:00Z');
  await call(temp.core, 'escalation.create', { ids: [id('P1')], targetId: target('Engineering'), reason: 'Crash on start', priority: 'normal' });
  now = z('2026-10-26T09:00:00Z');
  const escalation = (await call(temp.core, 'feedback.get', { id: id('P1') })).escalation!;
  // Resolving the escalation resolves the item and clears its flag; it still counts as escalated.
  await call(temp.core, 'escalations.update', { ids: [escalation.id], action: 'resolve' });
  now = z('2026-10-26T10:00:00Z');
  await call(temp.core, 'feedback.update', { ids: [id('P5')], change: { assignee: 'Ann Agent' } });
  await call(temp.core, 'escalation.create', { ids: [id('P5')], targetId: target('Billing'), reason: 'Refund over limit', priority: 'high' });
  now = z('2026-10-26T12:00:00Z');
  await call(temp.core, 'replies.send', { feedbackId: id('P5'), body: 'Refund is on its way.', suggestion: null });

  now = z('2026-10-26T23:30:00Z');
  importItems([
    // Monday 23:59:59.999 local, and Tuesday 00:00 (past the period's end).
    { key: 'P6', at: TUE_27 - 1, channel: 'review', sentiment: null, customer: 'Bob Baker' },
    { key: 'P7', at: TUE_27, channel: 'email', sentiment: 'neutral', customer: 'Ann Able' },
  ]);
  now = z('2026-10-27T12:00:00Z');
}, 60_000);

afterAll(async () => {
  raw.close();
  await temp.cleanup();
});

const PERIOD = { from: SAT_24, to: TUE_27, timeZone: 'Europe/Berlin' };

describe('report figures', () => {
  it('stores each item’s reply and resolution times, business and calendar, and its SLA outcomes', () => {
    const row = (key: string) =>
      raw
        .prepare('SELECT first_response_at AS fr, resolved_at AS res, first_response_bms AS frb, resolution_bms AS resb, sla_first_response AS slaf, sla_resolution AS slar FROM feedback WHERE id = ?')
        .get(id(key));
    expect(row('P1')).toEqual({ fr: z('2026-10-26T08:30:00Z'), res: z('2026-10-26T09:00:00Z'), frb: 30 * M, resb: H, slaf: 'met', slar: 'met' });
    // Imported as resolved: resolved at its last message.
    expect(row('P3')).toEqual({ fr: z('2026-10-25T10:00:00Z'), res: z('2026-10-25T10:00:00Z'), frb: 0, resb: 0, slaf: 'met', slar: 'met' });
    expect(row('P5')).toEqual({ fr: z('2026-10-26T12:00:00Z'), res: null, frb: 4 * H, resb: null, slaf: 'breached', slar: null });
    expect(row('B2')).toEqual({ fr: null, res: z('2026-10-25T12:00:00Z'), frb: null, resb: 15 * H, slaf: 'breached', slar: 'breached' });
    expect(row('P2')).toEqual({ fr: null, res: null, frb: null, resb: null, slaf: null, slar: null });
  });

  it('reads the period from the covering index alone', () => {
    for (const filter of [{}, { channel: ['email' as const], product: ['Lumo'], assignee: ['Ann Agent'], status: ['open' as const], escalated: true }]) {
      const { sql, params } = scanSql(filter);
      const plan = raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(SAT_24, TUE_27, ...params) as { detail: string }[];
      expect(plan.map((p) => p.detail)).toEqual([expect.stringContaining('USING COVERING INDEX feedback_report (received_at>? AND received_at<?)')]);
    }
  });

  it('has every figure of the period, days split at Berlin midnights across the DST change', async () => {
    const r = await run(PERIOD);
    expect(r.scope).toMatchObject({ from: SAT_24, to: TUE_27, timeZone: 'Europe/Berlin', granularity: 'day', compare: { kind: 'none' } });
    expect(r.businessHours).toBe(true);
    expect(r.comparison).toBeNull();
    const p = r.primary;
    expect(p.label).toBe('24–26 Oct 2026');
    expect(p.drill).toEqual({ receivedFrom: SAT_24, receivedTo: TUE_27 });
    expect(p.total).toBe(6);
    expect(p.byChannel).toEqual({ email: 2, chat: 2, survey: 0, review: 1, social: 1 });
    expect(p.bySentiment).toEqual({ negative: 3, neutral: 1, positive: 1, unknown: 1 });
    expect(p.byStatus).toEqual({ open: 3, pending: 0, replied: 1, resolved: 2, closed: 0 });
    // The Sunday has 25 hours.
    expect(p.series.starts).toEqual([SAT_24, SUN_25, MON_26]);
    expect(p.series.end).toBe(TUE_27);
    expect(MON_26 - SUN_25).toBe(25 * H);
    expect(p.series.labels).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
    expect(p.series.volumeByChannel).toEqual({ email: [1, 0, 1], chat: [1, 1, 0], survey: [0, 0, 0], review: [0, 0, 1], social: [0, 1, 0] });
    expect(p.series.sentiment).toEqual({ negative: [1, 1, 1], neutral: [1, 0, 0], positive: [0, 1, 0], unknown: [0, 0, 1] });
    expect(p.series.escalated).toEqual([1, 1, 1]);
    // Saturday: Y1, B1, B2 (from before), P1, P2. Sunday: B2 and P3 resolved, P4 came. Monday: P1 resolved, P5 and P6 came.
    expect(p.series.backlog).toEqual([5, 5, 6]);
    expect(p.backlog).toEqual({ atStart: 3, atEnd: 6 });
    expect(p.topics).toEqual([
      { name: 'Refunds', count: 3 },
      { name: 'Login', count: 1 },
      { name: 'Shipping', count: 1 },
    ]);
    expect(p.escalation).toEqual({
      escalated: 3,
      rate: 0.5,
      byTarget: [
        { name: 'Billing', count: 1 },
        { name: 'Engineering', count: 1 },
        { name: 'Tier 2', count: 1 },
      ],
      byReason: [
        { name: 'Crash on start', count: 1 },
        { name: 'Refund over limit', count: 1 },
        { name: 'Social posts', count: 1 },
      ],
    });
    // P1: Saturday 00:00 → Monday 09:30 CET (30 business minutes); P3: 12 h on a Sunday; P5: 4 h on Monday.
    expect(p.firstResponse).toEqual({
      business: dist(3, 30 * M, 4 * H, (30 * M + 4 * H) / 3),
      calendar: dist(3, 12 * H, 58.5 * H, (4 * H + 12 * H + 58.5 * H) / 3),
    });
    expect(p.resolution).toEqual({ business: dist(2, 0, H, H / 2), calendar: dist(2, 12 * H, 59 * H, (12 * H + 59 * H) / 2) });
    // Met: P1, P3; breached: P5 answered late, and P2, P4, P6 still unanswered past their deadline (Monday 10:00, Tuesday 10:00) at the report's time.
    expect(p.sla).toEqual({ firstResponse: { met: 2, breached: 4, rate: 2 / 6 }, resolution: { met: 2, breached: 0, rate: 1 } });
    expect(p.agents).toEqual([
      {
        agent: 'Ann Agent',
        assigned: 2,
        responded: 2,
        resolved: 1,
        escalated: 2,
        negative: 2,
        firstResponse: { business: dist(2, 30 * M, 4 * H, (30 * M + 4 * H) / 2), calendar: dist(2, 4 * H, 58.5 * H, (4 * H + 58.5 * H) / 2) },
        resolution: { business: dist(1, H, H, H), calendar: dist(1, 59 * H, 59 * H, 59 * H) },
      },
      { agent: 'Bob Agent', assigned: 1, responded: 0, resolved: 0, escalated: 1, negative: 1, firstResponse: { business: EMPTY, calendar: EMPTY }, resolution: { business: EMPTY, calendar: EMPTY } },
      {
        agent: null,
        assigned: 3,
        responded: 1,
        resolved: 1,
        escalated: 0,
        negative: 0,
        firstResponse: { business: dist(1, 0, 0, 0), calendar: dist(1, 12 * H, 12 * H, 12 * H) },
        resolution: { business: dist(1, 0, 0, 0), calendar: dist(1, 12 * H, 12 * H, 12 * H) },
      },
    ]);
    // Ann's second item a day after her first; Carl's exactly 7 days after his last; Bob's two days after his first.
    expect(p.repeat).toMatchObject({ customers: 4, repeatItems: 3, rate: 0.5 });
    expect(p.repeat.topCustomers.map((c) => [c.name, c.count])).toEqual([
      ['Ann Able', 2],
      ['Bob Baker', 2],
      ['Carl Cole', 1],
      ['Dana Dietz', 1],
    ]);
    // Without a comparison, emerging terms are read against the period just before.
    expect(r.emerging.sampled).toEqual({ recent: 6, previous: 2 });
    // Both replies were written without a suggestion; no LLM call; the default budget.
    expect(p.ai.suggestions).toEqual({ unchanged: 0, edited: 0, discarded: 0, written: 2 });
    expect(p.ai.llm).toMatchObject({ calls: 0, monthlyBudget: 2_000_000, budgetMonth: '2026-10' });
  });

  it('sets the period against the one before', async () => {
    const r = await run({ ...PERIOD, compare: { kind: 'previous' } });
    const c = r.comparison!;
    expect(c.label).toBe('21–23 Oct 2026');
    expect([c.from, c.to]).toEqual([WED_21, SAT_24]);
    expect(c.drill).toEqual({ receivedFrom: WED_21, receivedTo: SAT_24 });
    expect(c.total).toBe(2);
    expect(c.series.labels).toEqual(['2026-10-21', '2026-10-22', '2026-10-23']);
    expect(c.series.volumeByChannel).toMatchObject({ email: [0, 1, 0], chat: [1, 0, 0] });
    // Y1 and B1 open from before; B3 came and went on Wednesday; B2 came on Thursday.
    expect(c.series.backlog).toEqual([2, 3, 3]);
    expect(c.backlog).toEqual({ atStart: 2, atEnd: 3 });
    expect(c.firstResponse).toEqual({ business: dist(1, H, H, H), calendar: dist(1, H, H, H) });
    // B3: an hour; B2: Thursday 10:00 CEST to Sunday, 15 business hours.
    expect(c.resolution).toEqual({ business: dist(2, H, 15 * H, 8 * H), calendar: dist(2, H, 76 * H, 38.5 * H) });
    expect(c.sla).toEqual({ firstResponse: { met: 1, breached: 1, rate: 0.5 }, resolution: { met: 1, breached: 1, rate: 0.5 } });
    expect(c.repeat).toEqual({ customers: 2, repeatItems: 0, rate: 0, topCustomers: expect.any(Array) });
    expect(r.primary.total).toBe(6);
    expect(r.emerging.sampled).toEqual({ recent: 6, previous: 2 });
    expect(Array.isArray(r.insights)).toBe(true);
  });

  it('sets the period against the same dates a year earlier', async () => {
    const r = await run({ ...PERIOD, compare: { kind: 'year' } });
    const c = r.comparison!;
    expect(c.label).toBe('24–26 Oct 2025');
    expect([c.from, c.to]).toEqual([z('2025-10-23T22:00:00Z'), z('2025-10-26T23:00:00Z')]);
    expect(c.total).toBe(1);
    expect(c.byChannel.survey).toBe(1);
    expect(c.series.volumeByChannel.survey).toEqual([0, 1, 0]);
    expect(c.series.backlog).toEqual([0, 1, 1]);
  });

  it('sets product against product, and channel against channel, over the same period', async () => {
    const byProduct = await run({ ...PERIOD, compare: { kind: 'product', a: 'Lumo', b: 'Other' } });
    expect([byProduct.primary.label, byProduct.primary.total, byProduct.comparison!.label, byProduct.comparison!.total]).toEqual(['Lumo', 5, 'Other', 1]);
    expect(byProduct.primary.drill).toEqual({ product: ['Lumo'], receivedFrom: SAT_24, receivedTo: TUE_27 });
    expect(byProduct.comparison!.escalation).toMatchObject({ escalated: 1, rate: 1, byTarget: [{ name: 'Billing', count: 1 }] });
    expect(byProduct.primary.series.backlog).toEqual([5, 5, 5]);
    expect(byProduct.emerging.sampled).toEqual({ recent: 5, previous: 1 });

    const byChannel = await run({ ...PERIOD, compare: { kind: 'channel', a: 'chat', b: 'email' } });
    expect([byChannel.primary.label, byChannel.primary.total, byChannel.comparison!.label, byChannel.comparison!.total]).toEqual(['Chat', 2, 'Email', 2]);
    expect(byChannel.comparison!.drill).toEqual({ channel: ['email'], receivedFrom: SAT_24, receivedTo: TUE_27 });
    expect(byChannel.comparison!.series.volumeByChannel.email).toEqual([1, 0, 1]);
    expect(byChannel.comparison!.sla.firstResponse).toEqual({ met: 1, breached: 1, rate: 0.5 });
  });

  it('reads days in the SLA calendar’s zone when the scope names none', async () => {
    const r = await run({ from: SAT_24, to: TUE_27 });
    expect(r.scope.timeZone).toBe('Europe/Berlin');
    expect(r.primary.series.labels).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
    expect(r.primary.total).toBe(6);
  });

  it('narrows by the inbox filter', async () => {
    const r = await run({ ...PERIOD, filter: { assignee: ['Ann Agent'] } });
    expect(r.primary.total).toBe(2);
    expect(r.primary.drill).toEqual({ assignee: ['Ann Agent'], receivedFrom: SAT_24, receivedTo: TUE_27 });
    expect(r.primary.topics).toEqual([{ name: 'Refunds', count: 2 }, { name: 'Login', count: 1 }]);
  });

  it('gives zeros and nulls for an empty period', async () => {
    const r = await run({ from: z('2024-12-31T23:00:00Z'), to: z('2025-01-07T23:00:00Z'), timeZone: 'Europe/Berlin', compare: { kind: 'previous' } });
    for (const side of [r.primary, r.comparison!]) {
      expect(side.total).toBe(0);
      expect(side.series.backlog).toEqual([0, 0, 0, 0, 0, 0, 0]);
      expect(side.firstResponse).toEqual({ business: EMPTY, calendar: EMPTY });
      expect(side.sla.resolution).toEqual({ met: 0, breached: 0, rate: null });
      expect(side.escalation).toEqual({ escalated: 0, rate: null, byTarget: [], byReason: [] });
      expect(side.agents).toEqual([]);
      expect(side.topics).toEqual([]);
      expect(side.repeat).toEqual({ customers: 0, repeatItems: 0, rate: null, topCustomers: [] });
    }
    expect(r.primary.series.labels[0]).toBe('2025-01-01');
    expect(r.emerging).toEqual({ terms: [], sampled: { recent: 0, previous: 0 } });
  });

  it('counts three years by month', async () => {
    const r = await run({ from: z('2023-12-31T23:00:00Z'), to: z('2026-12-31T23:00:00Z'), timeZone: 'Europe/Berlin' });
    const p = r.primary;
    expect(r.scope.granularity).toBe('month');
    expect(p.series.labels).toHaveLength(36);
    expect(p.series.labels.slice(0, 2)).toEqual(['2024-01', '2024-02']);
    const oct25 = p.series.labels.indexOf('2025-10');
    const oct26 = p.series.labels.indexOf('2026-10');
    expect(p.total).toBe(12);
    expect(p.series.volumeByChannel.survey[oct25]).toBe(1);
    expect([p.series.volumeByChannel.email[oct26], p.series.volumeByChannel.chat[oct26], p.series.volumeByChannel.review[oct26], p.series.volumeByChannel.social[oct26]]).toEqual([5, 3, 2, 1]);
    expect(p.series.volumeByChannel.email.reduce((a, b) => a + b, 0)).toBe(5);
    // Y1 open since October 2025; then B1, P2, P4, P5, P6, P7 as well.
    expect(p.series.backlog[oct25]).toBe(1);
    expect(p.series.backlog[oct26]).toBe(7);
    expect(p.backlog).toEqual({ atStart: 0, atEnd: 7 });
  });

  it('works the business times out again when the calendar changes', async () => {
    const settings = await call(temp.core, 'sla.get', {});
    await call(temp.core, 'sla.save', { ...settings, businessHours: false });
    try {
      const p = (await run(PERIOD)).primary;
      // Around the clock, business time is calendar time: resolved items included.
      expect(p.resolution.business).toEqual(p.resolution.calendar);
      expect(p.firstResponse.business).toEqual(p.firstResponse.calendar);
      expect((await run(PERIOD)).businessHours).toBe(false);
    } finally {
      await call(temp.core, 'sla.save', settings);
    }
    expect((await run(PERIOD)).primary.resolution.business).toEqual(dist(2, 0, H, H / 2));
  });

  it('fills the times of a store migrated to them once, after unlock', async () => {
    raw.prepare('UPDATE feedback SET first_response_bms = NULL, resolution_bms = NULL, sla_first_response = NULL, sla_resolution = NULL').run();
    raw.prepare('DELETE FROM settings WHERE key = ?').run(REPORT_TIMES_KEY);
    await call(temp.core, 'store.lock', {});
    await call(temp.core, 'store.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    for (let i = 0; i < 50 && raw.prepare('SELECT 1 FROM settings WHERE key = ?').get(REPORT_TIMES_KEY) === undefined; i++) await new Promise((r) => setTimeout(r, 20));
    expect(raw.prepare('SELECT value FROM settings WHERE key = ?').get(REPORT_TIMES_KEY)).toEqual({ value: '1' });
    const p = (await run(PERIOD)).primary;
    expect(p.firstResponse.business).toEqual(dist(3, 30 * M, 4 * H, (30 * M + 4 * H) / 3));
    expect(p.sla.firstResponse).toEqual({ met: 2, breached: 4, rate: 2 / 6 });
  });

  it('works the missing times out before a report reads them', async () => {
    raw.prepare('UPDATE feedback SET first_response_bms = NULL, resolution_bms = NULL, sla_first_response = NULL, sla_resolution = NULL').run();
    raw.prepare('DELETE FROM settings WHERE key = ?').run(REPORT_TIMES_KEY);
    const p = (await run(PERIOD)).primary;
    expect(p.resolution.business).toEqual(dist(2, 0, H, H / 2));
    expect(p.sla.firstResponse).toEqual({ met: 2, breached: 4, rate: 2 / 6 });
  });

  it('works the missing times out before an export reads them too', async () => {
    raw.prepare('UPDATE feedback SET first_response_bms = NULL, resolution_bms = NULL, sla_first_response = NULL, sla_resolution = NULL').run();
    raw.prepare('DELETE FROM settings WHERE key = ?').run(REPORT_TIMES_KEY);
    const path = join(temp.dataDir, 'times-report.html');
    await call(temp.core, 'reports.export', { scope: PERIOD, format: 'html', grant: await grantOf(temp.core, path, 'write') });
    expect(raw.prepare('SELECT value FROM settings WHERE key = ?').get(REPORT_TIMES_KEY)).toEqual({ value: '1' });
    // The summary's business median first response: P1's 30 business minutes, not a missing figure.
    expect(readFileSync(path, 'utf8')).toContain(`data-value="${30 * M}"`);
  });
});
