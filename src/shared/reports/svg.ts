/**
 * The report's charts as SVG strings: volume over time (stacked by channel), sentiment share
 * over time (100 % stacked), top topics against the comparison, backlog (line), SLA
 * attainment and plain bar lists (escalation reasons, agents). Pure: the HTML export and
 * the tests call them with figures from the report; every text they draw is escaped.
 */
import { formatInt, formatPercent } from './format';
import {
  CHART_WIDTH,
  countTicks,
  emptyChart,
  esc,
  fit,
  frame,
  legend,
  n,
  reportColors,
  textWidth,
  xLabels,
  yAxis,
  type LegendEntry,
  type Plot,
} from './svg-kit';

export { emptyChart, reportColors } from './svg-kit';

export interface ChartText {
  /** The chart's accessible name (its heading is the HTML's). */
  title: string;
  /** Said instead of the chart when there is nothing to draw. */
  emptyText?: string;
}

export interface TimeSeries {
  key: string;
  label: string;
  color: string;
  values: number[];
}

export interface TimeChart extends ChartText {
  /** One label per bucket, already short ("3 Nov"). */
  labels: string[];
  series: TimeSeries[];
}

const TIME_HEIGHT = 200;
const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
const seriesLegend = (series: TimeSeries[], mark: LegendEntry['mark'] = 'square'): LegendEntry[] => series.map((s) => ({ label: s.label, color: s.color, mark }));

function timePlot(legendHeight: number): Plot {
  const top = legendHeight + 10;
  return { left: 40, top, width: CHART_WIDTH - 40 - 14, height: TIME_HEIGHT - top - 24 };
}

function bars(count: number, plot: Plot): { band: number; width: number; centre(i: number): number } {
  const band = plot.width / Math.max(1, count);
  // Wide gaps read well for a few bars; past a few dozen the gaps would eat the bars.
  // A few buckets would make slabs, not bars: 44 units is as wide as a bar gets.
  const width = Math.min(44, Math.max(1, band * (count <= 40 ? 0.68 : 0.86)));
  return { band, width, centre: (i) => plot.left + band * i + band / 2 };
}

/** Counts per bucket stacked by series (volume by channel). */
export function stackedBarsSvg(chart: TimeChart): string {
  const totals = chart.labels.map((_, i) => sum(chart.series.map((s) => s.values[i] ?? 0)));
  const all = sum(totals);
  if (chart.labels.length === 0 || all === 0) return emptyChart(chart.title, chart.emptyText);
  const key = legend(seriesLegend(chart.series.filter((s) => sum(s.values) > 0)));
  const plot = timePlot(key.height);
  const ticks = countTicks(Math.max(...totals));
  const top = ticks[ticks.length - 1] ?? 1;
  const geometry = bars(chart.labels.length, plot);
  const gap = geometry.width > 5 ? ` stroke="#fff" stroke-width="0.75"` : '';
  let body = yAxis(plot, ticks);
  chart.labels.forEach((label, i) => {
    let base = plot.top + plot.height;
    const x = geometry.centre(i) - geometry.width / 2;
    for (const s of chart.series) {
      const value = s.values[i] ?? 0;
      if (value <= 0) continue;
      const h = (value / top) * plot.height;
      base -= h;
      body += `<rect x="${n(x)}" y="${n(base)}" width="${n(geometry.width)}" height="${n(h)}" fill="${s.color}"${gap}><title>${esc(`${label}, ${s.label}: ${formatInt(value)}`)}</title></rect>`;
    }
  });
  body += xLabels(plot, chart.labels, geometry.centre) + key.svg;
  const description = `${formatInt(all)} items over ${chart.labels.length} periods, stacked by ${chart.series.map((s) => s.label).join(', ')}.`;
  return frame({ title: chart.title, description, height: TIME_HEIGHT }, body);
}

/** Each bucket's items as shares of 100 % (sentiment share); empty buckets show as a faint column. */
export function shareBarsSvg(chart: TimeChart): string {
  const totals = chart.labels.map((_, i) => sum(chart.series.map((s) => s.values[i] ?? 0)));
  if (chart.labels.length === 0 || sum(totals) === 0) return emptyChart(chart.title, chart.emptyText);
  const key = legend(seriesLegend(chart.series));
  const plot = timePlot(key.height);
  const geometry = bars(chart.labels.length, plot);
  let body = yAxis(plot, [0, 0.25, 0.5, 0.75, 1], (t) => `${Math.round(t * 100)} %`);
  chart.labels.forEach((label, i) => {
    const x = geometry.centre(i) - geometry.width / 2;
    const total = totals[i] ?? 0;
    if (total === 0) {
      body += `<rect x="${n(x)}" y="${n(plot.top)}" width="${n(geometry.width)}" height="${n(plot.height)}" fill="${reportColors.faint}"><title>${esc(`${label}: no items`)}</title></rect>`;
      return;
    }
    let base = plot.top + plot.height;
    for (const s of chart.series) {
      const value = s.values[i] ?? 0;
      if (value <= 0) continue;
      const h = (value / total) * plot.height;
      base -= h;
      body += `<rect x="${n(x)}" y="${n(base)}" width="${n(geometry.width)}" height="${n(h)}" fill="${s.color}"><title>${esc(`${label}, ${s.label}: ${formatPercent(value / total)} (${formatInt(value)} of ${formatInt(total)})`)}</title></rect>`;
    }
  });
  body += xLabels(plot, chart.labels, geometry.centre) + key.svg;
  const description = `Share of each bucket's items by ${chart.series.map((s) => s.label).join(', ')}, over ${chart.labels.length} periods.`;
  return frame({ title: chart.title, description, height: TIME_HEIGHT }, body);
}

