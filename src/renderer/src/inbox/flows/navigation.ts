/** Moving through the list with the keyboard: the cursor, opening, and selecting. */
import { useDetail } from '../state/detail';
import { useList } from '../state/list';
import { useSelection } from '../state/selection';
import { closeDetail, openFeedback } from './detail';

function indexOf(id: string | null): number {
  if (id === null) return -1;
  return useList.getState().items.findIndex((item) => item.id === id);
}

/** The row the keyboard is on, as an index; -1 when there is none. */
export function activeIndex(): number {
  return indexOf(useSelection.getState().activeId);
}

/** Puts the cursor on a row; with a conversation open, j and k read the next one, as in mail. */
export function goTo(id: string): void {
  if (useDetail.getState().openId !== null) void openFeedback(id);
  else useSelection.getState().cursorMoved(id);
}

export function moveCursor(delta: 1 | -1): void {
  const { items } = useList.getState();
  if (items.length === 0) return;
  const { activeId, gapIndex } = useSelection.getState();
  const current = indexOf(activeId);
  let index: number;
  if (current >= 0) index = current + delta;
  // The active row left the list: the row now in its place is "next".
  else if (gapIndex !== null) index = delta > 0 ? gapIndex : gapIndex - 1;
  else index = 0;
  const target = items[Math.min(Math.max(index, 0), items.length - 1)];
  if (target) goTo(target.id);
}

export function openActive(): void {
  const { activeId } = useSelection.getState();
  const id = activeId ?? useList.getState().items[0]?.id;
  if (id) void openFeedback(id);
}

/** The row after `id`, or before it when it is the last: where to go once it is dealt with. */
export function neighbourOf(id: string): string | null {
  const { items } = useList.getState();
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) return null;
  return items[index + 1]?.id ?? items[index - 1]?.id ?? null;
}

export function toggleActiveSelected(): void {
  const { activeId } = useSelection.getState();
  if (activeId !== null) useSelection.getState().rowToggled(activeId);
}

/** Shift+x and Shift+click: checks every row from the anchor to `toId`. */
export function selectRangeTo(toId: string): void {
  const { anchorId } = useSelection.getState();
  const { items } = useList.getState();
  const to = indexOf(toId);
  const from = indexOf(anchorId);
  if (to < 0) return;
  if (from < 0) {
    useSelection.getState().rowToggled(toId);
    return;
  }
  const [start, end] = from <= to ? [from, to] : [to, from];
  useSelection.getState().rangeSelected(
    items.slice(start, end + 1).map((item) => item.id),
    toId,
  );
}

export function selectRangeToActive(): void {
  const { activeId } = useSelection.getState();
  if (activeId !== null) selectRangeTo(activeId);
}

/** Esc outside a field: close the conversation first, then drop the selection. */
export function stepBack(): boolean {
  if (useDetail.getState().openId !== null) {
    closeDetail();
    return true;
  }
  if (useSelection.getState().selected.size > 0) {
    useSelection.getState().selectionCleared();
    return true;
  }
  return false;
}
