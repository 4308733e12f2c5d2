/**
 * Reports in the window: the scope being looked at, the report for it, and which
 * durations the charts show. Actions are named after what happened; calls live in flows.ts.
 * The store lives for the session, so the Reports page reopens on the last scope.
 */
import { create } from 'zustand';
import type { ErrorInfo } from '../../../shared/errors';
import type { Report, ReportScopeInput } from '../../../shared/reports/schema';
import { defaultChoice, type ScopeChoice, type TimeBasis } from './model/scope';

export type { TimeBasis };

interface ReportsState {
  /** The scope bar's choice (preset, custom days, comparison, filters) the scope is made from. */
  choice: ScopeChoice;
  scope: ReportScopeInput | null;
  report: Report | null;
  loading: boolean;
  error: ErrorInfo | null;
  timeBasis: TimeBasis;
  /** Whether the agent chose the basis; until then it follows the report's own default. */
  timeBasisSet: boolean;
  /** Drops answers to an older scope (see inbox/state/list.ts). */
  generation: number;

  choiceMade(choice: ScopeChoice): void;
  scopeChanged(scope: ReportScopeInput): number;
  reportLoaded(generation: number, report: Report): void;
  reportFailed(generation: number, error: ErrorInfo): void;
  timeBasisChosen(basis: TimeBasis): void;
}

export const useReports = create<ReportsState>()((set, get) => ({
  choice: defaultChoice,
  scope: null,
  report: null,
  loading: false,
  error: null,
  timeBasis: 'business',
  timeBasisSet: false,
  generation: 0,

  choiceMade: (choice) => set({ choice }),
  scopeChanged: (scope) => {
    const generation = get().generation + 1;
    set({ scope, loading: true, error: null, generation });
    return generation;
  },
  reportLoaded: (generation, report) => {
    if (generation !== get().generation) return;
    // Business hours are the default only where an SLA calendar makes them mean something.
    const basis = get().timeBasisSet ? get().timeBasis : report.businessHours ? 'business' : 'calendar';
    set({ report, loading: false, error: null, timeBasis: basis });
  },
  reportFailed: (generation, error) => {
    if (generation === get().generation) set({ loading: false, error });
  },
  timeBasisChosen: (timeBasis) => set({ timeBasis, timeBasisSet: true }),
}));
