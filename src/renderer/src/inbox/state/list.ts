/**
 * The loaded part of the list, in keyset pages. `generation` changes with every new load
 * or refresh, so an answer that arrives after a newer request started is dropped.
 */
import { create } from 'zustand';
import type { FeedbackChange, FeedbackSummary } from '../../../../shared/contract';
import type { ErrorInfo } from '../../../../shared/errors';

export type ListPhase = 'idle' | 'loading' | 'ready' | 'failed';

interface Page {
  items: FeedbackSummary[];
  nextCursor: string | null;
}

interface ListState {
  /** The filter and sort asked for last. */
  key: string | null;
  /** The filter and sort the items on hand belong to; differs from `key` while a new list loads. */
  itemsKey: string | null;
  items: FeedbackSummary[];
  nextCursor: string | null;
  total: number | null;
  phase: ListPhase;
  loadingMore: boolean;
  error: ErrorInfo | null;
  generation: number;
  listRequested(key: string): number;
  firstPageLoaded(generation: number, page: Page, total: number): void;
  morePageRequested(): number;
  morePageLoaded(generation: number, page: Page): void;
  listFailed(generation: number, error: ErrorInfo): void;
  refreshStarted(): number;
  windowRefreshed(generation: number, page: Page, total: number): void;
  itemsChanged(ids: readonly string[], change: FeedbackChange): void;
}

/** Applies a change the core confirmed, so the row updates before the refresh lands. */
function patch(item: FeedbackSummary, change: FeedbackChange): FeedbackSummary {
  let tags = item.tags;
  if (change.removeTags?.length) tags = tags.filter((t) => !change.removeTags?.includes(t.name));
  if (change.addTags?.length) {
    const added = change.addTags.filter((name) => !tags.some((t) => t.name === name)).map((name) => ({ name, source: 'human' as const }));
    tags = [...tags, ...added].sort((a, b) => a.name.localeCompare(b.name));
  }
  return {
    ...item,
    status: change.status ?? item.status,
    unread: change.unread ?? item.unread,
    sentiment: change.sentiment ?? item.sentiment,
    tags,
  };
}

export const useList = create<ListState>()((set, get) => ({
  key: null,
  itemsKey: null,
  items: [],
  nextCursor: null,
  total: null,
  phase: 'idle',
  loadingMore: false,
  error: null,
  generation: 0,
  listRequested: (key) => {
    const generation = get().generation + 1;
    // The old rows stay until the new ones arrive, so typing a search does not flicker.
    set({ key, generation, phase: 'loading', loadingMore: false, error: null });
    return generation;
  },
  firstPageLoaded: (generation, page, total) => {
    if (generation !== get().generation) return;
    set((state) => ({ items: page.items, itemsKey: state.key, nextCursor: page.nextCursor, total, phase: 'ready' }));
  },
  morePageRequested: () => {
    set({ loadingMore: true });
    return get().generation;
  },
  morePageLoaded: (generation, page) => {
    if (generation !== get().generation) return;
    set((state) => ({ items: [...state.items, ...page.items], nextCursor: page.nextCursor, loadingMore: false }));
  },
  listFailed: (generation, error) => {
    if (generation !== get().generation) return;
    // Rows from another view under an error would read as this view's rows.
    const stale = get().itemsKey !== get().key;
    set({ phase: 'failed', loadingMore: false, error, ...(stale ? { items: [], total: null, nextCursor: null } : {}) });
  },
  refreshStarted: () => {
    const generation = get().generation + 1;
    set({ generation, loadingMore: false });
    return generation;
  },
  windowRefreshed: (generation, page, total) => {
    if (generation !== get().generation) return;
    set({ items: page.items, nextCursor: page.nextCursor, total, phase: 'ready', error: null });
  },
  itemsChanged: (ids, change) => {
    const changed = new Set(ids);
    set((state) => ({ items: state.items.map((item) => (changed.has(item.id) ? patch(item, change) : item)) }));
  },
}));

/** How many rows the list has room for: the total once known, never fewer than loaded. */
export function rowCount(state: Pick<ListState, 'items' | 'total' | 'nextCursor'>): number {
  if (state.nextCursor === null) return state.items.length;
  return Math.max(state.total ?? 0, state.items.length);
}
