/**
 * The period presets and the scope they make. Periods are [from, to) between local
 * midnights of the zone the window runs in; `now` is passed in so tests pin the day.
 */
import type { Channel } from '../../../../shared/domain';
import type { ReportCompare, ReportFilter, ReportScopeInput, TimeBasis as ReportTimeBasis } from '../../../../shared/reports/schema';

/** Which durations the times show: business hours of the SLA calendar, or wall-clock time. */
export type TimeBasis = ReportTimeBasis;

export const presetIds = ['last7', 'last30', 'thisMonth', 'lastMonth', 'thisQuarter', 'last12Months', 'custom'] as const;
export type PresetId = (typeof presetIds)[number];

export const presetLabels: Record<PresetId, string> = {
  last7: 'Last 7 days',
  last30: 'Last 30 days',
  thisMonth: 'This month',
  lastMonth: 'Last month',
  thisQuarter: 'This quarter',
  last12Months: 'Last 12 months',
  custom: 'Custom',
};

export type CompareChoice = 'none' | 'previous' | 'year' | 'product' | 'channel';

export interface ScopeChoice {
  preset: PresetId;
  /** Custom: the first and last day, as local midnights. */
  custom: { first: number; last: number } | null;
  compare: CompareChoice;
  products: [string | null, string | null];
  channels: [Channel | null, Channel | null];
  filter: ReportFilter;
}

export const defaultChoice: ScopeChoice = {
  preset: 'last30',
  custom: null,
  compare: 'previous',
  products: [null, null],
  channels: [null, null],
  filter: {},
};

function midnight(y: number, m: number, d: number): number {
  return new Date(y, m, d).getTime();
}

/** The period a preset covers on the day of `now`; the custom range's last day is included. */
export function presetRange(choice: Pick<ScopeChoice, 'preset' | 'custom'>, now: number): { from: number; to: number } {
  const today = new Date(now);
  const y = today.getFullYear();
  const m = today.getMonth();
  const d = today.getDate();
  const tomorrow = midnight(y, m, d + 1);
  switch (choice.preset) {
    case 'last7':
      return { from: midnight(y, m, d - 6), to: tomorrow };
    case 'last30':
      return { from: midnight(y, m, d - 29), to: tomorrow };
    case 'thisMonth':
      return { from: midnight(y, m, 1), to: tomorrow };
    case 'lastMonth':
      return { from: midnight(y, m - 1, 1), to: midnight(y, m, 1) };
    case 'thisQuarter':
      return { from: midnight(y, m - (m % 3), 1), to: tomorrow };
    case 'last12Months':
      return { from: midnight(y - 1, m, d + 1), to: tomorrow };
    case 'custom': {
      if (!choice.custom) return { from: midnight(y, m, d - 29), to: tomorrow };
      const first = new Date(choice.custom.first);
      const last = new Date(choice.custom.last);
      return {
        from: midnight(first.getFullYear(), first.getMonth(), first.getDate()),
        to: midnight(last.getFullYear(), last.getMonth(), last.getDate() + 1),
      };
    }
  }
}

/** The comparison the choice asks for; a product or channel compare needs both sides chosen. */
export function compareOf(choice: ScopeChoice): ReportCompare {
  switch (choice.compare) {
    case 'none':
    case 'previous':
    case 'year':
      return { kind: choice.compare };
    case 'product': {
      const [a, b] = choice.products;
      return a && b && a !== b ? { kind: 'product', a, b } : { kind: 'none' };
    }
    case 'channel': {
      const [a, b] = choice.channels;
      return a && b && a !== b ? { kind: 'channel', a, b } : { kind: 'none' };
    }
  }
}

/** Drops empty lists so the scope (and its drills) carry only what narrows. */
export function cleanFilter(filter: ReportFilter): ReportFilter {
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0) || value === '') continue;
    next[key] = value;
  }
  return next as ReportFilter;
}

export function scopeOf(choice: ScopeChoice, now: number, timeZone: string | undefined): ReportScopeInput {
  const range = presetRange(choice, now);
  return { ...range, ...(timeZone ? { timeZone } : {}), compare: compareOf(choice), filter: cleanFilter(choice.filter) };
}
