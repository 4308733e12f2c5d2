/**
 * The virtualised list. Only rows near the viewport are in the DOM, pages load as the agent
 * scrolls, and a refresh keeps the first visible row where it was.
 */
import { Progress } from '@mantine/core';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, type PointerEvent } from 'react';
import { readAhead } from '../flows/detail';
import { listWindowSeen, loadThrough, pageSize } from '../flows/list';
import { openActive } from '../flows/navigation';
import { registerFocusTarget } from '../keyboard/focus';
import { rowCount, useList } from '../state/list';
import { useQuery } from '../state/query';
import { useSelection } from '../state/selection';
import { useNow } from '../useNow';
import { FeedbackRow, PlaceholderRow, rowDomId, rowHeight } from './FeedbackRow';
import classes from './list.module.css';
import { impliedStatus } from './repeats';

/**
 * Rows kept in the DOM beyond each edge. Generous on purpose: rows are plain elements, and
 * with about 12 in view at 1280x800 this keeps 50+ rendered (the first-run spec counts them).
 */
const overscan = 48;

/** A row the pointer rests on this long is read ahead: the click that usually follows paints at once. */
const hoverReadMs = 80;
let hoverTimer: number | undefined;
let hoverId: string | null = null;

function readAheadOnHover(event: PointerEvent<HTMLDivElement>): void {
  const id = (event.target as Element).closest('[data-testid="feedback-row"]')?.getAttribute('data-id') ?? null;
  if (id === hoverId) return;
  cancelReadAhead();
  hoverId = id;
  if (id !== null) hoverTimer = window.setTimeout(() => void readAhead(id), hoverReadMs);
}

function cancelReadAhead(): void {
  window.clearTimeout(hoverTimer);
  hoverId = null;
}

export function FeedbackList({ label }: { label: string }) {
  const items = useList((s) => s.items);
  const itemsKey = useList((s) => s.itemsKey);
  const count = useList(rowCount);
  const refreshing = useList((s) => s.phase === 'loading' && s.items.length > 0);
  const resetCount = useQuery((s) => s.resetCount);
  // A string or null: rows stay memoised across renders that do not change it.
  const quietStatus = useQuery((s) => impliedStatus(s.filter));
  const activeId = useSelection((s) => s.activeId);
  const selected = useSelection((s) => s.selected);
  const now = useNow();
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const activeIndex = activeId === null ? -1 : items.findIndex((i) => i.id === activeId);

  const rangeExtractor = useCallback(
    // The active row stays mounted even when scrolled away, so aria-activedescendant always resolves.
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex >= 0 && !indexes.includes(activeIndex)) indexes.push(activeIndex);
      return indexes.sort((a, b) => a - b);
    },
    [activeIndex],
  );

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser is read during render by design
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    // Rows are keyed by position (the default): a key function that changes with the items
    // would make the virtualiser re-measure every row of a 100,000-row list on each keystroke.
    rangeExtractor,
  });
  const rows = virtualizer.getVirtualItems();
  const lastRendered = rows.at(-1)?.index ?? 0;

  useEffect(() => {
    listWindowSeen(lastRendered);
    if (lastRendered >= items.length - overscan) void loadThrough(lastRendered + pageSize / 2);
  }, [lastRendered, items.length]);

  useEffect(() => {
    const scroller = scrollRef.current;
    if (activeIndex < 0 || scroller === null) return;
    // Judged from the element itself: the virtualiser's offset can lag a refresh's re-anchoring,
    // and asking it to "scroll" an already visible row would undo that.
    const top = activeIndex * rowHeight;
    if (top < scroller.scrollTop || top + rowHeight > scroller.scrollTop + scroller.clientHeight) {
      virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    }
  }, [activeIndex, virtualizer]);

  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [resetCount, virtualizer]);

  // A refresh can add or drop rows above the viewport; keep the row the agent sees in place.
  const previous = useRef({ items, itemsKey });
  useLayoutEffect(() => {
    const { items: before, itemsKey: beforeKey } = previous.current;
    previous.current = { items, itemsKey };
    const scroller = scrollRef.current;
    // Only a re-read of the same list is anchored; a new view or search starts at the top.
    if (before === items || beforeKey !== itemsKey || before.length === 0 || scroller === null) return;
    // A page appended below keeps every earlier row object: nothing above moved.
    if (before.length <= items.length && before[before.length - 1] === items[before.length - 1]) return;
    const first = Math.floor(scroller.scrollTop / rowHeight);
    const anchor = before[first];
    if (anchor === undefined || items[first]?.id === anchor.id) return;
    const moved = items.findIndex((item) => item.id === anchor.id);
    if (moved >= 0) scroller.scrollTop += (moved - first) * rowHeight;
  }, [items, itemsKey]);

  const setScroller = useCallback((node: HTMLDivElement | null) => {
    scrollRef.current = node;
    registerFocusTarget('list', node);
  }, []);

  return (
    <div
      ref={setScroller}
      className={classes.scroller}
      role="listbox"
      aria-label={label}
      aria-multiselectable
      aria-busy={refreshing}
      aria-activedescendant={activeIndex >= 0 && activeId !== null ? rowDomId(activeId) : undefined}
      tabIndex={0}
      data-selecting={selected.size > 0 || undefined}
      data-testid="feedback-list"
      onPointerOver={readAheadOnHover}
      onPointerLeave={cancelReadAhead}
      onKeyDown={(event) => {
        // Enter here only: elsewhere it belongs to the focused button or field.
        if (event.key === 'Enter' && !event.altKey && !event.ctrlKey && !event.metaKey) {
          event.preventDefault();
          openActive();
        }
      }}
    >
      {refreshing && <Progress className={classes.progress} value={100} animated size={2} radius={0} aria-hidden />}
      <div className={classes.inner} style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const item = items[row.index];
          if (item === undefined) return <PlaceholderRow key={row.key} start={row.start} />;
          return (
            <FeedbackRow
              key={row.key}
              item={item}
              index={row.index}
              setSize={count}
              start={row.start}
              active={item.id === activeId}
              selected={selected.has(item.id)}
              now={now}
              quietStatus={quietStatus}
            />
          );
        })}
      </div>
    </div>
  );
}
