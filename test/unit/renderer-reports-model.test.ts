/** The Reports screen's view-model: key figures, change chips, chart rows, drills, scope presets. */
import { describe, expect, it } from 'vitest';
import { changeOf } from '../../src/renderer/src/reports/model/change';
import { bucketRange, narrowed, sideFilter } from '../../src/renderer/src/reports/model/drill';
import { keyFigures } from '../../src/renderer/src/reports/model/figures';
import { formatDuration, formatPercent, periodLabel, reportHeadline } from '../../src/renderer/src/reports/model/format';
import { agentRows, escalationReasonRows, sortAgents, topicRows } from '../../src/renderer/src/reports/model/rankings';
import { compareOf, defaultChoice, presetRange, scopeOf } from '../../src/renderer/src/reports/model/scope';
import { backlogRows, channelsShown, sentimentShares, volumeRows } from '../../src/renderer/src/reports/model/series';
import { DAY, FIXTURE_FROM, FIXTURE_TO, sampleReport } from '../support/report-fixture';

describe('formatting', () => {
  it('says durations in at most two units', () => {
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(59_600)).toBe('1m');
    expect(formatDuration(12 * 60_000)).toBe('12m');
    expect(formatDuration(3_600_000)).toBe('1h');
    expect(formatDuration(5_400_000)).toBe('1h 30m');
    expect(formatDuration(90_000_000)).toBe('1d 1h');
    expect(formatDuration(2 * DAY)).toBe('2d');
    expect(formatDuration(DAY - 10_000)).toBe('1d');
  });

  it('gives a tenth of a percent only below ten percent', () => {
    expect(formatPercent(null)).toBe('–');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.041)).toBe('4.1%');
    expect(formatPercent(0.125)).toBe('13%');
    expect(formatPercent(5 / 6)).toBe('83%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('reads a period with its last day included', () => {
    expect(periodLabel(FIXTURE_FROM, FIXTURE_TO, 'Europe/Berlin')).toBe('2 Nov – 4 Nov 2026');
    expect(periodLabel(FIXTURE_FROM, FIXTURE_FROM + DAY, 'Europe/Berlin')).toBe('2 Nov 2026');
  });

  it('titles a report by its days and what they are set against', () => {
    const report = sampleReport();
    expect(reportHeadline(report)).toBe('2 Nov – 4 Nov 2026 compared with Previous period');
    expect(reportHeadline(sampleReport({ comparison: false }))).toBe('2 Nov – 4 Nov 2026');
    const products = {
      ...report,
      scope: { ...report.scope, compare: { kind: 'product' as const, a: 'Lumo Cam', b: 'Lumo Hub' } },
      primary: { ...report.primary, label: 'Lumo Cam' },
      comparison: { ...report.comparison!, label: 'Lumo Hub' },
    };
    expect(reportHeadline(products)).toBe('Lumo Cam compared with Lumo Hub · 2 Nov – 4 Nov 2026');
  });
});

describe('change chips', () => {
  it('colours by what is better for the figure, and always carries a sign', () => {
    expect(changeOf(10, 8, 'relative', 'neither')).toMatchObject({ direction: 'up', tone: 'neutral', text: '+25%' });
    expect(changeOf(0.4, 0.25, 'points', 'lower')).toMatchObject({ direction: 'up', tone: 'worse', text: '+15.0 pts' });
    expect(changeOf(0.8, 0.6, 'points', 'higher')).toMatchObject({ direction: 'up', tone: 'better', text: '+20.0 pts' });
    expect(changeOf(3_600_000, 5_400_000, 'duration', 'lower')).toMatchObject({ direction: 'down', tone: 'better', text: '\u221230m' });
    expect(changeOf(4, 4, 'relative', 'lower')).toMatchObject({ direction: 'flat', tone: 'neutral', text: 'no change' });
    expect(changeOf(3, 0, 'relative', 'lower')).toMatchObject({ direction: 'up', tone: 'worse', text: 'new' });
    expect(changeOf(null, 0.5, 'points', 'lower')).toBeNull();
    expect(changeOf(0.2, 0.125, 'points', 'lower')?.description).toBe('up 7.5 pts on the comparison, which is worse');
  });
});

