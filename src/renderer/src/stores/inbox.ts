/**
 * The inbox list: one page after another, keyed by the core's cursor. A refresh bumps
 * `generation`, so a page that arrives after a newer refresh started is ignored.
 */
import { create } from 'zustand';
import type { FeedbackSummary } from '../../../shared/contract';
import type { ErrorInfo } from '../../../shared/errors';

export type InboxPhase = 'idle' | 'loading' | 'ready' | 'loadingMore' | 'failed';

interface Page {
  items: FeedbackSummary[];
  nextCursor: string | null;
}

interface InboxState {
  items: FeedbackSummary[];
  nextCursor: string | null;
  total: number | null;
  phase: InboxPhase;
  error: ErrorInfo | null;
  generation: number;
  refreshStarted(): number;
  firstPageLoaded(generation: number, page: Page, total: number): void;
  morePageRequested(): void;
  morePageLoaded(generation: number, page: Page): void;
  pageFailed(generation: number, error: ErrorInfo): void;
}

export const useInbox = create<InboxState>()((set, get) => ({
  items: [],
  nextCursor: null,
  total: null,
  phase: 'idle',
  error: null,
  generation: 0,
  refreshStarted: () => {
    const generation = get().generation + 1;
    // Items stay on screen while the new first page loads, so a refresh does not flicker.
    set({ generation, phase: 'loading', error: null });
    return generation;
  },
  firstPageLoaded: (generation, page, total) => {
    if (generation !== get().generation) return;
    set({ items: page.items, nextCursor: page.nextCursor, total, phase: 'ready' });
  },
  morePageRequested: () => set({ phase: 'loadingMore', error: null }),
  morePageLoaded: (generation, page) => {
    if (generation !== get().generation) return;
    set((state) => ({ items: [...state.items, ...page.items], nextCursor: page.nextCursor, phase: 'ready' }));
  },
  pageFailed: (generation, error) => {
    if (generation !== get().generation) return;
    set({ phase: 'failed', error });
  },
}));
