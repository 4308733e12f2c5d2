/**
 * The HTML report's text parts: the masthead (period, comparison, scope), the key-figure
 * cards, the insights, the AI-written summary and the tables. Every string from the store
 * (topic names, agents, filters, the summary) is escaped here.
 */
import { channelLabels } from '../domain';
import { EMPTY, formatCell, formatDateTime, formatDuration, formatInt, formatPercent, formatPeriod } from './format';
import type { ReportTable } from './item';
import type { Insight, PeriodFigures, Report, ReportFilter, TimeBasis } from './schema';
import { esc } from './svg-kit';
import { cellTypeAt } from './tables';

type Basis = TimeBasis;

export function compareText(report: Report): string {
  const c = report.comparison;
  const compare = report.scope.compare;
  const when = c ? ` (${formatPeriod(c.from, c.to, report.scope.timeZone)})` : '';
  switch (compare.kind) {
    case 'none':
      return 'No comparison';
    case 'previous':
      return `The period before${when}`;
    case 'year':
      return `The same dates a year earlier${when}`;
    case 'product':
      return `Product ${compare.a} against product ${compare.b}, same period`;
    case 'channel':
      return `${channelLabels[compare.a]} against ${channelLabels[compare.b]}, same period`;
  }
}

export function filterText(filter: ReportFilter): string {
  const parts: string[] = [];
  const list = (name: string, values: readonly string[] | undefined): void => {
    if (values && values.length > 0) parts.push(`${name}: ${values.join(', ')}`);
  };
  list('Status', filter.status);
  list('Sentiment', filter.sentiment);
  list('Channel', filter.channel?.map((c) => channelLabels[c]));
  list('Tags', filter.tags);
  list('Product', filter.product);
  list('Language', filter.language);
  list('Assignee', filter.assignee);
  if (filter.escalated !== undefined) parts.push(filter.escalated ? 'Escalated only' : 'Not escalated');
  if (filter.vip !== undefined) parts.push(filter.vip ? 'VIP customers only' : 'Non-VIP customers');
  if (filter.query) parts.push(`Text contains “${filter.query}”`);
  return parts.length > 0 ? parts.join(' · ') : 'All items';
}

export function mastheadHtml(report: Report, title: string, basis: Basis): string {
  const zone = report.scope.timeZone;
  const rows: [string, string][] = [
    ['Compared with', compareText(report)],
    ['Scope', filterText(report.scope.filter)],
    ['Times', basis === 'business' ? 'Business hours, from the SLA calendar' : 'Calendar time (around the clock)'],
    ['Generated', `${formatDateTime(report.generatedAt, zone)} (${zone})`],
  ];
  return (
    `<header class="masthead"><div class="eyebrow">Hearken · Team-lead report</div><h1>${esc(title)}</h1>` +
    `<div class="period">${esc(formatPeriod(report.scope.from, report.scope.to, zone))}</div>` +
    `<dl class="meta">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl></header>`
  );
}

/** Which way is better for a figure: up, down, or neither (volume is not good or bad). */
type Polarity = 'up' | 'down' | 'neither';
interface Figure {
  label: string;
  kind: 'int' | 'percent' | 'duration';
  polarity: Polarity;
  get(f: PeriodFigures): number | null;
  /** Business-hour durations also name the calendar time: a reply at night is 0 business minutes. */
  calendar?(f: PeriodFigures): number | null;
}

function figures(basis: Basis): Figure[] {
  const share = (a: number, b: number): number | null => (b === 0 ? null : a / b);
  return [
    { label: 'Items received', kind: 'int', polarity: 'neither', get: (f) => f.total },
    { label: 'Negative share', kind: 'percent', polarity: 'down', get: (f) => share(f.bySentiment.negative, f.total) },
    { label: 'Escalation rate', kind: 'percent', polarity: 'down', get: (f) => f.escalation.rate },
    { label: 'Repeat contacts', kind: 'percent', polarity: 'down', get: (f) => f.repeat.rate },
    { label: 'Median first response', kind: 'duration', polarity: 'down', get: (f) => f.firstResponse[basis].median, ...(basis === 'business' ? { calendar: (f: PeriodFigures) => f.firstResponse.calendar.median } : {}) },
    { label: 'Median resolution', kind: 'duration', polarity: 'down', get: (f) => f.resolution[basis].median, ...(basis === 'business' ? { calendar: (f: PeriodFigures) => f.resolution.calendar.median } : {}) },
    // First-response and resolution targets together, as the window's card counts them.
    {
      label: 'SLA attainment',
      kind: 'percent',
      polarity: 'up',
      get: (f) => share(f.sla.firstResponse.met + f.sla.resolution.met, f.sla.firstResponse.met + f.sla.firstResponse.breached + f.sla.resolution.met + f.sla.resolution.breached),
    },
    { label: 'Open at the end', kind: 'int', polarity: 'down', get: (f) => f.backlog.atEnd },
  ];
}

function show(kind: Figure['kind'], value: number | null): string {
  return kind === 'int' ? formatInt(value) : kind === 'percent' ? formatPercent(value) : formatDuration(value);
}

