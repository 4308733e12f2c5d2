/** The knowledge base editor's store: a stale search answer is dropped, and the open article follows saves and deletes. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { KbArticle } from '../../src/shared/ai/schema';
import { useKb } from '../../src/renderer/src/kb/state';

const article = (id: string, title = id): KbArticle => ({ id, title, body: `${title} body`, tags: [], sourceFile: null, createdAt: 1, updatedAt: 1 });
const s = useKb.getState;

describe('the knowledge base store', () => {
  beforeEach(() => useKb.setState({ phase: 'loading', error: null, articles: [], query: '', open: null }));

  it('opens the first article when nothing is open, and keeps an open one', () => {
    s().articlesLoaded('', [article('a'), article('b')]);
    expect(s().open).toEqual({ kind: 'article', id: 'a' });
    s().articleOpened({ kind: 'article', id: 'b' });
    s().articlesLoaded('', [article('a'), article('b')]);
    expect(s().open).toEqual({ kind: 'article', id: 'b' });
  });

  it('drops an answer for a search the agent has already typed past', () => {
    s().queryChanged('refu');
    s().queryChanged('refund');
    s().articlesLoaded('refu', [article('x')]);
    expect(s().phase).toBe('loading');
    expect(s().articles).toEqual([]);
    s().articlesLoaded('refund', [article('r')]);
    expect(s().articles.map((a) => a.id)).toEqual(['r']);
  });

  it('a new article saved becomes the open one, first in the list; a deleted one gives way to the next', () => {
    s().articlesLoaded('', [article('a'), article('b')]);
    s().articleOpened({ kind: 'new' });
    const edition = s().edition;
    s().articleSaved(article('n', 'New one'));
    expect(s().open).toEqual({ kind: 'article', id: 'n' });
    expect(s().articles.map((a) => a.id)).toEqual(['n', 'a', 'b']);
    expect(s().edition).toBeGreaterThan(edition);
    s().articleDeleted('n');
    expect(s().open).toEqual({ kind: 'article', id: 'a' });
    s().articleDeleted('a');
    s().articleDeleted('b');
    expect(s().open).toBeNull();
  });
});

describe('unsaved edits in the knowledge base', () => {
  beforeEach(() => useKb.setState({ phase: 'ready', articles: [article('a'), article('b')], query: '', open: { kind: 'article', id: 'a' }, dirty: false, pending: undefined }));

  it('opens straight away without edits, and asks first with them', () => {
    s().openRequested({ kind: 'article', id: 'b' });
    expect(s().open).toEqual({ kind: 'article', id: 'b' });
    s().dirtyChanged(true);
    s().openRequested({ kind: 'new' });
    expect(s().open).toEqual({ kind: 'article', id: 'b' });
    expect(s().pending).toEqual({ kind: 'new' });
  });

  it('stays, or goes on with the edits set aside', () => {
    s().dirtyChanged(true);
    s().openRequested({ kind: 'article', id: 'b' });
    s().pendingSettled(false);
    expect(s()).toMatchObject({ open: { kind: 'article', id: 'a' }, pending: undefined, dirty: true });
    s().openRequested({ kind: 'article', id: 'b' });
    s().pendingSettled(true);
    expect(s()).toMatchObject({ open: { kind: 'article', id: 'b' }, pending: undefined, dirty: false });
  });
});
