/**
 * Team-lead reports.
 * - report_aggregates_ms: `reports.run` through the real core over every item of the bench
 *   store (the generator's whole year, weekly buckets, compared with the year before, which
 *   is empty), median of 3 after a warm-up. Every figure: the scan, topics, escalations,
 *   AI quality, emerging terms, insights. The breakdown by part is in details.reports.
 * - report_html_ms: the report's tables and its self-contained HTML with inline SVG charts.
 * - report_pdf_ms: that HTML printed to A4 PDF by the local Chromium (playwright-core),
 *   the browser already started, as a scheduled export or the CLI prints a second report.
 * - export_rows_per_s: every item as per-conversation CSV rows (fields, tags, topics,
 *   escalation, SLA times), formula-safe, written to a file, on one core.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../src/main/core/index';
import { findChromium, chromiumPrinter } from '../../src/main/core/reports/pdf';
import { writeConversationRows } from '../../src/main/core/reports/rows';
import { renderReportHtml } from '../../src/shared/reports/html';
import type { Report } from '../../src/shared/reports/schema';
import { reportTables } from '../../src/shared/reports/tables';
import { invokeOk, type BenchContext } from '../lib/context';
import { benchGenerator } from '../lib/items';
import { openStoreDb, type BenchStore } from '../lib/stores';
import { median } from '../lib/stats';

const RUNS = 3;

export async function measureReports(ctx: BenchContext, core: Core, store: BenchStore): Promise<void> {
  const gen = benchGenerator(ctx.n);
  const scope = { from: gen.start, to: gen.end + 1, timeZone: 'Europe/Berlin', compare: { kind: 'year' } };
  const run = async (): Promise<[Report, number]> => {
    const t0 = performance.now();
    const report = await invokeOk<Report>(core, 'reports.run', scope);
    return [report, performance.now() - t0];
  };
  let [report] = await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const [r, ms] = await run();
    report = r;
    times.push(ms);
  }
  const quickTarget = ctx.n <= 100_000 ? '<= 150' : '<= 1000';
  ctx.figures.set('report_aggregates_ms', median(times), 'ms', quickTarget, `reports.run over all ${report.primary.total.toLocaleString('en-US')} items of the store (a year, ${report.scope.granularity} buckets, year-earlier comparison), median of ${RUNS}`);

  const htmlTimes: number[] = [];
  let html = '';
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    html = renderReportHtml(report, { basis: 'business', tables: reportTables(report, 'business') });
    htmlTimes.push(performance.now() - t0);
  }
  ctx.figures.set('report_html_ms', median(htmlTimes), 'ms', '<= 2000', `tables and self-contained HTML with inline SVG charts (${Math.round(html.length / 1024)} KB), median of ${RUNS}`);

  const chromium = findChromium();
  if (chromium) {
    const printer = chromiumPrinter(chromium);
    try {
      await printer(html);
      const pdfTimes: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        bytes = (await printer(html)).byteLength;
        pdfTimes.push(performance.now() - t0);
      }
      ctx.figures.set('report_pdf_ms', median(pdfTimes), 'ms', '<= 5000', `that HTML to A4 PDF in ${chromium} (browser started), ${Math.round(bytes / 1024)} KB, median of ${RUNS}`);
    } finally {
      await printer.close();
    }
  } else {
    ctx.notes.push('report_pdf_ms: no Chromium or Chrome found; not measured');
  }

  const db = openStoreDb(store);
  try {
    const out = join(ctx.workDir, 'rows.csv');
    const t0 = performance.now();
    const count = await writeConversationRows(db, {}, 'csv', out, { timeZone: 'Europe/Berlin' });
    const ms = performance.now() - t0;
    ctx.figures.set('export_rows_per_s', (count / ms) * 1000, 'rows/s', '>= 100000', `${count.toLocaleString('en-US')} per-conversation rows as formula-safe CSV (${Math.round(statSync(out).size / 1048576)} MB), one core`);
    ctx.details.reports = { aggregatesMs: times, htmlMs: htmlTimes, rows: { count, ms } };
  } finally {
    db.close();
  }
}
