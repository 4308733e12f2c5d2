/**
 * Replies being written: the suggestions offered for each conversation, and each
 * conversation's draft with the suggestion it started from. Drafts live for the session,
 * so moving to another conversation and back keeps what the agent wrote.
 */
import { create } from 'zustand';
import type { Suggestion } from '../../../../shared/contract';
import type { ErrorInfo } from '../../../../shared/errors';

export type SuggestionsState = { status: 'loading' } | { status: 'ready'; items: Suggestion[] } | { status: 'failed'; error: ErrorInfo };

export interface Draft {
  text: string;
  /** The suggestion the draft started from, and its place in the list (1-based). */
  picked: { suggestion: Suggestion; rank: number } | null;
  /** The AI draft the text came from (kept while the agent edits it), so sending records its outcome. */
  aiDraftId?: string | null;
}

interface RepliesState {
  suggestions: Record<string, SuggestionsState>;
  drafts: Record<string, Draft>;
  sending: string | null;
  suggestionsRequested(id: string): void;
  suggestionsLoaded(id: string, items: Suggestion[]): void;
  suggestionsFailed(id: string, error: ErrorInfo): void;
  /** Templates changed or a reply was sent: every list is stale. */
  suggestionsStale(): void;
  suggestionPicked(id: string, suggestion: Suggestion, rank: number): void;
  draftEdited(id: string, text: string): void;
  /** AI draft text streamed or finished: it is the draft now, tied to that AI draft. */
  aiDraftWritten(id: string, text: string, aiDraftId: string | null): void;
  draftCleared(id: string): void;
  /** Undo of a replaced or cleared draft. */
  draftRestored(id: string, draft: Draft): void;
  sendStarted(id: string): void;
  sendFinished(): void;
}

const emptyDraft: Draft = { text: '', picked: null };

export const useReplies = create<RepliesState>()((set) => ({
  suggestions: {},
  drafts: {},
  sending: null,
  suggestionsRequested: (id) => set((s) => ({ suggestions: { ...s.suggestions, [id]: { status: 'loading' } } })),
  suggestionsLoaded: (id, items) => set((s) => ({ suggestions: { ...s.suggestions, [id]: { status: 'ready', items } } })),
  suggestionsFailed: (id, error) => set((s) => ({ suggestions: { ...s.suggestions, [id]: { status: 'failed', error } } })),
  suggestionsStale: () => set({ suggestions: {} }),
  suggestionPicked: (id, suggestion, rank) => set((s) => ({ drafts: { ...s.drafts, [id]: { text: suggestion.text, picked: { suggestion, rank } } } })),
  draftEdited: (id, text) => set((s) => ({ drafts: { ...s.drafts, [id]: { ...(s.drafts[id] ?? emptyDraft), text } } })),
  aiDraftWritten: (id, text, aiDraftId) => set((s) => ({ drafts: { ...s.drafts, [id]: { text, picked: null, aiDraftId } } })),
  draftCleared: (id) =>
    set((s) => {
      const { [id]: _, ...rest } = s.drafts;
      return { drafts: rest };
    }),
  draftRestored: (id, draft) => set((s) => ({ drafts: { ...s.drafts, [id]: draft } })),
  sendStarted: (id) => set({ sending: id }),
  sendFinished: () => set({ sending: null }),
}));

export const draftOf = (id: string) => (s: RepliesState): Draft => s.drafts[id] ?? emptyDraft;
