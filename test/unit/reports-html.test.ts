import { describe, expect, it } from 'vitest';
import { formatCell, formatDuration, formatPercent } from '../../src/shared/reports/format';
import { renderReportHtml } from '../../src/shared/reports/html';
import type { Report } from '../../src/shared/reports/schema';
import { cellTypeAt, reportTables } from '../../src/shared/reports/tables';
import { sampleReport } from '../support/report-fixture';

const unescape = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? _);

/** Every table the page carries: its name, and per row the raw data-value of each cell, parsed. */
function tablesIn(html: string): Map<string, unknown[][]> {
  const out = new Map<string, unknown[][]>();
  for (const section of html.matchAll(/<section class="table-block[^"]*" data-table="([^"]+)">([\s\S]*?)<\/section>/g)) {
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(section[2] ?? '')?.[1] ?? '';
    const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...(row[1] ?? '').matchAll(/data-value="([^"]*)"/g)].map((cell) => JSON.parse(unescape(cell[1] ?? '')) as unknown));
    out.set(unescape(section[1] ?? ''), rows);
  }
  return out;
}

function emptyReport(): Report {
  const report = sampleReport({ comparison: false });
  const zeros = [0, 0, 0];
  const p = report.primary;
  report.primary = {
    ...p,
    total: 0,
    byChannel: { email: 0, chat: 0, survey: 0, review: 0, social: 0 },
    bySentiment: { negative: 0, neutral: 0, positive: 0, unknown: 0 },
    series: { ...p.series, volumeByChannel: { email: zeros, chat: zeros, survey: zeros, review: zeros, social: zeros }, sentiment: { negative: zeros, neutral: zeros, positive: zeros, unknown: zeros }, escalated: zeros, backlog: zeros },
    topics: [],
    agents: [],
    escalation: { escalated: 0, rate: null, byTarget: [], byReason: [] },
    firstResponse: { business: { count: 0, median: null, p90: null, mean: null }, calendar: { count: 0, median: null, p90: null, mean: null } },
    resolution: { business: { count: 0, median: null, p90: null, mean: null }, calendar: { count: 0, median: null, p90: null, mean: null } },
    sla: { firstResponse: { met: 0, breached: 0, rate: null }, resolution: { met: 0, breached: 0, rate: null } },
  };
  report.primary.ai = { ...p.ai, drafts: { unchanged: 0, edited: 0, discarded: 0, medianEditDistance: null, meanEditDistance: null }, overrides: { byLanguage: [], byChannel: [] } };
  report.insights = [];
  report.emerging = { terms: [], sampled: { recent: 0, previous: 0 } };
  return report;
}

