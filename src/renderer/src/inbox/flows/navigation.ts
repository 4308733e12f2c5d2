/** Moving through the list with the keyboard: the cursor, opening, and selecting. */
import { cursorTarget, neighbourIn, rangeAction } from '../model/selection';
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
  const target = cursorTarget(useList.getState().items, useSelection.getState(), delta);
  if (target !== null) goTo(target);
}

export function openActive(): void {
  const { activeId } = useSelection.getState();
  const id = activeId ?? useList.getState().items[0]?.id;
  if (id) void openFeedback(id);
}

/** The row after `id`, or before it when it is the last: where to go once it is dealt with. */
export function neighbourOf(id: string): string | null {
  return neighbourIn(useList.getState().items, id);
}

export function toggleActiveSelected(): void {
  const { activeId } = useSelection.getState();
  if (activeId !== null) useSelection.getState().rowToggled(activeId);
}

/** Shift+x and Shift+click: checks every row from the anchor to `toId`. */
export function selectRangeTo(toId: string): void {
  const action = rangeAction(useList.getState().items, useSelection.getState().anchorId, toId);
  if (action.kind === 'toggle') useSelection.getState().rowToggled(toId);
  else if (action.kind === 'range') useSelection.getState().rangeSelected(action.ids, toId);
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
