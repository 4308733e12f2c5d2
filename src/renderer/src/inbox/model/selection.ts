/**
 * The rules of the keyboard cursor and the checked rows, as pure functions of the list: the
 * selection store and the navigation flows apply them. Rows are anything with an id.
 */

interface Row {
  id: string;
}

export interface SelectionPlace {
  activeId: string | null;
  /** Where the active row was before it left the list, so j and k continue from there. */
  gapIndex: number | null;
  selected: ReadonlySet<string>;
  anchorId: string | null;
}

/**
 * The selection once the list was read again. `keepPlace`: the same list was re-read (a
 * refresh), so a vanished active row leaves a gap to continue from, and checks below the
 * re-read part stay; otherwise (a new filter or sort) only rows still present stay checked.
 */
export function placeAfterReplace(place: SelectionPlace, items: readonly Row[], previous: readonly Row[], keepPlace: boolean): SelectionPlace {
  const present = new Set(items.map((i) => i.id));
  const { activeId, selected, anchorId } = place;
  // A refresh re-reads only the top of a long list; checks further down are not in question.
  const reread = keepPlace ? new Set(previous.slice(0, items.length).map((i) => i.id)) : null;
  const keptSelection = [...selected].filter((id) => present.has(id) || (reread !== null && !reread.has(id)));
  let nextActive = activeId;
  let gapIndex = place.gapIndex;
  if (activeId !== null && !present.has(activeId)) {
    const was = previous.findIndex((i) => i.id === activeId);
    nextActive = null;
    gapIndex = keepPlace && was >= 0 ? was : null;
  }
  return {
    activeId: nextActive,
    gapIndex,
    // The same set when nothing was dropped, so subscribers comparing by identity stay quiet.
    selected: keptSelection.length === selected.size ? selected : new Set(keptSelection),
    anchorId: anchorId !== null && present.has(anchorId) ? anchorId : null,
  };
}

/** The check marks after "select all": all off when every row was checked, else exactly these rows. */
export function allToggled(selected: ReadonlySet<string>, ids: readonly string[]): ReadonlySet<string> {
  const all = ids.length > 0 && ids.every((id) => selected.has(id));
  return all ? new Set() : new Set(ids);
}

/**
 * The row j (`delta` 1) or k (-1) moves to, clamped to the list; null on an empty list. With
 * no active row the first row is next, unless the active row just left the list: then the
 * row now in its place is next.
 */
export function cursorTarget(items: readonly Row[], place: Pick<SelectionPlace, 'activeId' | 'gapIndex'>, delta: 1 | -1): string | null {
  if (items.length === 0) return null;
  const current = place.activeId === null ? -1 : items.findIndex((item) => item.id === place.activeId);
  let index: number;
  if (current >= 0) index = current + delta;
  else if (place.gapIndex !== null) index = delta > 0 ? place.gapIndex : place.gapIndex - 1;
  else index = 0;
  return items[Math.min(Math.max(index, 0), items.length - 1)]?.id ?? null;
}

/** The row after `id`, or before it when it is the last: where to go once it is dealt with. */
export function neighbourIn(items: readonly Row[], id: string): string | null {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) return null;
  return items[index + 1]?.id ?? items[index - 1]?.id ?? null;
}

/**
 * What Shift+x or Shift+click on `toId` does: nothing when that row is not loaded, toggles
 * it alone when there is no anchor in the list, or checks every row from the anchor to it.
 */
export type RangeAction = { kind: 'none' } | { kind: 'toggle' } | { kind: 'range'; ids: string[] };

export function rangeAction(items: readonly Row[], anchorId: string | null, toId: string): RangeAction {
  const to = items.findIndex((item) => item.id === toId);
  const from = anchorId === null ? -1 : items.findIndex((item) => item.id === anchorId);
  if (to < 0) return { kind: 'none' };
  if (from < 0) return { kind: 'toggle' };
  const [start, end] = from <= to ? [from, to] : [to, from];
  return { kind: 'range', ids: items.slice(start, end + 1).map((item) => item.id) };
}
