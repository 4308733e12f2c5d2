/**
 * The inbox list: its guard against stale answers (every load or refresh takes a new
 * generation, and an answer for an older one is dropped however late it arrives), and what
 * a row leaves out because the view or the subject already says it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { addsNothing, impliedStatus, markedTitle, previewAfter, secondLine } from '../../src/renderer/src/inbox/list/repeats';
import { rowCount, useList } from '../../src/renderer/src/inbox/state/list';
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S } from '../../src/shared/search';
import { summary } from '../support/summaries';

const page = (ids: string[], nextCursor: string | null = null) => ({ items: ids.map((id) => summary(id)), nextCursor });
const ids = () => useList.getState().items.map((i) => i.id);
const list = () => useList.getState();

beforeEach(() => useList.setState(useList.getInitialState(), true));

describe('the list store', () => {
  it('drops an older first page that arrives after a newer one', () => {
    const older = list().listRequested('date:refund');
    const newer = list().listRequested('date:refund delivery');
    list().firstPageLoaded(newer, page(['n1', 'n2']), 2);
    list().firstPageLoaded(older, page(['o1', 'o2', 'o3']), 3);
    expect(ids()).toEqual(['n1', 'n2']);
    expect(list()).toMatchObject({ total: 2, phase: 'ready', itemsKey: 'date:refund delivery' });
  });

  it('drops an older first page that arrives first, and keeps showing the rows on hand meanwhile', () => {
    const first = list().listRequested('a');
    list().firstPageLoaded(first, page(['a1']), 1);
    const older = list().listRequested('b');
    const newer = list().listRequested('c');
    list().firstPageLoaded(older, page(['b1']), 1);
    expect(ids()).toEqual(['a1']);
    expect(list()).toMatchObject({ phase: 'loading', key: 'c', itemsKey: 'a' });
    list().firstPageLoaded(newer, page(['c1']), 1);
    expect(ids()).toEqual(['c1']);
  });

  it('does not append a page asked for before the list was loaded again', () => {
    const first = list().listRequested('a');
    list().firstPageLoaded(first, page(['a1'], 'cursor'), 2);
    const more = list().morePageRequested();
    const again = list().listRequested('a');
    list().morePageLoaded(more, page(['a2']));
    expect(ids()).toEqual(['a1']);
    list().firstPageLoaded(again, page(['a1', 'a2']), 2);
    expect(ids()).toEqual(['a1', 'a2']);
  });

  it('appends a page of the current generation', () => {
    const first = list().listRequested('a');
    list().firstPageLoaded(first, page(['a1'], 'cursor'), 2);
    const more = list().morePageRequested();
    expect(list().loadingMore).toBe(true);
    list().morePageLoaded(more, page(['a2']));
    expect(ids()).toEqual(['a1', 'a2']);
    expect(list()).toMatchObject({ loadingMore: false, nextCursor: null });
  });

  it('drops a first page or a refresh overtaken by a later refresh', () => {
    const first = list().listRequested('a');
    const olderRefresh = list().refreshStarted();
    const newerRefresh = list().refreshStarted();
    list().firstPageLoaded(first, page(['stale']), 1);
    list().windowRefreshed(newerRefresh, page(['r2']), 1);
    list().windowRefreshed(olderRefresh, page(['r1']), 1);
    expect(ids()).toEqual(['r2']);
  });

  it('ignores a failure of a request that was overtaken', () => {
    const older = list().listRequested('a');
    const newer = list().listRequested('b');
    list().listFailed(older, { code: 'INTERNAL', message: 'late' });
    expect(list()).toMatchObject({ phase: 'loading', error: null });
    list().listFailed(newer, { code: 'DATABASE_LOCKED', message: 'busy' });
    expect(list()).toMatchObject({ phase: 'failed', error: { code: 'DATABASE_LOCKED' } });
  });

  it('clears rows of another view under a failure, but keeps the rows of this one', () => {
    const a = list().listRequested('a');
    list().firstPageLoaded(a, page(['a1']), 1);
    const b = list().listRequested('b');
    list().listFailed(b, { code: 'INTERNAL', message: 'x' });
    expect(ids()).toEqual([]);
    expect(list().total).toBeNull();

    const again = list().listRequested('b');
    list().firstPageLoaded(again, page(['b1']), 1);
    const refresh = list().refreshStarted();
    list().listFailed(refresh, { code: 'INTERNAL', message: 'x' });
    expect(ids()).toEqual(['b1']);
  });

  it('shows a confirmed change on the row before the refresh lands', () => {
    const a = list().listRequested('a');
    list().firstPageLoaded(a, { items: [summary('a1', { tags: [{ name: 'billing', source: 'local' }] }), summary('a2')], nextCursor: null }, 2);
    list().itemsChanged(['a1'], { status: 'resolved', unread: false, addTags: ['refund', 'billing'], removeTags: [] });
    const [changed, untouched] = list().items;
    expect(changed).toMatchObject({ status: 'resolved', unread: false });
    expect(changed?.tags).toEqual([
      { name: 'billing', source: 'local' },
      { name: 'refund', source: 'human' },
    ]);
    expect(untouched).toMatchObject({ status: 'open', unread: true });
  });
});

describe('rowCount', () => {
  it('leaves room for the rows not loaded yet, never fewer than loaded', () => {
    expect(rowCount({ items: page(['a', 'b']).items, total: 10, nextCursor: 'c' })).toBe(10);
    expect(rowCount({ items: page(['a', 'b']).items, total: 1, nextCursor: 'c' })).toBe(2);
    expect(rowCount({ items: page(['a', 'b']).items, total: 10, nextCursor: null })).toBe(2);
  });
});

describe('what a row need not say again', () => {
  it('leaves out the status a view on one status is named for', () => {
    expect(impliedStatus({ status: ['replied'] })).toBe('replied');
    expect(impliedStatus({ status: ['resolved', 'closed'] })).toBe('resolved');
    expect(impliedStatus({ status: ['open', 'pending'] })).toBeNull();
    expect(impliedStatus({})).toBeNull();
  });

  it('drops a preview that is the subject again, however it is spaced or cased', () => {
    expect(previewAfter('Still no replacement doorbell', '  still no   REPLACEMENT doorbell ')).toBe('');
    expect(previewAfter('Still no replacement doorbell', 'Still no replacement doorbell.')).toBe('');
    // A preview cut short, mid-word.
    expect(previewAfter('Still no replacement doorbell', 'Still no replacem…')).toBe('');
  });

  it('keeps what a preview adds after the subject it starts with', () => {
    expect(previewAfter('Doorbell stopped charging', 'Doorbell stopped charging. It was fine until the update.')).toBe('It was fine until the update.');
    expect(previewAfter('Refund', 'Refunded twice, please check')).toBe('Refunded twice, please check');
    expect(previewAfter('Night mode', 'Hello, the picture at night is grainy')).toBe('Hello, the picture at night is grainy');
  });

  it('tells a word apart from a piece of one', () => {
    expect(addsNothing('Broken doorbell', 'ok')).toBe(false);
    expect(addsNothing('Broken doorbell', '…broken doorbell…')).toBe(true);
  });

  it('shows a search hit only when it says more than the subject', () => {
    const item = { subject: 'Still no replacement doorbell', preview: 'Hi, still waiting for it.', product: null };
    expect(secondLine({ ...item, snippet: `Still no ${S}replacement${E} doorbell` })).toEqual({ text: 'Hi, still waiting for it.' });
    expect(secondLine({ ...item, snippet: `…waiting for the ${S}replacement${E}…` })).toEqual({ snippet: `…waiting for the ${S}replacement${E}…` });
    // A row titled by its preview (a chat): the hit in that text is not printed twice either.
    expect(secondLine({ subject: null, preview: 'live view is slow', product: 'Lumo App', snippet: `live ${S}view${E} is slow` })).toEqual({ text: 'Lumo App' });
  });

  it('marks the hits of a snippet that was the title in the title itself', () => {
    expect(markedTitle('Still no replacement doorbell', `Still no ${S}replacement${E} ${S}doorbell${E}`)).toEqual([
      { text: 'Still no ', hit: false },
      { text: 'replacement', hit: true },
      { text: ' ', hit: false },
      { text: 'doorbell', hit: true },
    ]);
    expect(markedTitle('a+b (c)', `${S}(c)${E}`)).toEqual([
      { text: 'a+b ', hit: false },
      { text: '(c)', hit: true },
    ]);
    expect(markedTitle('Plain', 'Plain')).toEqual([{ text: 'Plain', hit: false }]);
  });
});
