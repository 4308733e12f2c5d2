/** Chart data for the time series: one row per bucket, the comparison aligned by position. */
import { channels, type Channel } from '../../../../shared/domain';
import type { PeriodFigures, Report } from '../../../../shared/reports/schema';

export const comparisonKey = 'comparison';

export interface VolumeRow {
  label: string;
  index: number;
  email: number;
  chat: number;
  survey: number;
  review: number;
  social: number;
  /** The comparison's total in the bucket at the same position, when there is one. */
  comparison?: number;
}

/** Channels that have any item on either side, so the legend lists only what shows. */
export function channelsShown(report: Report): Channel[] {
  return channels.filter((c) => report.primary.byChannel[c] > 0 || (report.comparison?.byChannel[c] ?? 0) > 0);
}

function totalAt(side: PeriodFigures, index: number): number | undefined {
  if (index >= side.series.labels.length) return undefined;
  return channels.reduce((sum, c) => sum + (side.series.volumeByChannel[c]?.[index] ?? 0), 0);
}

export function volumeRows(report: Report): VolumeRow[] {
  const { series } = report.primary;
  return series.labels.map((label, index) => {
    const row: VolumeRow = { label, index, email: 0, chat: 0, survey: 0, review: 0, social: 0 };
    for (const c of channels) row[c] = series.volumeByChannel[c]?.[index] ?? 0;
    const before = report.comparison ? totalAt(report.comparison, index) : undefined;
    if (before !== undefined) row.comparison = before;
    return row;
  });
}

export interface SentimentRow {
  label: string;
  index: number;
  negative: number;
  neutral: number;
  positive: number;
  unknown: number;
}

export function sentimentRows(side: PeriodFigures): SentimentRow[] {
  const s = side.series.sentiment;
  return side.series.labels.map((label, index) => ({
    label,
    index,
    negative: s.negative[index] ?? 0,
    neutral: s.neutral[index] ?? 0,
    positive: s.positive[index] ?? 0,
    unknown: s.unknown[index] ?? 0,
  }));
}

export interface SentimentShare {
  key: 'negative' | 'neutral' | 'positive' | 'unknown';
  count: number;
  share: number;
}

/** A side's whole-period sentiment as shares of its items (0 when empty). */
export function sentimentShares(side: PeriodFigures): SentimentShare[] {
  const keys = ['negative', 'neutral', 'positive', 'unknown'] as const;
  return keys.map((key) => ({ key, count: side.bySentiment[key], share: side.total > 0 ? side.bySentiment[key] / side.total : 0 }));
}

export interface BacklogRow {
  label: string;
  index: number;
  backlog: number;
  comparison?: number;
}

export function backlogRows(report: Report): BacklogRow[] {
  const { series } = report.primary;
  return series.labels.map((label, index) => {
    const row: BacklogRow = { label, index, backlog: series.backlog[index] ?? 0 };
    const before = report.comparison?.series.backlog[index];
    if (before !== undefined) row.comparison = before;
    return row;
  });
}

/** The escalation rate per bucket, for the escalation chart's line. */
export function escalationRows(side: PeriodFigures): { label: string; index: number; escalated: number; rate: number | null }[] {
  const totals = side.series.labels.map((_, i) => channels.reduce((sum, c) => sum + (side.series.volumeByChannel[c]?.[i] ?? 0), 0));
  return side.series.labels.map((label, index) => {
    const escalated = side.series.escalated[index] ?? 0;
    const total = totals[index] ?? 0;
    return { label, index, escalated, rate: total > 0 ? escalated / total : null };
  });
}
