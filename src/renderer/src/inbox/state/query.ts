/**
 * What the list shows: the view the agent opened and the filter on screen, which starts as
 * the view's own and changes with the filter bar and the search box.
 */
import { create } from 'zustand';
import type { FeedbackFilter, FeedbackSort } from '../../../../shared/contract';
import { builtInViews } from '../../../../shared/views';
import { sameFilter, withFilterPart } from '../model/filters';

/** A new window opens on the Inbox; afterwards it reopens the view the agent last used. */
export const startViewId = 'builtin:inbox';
const lastViewKey = 'hearken.lastView';

function rememberedViewId(): string {
  try {
    return window.localStorage.getItem(lastViewKey) ?? startViewId;
  } catch {
    return startViewId;
  }
}

function rememberView(id: string): void {
  try {
    window.localStorage.setItem(lastViewKey, id);
  } catch {
    // Private windows may refuse storage; the view still opens.
  }
}

interface QueryState {
  viewId: string;
  /** The opened view's filter, to tell whether the agent changed it. */
  viewFilter: FeedbackFilter;
  filter: FeedbackFilter;
  sort: FeedbackSort;
  /** Bumped when the list should start again from the top (a new view or filter). */
  resetCount: number;
  /** False while a remembered saved view waits for views.list to say what its filter is. */
  viewResolved: boolean;
  /** Names for customer filters, which carry only an id. */
  customerNames: Record<string, string>;
  viewOpened(view: { id: string; filter: FeedbackFilter }): void;
  filterChanged(filter: FeedbackFilter): void;
  searchChanged(query: string): void;
  filterReset(): void;
  customerFiltered(customer: { id: string; name: string }): void;
  sortChanged(sort: FeedbackSort): void;
}

const initialId = rememberedViewId();
const initialBuiltIn = builtInViews.find((v) => v.id === initialId);
// A remembered saved view is resolved once views load; until then, the start view shows.
const initial = initialBuiltIn ?? builtInViews.find((v) => v.id === startViewId) ?? { id: startViewId, filter: {} };

export const useQuery = create<QueryState>()((set, get) => ({
  viewId: initialBuiltIn ? initial.id : initialId,
  viewFilter: initial.filter,
  filter: initial.filter,
  sort: 'newest',
  resetCount: 0,
  viewResolved: initialBuiltIn !== undefined,
  customerNames: {},
  viewOpened: (view) => {
    rememberView(view.id);
    set({ viewId: view.id, viewFilter: view.filter, filter: view.filter, viewResolved: true, resetCount: get().resetCount + 1 });
  },
  filterChanged: (filter) => set({ filter, resetCount: get().resetCount + 1 }),
  searchChanged: (query) => {
    const next = withFilterPart(get().filter, 'query', query.trim() === '' ? undefined : query);
    if (sameFilter(next, get().filter)) return;
    set({ filter: next, resetCount: get().resetCount + 1 });
  },
  filterReset: () => set({ filter: get().viewFilter, resetCount: get().resetCount + 1 }),
  customerFiltered: (customer) =>
    set({
      filter: { ...get().filter, customerId: customer.id },
      customerNames: { ...get().customerNames, [customer.id]: customer.name },
      resetCount: get().resetCount + 1,
    }),
  sortChanged: (sort) => set({ sort, resetCount: get().resetCount + 1 }),
}));

export const selectFilterModified = (state: QueryState): boolean => !sameFilter(state.filter, state.viewFilter);
