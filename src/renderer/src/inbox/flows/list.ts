/**
 * Loading the list: the first page with the count, more pages as the agent scrolls, and a
 * refresh of everything loaded so far when the core says something changed.
 */
import type { FeedbackSort } from '../../../../shared/contract';
import { call, toErrorInfo } from '../../api';
import { filterKey } from '../model/filters';
import { useList } from '../state/list';
import { useQuery } from '../state/query';
import { useSelection } from '../state/selection';

export const pageSize = 200;
// The core's largest page; a refresh or a jump far down reads in these.
const bigPage = 500;

function currentQuery(): { filter: ReturnType<typeof useQuery.getState>['filter']; sort: FeedbackSort; key: string } {
  const { filter, sort } = useQuery.getState();
  return { filter, sort, key: `${sort}:${filterKey(filter)}` };
}

export async function reloadList(): Promise<void> {
  const { filter, sort, key } = currentQuery();
  const list = useList.getState();
  const previous = list.items;
  const generation = list.listRequested(key);
  try {
    const [page, count] = await Promise.all([
      call('feedback.list', { filter, sort, limit: pageSize }),
      call('feedback.count', { filter }),
    ]);
    if (generation !== useList.getState().generation) return;
    useList.getState().firstPageLoaded(generation, page, count.total);
    useSelection.getState().listReplaced(page.items, previous, false);
  } catch (error) {
    useList.getState().listFailed(generation, toErrorInfo(error));
  }
}

/**
 * The first page, started as soon as the store is known to be open: it then loads while
 * the workspace mounts instead of after. The workspace, mounting, joins a load of the same
 * list (filter and sort) still under way rather than asking again.
 */
export function loadFirstPage(): Promise<void> {
  if (!useQuery.getState().viewResolved) return Promise.resolve();
  const { key } = currentQuery();
  if (firstPageRun !== null && firstPageRun.key === key) return firstPageRun.done;
  const done = reloadList().finally(() => {
    if (firstPageRun?.done === done) firstPageRun = null;
  });
  firstPageRun = { key, done };
  return done;
}
let firstPageRun: { key: string; done: Promise<void> } | null = null;

let loadingMore: Promise<void> | null = null;
let lastSeenRow = 0;

/** The list reports how far down it has rendered, so a refresh knows what must stay loaded. */
export function listWindowSeen(lastRendered: number): void {
  lastSeenRow = lastRendered;
}

/** Loads pages until row `index` is loaded (keyset paging cannot skip ahead). */
export function loadThrough(index: number): Promise<void> {
  if (loadingMore) return loadingMore;
  const run = async (): Promise<void> => {
    for (;;) {
      const state = useList.getState();
      if (state.nextCursor === null || state.items.length > index || state.phase !== 'ready') return;
      const { filter, sort } = currentQuery();
      const generation = state.morePageRequested();
      const wanted = index - state.items.length + pageSize;
      try {
        const page = await call('feedback.list', { filter, sort, cursor: state.nextCursor, limit: Math.min(bigPage, Math.max(pageSize, wanted)) });
        useList.getState().morePageLoaded(generation, page);
        if (generation !== useList.getState().generation) return;
      } catch (error) {
        useList.getState().listFailed(generation, toErrorInfo(error));
        return;
      }
    }
  };
  loadingMore = run().finally(() => {
    loadingMore = null;
  });
  return loadingMore;
}

/**
 * Reads the list again from the top down to a page past what the agent can see, and swaps
 * it in at once, so counts, statuses and membership follow changes made anywhere while the
 * scroll position and selection stay. Rows further down are dropped and load again on the
 * way there: keyset pages cannot be re-read from the middle without a cursor for each.
 */
export async function refreshList(): Promise<void> {
  const { filter, sort, key } = currentQuery();
  const before = useList.getState();
  if (before.key !== key || before.phase === 'idle') return reloadList();
  const generation = before.refreshStarted();
  const wanted = Math.max(pageSize, Math.min(before.items.length, lastSeenRow + pageSize));
  try {
    // The count is read alongside the first page; a change landing between them is followed
    // by its own feedback.changed, whose refresh settles both.
    const counting = call('feedback.count', { filter });
    // Awaited below; this only keeps an early return from leaving it unhandled.
    counting.catch(() => undefined);
    const items: typeof before.items = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof call<'feedback.list'>>> = await call('feedback.list', {
        filter,
        sort,
        cursor,
        limit: Math.min(bigPage, wanted - items.length),
      });
      if (generation !== useList.getState().generation) return;
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null && items.length < wanted);
    const count = await counting;
    if (generation !== useList.getState().generation) return;
    const previous = useList.getState().items;
    useList.getState().windowRefreshed(generation, { items, nextCursor: cursor }, count.total);
    useSelection.getState().listReplaced(items, previous, true);
  } catch (error) {
    useList.getState().listFailed(generation, toErrorInfo(error));
  }
}
