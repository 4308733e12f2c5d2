/**
 * Starter taxonomies as the window holds them: what there is to choose from, what this
 * store chose (null: not yet, so the first-run card shows), and the choice being applied.
 * Shared by the first-run card and the dialog, so choosing in one hides the other.
 */
import { create } from 'zustand';
import type { StarterInfo, StarterTaxonomy } from '../../../../shared/contract';

interface StarterState {
  starters: StarterInfo[] | null;
  /** undefined until the store answered; null while this store has not chosen. */
  chosen: StarterTaxonomy | null | undefined;
  /** The inbox notice was put away for this session (the Topics screen still offers it). */
  noticeDismissed: boolean;
  dialogOpen: boolean;
  /** The starter being applied, for its button's spinner. */
  applying: StarterTaxonomy | null;

  statusLoaded(starters: StarterInfo[], chosen: StarterTaxonomy | null): void;
  noticePutAway(): void;
  dialogOpened(): void;
  dialogClosed(): void;
  applyStarted(starter: StarterTaxonomy): void;
  applyFinished(starter: StarterTaxonomy): void;
  applyFailed(): void;
}

export const useStarter = create<StarterState>()((set) => ({
  starters: null,
  chosen: undefined,
  noticeDismissed: false,
  dialogOpen: false,
  applying: null,

  statusLoaded: (starters, chosen) => set({ starters, chosen }),
  noticePutAway: () => set({ noticeDismissed: true }),
  dialogOpened: () => set({ dialogOpen: true }),
  dialogClosed: () => set({ dialogOpen: false }),
  applyStarted: (starter) => set({ applying: starter }),
  applyFinished: (starter) => set({ applying: null, chosen: starter, dialogOpen: false }),
  applyFailed: () => set({ applying: null }),
}));
