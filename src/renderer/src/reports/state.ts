/**
 * Reports in the window: the scope being looked at, the report for it, and which
 * durations the charts show. Actions are named after what happened; calls live in flows.ts.
 */
import { create } from 'zustand';
import type { ErrorInfo } from '../../../shared/errors';
import type { Report, ReportScopeInput } from '../../../shared/reports/schema';

export type TimeBasis = 'business' | 'calendar';

interface ReportsState {
  scope: ReportScopeInput | null;
  report: Report | null;
  loading: boolean;
  error: ErrorInfo | null;
  timeBasis: TimeBasis;
  /** Drops answers to an older scope (see inbox/state/list.ts). */
  generation: number;

  scopeChanged(scope: ReportScopeInput): number;
  reportLoaded(generation: number, report: Report): void;
  reportFailed(generation: number, error: ErrorInfo): void;
  timeBasisChosen(basis: TimeBasis): void;
}

export const useReports = create<ReportsState>()((set, get) => ({
  scope: null,
  report: null,
  loading: false,
  error: null,
  timeBasis: 'business',
  generation: 0,

  scopeChanged: (scope) => {
    const generation = get().generation + 1;
    set({ scope, loading: true, error: null, generation });
    return generation;
  },
  reportLoaded: (generation, report) => {
    if (generation === get().generation) set({ report, loading: false, error: null });
  },
  reportFailed: (generation, error) => {
    if (generation === get().generation) set({ loading: false, error });
  },
  timeBasisChosen: (timeBasis) => set({ timeBasis }),
}));
