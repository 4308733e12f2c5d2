/**
 * The AI period summary as the window holds it, for the one period on screen. A summary is
 * keyed by its exact period, so an answer for an earlier scope never shows under a new one.
 */
import { create } from 'zustand';
import type { AiJob, AiSummary } from '../../../../shared/ai/schema';
import type { ErrorInfo } from '../../../../shared/errors';

export type SummaryPhase = 'idle' | 'loading' | 'writing' | 'ready' | 'failed';

interface SummaryState {
  /** "from-to" of the period this state is about. */
  period: string | null;
  phase: SummaryPhase;
  summary: AiSummary | null;
  job: AiJob | null;
  /** The job this window asked for, to tell "ended without a summary" from "not asked". */
  jobId: string | null;
  error: ErrorInfo | null;
  figuresOpen: boolean;

  periodShown(period: string): void;
  summaryRead(period: string, summary: AiSummary | null, job: AiJob | null): void;
  summaryAsked(period: string): void;
  /** The job writing it is known (the answer to ai.summary.start). */
  summaryQueued(period: string, jobId: string): void;
  summaryFailed(period: string, error: ErrorInfo): void;
  figuresToggled(): void;
}

export function periodKey(from: number, to: number): string {
  return `${from}-${to}`;
}

const unfinished = new Set(['queued', 'running', 'waiting']);

export const useSummary = create<SummaryState>()((set, get) => ({
  period: null,
  phase: 'idle',
  summary: null,
  job: null,
  jobId: null,
  error: null,
  figuresOpen: false,

  periodShown: (period) => {
    if (get().period !== period) set({ period, phase: 'loading', summary: null, job: null, jobId: null, error: null, figuresOpen: false });
  },
  summaryRead: (period, summary, job) => {
    if (period !== get().period) return;
    if (summary) set({ phase: 'ready', summary, job, error: null });
    else if (job && unfinished.has(job.state)) set({ phase: 'writing', job, error: null });
    else if (job?.state === 'failed') set({ phase: 'failed', job, error: { code: 'AI_OFFLINE', message: job.error ?? 'The model did not write a summary.' } });
    else if (get().phase !== 'writing') set({ phase: 'idle', job });
  },
  summaryAsked: (period) => {
    if (period === get().period) set({ phase: 'writing', error: null });
  },
  summaryQueued: (period, jobId) => {
    if (period === get().period) set({ jobId });
  },
  summaryFailed: (period, error) => {
    if (period === get().period) set({ phase: 'failed', error });
  },
  figuresToggled: () => set((s) => ({ figuresOpen: !s.figuresOpen })),
}));