/** Lines over time from zero (backlog). */
export function lineSvg(chart: TimeChart): string {
  const values = chart.series.flatMap((s) => s.values);
  if (chart.labels.length === 0 || values.length === 0 || sum(values) === 0) return emptyChart(chart.title, chart.emptyText);
  const key = legend(seriesLegend(chart.series, 'line'));
  const plot = timePlot(key.height);
  const ticks = countTicks(Math.max(...values));
  const top = ticks[ticks.length - 1] ?? 1;
  const step = chart.labels.length > 1 ? plot.width / (chart.labels.length - 1) : 0;
  const at = (i: number): number => (chart.labels.length > 1 ? plot.left + step * i : plot.left + plot.width / 2);
  const y = (v: number): number => plot.top + plot.height - (v / top) * plot.height;
  let body = yAxis(plot, ticks);
  for (const s of chart.series) {
    const points = s.values.map((v, i) => `${n(at(i))},${n(y(v))}`);
    const base = n(plot.top + plot.height);
    body += `<polygon points="${n(at(0))},${base} ${points.join(' ')} ${n(at(s.values.length - 1))},${base}" fill="${s.color}" fill-opacity="0.08"/>`;
    body += `<polyline points="${points.join(' ')}" fill="none" stroke="${s.color}" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>`;
    if (s.values.length <= 40) {
      s.values.forEach((v, i) => {
        body += `<circle cx="${n(at(i))}" cy="${n(y(v))}" r="2.6" fill="#fff" stroke="${s.color}" stroke-width="1.6"><title>${esc(`${chart.labels[i] ?? ''}, ${s.label}: ${formatInt(v)}`)}</title></circle>`;
      });
    }
  }
  body += xLabels(plot, chart.labels, at) + key.svg;
  const description = chart.series.map((s) => `${s.label}: from ${formatInt(s.values[0] ?? 0)} to ${formatInt(s.values[s.values.length - 1] ?? 0)}`).join('; ');
  return frame({ title: chart.title, description: `${description}.`, height: TIME_HEIGHT }, body);
}

export interface BarRow {
  label: string;
  value: number;
  /** The comparison's value: drawn as a dark tick on the bar, and the change is written out. */
  previous?: number | null;
  /** Replaces the number written at the bar's end. */
  text?: string;
}

export interface BarListChart extends ChartText {
  rows: BarRow[];
  color?: string;
  /** Legend names for the bar and the comparison tick; with them the chart gets a legend. */
  currentLabel?: string;
  previousLabel?: string;
  /** Room for the text at each bar's end (default 118 units). */
  valueWidth?: number;
}

const ROW = 22;
const MIN_LABEL_W = 176;
const MAX_LABEL_W = 236;

/** One label column for every bar chart, so bars line up down the page; wider only for long labels (cut with an ellipsis past the maximum). */
function labelWidth(labels: string[]): number {
  return Math.round(Math.min(MAX_LABEL_W, Math.max(MIN_LABEL_W, ...labels.map((l) => textWidth(l) + 18))));
}
const VALUE_W = 118;

function change(current: number, previous: number | null | undefined): string {
  if (previous === undefined || previous === null) return '';
  if (previous === 0) return current > 0 ? '  new' : '';
  const d = current - previous;
  // The arrow's shape says the direction; its colour is never the only cue.
  return d === 0 ? '  ±0' : `  ${d > 0 ? '▲ +' : '▼ −'}${formatInt(Math.abs(d))}`;
}

