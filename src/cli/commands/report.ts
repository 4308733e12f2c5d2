/**
 * `hearken report`: a team-lead report for local dates, written as PDF, HTML, XLSX or a
 * folder of CSV tables, printed as JSON (the figures every file carries), or summarised.
 * Dates are the store's local dates (the SLA calendar's zone, or --time-zone); --to is
 * inclusive. Usage mistakes exit 2 before the store is opened.
 */
import { CommanderError } from 'commander';
import { mkdirSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { channels, type Channel } from '../../shared/domain';
import { checkTimeZone } from '../../shared/escalation/calendar';
import { formatDuration, formatInt, formatPercent } from '../../shared/reports/format';
import { localDatesToPeriod, parseLocalDate, type LocalDate } from '../../shared/reports/schedule';
import { MAX_REPORT_SPAN_MS, reportFormats, type Report, type ReportCompare, type ReportFormat, type ReportScopeInput } from '../../shared/reports/schema';
import { chromiumPrinter, findChromium } from '../../main/core/reports/pdf';
import type { PrintToPdf } from '../../main/core/reports/seams';
import { printJson } from '../output';
import type { CliSession } from '../session';

export interface ReportOptions {
  from: string;
  to: string;
  compare?: string;
  format?: string;
  out?: string;
  json?: boolean;
  calendarTime?: boolean;
  chromium?: string;
  timeZone?: string;
  channel?: string[];
  product?: string[];
}

/** A usage mistake: said on stderr, exit 2 (main maps a CommanderError to 2). */
export function usageError(message: string): CommanderError {
  process.stderr.write(`hearken: ${message}\n`);
  return new CommanderError(2, 'hearken.usage', message);
}

/** What the command will do, checked before any store is opened. */
export interface ReportPlan {
  from: LocalDate;
  to: LocalDate;
  compare: ReportCompare;
  format: ReportFormat | null;
  out: string | null;
  channels: Channel[];
  products: string[];
}

export function planReport(opts: ReportOptions): ReportPlan {
  const from = parseLocalDate(opts.from);
  if (!from) throw usageError(`--from "${opts.from}" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-01.`);
  const to = parseLocalDate(opts.to);
  if (!to) throw usageError(`--to "${opts.to}" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-30.`);
  const day = (d: LocalDate): number => Date.UTC(d.year, d.month - 1, d.day);
  if (day(to) < day(from)) throw usageError(`--to (${opts.to}) is before --from (${opts.from}); --to is the last day the report covers.`);
  if (day(to) - day(from) >= MAX_REPORT_SPAN_MS) throw usageError('A report covers at most twenty years; choose a shorter period.');
  if (opts.timeZone !== undefined) {
    try {
      checkTimeZone(opts.timeZone);
    } catch (error) {
      throw usageError((error as Error).message);
    }
  }
  const picked = (opts.channel ?? []).map((c) => c.trim().toLowerCase());
  for (const c of picked) if (!(channels as readonly string[]).includes(c)) throw usageError(`--channel "${c}" is not a channel; channels: ${channels.join(', ')}.`);

  const out = opts.out === undefined ? null : resolve(opts.out);
  let format: ReportFormat | null = null;
  if (opts.format !== undefined) {
    if (!(reportFormats as readonly string[]).includes(opts.format)) throw usageError(`--format must be one of ${reportFormats.join(', ')}; not "${opts.format}".`);
    format = opts.format as ReportFormat;
  } else if (out !== null) {
    const ext = extname(out).slice(1).toLowerCase();
    if (!(reportFormats as readonly string[]).includes(ext) || ext === 'csv') throw usageError('Say which file to write with --format pdf, html, xlsx or csv (csv writes a folder of tables).');
    format = ext as ReportFormat;
  }
  if (format !== null && out === null) throw usageError(`--format ${format} needs --out: the ${format === 'csv' ? 'folder' : 'file'} to write.`);
  return { from, to, compare: parseCompare(opts.compare), format, out, channels: picked as Channel[], products: opts.product ?? [] };
}

/** previous | year | product:A,B | channel:A,B */
export function parseCompare(text: string | undefined): ReportCompare {
  if (text === undefined || text === 'none') return { kind: 'none' };
  if (text === 'previous' || text === 'year') return { kind: text };
  const m = /^(product|channel):(.+)$/.exec(text);
  const parts = m ? m[2]!.split(',').map((p) => p.trim()) : [];
  if (!m || parts.length !== 2 || parts.some((p) => p.length === 0)) {
    throw usageError(`--compare "${text}" is not a comparison; use previous, year, product:A,B or channel:A,B (e.g. channel:email,chat).`);
  }
  const [a, b] = parts as [string, string];
  if (m[1] === 'product') return { kind: 'product', a, b };
  for (const c of [a, b]) if (!(channels as readonly string[]).includes(c)) throw usageError(`--compare channel:${a},${b}: "${c}" is not a channel; channels: ${channels.join(', ')}.`);
  return { kind: 'channel', a: a as Channel, b: b as Channel };
}

const NO_CHROMIUM = 'No Chromium or Chrome found for PDF. Install one or pass --chromium PATH; --format html writes the same report.';

/** The printer for --format pdf; null (after saying why) when there is no browser. */
export function pdfPrinter(plan: ReportPlan, opts: ReportOptions): (PrintToPdf & { close(): Promise<void> }) | null | undefined {
  if (plan.format !== 'pdf') return undefined;
  const path = findChromium(opts.chromium);
  if (!path) {
    process.stderr.write(`hearken: ${NO_CHROMIUM}\n`);
    return null;
  }
  return chromiumPrinter(path);
}

export async function report(session: CliSession, plan: ReportPlan, opts: ReportOptions): Promise<void> {
  await session.unlock();
  const timeZone = opts.timeZone ?? (await session.call('sla.get', {})).calendar.timeZone;
  const period = localDatesToPeriod(plan.from, plan.to, timeZone);
  const filter: NonNullable<ReportScopeInput['filter']> = {};
  if (plan.channels.length > 0) filter.channel = plan.channels;
  if (plan.products.length > 0) filter.product = plan.products;
  const scope: ReportScopeInput = { ...period, timeZone, compare: plan.compare, filter };
  const basis = opts.calendarTime ? 'calendar' : undefined;

  if (plan.format !== null && plan.out !== null) {
    mkdirSync(plan.format === 'csv' ? plan.out : dirname(plan.out), { recursive: true });
    const grant = await session.grant(plan.out, plan.format === 'csv' ? 'write-folder' : 'write');
    const written = await session.call('reports.export', { scope, format: plan.format, grant, ...(basis ? { basis } : {}) });
    const what = plan.format === 'csv' ? `${written.files.length} CSV tables to ${plan.out}` : `the report (${plan.format.toUpperCase()}) to ${plan.out}`;
    // With --json, stdout is the report alone.
    (opts.json ? process.stderr : process.stdout).write(`Wrote ${what}.\n`);
  }
  if (opts.json) {
    const figures = await session.call('reports.run', scope);
    printJson(opts.calendarTime ? { ...figures, businessHours: false } : figures);
  } else if (plan.out === null) {
    printSummary(await session.call('reports.run', scope), opts.calendarTime === true);
  }
}

function printSummary(r: Report, calendar: boolean): void {
  const p = r.primary;
  const c = r.comparison;
  const basis = calendar ? 'calendar' : r.businessHours ? 'business' : 'calendar';
  const pair = (now: string, before: string | undefined): string => (before === undefined ? now : `${now.padStart(10)}   (${before})`);
  const lines: string[] = [];
  lines.push(`Report ${p.label}${c ? `, against ${c.label}` : ''} (${r.scope.timeZone})`);
  lines.push('');
  lines.push(`Items                ${pair(formatInt(p.total), c ? formatInt(c.total) : undefined)}`);
  lines.push(`Negative             ${pair(formatPercent(p.total ? p.bySentiment.negative / p.total : null), c ? formatPercent(c.total ? c.bySentiment.negative / c.total : null) : undefined)}`);
  lines.push(`Escalated            ${pair(formatPercent(p.escalation.rate), c ? formatPercent(c.escalation.rate) : undefined)}`);
  lines.push(`First reply, median  ${pair(formatDuration(p.firstResponse[basis].median), c ? formatDuration(c.firstResponse[basis].median) : undefined)}  ${basis} time`);
  lines.push(`Resolution, median   ${pair(formatDuration(p.resolution[basis].median), c ? formatDuration(c.resolution[basis].median) : undefined)}`);
  lines.push(`SLA first reply met  ${pair(formatPercent(p.sla.firstResponse.rate), c ? formatPercent(c.sla.firstResponse.rate) : undefined)}`);
  lines.push(`Backlog at end       ${pair(formatInt(p.backlog.atEnd), c ? formatInt(c.backlog.atEnd) : undefined)}`);
  lines.push(`Repeat contacts      ${pair(formatPercent(p.repeat.rate), c ? formatPercent(c.repeat.rate) : undefined)}`);
  lines.push('');
  lines.push('By channel');
  for (const [channel, n] of Object.entries(p.byChannel)) if (n > 0) lines.push(`  ${channel.padEnd(18)} ${formatInt(n).padStart(8)}`);
  if (p.topics.length > 0) {
    lines.push('Top topics');
    for (const t of p.topics.slice(0, 10)) lines.push(`  ${t.name.slice(0, 30).padEnd(30)} ${formatInt(t.count).padStart(8)}`);
  }
  if (r.insights.length > 0) {
    lines.push('Insights');
    for (const i of r.insights.slice(0, 8)) lines.push(`  • ${i.text}`);
  }
  lines.push('');
  process.stdout.write(lines.join('\n'));
}
