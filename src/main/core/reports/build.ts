/**
 * Every figure of a report, read from the store: the period and what it is set against
 * (the period before, a year before, or another product or channel over the same period),
 * the emerging terms, and the insights. One covering-index scan per side carries most
 * figures (store/reports-repo.ts); aggregate.ts folds it.
 */
import type { FeedbackFilter } from '../../../shared/contract';
import type { Channel } from '../../../shared/domain';
import { aggregate, REPEAT_WINDOW_MS } from '../../../shared/reports/aggregate';
import { comparisonPeriod, granularityFor, makeBuckets, periodLabel } from '../../../shared/reports/buckets';
import { insightsFor } from '../../../shared/reports/insights';
import type { Granularity, PeriodFigures, Report, ReportScope, SlaAttainment } from '../../../shared/reports/schema';
import { emergingBetween } from '../analysis/emerging';
import { loadAiSettings } from '../ai/settings';
import type { DB } from '../store/db';
import { aiQualityFor } from '../store/report-quality-repo';
import {
  carriedItems,
  customerNames,
  earlierContacts,
  escalationFigures,
  overdueNow,
  scanItems,
  sliceTexts,
  sliceWhere,
  topicCounts,
  type ReportSlice,
} from '../store/reports-repo';
import { loadSlaSettings } from '../store/sla-repo';
import type { BuildReport } from './seams';

/** Emerging terms shown at most. */
const EMERGING_LIMIT = 20;

interface Side {
  label: string;
  from: number;
  to: number;
  /** The inbox filter of the side's items (without its received range). */
  filter: FeedbackFilter;
}

const channelLabel = (c: Channel): string => c.charAt(0).toUpperCase() + c.slice(1);

function sidesOf(scope: ReportScope, timeZone: string): { primary: Side; comparison: Side | null; before: Side } {
  const base: FeedbackFilter = { ...scope.filter };
  const label = periodLabel(scope.from, scope.to, timeZone);
  const own: Side = { label, from: scope.from, to: scope.to, filter: base };
  const earlier = (kind: 'previous' | 'year'): Side => {
    const p = comparisonPeriod(scope.from, scope.to, timeZone, kind);
    // Times are never before 1970 (the contract's epoch milliseconds): an earlier period starts there.
    const from = Math.max(0, p.from);
    const to = Math.max(from, p.to);
    return { label: periodLabel(from, to, timeZone), from, to, filter: base };
  };
  const c = scope.compare;
  switch (c.kind) {
    case 'none':
      return { primary: own, comparison: null, before: earlier('previous') };
    case 'previous':
    case 'year': {
      const other = earlier(c.kind);
      return { primary: own, comparison: other, before: other };
    }
    case 'product': {
      const other: Side = { ...own, label: c.b, filter: { ...base, product: [c.b] } };
      return { primary: { ...own, label: c.a, filter: { ...base, product: [c.a] } }, comparison: other, before: other };
    }
    case 'channel': {
      const other: Side = { ...own, label: channelLabel(c.b), filter: { ...base, channel: [c.b] } };
      return { primary: { ...own, label: channelLabel(c.a), filter: { ...base, channel: [c.a] } }, comparison: other, before: other };
    }
  }
}

/** Met and breached clocks, with the running ones already past their deadline counted as breached. */
function attainment(ended: SlaAttainment, overdue: number): SlaAttainment {
  const breached = ended.breached + overdue;
  return { met: ended.met, breached, rate: ended.met + breached === 0 ? null : ended.met / (ended.met + breached) };
}

function figures(db: DB, side: Side, timeZone: string, granularity: Granularity, monthlyBudget: number | null, now: number): PeriodFigures {
  const slice: ReportSlice = { filter: side.filter, from: side.from, to: side.to };
  const escalations = escalationFigures(db, slice);
  const a = aggregate(
    scanItems(db, slice, escalations.items),
    makeBuckets(side.from, side.to, timeZone, granularity),
    carriedItems(db, slice),
    earlierContacts(db, slice, REPEAT_WINDOW_MS),
  );
  const overdue = overdueNow(db, slice, now);
  const names = customerNames(
    db,
    a.repeat.topCustomers.map((c) => c.customerId),
  );
  return {
    label: side.label,
    from: side.from,
    to: side.to,
    drill: { ...side.filter, receivedFrom: side.from, receivedTo: side.to },
    total: a.total,
    byChannel: a.byChannel,
    bySentiment: a.bySentiment,
    byStatus: a.byStatus,
    series: a.series,
    topics: topicCounts(db, slice),
    escalation: {
      escalated: a.escalated,
      rate: a.total > 0 ? a.escalated / a.total : null,
      byTarget: escalations.byTarget,
      byReason: escalations.byReason,
    },
    firstResponse: a.firstResponse,
    resolution: a.resolution,
    sla: { firstResponse: attainment(a.sla.firstResponse, overdue.firstResponse), resolution: attainment(a.sla.resolution, overdue.resolution) },
    backlog: a.backlog,
    agents: a.agents,
    repeat: {
      customers: a.repeat.customers,
      repeatItems: a.repeat.repeatItems,
      rate: a.repeat.rate,
      // Equal counts by name, so the list reads the same on every run.
      topCustomers: a.repeat.topCustomers
        .map((c) => ({ customerId: c.customerId, name: names.get(c.customerId) ?? '', count: c.count }))
        .sort((x, y) => y.count - x.count || x.name.localeCompare(y.name)),
    },
    ai: aiQualityFor(db, side.from, side.to, sliceWhere(side.filter), { monthlyBudget }),
  };
}

export const buildReport: BuildReport = (db, scope, now) => {
  const sla = loadSlaSettings(db);
  const timeZone = scope.timeZone ?? sla.calendar.timeZone;
  const granularity = granularityFor(scope.from, scope.to);
  const monthlyBudget = loadAiSettings(db).monthlyTokenBudget;
  const sides = sidesOf(scope, timeZone);
  const primary = figures(db, sides.primary, timeZone, granularity, monthlyBudget, now);
  const comparison = sides.comparison ? figures(db, sides.comparison, timeZone, granularity, monthlyBudget, now) : null;

  // Without a comparison, terms rise against the period just before. With nothing to set
  // them against (a first year), none can rise, and the period's texts are not read.
  const previous = sliceTexts(db, sides.before);
  const recent = previous.length > 0 ? sliceTexts(db, sides.primary) : [];
  const emerging: Report['emerging'] = {
    terms: emergingBetween(recent, previous, { limit: EMERGING_LIMIT }),
    sampled: { recent: recent.length, previous: previous.length },
  };
  return {
    scope: { from: scope.from, to: scope.to, timeZone, granularity, compare: scope.compare, filter: scope.filter },
    generatedAt: now,
    businessHours: sla.businessHours,
    primary,
    comparison,
    emerging,
    insights: insightsFor(primary, comparison, emerging, scope.compare),
  };
};
