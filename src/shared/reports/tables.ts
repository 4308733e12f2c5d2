/**
 * The tables every export shares: CSV writes one file per table, XLSX one sheet, HTML one
 * <table>. Values are the report's own numbers, unrounded (shares 0..1, times in ms, dates
 * as epoch ms); each renderer rounds and adds units, so the formats cannot disagree.
 */
import { channels } from '../domain';
import type { CellType, ReportTable } from './item';
import type { NamedCount, PeriodFigures, Report, Series } from './schema';
import { aiTables } from './tables-ai';

export type TableBasis = 'business' | 'calendar';
type Row = ReportTable['rows'][number];
type Column = ReportTable['columns'][number];

/** The type of one cell: a `perRow` column follows the row (the summary's figures differ in kind). */
export function cellTypeAt(table: ReportTable, column: Column, rowIndex: number): CellType {
  if (column.perRow === true) return table.rowTypes?.[rowIndex] ?? column.type;
  return column.type;
}

export const basisLabel = (basis: TableBasis): string => (basis === 'business' ? 'business hours' : 'calendar time');
const otherBasis = (basis: TableBasis): TableBasis => (basis === 'business' ? 'calendar' : 'business');

/** a / b, null when b is 0: a share with no base is unknown, not zero. */
export const share = (a: number, b: number): number | null => (b === 0 ? null : a / b);
const diff = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);
const relative = (a: number | null, b: number | null): number | null => (a === null || b === null || b === 0 ? null : (a - b) / b);

/** Every table of the report, in reading order; times in `basis` first, the other basis labelled. */
export function reportTables(report: Report, basis: TableBasis): ReportTable[] {
  const p = report.primary;
  const c = report.comparison;
  return [
    summaryTable(p, c, basis),
    volumeTable(p, c),
    sentimentTable(p, c),
    topicsTable(p, c),
    emergingTable(report),
    namedTable('escalation-by-target', 'Escalations by target', 'Target', p.escalation.byTarget, c?.escalation.byTarget, p.escalation.escalated, c?.escalation.escalated, p, c),
    namedTable('escalation-by-reason', 'Escalations by reason', 'Reason', p.escalation.byReason, c?.escalation.byReason, p.escalation.escalated, c?.escalation.escalated, p, c),
    responseTimesTable(p, c, basis),
    slaTable(p, c),
    backlogTable(p, c),
    agentsTable(p, c, basis),
    repeatTable(p, c),
    ...aiTables(p, c),
    insightsTable(report),
  ];
}

function summaryTable(p: PeriodFigures, c: PeriodFigures | null, basis: TableBasis): ReportTable {
  const b = basisLabel(basis);
  const figures: [string, CellType, (f: PeriodFigures) => number | null][] = [
    ['Items', 'int', (f) => f.total],
    ['Negative share', 'percent', (f) => share(f.bySentiment.negative, f.total)],
    ['Escalation rate', 'percent', (f) => f.escalation.rate],
    [`Median first response (${b})`, 'duration', (f) => f.firstResponse[basis].median],
    [`Median resolution (${b})`, 'duration', (f) => f.resolution[basis].median],
    ['SLA attainment, first response', 'percent', (f) => f.sla.firstResponse.rate],
    ['SLA attainment, resolution', 'percent', (f) => f.sla.resolution.rate],
    ['Backlog at start', 'int', (f) => f.backlog.atStart],
    ['Backlog at end', 'int', (f) => f.backlog.atEnd],
    ['Repeat contact rate', 'percent', (f) => f.repeat.rate],
  ];
  const rows = figures.map(([figure, , get]): Row => {
    const a = get(p);
    if (c === null) return { figure, primary: a };
    const z = get(c);
    return { figure, primary: a, comparison: z, change: diff(a, z), changeRelative: relative(a, z) };
  });
  const columns: Column[] = [
    { key: 'figure', header: 'Figure', type: 'text' },
    { key: 'primary', header: p.label, type: 'number', perRow: true },
  ];
  if (c !== null) {
    columns.push(
      { key: 'comparison', header: c.label, type: 'number', perRow: true },
      { key: 'change', header: 'Change', type: 'number', perRow: true },
      { key: 'changeRelative', header: 'Change (relative)', type: 'percent' },
    );
  }
  return {
    name: 'summary',
    title: 'Summary',
    columns,
    rows,
    rowTypes: figures.map(([, type]) => type),
  };
}