describe('key figures', () => {
  it('gives each figure, its comparison and its change from the report', () => {
    const figures = keyFigures(sampleReport(), 'business');
    const shown = figures.map((f) => [f.id, f.value, f.comparison, f.change?.text ?? null, f.change?.tone ?? null]);
    expect(shown).toEqual([
      ['total', '10', '8', '+25%', 'neutral'],
      ['negative', '40%', '25%', '+15.0 pts', 'worse'],
      ['escalation', '20%', '13%', '+7.5 pts', 'worse'],
      ['firstResponse', '1h', '1h 30m', '\u221230m', 'better'],
      ['resolution', '4h', '5h', '\u22121h', 'better'],
      ['sla', '80%', '60%', '+20.0 pts', 'better'],
      ['backlog', '4', '4', 'no change', 'neutral'],
      ['repeat', '20%', '13%', '+7.5 pts', 'worse'],
    ]);
  });

  it('switches times to calendar time, with no change where a side has no figure', () => {
    const figures = keyFigures(sampleReport(), 'calendar');
    expect(figures.find((f) => f.id === 'firstResponse')).toMatchObject({ value: '1h 30m', comparison: '2h' });
    expect(figures.find((f) => f.id === 'resolution')).toMatchObject({ value: '1d 1h', comparison: '–', change: null });
    expect(figures.every((f) => f.note === null)).toBe(true);
  });

  it('names the calendar time under a business-hours median', () => {
    const notes = keyFigures(sampleReport(), 'business').map((f) => [f.id, f.note]);
    expect(notes.filter(([, note]) => note !== null)).toEqual([
      ['firstResponse', '1h 30m in calendar time'],
      ['resolution', '1d 1h in calendar time'],
    ]);
  });

  it('has no comparison without one', () => {
    const figures = keyFigures(sampleReport({ comparison: false }), 'business');
    expect(figures.every((f) => f.comparison === null && f.change === null)).toBe(true);
  });

  it('drills into the period narrowed by what the figure counts', () => {
    const figures = keyFigures(sampleReport(), 'business');
    const drill = (id: string) => figures.find((f) => f.id === id)?.drill;
    expect(drill('total')).toEqual({ receivedFrom: FIXTURE_FROM, receivedTo: FIXTURE_TO });
    expect(drill('negative')).toEqual({ receivedFrom: FIXTURE_FROM, receivedTo: FIXTURE_TO, sentiment: ['negative'] });
    expect(drill('escalation')).toEqual({ receivedFrom: FIXTURE_FROM, receivedTo: FIXTURE_TO, escalated: true });
    expect(drill('backlog')).toEqual({ receivedTo: FIXTURE_TO, status: ['open', 'pending', 'replied'] });
  });
});

describe('drills', () => {
  it('keeps only what the inbox filter understands', () => {
    expect(sideFilter({ from: 1, to: 2, drill: { product: ['Pro'], receivedFrom: 1, receivedTo: 2, granularity: 'day' } })).toEqual({
      product: ['Pro'],
      receivedFrom: 1,
      receivedTo: 2,
    });
  });

  it('narrows a clicked value within the scope, and adds a clicked tag to the scope tags', () => {
    expect(narrowed({ channel: ['email', 'chat'], tags: ['VIP'] }, { channel: ['chat'], tags: ['Refunds'] })).toEqual({ channel: ['chat'], tags: ['VIP', 'Refunds'] });
    expect(narrowed({ channel: ['email'] }, { channel: ['chat'] })).toEqual({ channel: [] });
  });

  it('gives a bucket its own days, clamped to the period', () => {
    const report = sampleReport();
    expect(bucketRange(report.primary.series, 1, report.primary)).toEqual({ receivedFrom: FIXTURE_FROM + DAY, receivedTo: FIXTURE_FROM + 2 * DAY });
    expect(bucketRange(report.primary.series, 2, report.primary)).toEqual({ receivedFrom: FIXTURE_FROM + 2 * DAY, receivedTo: FIXTURE_TO });
    const weekly = { ...report.primary.series, starts: [FIXTURE_FROM - 2 * DAY], end: FIXTURE_TO };
    expect(bucketRange(weekly, 0, report.primary)).toEqual({ receivedFrom: FIXTURE_FROM, receivedTo: FIXTURE_TO });
  });
});

