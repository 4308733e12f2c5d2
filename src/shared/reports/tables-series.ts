/** The tables over time: one row per bucket, the comparison's buckets beside them by position. */
import { channels } from '../domain';
import type { ReportTable } from './item';
import type { PeriodFigures, Series } from './schema';
import { capital, share, type Column, type Row } from './tables-common';

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
export function volumeTable(p: PeriodFigures, c: PeriodFigures | null): ReportTable {
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

export function sentimentTable(p: PeriodFigures, c: PeriodFigures | null): ReportTable {
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

export function backlogTable(p: PeriodFigures, c: PeriodFigures | null): ReportTable {
  const columns: Column[] = [...bucketColumns(), { key: 'open', header: 'Open at end', type: 'int' }];
  if (c !== null) columns.push({ key: 'comparisonOpen', header: `${c.label}: open at end`, type: 'int' });
  const rows = p.series.starts.map((_, i): Row => {
    const row: Row = { ...bucketRow(p.series, i), open: at(p.series.backlog, i) };
    if (c !== null) row['comparisonOpen'] = at(c.series.backlog, i);
    return row;
  });
  return { name: 'backlog', title: 'Backlog', columns, rows };
}