function bucketColumns(): Column[] {
  return [
    { key: 'label', header: 'Period', type: 'text' },
    { key: 'start', header: 'Start', type: 'date' },
  ];
}

function bucketRow(s: Series, i: number): Row {
  return { label: s.labels[i] ?? null, start: s.starts[i] ?? null };
}

const at = (xs: readonly number[] | undefined, i: number): number | null => xs?.[i] ?? null;

function seriesTotal(s: Series, i: number): number {
  let t = 0;
  for (const ch of channels) t += s.volumeByChannel[ch]?.[i] ?? 0;
  return t;
}

/** Comparison buckets line up with the primary's by position (same granularity, same length of period). */
function volumeTable(p: PeriodFigures, c: PeriodFigures | null): ReportTable {
  const s = p.series;
  const columns: Column[] = [...bucketColumns(), ...channels.map((ch): Column => ({ key: ch, header: capital(ch), type: 'int' }))];
  columns.push({ key: 'total', header: 'Total', type: 'int' }, { key: 'escalated', header: 'Escalated', type: 'int' });
  if (c !== null) {
    columns.push({ key: 'comparisonStart', header: `${c.label}: start`, type: 'date' }, { key: 'comparisonTotal', header: `${c.label}: total`, type: 'int' }, { key: 'comparisonEscalated', header: `${c.label}: escalated`, type: 'int' });
  }
  const rows = s.starts.map((_, i): Row => {
    const row: Row = bucketRow(s, i);
    for (const ch of channels) row[ch] = at(s.volumeByChannel[ch], i);
    row['total'] = seriesTotal(s, i);
    row['escalated'] = at(s.escalated, i);
    if (c !== null) {
      const inRange = i < c.series.starts.length;
      row['comparisonStart'] = at(c.series.starts, i);
      row['comparisonTotal'] = inRange ? seriesTotal(c.series, i) : null;
      row['comparisonEscalated'] = at(c.series.escalated, i);
    }
    return row;
  });
  return { name: 'volume-by-channel', title: 'Volume by channel', columns, rows };
}

function sentimentTable(p: PeriodFigures, c: PeriodFigures | null): ReportTable {
  const kinds = ['negative', 'neutral', 'positive', 'unknown'] as const;
  const columns: Column[] = [...bucketColumns(), ...kinds.map((k): Column => ({ key: k, header: k === 'unknown' ? 'Not analysed' : capital(k), type: 'int' }))];
  columns.push({ key: 'negativeShare', header: 'Negative share', type: 'percent' });
  if (c !== null) columns.push({ key: 'comparisonNegativeShare', header: `${c.label}: negative share`, type: 'percent' });
  const negShare = (s: Series, i: number): number | null => {
    const n = s.sentiment.negative[i];
    return n === undefined ? null : share(n, kinds.reduce((t, k) => t + (s.sentiment[k][i] ?? 0), 0));
  };
  const rows = p.series.starts.map((_, i): Row => {
    const row: Row = bucketRow(p.series, i);
    for (const k of kinds) row[k] = at(p.series.sentiment[k], i);
    row['negativeShare'] = negShare(p.series, i);
    if (c !== null) row['comparisonNegativeShare'] = negShare(c.series, i);
    return row;
  });
  return { name: 'sentiment-over-time', title: 'Sentiment over time', columns, rows };
}

