/** The key figures across the top of a report: value, the comparison's, the change, and the drill. */
import type { FeedbackFilter } from '../../../../shared/contract';
import type { PeriodFigures, Report } from '../../../../shared/reports/schema';
import type { TimeBasis } from './scope';
import { changeOf, type Better, type Change, type ChangeKind } from './change';
import { formatCount, formatDuration, formatPercent, share } from './format';
import { narrowed, sideFilter } from './drill';

export type FigureId = 'total' | 'negative' | 'escalation' | 'firstResponse' | 'resolution' | 'sla' | 'backlog' | 'repeat';

export interface KeyFigure {
  id: FigureId;
  label: string;
  value: string;
  comparison: string | null;
  change: Change | null;
  /** What the figure counts, for the card's tooltip. */
  hint: string;
  /** Under a business-hours median, its calendar time (a reply at night counts 0 business minutes). */
  note: string | null;
  drill: FeedbackFilter;
}

interface Spec {
  id: FigureId;
  label: string;
  hint: string;
  kind: ChangeKind;
  better: Better;
  raw(side: PeriodFigures, basis: TimeBasis): number | null;
  format(value: number | null): string;
  /** Durations: the same figure in calendar time. */
  calendar?(side: PeriodFigures): number | null;
  extra?: FeedbackFilter;
}

/** First-response and resolution targets together: each item can meet or breach both. */
export function slaRate(side: PeriodFigures): number | null {
  const { firstResponse: f, resolution: r } = side.sla;
  return share(f.met + r.met, f.met + f.breached + r.met + r.breached);
}

const openStatuses: FeedbackFilter = { status: ['open', 'pending', 'replied'] };

const specs: Spec[] = [
  { id: 'total', label: 'Items', hint: 'Feedback received in the period', kind: 'relative', better: 'neither', raw: (s) => s.total, format: formatCount },
  {
    id: 'negative',
    label: 'Negative',
    hint: 'Share of items with negative sentiment',
    kind: 'points',
    better: 'lower',
    raw: (s) => share(s.bySentiment.negative, s.total),
    format: formatPercent,
    extra: { sentiment: ['negative'] },
  },
  {
    id: 'escalation',
    label: 'Escalation rate',
    hint: 'Share of items escalated at any time',
    kind: 'points',
    better: 'lower',
    raw: (s) => s.escalation.rate,
    format: formatPercent,
    extra: { escalated: true },
  },
  {
    id: 'firstResponse',
    label: 'First response',
    hint: 'Median time to the first reply',
    kind: 'duration',
    better: 'lower',
    raw: (s, b) => s.firstResponse[b].median,
    calendar: (s) => s.firstResponse.calendar.median,
    format: formatDuration,
  },
  {
    id: 'resolution',
    label: 'Resolution',
    hint: 'Median time to resolve',
    kind: 'duration',
    better: 'lower',
    raw: (s, b) => s.resolution[b].median,
    calendar: (s) => s.resolution.calendar.median,
    format: formatDuration,
  },
  { id: 'sla', label: 'SLA attainment', hint: 'First-response and resolution targets met', kind: 'points', better: 'higher', raw: slaRate, format: formatPercent },
  {
    id: 'backlog',
    label: 'Backlog',
    hint: 'Items still open when the period ended',
    kind: 'relative',
    better: 'lower',
    raw: (s) => s.backlog.atEnd,
    format: formatCount,
    extra: openStatuses,
  },
  {
    id: 'repeat',
    label: 'Repeat contacts',
    hint: 'Items from a customer who wrote in the 7 days before',
    kind: 'points',
    better: 'lower',
    raw: (s) => s.repeat.rate,
    format: formatPercent,
  },
];

export function keyFigures(report: Report, basis: TimeBasis): KeyFigure[] {
  const { primary, comparison } = report;
  return specs.map((spec) => {
    const value = spec.raw(primary, basis);
    const before = comparison ? spec.raw(comparison, basis) : null;
    const base = sideFilter(primary);
    // The backlog counts items received before the period too: its drill starts at no date.
    const drill =
      spec.id === 'backlog' ? narrowed({ ...base, receivedFrom: undefined }, spec.extra ?? {}) : spec.extra ? narrowed(base, spec.extra) : base;
    if (drill.receivedFrom === undefined) delete drill.receivedFrom;
    return {
      id: spec.id,
      label: spec.label,
      hint: spec.hint,
      note: basis === 'business' && spec.calendar && spec.calendar(primary) !== null ? `${formatDuration(spec.calendar(primary))} in calendar time` : null,
      value: spec.format(value),
      comparison: comparison ? spec.format(before) : null,
      change: comparison ? changeOf(value, before, spec.kind, spec.better) : null,
      drill,
    };
  });
}
