/**
 * Renders a report to /tmp/report-preview.html and .pdf (and a 1440-wide screenshot of the
 * HTML), to look at the export by eye: `npx tsx scripts/report-preview.ts [--small|--demo] [--empty] [--no-ai]`,
 * then `pdftoppm -png -r 80 /tmp/report-preview.pdf /tmp/report-page`. The default report is
 * a month of made-up figures against the month before; --small is the tests' fixture; --demo
 * is the demo inbox's last 30 days, built by a real core on a temporary store.
 */
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumPrinter, findChromium } from '../src/main/core/reports/pdf';
import { channels } from '../src/shared/domain';
import { renderReportHtml } from '../src/shared/reports/html';
import type { PeriodFigures, Report } from '../src/shared/reports/schema';
import { reportTables } from '../src/shared/reports/tables';
import { NoSecretStore } from '../src/main/core/secrets';
import { call } from '../test/helpers/results';
import { makeTempCore } from '../test/support/core';
import { sampleReport } from '../test/support/report-fixture';

const DAY = 86_400_000;
const H = 3_600_000;

/** A small deterministic generator, so the preview looks the same on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function month(from: number, days: number, seed: number, label: string, scale: number): PeriodFigures {
  const base = sampleReport().primary;
  const r = random(seed);
  const starts = Array.from({ length: days }, (_, i) => from + i * DAY);
  const labels = starts.map((t) => new Date(t + 12 * H).toISOString().slice(0, 10));
  const weekday = (i: number): number => ([0, 6].includes(new Date(starts[i]! + 12 * H).getUTCDay()) ? 0.45 : 1);
  const shape = { email: 22, chat: 14, survey: 3, review: 4, social: 5 } as const;
  const volumeByChannel = Object.fromEntries(channels.map((ch) => [ch, starts.map((_, i) => Math.round(shape[ch] * scale * weekday(i) * (0.7 + r() * 0.6)))])) as PeriodFigures['series']['volumeByChannel'];
  const totals = starts.map((_, i) => channels.reduce((a, ch) => a + (volumeByChannel[ch]?.[i] ?? 0), 0));
  const negative = totals.map((t) => Math.round(t * (0.18 + r() * 0.12)));
  const positive = totals.map((t, i) => Math.round((t - negative[i]!) * (0.35 + r() * 0.1)));
  const unknown = totals.map((t) => Math.round(t * 0.03 * r()));
  const neutral = totals.map((t, i) => t - negative[i]! - positive[i]! - unknown[i]!);
  const total = totals.reduce((a, b) => a + b, 0);
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  let open = 140;
  const backlog = totals.map((t) => (open = Math.max(20, Math.round(open + t * 0.08 - 6 * r()))));
  const topicNames = ['Refunds', 'Shipping delays', 'Login problems', 'Billing', 'App crashes', 'Order changes', 'Product quality', 'Account deletion', 'Discount codes', 'Delivery address', 'Gift cards', 'Returns <portal>'];
  const topics = topicNames.map((name, i) => ({ name, count: Math.round((total / (i + 2.2)) * (0.6 + r() * 0.5)) })).sort((a, b) => b.count - a.count);
  const agents = ['Ana Lima', 'Ben Ode', 'Chiara Rossi', 'Dmitri Ivanov', 'Eun-ji Park', 'Farah Haddad', null].map((agent, i) => ({
    ...base.agents[0]!,
    agent,
    assigned: Math.round((total / 7) * (agent === null ? 0.5 : 0.8 + r() * 0.5)),
    resolved: Math.round((total / 7) * (0.6 + r() * 0.3)),
    escalated: Math.round(3 + r() * 6 + i),
  }));
  const met = Math.round(total * (0.78 + r() * 0.12));
  return {
    ...base,
    label,
    from,
    to: from + days * DAY,
    total,
    byChannel: Object.fromEntries(channels.map((ch) => [ch, sum(volumeByChannel[ch] ?? [])])) as PeriodFigures['byChannel'],
    bySentiment: { negative: sum(negative), neutral: sum(neutral), positive: sum(positive), unknown: sum(unknown) },
    series: { starts, end: from + days * DAY, labels, volumeByChannel, sentiment: { negative, neutral, positive, unknown }, escalated: totals.map((t) => Math.round(t * 0.06)), backlog },
    topics,
    escalation: {
      escalated: Math.round(total * 0.07),
      rate: 0.07 + r() * 0.02,
      byTarget: [
        { name: 'Billing team', count: 31 },
        { name: 'Tier 2', count: 24 },
      ],
      byReason: [
        { name: 'Angry VIP customer', count: Math.round(20 + r() * 10) },
        { name: 'Refund over €500', count: Math.round(12 + r() * 8) },
        { name: 'Legal threat', count: Math.round(3 + r() * 3) },
        { name: 'Outage keywords', count: Math.round(6 + r() * 6) },
      ],
    },
    firstResponse: { business: { count: total, median: (2 + r() * 2) * H, p90: (9 + r() * 4) * H, mean: 4 * H }, calendar: { count: total, median: (5 + r() * 3) * H, p90: 2.2 * DAY, mean: 9 * H } },
    resolution: { business: { count: total, median: (11 + r() * 6) * H, p90: (30 + r() * 8) * H, mean: 14 * H }, calendar: { count: total, median: 1.6 * DAY, p90: 4.1 * DAY, mean: 2 * DAY } },
    sla: { firstResponse: { met, breached: total - met, rate: met / total }, resolution: { met: Math.round(met * 0.9), breached: total - Math.round(met * 0.9), rate: Math.round(met * 0.9) / total } },
    backlog: { atStart: 140, atEnd: backlog[backlog.length - 1] ?? 0 },
    agents,
    repeat: { ...base.repeat, customers: Math.round(total * 0.8), repeatItems: Math.round(total * 0.11), rate: 0.11 + r() * 0.03 },
  };
}

function monthReport(): Report {
  const from = Date.UTC(2026, 9, 31, 23);
  const prev = Date.UTC(2026, 9, 1, 22);
  const primary = month(from, 30, 7, 'November 2026', 1.15);
  const comparison = month(prev, 30, 11, 'October 2026', 1);
  const sample = sampleReport();
  return {
    ...sample,
    scope: { ...sample.scope, from, to: from + 30 * DAY, compare: { kind: 'previous' }, filter: { channel: ['email', 'chat', 'review', 'social', 'survey'], product: ['Hearken Cloud'] } },
    generatedAt: from + 30 * DAY + 7 * H,
    primary,
    comparison,
    emerging: {
      terms: [
        { term: 'double charge', recent: 38, previous: 4, llr: 41.2, ratio: 8.1 },
        { term: 'tracking link', recent: 27, previous: 9, llr: 12.5, ratio: 2.9 },
        { term: 'dark mode', recent: 12, previous: 2, llr: 9.1, ratio: 5.2 },
      ],
      sampled: { recent: primary.total, previous: comparison.total },
    },
    insights: [
      { kind: 'significant', text: 'Refund questions rose from 12.4 % to 17.9 % of items.', metric: 'topic:Refunds', current: { count: 331, base: 1849 }, previous: { count: 197, base: 1589 }, pValue: 0.00002, drill: {} },
      { kind: 'significant', text: 'Negative sentiment on chat rose from 19.0 % to 24.8 %.', metric: 'sentiment:negative', current: { count: 127, base: 512 }, previous: { count: 84, base: 442 }, pValue: 0.012, drill: {} },
      { kind: 'mover', text: 'Shipping delays fell by 61 items, the largest drop of any topic.', metric: 'topic:Shipping delays', current: { count: 204, base: 1849 }, previous: { count: 265, base: 1589 }, pValue: null, drill: {} },
      { kind: 'emerging', text: '“double charge” appears in 38 recent items, against 4 before.', metric: 'term:double charge', current: { count: 38, base: 1849 }, previous: { count: 4, base: 1589 }, pValue: null, drill: {} },
    ],
  };
}

/** The demo inbox's last 30 days in Berlin against the 30 before, from a real store. */
async function demoReport(): Promise<Report> {
  const now = Date.parse('2026-11-30T05:30:00Z');
  const temp = await makeTempCore({ secrets: new NoSecretStore(), core: { clock: () => now } });
  try {
    await call(temp.core, 'store.create', { passphrase: 'report preview passphrase' });
    await call(temp.core, 'demo.load', {});
    return await call(temp.core, 'reports.run', { from: Date.parse('2026-10-30T23:00:00Z'), to: Date.parse('2026-11-29T23:00:00Z'), timeZone: 'Europe/Berlin', compare: { kind: 'previous' } });
  } finally {
    await temp.cleanup();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const report = args.includes('--small') ? sampleReport() : args.includes('--demo') ? await demoReport() : monthReport();
  if (args.includes('--empty')) {
    report.primary = { ...report.primary, total: 0, topics: [], agents: [], series: { ...report.primary.series, volumeByChannel: { email: [0, 0, 0], chat: [0, 0, 0], survey: [0, 0, 0], review: [0, 0, 0], social: [0, 0, 0] }, sentiment: { negative: [0, 0, 0], neutral: [0, 0, 0], positive: [0, 0, 0], unknown: [0, 0, 0] }, backlog: [0, 0, 0] } };
    report.insights = [];
  }
  const basis = 'business' as const;
  const aiSummary = args.includes('--no-ai')
    ? undefined
    : { model: 'llama-3.1-8b-instruct (local)', text: 'November was busier than October (+16 %), mostly through e-mail. Refund questions grew the most, driven by a double-charge problem reported from 12 November on.\n\nReplies were faster and SLA attainment held, but the backlog ended the month higher than it started.' };
  const html = renderReportHtml(report, { basis, tables: reportTables(report, basis), title: 'Customer feedback, November', ...(aiSummary ? { aiSummary } : {}) });
  writeFileSync('/tmp/report-preview.html', html);
  const path = findChromium();
  if (!path) throw new Error('No Chromium found');
  const printer = chromiumPrinter(path);
  try {
    writeFileSync('/tmp/report-preview.pdf', await printer(html));
  } finally {
    await printer.close();
  }
  const browser = await chromium.launch({ executablePath: path, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, javaScriptEnabled: false });
    await page.setContent(html);
    await page.screenshot({ path: '/tmp/report-preview-1440.png', fullPage: true });
    await page.screenshot({ path: '/tmp/report-preview-1440-top.png' });
    const charts = await page.locator('#customers').boundingBox();
    if (charts) await page.screenshot({ path: '/tmp/report-preview-1440-charts.png', fullPage: true, clip: { x: 0, y: charts.y, width: 1440, height: 900 } });
  } finally {
    await browser.close();
  }
  console.log('Wrote /tmp/report-preview.html, /tmp/report-preview.pdf, /tmp/report-preview-1440.png');
}

void main();