/** Names from both sides, the primary's order first, so a topic that vanished still shows. */
function unionNames(a: readonly NamedCount[], b: readonly NamedCount[] | undefined): string[] {
  const names = a.map((x) => x.name);
  const seen = new Set(names);
  for (const x of b ?? []) {
    if (seen.has(x.name)) continue;
    seen.add(x.name);
    names.push(x.name);
  }
  return names;
}

function countOf(xs: readonly NamedCount[] | undefined, name: string): number {
  return xs?.find((x) => x.name === name)?.count ?? 0;
}

function topicsTable(p: PeriodFigures, c: PeriodFigures | null): ReportTable {
  return namedTable('topics', 'Topics', 'Topic', p.topics, c?.topics, p.total, c?.total, p, c);
}

/** A count per name with its share of `base`, and the comparison's count and share beside it. */
function namedTable(
  name: string,
  title: string,
  what: string,
  a: readonly NamedCount[],
  b: readonly NamedCount[] | undefined,
  baseA: number,
  baseB: number | undefined,
  p: PeriodFigures,
  c: PeriodFigures | null,
): ReportTable {
  const columns: Column[] = [
    { key: 'name', header: what, type: 'text' },
    { key: 'count', header: `${p.label}: items`, type: 'int' },
    { key: 'share', header: `${p.label}: share`, type: 'percent' },
  ];
  if (c !== null) {
    columns.push(
      { key: 'comparisonCount', header: `${c.label}: items`, type: 'int' },
      { key: 'comparisonShare', header: `${c.label}: share`, type: 'percent' },
      { key: 'change', header: 'Change in share', type: 'percent' },
    );
  }
  const rows = unionNames(a, c === null ? undefined : b).map((n): Row => {
    const count = countOf(a, n);
    const row: Row = { name: n, count, share: share(count, baseA) };
    if (c !== null) {
      const cc = countOf(b, n);
      const cs = share(cc, baseB ?? 0);
      row['comparisonCount'] = cc;
      row['comparisonShare'] = cs;
      row['change'] = diff(row['share'] as number | null, cs);
    }
    return row;
  });
  return { name, title, columns, rows };
}

function emergingTable(report: Report): ReportTable {
  return {
    name: 'emerging-terms',
    title: 'Emerging terms',
    columns: [
      { key: 'term', header: 'Term', type: 'text' },
      { key: 'recent', header: 'Recent items', type: 'int' },
      { key: 'previous', header: 'Earlier items', type: 'int' },
      { key: 'ratio', header: 'Ratio', type: 'number' },
      { key: 'llr', header: 'Log-likelihood ratio', type: 'number' },
    ],
    rows: report.emerging.terms.map((t): Row => ({ term: t.term, recent: t.recent, previous: t.previous, ratio: t.ratio, llr: t.llr })),
  };
}

const distColumns = (prefix: string, label: string): Column[] => [
  { key: `${prefix}Count`, header: `${label}: count`, type: 'int' },
  { key: `${prefix}Median`, header: `${label}: median`, type: 'duration' },
  { key: `${prefix}P90`, header: `${label}: 90th percentile`, type: 'duration' },
  { key: `${prefix}Mean`, header: `${label}: mean`, type: 'duration' },
];