/** Every real tag's attribute names (quoted values dropped, so escaped text inside them cannot count). */
function attributeNames(html: string): string[] {
  return [...html.matchAll(/<[a-z][^>]*>/gi)].flatMap((tag) => [...tag[0].replace(/"[^"]*"/g, '""').matchAll(/\s([a-z-:]+)=/gi)].map((m) => (m[1] ?? '').toLowerCase()));
}

const render = (report: Report, extra: Partial<Parameters<typeof renderReportHtml>[1]> = {}): string =>
  renderReportHtml(report, { basis: 'business', tables: reportTables(report, 'business'), ...extra });

describe('renderReportHtml', () => {
  it('is one self-contained page: no script, no URL to fetch, no import', () => {
    const html = render(sampleReport(), { aiSummary: { text: 'Busier than before.', model: 'local-model' } });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    const attributes = new Set(attributeNames(html));
    // The parse sees the attributes there are, so the absences below mean something.
    for (const name of ['data-value', 'role', 'aria-label', 'viewbox', 'class']) expect(attributes.has(name), name).toBe(true);
    for (const name of ['src', 'href', 'xlink:href', 'srcset', 'action', 'poster', 'background']) expect(attributes.has(name), name).toBe(false);
    expect([...attributes].filter((name) => name.startsWith('on'))).toEqual([]);
    expect(html).not.toMatch(/<(link|iframe|object|embed|img|base|meta http-equiv="refresh")/i);
    expect(html).not.toMatch(/@import/i);
    // url( only as data:, and here not at all.
    expect([...html.matchAll(/url\(\s*['"]?([^'")]*)/gi)].filter((m) => !(m[1] ?? '').startsWith('data:'))).toEqual([]);
    // The only "//" outside text a reader sees would be a protocol-relative address.
    expect(html).not.toMatch(/=["']?\/\//);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('draws every chart as inline SVG with an accessible name', () => {
    const html = render(sampleReport());
    const svgs = html.match(/<svg [^>]*>/g) ?? [];
    // Volume, sentiment, topics, emerging terms, response times, SLA, backlog, escalation reasons,
    // AI drafts, corrections by language, agents.
    expect(svgs).toHaveLength(11);
    for (const svg of svgs) {
      expect(svg).toContain('role="img"');
      expect(svg).toMatch(/aria-label="[^"]+"/);
    }
    expect(html.match(/<figure class="chart-block">/g)).toHaveLength(11);
  });

  it('gives every table cell its raw value, the same as the report tables', () => {
    const report = sampleReport();
    const tables = reportTables(report, 'business');
    const found = tablesIn(render(report));
    expect([...found.keys()]).toEqual(tables.map((t) => t.name));
    for (const table of tables) {
      const expected = table.rows.map((row) => table.columns.map((col) => row[col.key] ?? null));
      expect(found.get(table.name), table.name).toEqual(expected);
    }
    // Spot checks against the fixture's own numbers, so the comparison above is not vacuous.
    expect(found.get('summary')?.[0]?.[1]).toBe(10);
    expect(found.get('summary')?.[2]?.[1]).toBe(0.2);
  });

  it('formats cells by type: percent 0.0 %, durations in h and min or days, dates in the report zone', () => {
    const report = sampleReport();
    const html = render(report);
    expect(html).toContain('>20.0 %<');
    expect(html).toContain('>83.3 %<');
    expect(formatPercent(5 / 6)).toBe('83.3 %');
    expect(formatDuration(12_000_000)).toBe('3 h 20 min');
    expect(formatDuration(181_440_000)).toBe('2.1 d');
    expect(formatDuration(3_600_000)).toBe('1 h');
    expect(formatDuration(-2_160_000)).toBe('−36 min');
    expect(formatDuration(30_000)).toBe('< 1 min');
    // 2026-11-01 23:00 UTC is 2 Nov in Berlin.
    expect(formatCell(report.scope.from, 'date', 'Europe/Berlin')).toBe('2 Nov 2026');
    expect(formatCell(report.scope.from, 'date', 'UTC')).toBe('1 Nov 2026');
    expect(html).toContain('<h1>Feedback report</h1>');
    expect(html).toContain('2 Nov 2026 – 4 Nov 2026');
    // Each displayed cell is its value formatted by its type, nothing else.
    const tables = reportTables(report, 'business');
    const summary = tables[0]!;
    const typed = summary.rows.map((row, i) => summary.columns.map((col) => formatCell(row[col.key] ?? null, cellTypeAt(summary, col, i), 'Europe/Berlin')));
    for (const text of typed.flat()) expect(html).toContain(`>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}<`);
  });

  it('escapes text from the store wherever it appears', () => {
    const report = sampleReport();
    const hostile = '<img src=x onerror="alert(1)">';
    report.primary.topics = [{ name: hostile, count: 4 }, ...report.primary.topics];
    report.primary.agents = [{ ...report.primary.agents[0]!, agent: `</text><script>alert(2)</script>` }];
    report.insights = [{ ...report.insights[0]!, text: `Topic ${hostile} rose` }];
    report.scope.filter = { query: '"><svg onload=alert(3)>' };
    const html = render(report, { title: '<b>Q4</b>', aiSummary: { text: '<script>alert(4)</script>', model: '<i>m</i>' } });
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<svg onload/i);
    expect(html).not.toContain('<b>Q4</b>');
    expect(html).not.toContain('<i>m</i>');
    expect(attributeNames(html).filter((name) => name.startsWith('on') || name === 'src')).toEqual([]);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).toContain('<title>&lt;b&gt;Q4&lt;/b&gt; · 2 Nov 2026 – 4 Nov 2026</title>');
  });

  it('marks an AI summary as AI-written, and has no such block without one', () => {
    const withSummary = render(sampleReport(), { aiSummary: { text: 'First paragraph.\n\nSecond one.', model: 'llama-3.1' } });
    expect(withSummary).toContain('AI-written · check before sharing');
    expect(withSummary).toContain('<p>First paragraph.</p><p>Second one.</p>');
    expect(withSummary).toContain('Written by llama-3.1');
    const without = render(sampleReport());
    expect(without).not.toContain('AI-written');
  });

  it('renders an empty period with words where the charts would be', () => {
    const html = render(emptyReport());
    expect(html).toContain('No items in this period');
    expect(html).toContain('No topics in this period');
    expect(html).toContain('No changes stood out in this period.');
    // The eight charts every report has; emerging terms and the AI charts only with something in them.
    expect(html.match(/<svg /g)?.length).toBe(8);
    expect(html).not.toContain('NaN');
    expect(html).not.toContain('Infinity');
    expect(html).not.toContain('undefined');
  });

  it('shows changes against the comparison with an arrow and words, colour only as a second cue', () => {
    const html = render(sampleReport());
    expect(html).toContain('Key figures, against Previous period');
    // Items 10 against 8: up 2 (25.0 %), neither good nor bad.
    expect(html).toContain('<div class="change"><span class="arrow" aria-hidden="true">▲</span> <span class="sr">up</span> 2 (25.0 %) <span class="was">vs 8</span></div>');
    // Negative share 40 % against 25 %: up, and bad.
    expect(html).toContain('<div class="change bad"><span class="arrow" aria-hidden="true">▲</span> <span class="sr">up</span> 15.0 pts <span class="was">vs 25.0 %</span></div>');
    const none = render(sampleReport({ comparison: false }));
    expect(none).not.toContain('class="change');
    expect(none).toContain('No comparison');
  });

  it('names the calendar time under a business-hours median, since a reply at night counts 0 business minutes', () => {
    const report = sampleReport();
    const business = render(report);
    expect(business).toContain(`<div class="note">${formatDuration(report.primary.firstResponse.calendar.median)} in calendar time</div>`);
    expect(business).toContain(`<div class="note">${formatDuration(report.primary.resolution.calendar.median)} in calendar time</div>`);
    expect(render(report, { basis: 'calendar' })).not.toContain('<div class="note">');
  });
});
