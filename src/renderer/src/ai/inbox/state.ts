/**
 * The AI in the inbox as the window holds it: whether an endpoint is ready, each item's
 * triage (and its pending job), and the reply draft being streamed per conversation.
 * Actions are named after what happened; the calls live in flows.ts.
 */
import { create } from 'zustand';
import type { AiDraft, AiJob, AiStatus, AiTriage, ReplyTone } from '../../../../shared/ai/schema';
import type { ErrorInfo } from '../../../../shared/errors';
import { mergeStreamText } from './model';

export type TriageState =
  | { phase: 'loading' }
  | { phase: 'ready'; triage: AiTriage | null; job: AiJob | null }
  | { phase: 'failed'; error: ErrorInfo };

export interface DraftRun {
  /** Null until the core answered the start (pieces may arrive first). */
  draftId: string | null;
  tone: ReplyTone;
  phase: 'starting' | 'streaming' | 'done' | 'failed' | 'cancelled';
  text: string;
  draft: AiDraft | null;
  error: string | null;
}

interface AiInboxState {
  status: AiStatus | null;
  triages: Record<string, TriageState>;
  /** Fields being applied, per item, so their buttons show it. */
  applying: Record<string, boolean>;
  runs: Record<string, DraftRun>;
  /** A tone chosen while the composer held the agent's own words: waiting for "Replace" or "Keep mine". */
  replacing: Record<string, ReplyTone | null>;
  /** The agent folded the triage card to its summary line (kept for the session, every item). */
  cardFolded: boolean;

  statusLoaded(status: AiStatus): void;
  triageRequested(id: string): void;
  triageLoaded(id: string, triage: AiTriage | null, job: AiJob | null): void;
  triageFailed(id: string, error: ErrorInfo): void;
  applyingChanged(id: string, busy: boolean): void;
  draftStarted(feedbackId: string, tone: ReplyTone): void;
  draftIdKnown(feedbackId: string, draftId: string): void;
  draftProgressed(feedbackId: string, draftId: string, piece: { delta: string; text: string }): void;
  draftFinished(draft: AiDraft): void;
  draftFailed(feedbackId: string, error: string): void;
  draftForgotten(feedbackId: string): void;
  replaceAsked(feedbackId: string, tone: ReplyTone | null): void;
  cardFoldToggled(): void;
}

/** Whether a run belongs to this draft id (a run that has no id yet takes the first one it hears). */
function sameRun(run: DraftRun | undefined, draftId: string): run is DraftRun {
  return run !== undefined && (run.draftId === null || run.draftId === draftId);
}

export const useAiInbox = create<AiInboxState>()((set) => ({
  status: null,
  triages: {},
  applying: {},
  runs: {},
  replacing: {},
  cardFolded: false,

  statusLoaded: (status) => set({ status }),
  triageRequested: (id) => set((s) => (s.triages[id]?.phase === 'ready' ? {} : { triages: { ...s.triages, [id]: { phase: 'loading' } } })),
  triageLoaded: (id, triage, job) => set((s) => ({ triages: { ...s.triages, [id]: { phase: 'ready', triage, job } } })),
  triageFailed: (id, error) => set((s) => ({ triages: { ...s.triages, [id]: { phase: 'failed', error } } })),
  applyingChanged: (id, busy) => set((s) => ({ applying: { ...s.applying, [id]: busy } })),
  draftStarted: (feedbackId, tone) =>
    set((s) => ({ runs: { ...s.runs, [feedbackId]: { draftId: null, tone, phase: 'starting', text: '', draft: null, error: null } } })),
  draftIdKnown: (feedbackId, draftId) =>
    set((s) => {
      const run = s.runs[feedbackId];
      if (!run || (run.draftId !== null && run.draftId !== draftId)) return {};
      return { runs: { ...s.runs, [feedbackId]: { ...run, draftId } } };
    }),
  draftProgressed: (feedbackId, draftId, piece) =>
    set((s) => {
      const run = s.runs[feedbackId];
      if (!sameRun(run, draftId) || (run.phase !== 'starting' && run.phase !== 'streaming')) return {};
      return { runs: { ...s.runs, [feedbackId]: { ...run, draftId, phase: 'streaming', text: mergeStreamText(run.text, piece) } } };
    }),
  draftFinished: (draft) =>
    set((s) => {
      const run = s.runs[draft.feedbackId];
      if (!sameRun(run, draft.id)) return {};
      const phase = draft.state === 'done' ? 'done' : draft.state === 'cancelled' ? 'cancelled' : draft.state === 'failed' ? 'failed' : run.phase;
      return { runs: { ...s.runs, [draft.feedbackId]: { ...run, draftId: draft.id, phase, text: draft.text, draft, error: draft.error } } };
    }),
  draftFailed: (feedbackId, error) =>
    set((s) => {
      const run = s.runs[feedbackId];
      if (!run) return {};
      return { runs: { ...s.runs, [feedbackId]: { ...run, phase: 'failed', error } } };
    }),
  cardFoldToggled: () => set((s) => ({ cardFolded: !s.cardFolded })),
  replaceAsked: (feedbackId, tone) => set((s) => ({ replacing: { ...s.replacing, [feedbackId]: tone } })),
  draftForgotten: (feedbackId) =>
    set((s) => {
      const { [feedbackId]: _, ...rest } = s.runs;
      return { runs: rest };
    }),
}));

export const isStreaming = (run: DraftRun | undefined): boolean => run !== undefined && (run.phase === 'starting' || run.phase === 'streaming');
