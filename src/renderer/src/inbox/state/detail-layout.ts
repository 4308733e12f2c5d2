/**
 * How the agent likes the open conversation laid out: the customer and triage details
 * shown in full or as one summary line. Remembered across conversations and restarts.
 */
import { create } from 'zustand';

const storageKey = 'hearken.detailsShown';

function stored(): boolean {
  try {
    return window.localStorage.getItem(storageKey) === '1';
  } catch {
    return false;
  }
}

interface DetailLayoutState {
  detailsShown: boolean;
  detailsToggled(): void;
}

export const useDetailLayout = create<DetailLayoutState>()((set, get) => ({
  detailsShown: typeof window === 'undefined' ? false : stored(),
  detailsToggled: () => {
    const detailsShown = !get().detailsShown;
    set({ detailsShown });
    try {
      window.localStorage.setItem(storageKey, detailsShown ? '1' : '0');
    } catch {
      // Only the preference is lost.
    }
  },
}));