describe('chart rows', () => {
  it('stacks volume by channel with the comparison total beside each bucket', () => {
    const report = sampleReport();
    expect(channelsShown(report)).toEqual(['email', 'chat', 'survey', 'review', 'social']);
    expect(channelsShown(sampleReport({ comparison: false }))).toEqual(['email', 'chat', 'review', 'social']);
    expect(volumeRows(report)).toEqual([
      { label: '2026-11-02', index: 0, email: 2, chat: 1, survey: 0, review: 0, social: 1, comparison: 4 },
      { label: '2026-11-03', index: 1, email: 1, chat: 1, survey: 0, review: 1, social: 0, comparison: 2 },
      { label: '2026-11-04', index: 2, email: 2, chat: 1, survey: 0, review: 0, social: 0, comparison: 2 },
    ]);
    expect(volumeRows(sampleReport({ comparison: false }))[0]).not.toHaveProperty('comparison');
  });

  it('gives sentiment shares and backlog per bucket', () => {
    const report = sampleReport();
    expect(sentimentShares(report.primary).map((s) => [s.key, s.count, s.share])).toEqual([
      ['negative', 4, 0.4],
      ['neutral', 3, 0.3],
      ['positive', 2, 0.2],
      ['unknown', 1, 0.1],
    ]);
    expect(backlogRows(report).map((r) => [r.backlog, r.comparison])).toEqual([
      [5, 3],
      [6, 4],
      [4, 4],
    ]);
  });

  it('ranks topics with both sides, keeping one the period lost', () => {
    const rows = topicRows(sampleReport());
    expect(rows.map((r) => [r.name, r.count, r.before, r.change?.text])).toEqual([
      ['Refunds', 4, 2, '+15.0 pts'],
      ['Shipping', 3, 3, '\u22127.5 pts'],
      ['Login', 1, 0, '+10.0 pts'],
      ['Billing', 0, 1, '\u221212.5 pts'],
    ]);
    expect(topicRows(sampleReport({ comparison: false })).map((r) => [r.name, r.before, r.change])).toEqual([
      ['Refunds', null, null],
      ['Shipping', null, null],
      ['Login', null, null],
    ]);
  });

  it('sets escalation teams against the comparison as shares of escalations', () => {
    const rows = escalationReasonRows(sampleReport(), 'byTarget');
    expect(rows.map((r) => [r.name, r.count, r.before, r.share, r.beforeShare])).toEqual([
      ['Tier 2', 1, 1, 0.5, 1],
      ['Billing team', 1, 0, 0.5, 0],
    ]);
  });

  it('sorts agents by a column, with Unassigned and empty figures last either way', () => {
    const report = sampleReport();
    const rows = agentRows(report.primary, 'business');
    expect(sortAgents(rows, 'firstResponse', false).map((r) => r.name)).toEqual(['Ana Lima', 'Unassigned']);
    expect(sortAgents(rows, 'firstResponse', true).map((r) => r.name)).toEqual(['Ana Lima', 'Unassigned']);
    expect(sortAgents(rows, 'assigned', true).map((r) => [r.name, r.assigned])).toEqual([
      ['Ana Lima', 6],
      ['Unassigned', 4],
    ]);
    const before = agentRows(report.comparison!, 'business');
    expect(sortAgents(before, 'firstResponse', true).map((r) => r.name)).toEqual(['Ana Lima', 'Ben Ode']);
    expect(sortAgents(before, 'firstResponse', false).map((r) => r.name)).toEqual(['Ana Lima', 'Ben Ode']);
  });
});

describe('scope', () => {
  const now = new Date(2026, 10, 15, 14, 30).getTime();
  const local = (y: number, m: number, d: number) => new Date(y, m, d).getTime();

  it('turns presets into periods between local midnights, today included', () => {
    const range = (preset: (typeof defaultChoice)['preset']) => presetRange({ preset, custom: null }, now);
    expect(range('last7')).toEqual({ from: local(2026, 10, 9), to: local(2026, 10, 16) });
    expect(range('last30')).toEqual({ from: local(2026, 9, 17), to: local(2026, 10, 16) });
    expect(range('thisMonth')).toEqual({ from: local(2026, 10, 1), to: local(2026, 10, 16) });
    expect(range('lastMonth')).toEqual({ from: local(2026, 9, 1), to: local(2026, 10, 1) });
    expect(range('thisQuarter')).toEqual({ from: local(2026, 9, 1), to: local(2026, 10, 16) });
    expect(range('last12Months')).toEqual({ from: local(2025, 10, 16), to: local(2026, 10, 16) });
    expect(presetRange({ preset: 'custom', custom: { first: new Date(2026, 10, 2, 10).getTime(), last: local(2026, 10, 4) } }, now)).toEqual({
      from: local(2026, 10, 2),
      to: local(2026, 10, 5),
    });
  });

  it('asks for a product or channel comparison only with two different sides', () => {
    expect(compareOf({ ...defaultChoice, compare: 'product', products: ['Pro', null] })).toEqual({ kind: 'none' });
    expect(compareOf({ ...defaultChoice, compare: 'product', products: ['Pro', 'Pro'] })).toEqual({ kind: 'none' });
    expect(compareOf({ ...defaultChoice, compare: 'product', products: ['Pro', 'Lite'] })).toEqual({ kind: 'product', a: 'Pro', b: 'Lite' });
    expect(compareOf({ ...defaultChoice, compare: 'channel', channels: ['email', 'chat'] })).toEqual({ kind: 'channel', a: 'email', b: 'chat' });
    expect(compareOf({ ...defaultChoice, compare: 'year' })).toEqual({ kind: 'year' });
  });

  it('passes the zone and only the filters that narrow', () => {
    const scope = scopeOf({ ...defaultChoice, preset: 'last7', filter: { channel: [], vip: true, tags: ['Refunds'] } }, now, 'Europe/Berlin');
    expect(scope).toEqual({
      from: local(2026, 10, 9),
      to: local(2026, 10, 16),
      timeZone: 'Europe/Berlin',
      compare: { kind: 'previous' },
      filter: { vip: true, tags: ['Refunds'] },
    });
  });
});