function changeHtml(figure: Figure, now: number | null, was: number | null, against: string): string {
  if (now === null || was === null) return `<div class="change">${esc(`${EMPTY} no comparison figure`)}</div>`;
  const d = now - was;
  let amount: string;
  if (figure.kind === 'percent') amount = `${Math.abs(d * 100).toFixed(1)} pts`;
  else if (figure.kind === 'duration') amount = formatDuration(Math.abs(d));
  else amount = `${formatInt(Math.abs(d))}${was > 0 ? ` (${Math.abs((d / was) * 100).toFixed(1)} %)` : ''}`;
  const flat = figure.kind === 'percent' ? Math.abs(d) < 0.0005 : d === 0;
  if (flat) return `<div class="change"><span class="arrow" aria-hidden="true">■</span> No change <span class="was">vs ${esc(against)}</span></div>`;
  const up = d > 0;
  const tone = figure.polarity === 'neither' ? '' : (figure.polarity === 'up') === up ? ' good' : ' bad';
  const word = up ? 'up' : 'down';
  return `<div class="change${tone}"><span class="arrow" aria-hidden="true">${up ? '▲' : '▼'}</span> <span class="sr">${word}</span> ${esc(amount)} <span class="was">vs ${esc(show(figure.kind, was))}</span></div>`;
}

export function cardsHtml(report: Report, basis: Basis): string {
  const p = report.primary;
  const c = report.comparison;
  const cards = figures(basis).map((f) => {
    const now = f.get(p);
    const change = c ? changeHtml(f, now, f.get(c), c.label) : '';
    const calendar = f.calendar?.(p);
    const note = calendar === undefined || calendar === null ? '' : `<div class="note">${esc(`${formatDuration(calendar)} in calendar time`)}</div>`;
    return `<div class="card"><div class="label">${esc(f.label)}</div><div class="value">${esc(show(f.kind, now))}</div>${note}${change}</div>`;
  });
  return `<div class="cards">${cards.join('')}</div>`;
}

const kindLabels: Record<Insight['kind'], string> = { significant: 'Significant', mover: 'Mover', emerging: 'Emerging', note: 'Note' };

function pText(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

function insightFigures(insight: Insight): string {
  const side = (x: { count: number; base: number }): string => `${formatInt(x.count)} of ${formatInt(x.base)}${x.base > 0 ? ` (${formatPercent(x.count / x.base)})` : ''}`;
  const parts = [`Now ${side(insight.current)}`];
  if (insight.previous) parts.push(`before ${side(insight.previous)}`);
  if (insight.pValue !== null) parts.push(`${pText(insight.pValue)}, adjusted for the number of tests`);
  return parts.join(' · ');
}

export function insightsHtml(report: Report): string {
  if (report.insights.length === 0) return '<p class="none">No changes stood out in this period.</p>';
  const items = report.insights.map(
    (i) =>
      `<li class="insight"><span class="badge ${i.kind}">${esc(kindLabels[i.kind])}</span><div class="text">${esc(i.text)}</div><div class="figures">${esc(insightFigures(i))}</div></li>`,
  );
  return `<ul class="insights">${items.join('')}</ul>`;
}

/** The LLM's summary, plainly marked as such; its text is escaped like any other. */
export function aiSummaryHtml(summary: { text: string; model: string }): string {
  const paragraphs = summary.text
    .split(/\n\s*\n/)
    .map((para) => para.trim())
    .filter((para) => para.length > 0)
    .map((para) => `<p>${esc(para).replace(/\n/g, '<br>')}</p>`)
    .join('');
  return `<div class="ai" role="note"><div class="warning">AI-written · check before sharing</div>${paragraphs}<div class="by">Written by ${esc(summary.model)} from this report's figures.</div></div>`;
}

const numeric = new Set(['int', 'number', 'percent', 'duration']);

/**
 * One table. Each cell carries `data-value`: the raw value as JSON (a number exactly as the
 * report holds it, a string, or null), so a test can compare the page with `--json`.
 */
export function tableHtml(table: ReportTable, timeZone: string): string {
  const head = table.columns.map((col) => `<th scope="col" class="${numeric.has(col.type) || col.perRow ? 'num' : 'text'}">${esc(col.header)}</th>`).join('');
  const body = table.rows
    .map((row, i) => {
      const cells = table.columns.map((col) => {
        const type = cellTypeAt(table, col, i);
        const value = row[col.key] ?? null;
        // Short text (period labels, dates, names) stays on one line; long text wraps between words.
        const cls = numeric.has(type) ? 'num' : type === 'date' || (typeof value === 'string' && value.length <= 16) ? 'text nowrap' : 'text';
        return `<td class="${cls}" data-value="${esc(JSON.stringify(value))}">${esc(formatCell(value, type, timeZone))}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  // A short table stays on one page with its heading; a long one breaks between rows.
  const short = table.rows.length <= 14 ? ' short' : '';
  const empty = table.rows.length === 0 ? '<p class="none">Nothing in this period.</p>' : '';
  return `<section class="table-block${short}" data-table="${esc(table.name)}"><h3>${esc(table.title)}</h3>${empty || `<table${table.columns.length > 7 ? ' class="wide"' : ''}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`}</section>`;
}
