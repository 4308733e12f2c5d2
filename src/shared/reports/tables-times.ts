/** Reply and resolution times, SLA attainment and the agents, in the chosen basis with the other labelled. */
import type { ReportTable } from './item';
import type { PeriodFigures } from './schema';
import { basisLabel, capital, diff, otherBasis, type Column, type Row, type TableBasis } from './tables-common';

const distColumns = (prefix: string, label: string): Column[] => [
  { key: `${prefix}Count`, header: `${label}: count`, type: 'int' },
  { key: `${prefix}Median`, header: `${label}: median`, type: 'duration' },
  { key: `${prefix}P90`, header: `${label}: 90th percentile`, type: 'duration' },
  { key: `${prefix}Mean`, header: `${label}: mean`, type: 'duration' },
];

export function responseTimesTable(p: PeriodFigures, c: PeriodFigures | null, basis: TableBasis): ReportTable {
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

export function slaTable(p: PeriodFigures, c: PeriodFigures | null): ReportTable {
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

export const UNASSIGNED = 'Unassigned';

export function agentsTable(p: PeriodFigures, c: PeriodFigures | null, basis: TableBasis): ReportTable {
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