/** Horizontal bars, one per row, largest first as given (topics, reasons, agents). */
export function barListSvg(chart: BarListChart): string {
  const rows = chart.rows;
  if (rows.length === 0 || rows.every((r) => r.value === 0 && !r.previous)) return emptyChart(chart.title, chart.emptyText);
  const compared = rows.some((r) => r.previous !== undefined && r.previous !== null);
  const color = chart.color ?? reportColors.accent;
  const LABEL_W = labelWidth(rows.map((r) => r.label));
  const key = chart.currentLabel
    ? legend(
        [
          { label: chart.currentLabel, color },
          ...(compared && chart.previousLabel ? [{ label: chart.previousLabel, color: reportColors.compare, mark: 'tick' as const }] : []),
        ],
        LABEL_W,
      )
    : { svg: '', height: 0 };
  const top = key.height + (key.height ? 8 : 2);
  const barArea = CHART_WIDTH - LABEL_W - (chart.valueWidth ?? VALUE_W);
  const max = Math.max(1, ...rows.map((r) => Math.max(r.value, r.previous ?? 0)));
  let body = key.svg;
  rows.forEach((row, i) => {
    const y = top + i * ROW;
    const w = (row.value / max) * barArea;
    const label = `<text x="${LABEL_W - 10}" y="${n(y + 15)}" text-anchor="end">${esc(fit(row.label, LABEL_W - 14))}<title>${esc(row.label)}</title></text>`;
    const track = `<rect x="${LABEL_W}" y="${n(y + 5)}" width="${n(barArea)}" height="13" rx="2" fill="${reportColors.faint}"/>`;
    const bar = row.value > 0 ? `<rect x="${LABEL_W}" y="${n(y + 5)}" width="${n(Math.max(2, w))}" height="13" rx="2" fill="${color}"/>` : '';
    const tick =
      row.previous !== undefined && row.previous !== null
        ? `<rect x="${n(LABEL_W + (row.previous / max) * barArea - 1.25)}" y="${n(y + 2)}" width="2.5" height="19" fill="${reportColors.compare}"><title>${esc(`${chart.previousLabel ?? 'Comparison'}: ${formatInt(row.previous)}`)}</title></rect>`
        : '';
    const value = row.text ?? `${formatInt(row.value)}${change(row.value, row.previous)}`;
    const figure = `<text x="${LABEL_W + barArea + 10}" y="${n(y + 15)}" fill="${reportColors.ink}" font-variant-numeric="tabular-nums">${esc(value)}</text>`;
    body += label + track + bar + tick + figure;
  });
  const description = rows.map((r) => `${r.label}: ${r.text ?? formatInt(r.value)}${r.previous !== undefined && r.previous !== null ? ` (comparison ${formatInt(r.previous)})` : ''}`).join('; ');
  return frame({ title: chart.title, description: `${description}.`, height: top + rows.length * ROW + 4 }, body);
}

export interface AttainmentRow {
  label: string;
  met: number;
  breached: number;
}

/** Met against breached as one 100 % bar per row (SLA attainment), with the rate written out. */
export function attainmentSvg(chart: ChartText & { rows: AttainmentRow[] }): string {
  if (chart.rows.every((r) => r.met + r.breached === 0)) return emptyChart(chart.title, chart.emptyText ?? 'No SLA outcomes in this period');
  const LABEL_W = labelWidth(chart.rows.map((r) => r.label));
  const key = legend(
    [
      { label: 'Met', color: reportColors.met },
      { label: 'Breached', color: reportColors.breached },
    ],
    LABEL_W,
  );
  const top = key.height + 8;
  const barArea = CHART_WIDTH - LABEL_W - VALUE_W;
  let body = key.svg;
  chart.rows.forEach((row, i) => {
    const y = top + i * (ROW + 4);
    const total = row.met + row.breached;
    body += `<text x="${LABEL_W - 10}" y="${n(y + 16)}" text-anchor="end">${esc(fit(row.label, LABEL_W - 14))}<title>${esc(row.label)}</title></text>`;
    if (total === 0) {
      body += `<rect x="${LABEL_W}" y="${n(y + 5)}" width="${n(barArea)}" height="15" rx="2" fill="${reportColors.faint}"/>`;
      body += `<text x="${LABEL_W + barArea + 10}" y="${n(y + 16)}" fill="${reportColors.muted}">no outcomes</text>`;
      return;
    }
    const metW = (row.met / total) * barArea;
    body += `<g><title>${esc(`${row.label}: ${formatInt(row.met)} met, ${formatInt(row.breached)} breached`)}</title>`;
    body += `<rect x="${LABEL_W}" y="${n(y + 5)}" width="${n(barArea)}" height="15" rx="2" fill="${reportColors.breached}"/>`;
    if (row.met > 0) body += `<rect x="${LABEL_W}" y="${n(y + 5)}" width="${n(metW)}" height="15" rx="2" fill="${reportColors.met}"/>`;
    body += `<text x="${LABEL_W + barArea + 10}" y="${n(y + 16)}" fill="${reportColors.ink}">${esc(`${formatPercent(row.met / total)} met`)}</text></g>`;
  });
  const description = chart.rows.map((r) => `${r.label}: ${formatInt(r.met)} met, ${formatInt(r.breached)} breached`).join('; ');
  return frame({ title: chart.title, description: `${description}.`, height: top + chart.rows.length * (ROW + 4) + 2 }, body);
}