function responseTimesTable(p: PeriodFigures, c: PeriodFigures | null, basis: TableBasis): ReportTable {
  const columns: Column[] = [
    { key: 'metric', header: 'Measure', type: 'text' },
    { key: 'basis', header: 'Counted in', type: 'text' },
    { key: 'count', header: 'Count', type: 'int' },
    { key: 'median', header: 'Median', type: 'duration' },
    { key: 'p90', header: '90th percentile', type: 'duration' },
    { key: 'mean', header: 'Mean', type: 'duration' },
  ];
  if (c !== null) columns.push(...distColumns('comparison', c.label), { key: 'changeMedian', header: 'Change in median', type: 'duration' });
  const rows: Row[] = [];
  for (const [metric, pick] of [
    ['First response', (f: PeriodFigures) => f.firstResponse],
    ['Resolution', (f: PeriodFigures) => f.resolution],
  ] as const) {
    for (const b of [basis, otherBasis(basis)]) {
      const d = pick(p)[b];
      const row: Row = { metric, basis: capital(basisLabel(b)), count: d.count, median: d.median, p90: d.p90, mean: d.mean };
      if (c !== null) {
        const e = pick(c)[b];
        row['comparisonCount'] = e.count;
        row['comparisonMedian'] = e.median;
        row['comparisonP90'] = e.p90;
        row['comparisonMean'] = e.mean;
        row['changeMedian'] = diff(d.median, e.median);
      }
      rows.push(row);
    }
  }
  return { name: 'response-times', title: 'Response times', columns, rows };
}

function slaTable(p: PeriodFigures, c: PeriodFigures | null): ReportTable {
  const columns: Column[] = [
    { key: 'target', header: 'Target', type: 'text' },
    { key: 'met', header: `${p.label}: met`, type: 'int' },
    { key: 'breached', header: `${p.label}: breached`, type: 'int' },
    { key: 'rate', header: `${p.label}: attainment`, type: 'percent' },
  ];
  if (c !== null) {
    columns.push(
      { key: 'comparisonMet', header: `${c.label}: met`, type: 'int' },
      { key: 'comparisonBreached', header: `${c.label}: breached`, type: 'int' },
      { key: 'comparisonRate', header: `${c.label}: attainment`, type: 'percent' },
      { key: 'change', header: 'Change in attainment', type: 'percent' },
    );
  }
  const rows = (['firstResponse', 'resolution'] as const).map((k): Row => {
    const a = p.sla[k];
    const row: Row = { target: k === 'firstResponse' ? 'First response' : 'Resolution', met: a.met, breached: a.breached, rate: a.rate };
    if (c !== null) {
      const z = c.sla[k];
      Object.assign(row, { comparisonMet: z.met, comparisonBreached: z.breached, comparisonRate: z.rate, change: diff(a.rate, z.rate) });
    }
    return row;
  });
  return { name: 'sla-attainment', title: 'SLA attainment', columns, rows };
}

function backlogTable(p: PeriodFigures, c: PeriodFigures | null): ReportTable {
  const columns: Column[] = [...bucketColumns(), { key: 'open', header: 'Open at end', type: 'int' }];
  if (c !== null) columns.push({ key: 'comparisonOpen', header: `${c.label}: open at end`, type: 'int' });
  const rows = p.series.starts.map((_, i): Row => {
    const row: Row = { ...bucketRow(p.series, i), open: at(p.series.backlog, i) };
    if (c !== null) row['comparisonOpen'] = at(c.series.backlog, i);
    return row;
  });
  return { name: 'backlog', title: 'Backlog', columns, rows };
}

export const UNASSIGNED = 'Unassigned';

