/**
 * The inbox's keyboard cursor and checked rows: the pure rules (model/selection.ts) and
 * the store that applies them, under plain Node.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { allToggled, cursorTarget, neighbourIn, placeAfterReplace, rangeAction, type SelectionPlace } from '../../src/renderer/src/inbox/model/selection';
import { useSelection } from '../../src/renderer/src/inbox/state/selection';
import { summary as makeSummary } from '../support/summaries';

const rows = (...ids: string[]) => ids.map((id) => ({ id }));

function place(p: Partial<SelectionPlace> = {}): SelectionPlace {
  return { activeId: null, gapIndex: null, selected: new Set(), anchorId: null, ...p };
}

const summary = (id: string) => makeSummary(id, { unread: false });

describe('placeAfterReplace', () => {
  it('keeps only rows still present when a new list replaces the old one', () => {
    const before = place({ activeId: 'b', selected: new Set(['a', 'b', 'c']), anchorId: 'c' });
    const after = placeAfterReplace(before, rows('a', 'x'), rows('a', 'b', 'c'), false);
    expect([...after.selected]).toEqual(['a']);
    expect(after.activeId).toBeNull();
    // A new filter is a new list: there is no place in it to continue from.
    expect(after.gapIndex).toBeNull();
    expect(after.anchorId).toBeNull();
  });

  it('leaves a gap where the active row was when a refresh drops it', () => {
    const after = placeAfterReplace(place({ activeId: 'c' }), rows('a', 'b', 'd', 'e'), rows('a', 'b', 'c', 'd', 'e'), true);
    expect(after.activeId).toBeNull();
    expect(after.gapIndex).toBe(2);
  });

  it('keeps checks below the part of a long list a refresh read again', () => {
    const previous = rows('a', 'b', 'c', 'd', 'e', 'f');
    // The refresh re-read three rows; 'b' left the list, 'e' and 'f' were not looked at.
    const after = placeAfterReplace(place({ selected: new Set(['b', 'e', 'f']) }), rows('a', 'c', 'd'), previous, true);
    expect([...after.selected].sort()).toEqual(['e', 'f']);
  });

  it('returns the same set when nothing was dropped', () => {
    const selected = new Set(['a']);
    const after = placeAfterReplace(place({ selected, activeId: 'a', anchorId: 'a' }), rows('a', 'b'), rows('a', 'b'), true);
    expect(after.selected).toBe(selected);
    expect(after.activeId).toBe('a');
    expect(after.anchorId).toBe('a');
  });

  it('never keeps an active row, an anchor or (for a new list) a check that is not in the list', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    fc.assert(
      fc.property(
        fc.uniqueArray(id),
        fc.uniqueArray(id),
        fc.uniqueArray(id),
        fc.option(id, { nil: null }),
        fc.option(id, { nil: null }),
        fc.boolean(),
        (now, was, checked, activeId, anchorId, keepPlace) => {
          const after = placeAfterReplace(place({ activeId, anchorId, selected: new Set(checked) }), rows(...now), rows(...was), keepPlace);
          if (after.activeId !== null) expect(now).toContain(after.activeId);
          if (after.anchorId !== null) expect(now).toContain(after.anchorId);
          for (const kept of after.selected) expect(checked).toContain(kept);
          if (!keepPlace) for (const kept of after.selected) expect(now).toContain(kept);
        },
      ),
    );
  });
});

describe('cursorTarget', () => {
  const list = rows('a', 'b', 'c');

  it('moves one row and stops at either end', () => {
    expect(cursorTarget(list, { activeId: 'a', gapIndex: null }, 1)).toBe('b');
    expect(cursorTarget(list, { activeId: 'b', gapIndex: null }, -1)).toBe('a');
    expect(cursorTarget(list, { activeId: 'c', gapIndex: null }, 1)).toBe('c');
    expect(cursorTarget(list, { activeId: 'a', gapIndex: null }, -1)).toBe('a');
  });

  it('starts at the first row with no cursor, and has nowhere to go in an empty list', () => {
    expect(cursorTarget(list, { activeId: null, gapIndex: null }, 1)).toBe('a');
    expect(cursorTarget(list, { activeId: null, gapIndex: null }, -1)).toBe('a');
    expect(cursorTarget([], { activeId: null, gapIndex: null }, 1)).toBeNull();
  });

  it('continues from the gap a resolved row left: j is the row now in its place, k the one above', () => {
    // 'c' was at index 2 of a, b, c, d and left the list.
    const now = rows('a', 'b', 'd');
    expect(cursorTarget(now, { activeId: null, gapIndex: 2 }, 1)).toBe('d');
    expect(cursorTarget(now, { activeId: null, gapIndex: 2 }, -1)).toBe('b');
    // The last row left: j stays on the new last row.
    expect(cursorTarget(rows('a', 'b'), { activeId: null, gapIndex: 2 }, 1)).toBe('b');
  });
});

describe('rangeAction', () => {
  const list = rows('a', 'b', 'c', 'd', 'e');

  it('checks every row between the anchor and the target, in either direction', () => {
    expect(rangeAction(list, 'b', 'd')).toEqual({ kind: 'range', ids: ['b', 'c', 'd'] });
    expect(rangeAction(list, 'd', 'b')).toEqual({ kind: 'range', ids: ['b', 'c', 'd'] });
    expect(rangeAction(list, 'c', 'c')).toEqual({ kind: 'range', ids: ['c'] });
  });

  it('toggles the target alone without an anchor in the list, and does nothing for a row not loaded', () => {
    expect(rangeAction(list, null, 'c')).toEqual({ kind: 'toggle' });
    expect(rangeAction(list, 'gone', 'c')).toEqual({ kind: 'toggle' });
    expect(rangeAction(list, 'a', 'gone')).toEqual({ kind: 'none' });
  });
});

describe('neighbourIn and allToggled', () => {
  it('goes to the next row once one is dealt with, or the one before at the end', () => {
    expect(neighbourIn(rows('a', 'b', 'c'), 'b')).toBe('c');
    expect(neighbourIn(rows('a', 'b', 'c'), 'c')).toBe('b');
    expect(neighbourIn(rows('a'), 'a')).toBeNull();
    expect(neighbourIn(rows('a', 'b'), 'x')).toBeNull();
  });

  it('checks exactly the rows given unless all of them were checked', () => {
    expect([...allToggled(new Set(['a', 'z']), ['a', 'b'])].sort()).toEqual(['a', 'b']);
    expect([...allToggled(new Set(['a', 'b', 'z']), ['a', 'b'])]).toEqual([]);
    expect([...allToggled(new Set(['z']), [])]).toEqual([]);
  });
});

describe('the selection store', () => {
  beforeEach(() => useSelection.setState(useSelection.getInitialState(), true));

  it('toggles a row, making it the cursor and the anchor of a range', () => {
    const s = useSelection.getState();
    s.rowToggled('b');
    expect(useSelection.getState()).toMatchObject({ activeId: 'b', anchorId: 'b' });
    expect([...useSelection.getState().selected]).toEqual(['b']);
    useSelection.getState().rowToggled('b');
    expect(useSelection.getState().selected.size).toBe(0);
  });

  it('adds a range to the rows already checked and moves the cursor to its end', () => {
    useSelection.getState().rowToggled('a');
    useSelection.getState().rangeSelected(['c', 'd'], 'd');
    expect([...useSelection.getState().selected].sort()).toEqual(['a', 'c', 'd']);
    expect(useSelection.getState().activeId).toBe('d');
  });

  it('after a refresh drops the active row, j lands on the row that took its place', () => {
    const before = ['a', 'b', 'c', 'd'].map(summary);
    useSelection.getState().cursorMoved('c');
    useSelection.getState().listReplaced(['a', 'b', 'd'].map(summary), before, true);
    const s = useSelection.getState();
    expect(s.activeId).toBeNull();
    expect(cursorTarget(rows('a', 'b', 'd'), s, 1)).toBe('d');
  });

  it('forgets the cursor, the checks and the anchor when the view changes', () => {
    useSelection.getState().rowToggled('a');
    useSelection.getState().viewChanged();
    expect(useSelection.getState()).toMatchObject({ activeId: null, gapIndex: null, anchorId: null });
    expect(useSelection.getState().selected.size).toBe(0);
  });
});
