/** The views in the navigation (built-in, then saved) with their live counts, and the facets. */
import { create } from 'zustand';
import type { ChannelOutput, View } from '../../../../shared/contract';
import type { ErrorInfo } from '../../../../shared/errors';

export type Facets = ChannelOutput<'feedback.facets'>;

interface ViewsState {
  views: View[] | null;
  error: ErrorInfo | null;
  facets: Facets | null;
  viewsLoaded(views: View[]): void;
  viewsFailed(error: ErrorInfo): void;
  facetsLoaded(facets: Facets): void;
}

export const useViews = create<ViewsState>()((set) => ({
  views: null,
  error: null,
  facets: null,
  viewsLoaded: (views) => set({ views, error: null }),
  viewsFailed: (error) => set({ error }),
  facetsLoaded: (facets) => set({ facets }),
}));

/** True once the store is known to hold nothing at all (not just an empty view). */
export const selectStoreEmpty = (state: ViewsState): boolean => state.views?.find((v) => v.id === 'builtin:all')?.count === 0;