function agentsTable(p: PeriodFigures, c: PeriodFigures | null, basis: TableBasis): ReportTable {
  const b = basisLabel(basis);
  const o = basisLabel(otherBasis(basis));
  const columns: Column[] = [
    { key: 'agent', header: 'Agent', type: 'text' },
    { key: 'assigned', header: 'Assigned', type: 'int' },
    { key: 'responded', header: 'Responded', type: 'int' },
    { key: 'resolved', header: 'Resolved', type: 'int' },
    { key: 'escalated', header: 'Escalated', type: 'int' },
    { key: 'negative', header: 'Negative', type: 'int' },
    { key: 'firstResponseMedian', header: `Median first response (${b})`, type: 'duration' },
    { key: 'firstResponseP90', header: `90th percentile first response (${b})`, type: 'duration' },
    { key: 'resolutionMedian', header: `Median resolution (${b})`, type: 'duration' },
    { key: 'resolutionP90', header: `90th percentile resolution (${b})`, type: 'duration' },
    { key: 'firstResponseMedianOther', header: `Median first response (${o})`, type: 'duration' },
    { key: 'resolutionMedianOther', header: `Median resolution (${o})`, type: 'duration' },
  ];
  if (c !== null) {
    columns.push(
      { key: 'comparisonAssigned', header: `${c.label}: assigned`, type: 'int' },
      { key: 'comparisonResolved', header: `${c.label}: resolved`, type: 'int' },
      { key: 'comparisonFirstResponseMedian', header: `${c.label}: median first response (${b})`, type: 'duration' },
    );
  }
  const names = p.agents.map((a) => a.agent);
  for (const a of c?.agents ?? []) if (!names.includes(a.agent)) names.push(a.agent);
  const rows = names.map((name): Row => {
    const a = p.agents.find((x) => x.agent === name);
    const row: Row = {
      agent: name ?? UNASSIGNED,
      assigned: a?.assigned ?? 0,
      responded: a?.responded ?? 0,
      resolved: a?.resolved ?? 0,
      escalated: a?.escalated ?? 0,
      negative: a?.negative ?? 0,
      firstResponseMedian: a?.firstResponse[basis].median ?? null,
      firstResponseP90: a?.firstResponse[basis].p90 ?? null,
      resolutionMedian: a?.resolution[basis].median ?? null,
      resolutionP90: a?.resolution[basis].p90 ?? null,
      firstResponseMedianOther: a?.firstResponse[otherBasis(basis)].median ?? null,
      resolutionMedianOther: a?.resolution[otherBasis(basis)].median ?? null,
    };
    if (c !== null) {
      const z = c.agents.find((x) => x.agent === name);
      row['comparisonAssigned'] = z?.assigned ?? 0;
      row['comparisonResolved'] = z?.resolved ?? 0;
      row['comparisonFirstResponseMedian'] = z?.firstResponse[basis].median ?? null;
    }
    return row;
  });
  return { name: 'agents', title: 'Agents', columns, rows };
}

function repeatTable(p: PeriodFigures, c: PeriodFigures | null): ReportTable {
  const columns: Column[] = [
    { key: 'customer', header: 'Customer', type: 'text' },
    { key: 'customerId', header: 'Customer ID', type: 'text' },
    { key: 'count', header: `${p.label}: items`, type: 'int' },
  ];
  if (c !== null) columns.push({ key: 'comparisonCount', header: `${c.label}: items`, type: 'int' });
  const rows = p.repeat.topCustomers.map((t): Row => {
    const row: Row = { customer: t.name, customerId: t.customerId, count: t.count };
    if (c !== null) row['comparisonCount'] = c.repeat.topCustomers.find((x) => x.customerId === t.customerId)?.count ?? null;
    return row;
  });
  return { name: 'repeat-customers', title: 'Repeat customers', columns, rows };
}

function insightsTable(report: Report): ReportTable {
  return {
    name: 'insights',
    title: 'Insights',
    columns: [
      { key: 'kind', header: 'Kind', type: 'text' },
      { key: 'text', header: 'Insight', type: 'text' },
      { key: 'metric', header: 'Measure', type: 'text' },
      { key: 'count', header: 'Items', type: 'int' },
      { key: 'base', header: 'Of', type: 'int' },
      { key: 'previousCount', header: 'Earlier items', type: 'int' },
      { key: 'previousBase', header: 'Earlier of', type: 'int' },
      { key: 'pValue', header: 'p-value (adjusted)', type: 'number' },
    ],
    rows: report.insights.map(
      (i): Row => ({
        kind: i.kind,
        text: i.text,
        metric: i.metric,
        count: i.current.count,
        base: i.current.base,
        previousCount: i.previous?.count ?? null,
        previousBase: i.previous?.base ?? null,
        pValue: i.pValue,
      }),
    ),
  };
}

export function capital(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}
