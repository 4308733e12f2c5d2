/** Which dialog is open over the inbox; at most one at a time, so keys go to one place. */
import { create } from 'zustand';

export type PickerKind = 'tags' | 'sentiment' | 'status' | 'assign';

export type Overlay =
  | { kind: PickerKind; ids: string[] }
  | { kind: 'shortcuts' }
  | { kind: 'saveView' }
  | { kind: 'renameView'; viewId: string };

interface OverlayState {
  overlay: Overlay | null;
  overlayOpened(overlay: Overlay): void;
  overlayClosed(): void;
}

export const useOverlay = create<OverlayState>()((set) => ({
  overlay: null,
  overlayOpened: (overlay) => set({ overlay }),
  overlayClosed: () => set({ overlay: null }),
}));
