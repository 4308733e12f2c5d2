/**
 * The keyboard cursor (the active row) and the checked rows. When the active row leaves
 * the list (resolved out of the Inbox, say), `gapIndex` remembers where it was, so j and k
 * continue from there instead of skipping a row.
 */
import { create } from 'zustand';
import type { FeedbackSummary } from '../../../../shared/contract';
import { allToggled, placeAfterReplace } from '../model/selection';

interface SelectionState {
  activeId: string | null;
  gapIndex: number | null;
  selected: ReadonlySet<string>;
  /** Where a Shift+x or Shift+click range starts. */
  anchorId: string | null;
  cursorMoved(id: string): void;
  rowToggled(id: string): void;
  rangeSelected(ids: readonly string[], to: string): void;
  allToggled(ids: readonly string[]): void;
  selectionCleared(): void;
  /** `keepPlace`: the same list was re-read, so a vanished active row leaves a gap to continue from. */
  listReplaced(items: readonly FeedbackSummary[], previous: readonly FeedbackSummary[], keepPlace: boolean): void;
  viewChanged(): void;
}

export const useSelection = create<SelectionState>()((set, get) => ({
  activeId: null,
  gapIndex: null,
  selected: new Set(),
  anchorId: null,
  cursorMoved: (id) => set({ activeId: id, gapIndex: null }),
  rowToggled: (id) => {
    const selected = new Set(get().selected);
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    set({ selected, anchorId: id, activeId: id, gapIndex: null });
  },
  rangeSelected: (ids, to) => {
    const selected = new Set(get().selected);
    for (const id of ids) selected.add(id);
    set({ selected, activeId: to, gapIndex: null });
  },
  allToggled: (ids) => set({ selected: allToggled(get().selected, ids) }),
  selectionCleared: () => set({ selected: new Set(), anchorId: null }),
  listReplaced: (items, previous, keepPlace) => set(placeAfterReplace(get(), items, previous, keepPlace)),
  viewChanged: () => set({ activeId: null, gapIndex: null, selected: new Set(), anchorId: null }),
}));
