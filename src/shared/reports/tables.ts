/**
 * The tables every export shares: CSV writes one file per table, XLSX one sheet, HTML one
 * <table>. Values are the report's own numbers, unrounded (shares 0..1, times in ms, dates
 * as epoch ms); each renderer rounds and adds units, so the formats cannot disagree.
 */
import type { CellType, ReportTable } from './item';
import type { NamedCount, PeriodFigures, Report } from './schema';
import { aiTables } from './tables-ai';
import { basisLabel, diff, relative, share, type Column, type Row, type TableBasis } from './tables-common';
import { backlogTable, sentimentTable, volumeTable } from './tables-series';
import { agentsTable, responseTimesTable, slaTable } from './tables-times';

export type { TableBasis };

/** The type of one cell: a `perRow` column follows the row (the summary's figures differ in kind). */
export function cellTypeAt(table: ReportTable, column: Column, rowIndex: number): CellType {
  if (column.perRow === true) return table.rowTypes?.[rowIndex] ?? column.type;
  return column.type;
}

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
