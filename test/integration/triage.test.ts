import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreListener } from '../../src/main/core';
import { NoSecretStore } from '../../src/main/core/secrets';
import { makeTempCore, type TempCore } from '../support/core';
import { call, callError } from '../helpers/results';

let temp: TempCore;
beforeAll(async () => {
  // A fixed clock: details carry SLA clocks whose time left moves with the time of day.
  const fixed = Date.UTC(2026, 2, 11, 10, 30);
  temp = await makeTempCore({ secrets: new NoSecretStore(), core: { clock: () => fixed } });
  await call(temp.core, 'store.create', { passphrase: 'triage tests' });
  await call(temp.core, 'demo.load', {});
});
afterAll(() => temp.cleanup());

async function firstIds(n: number, filter = {}): Promise<string[]> {
  return (await call(temp.core, 'feedback.list', { filter, limit: n })).items.map((i) => i.id);
}

describe('triage actions', () => {
  it('resolves, tags and assigns in bulk, announces the change, and undoes exactly it', async () => {
    const ids = await firstIds(5, { status: ['open'] });
    const before = await Promise.all(ids.map((id) => call(temp.core, 'feedback.get', { id })));
    const seen: Parameters<CoreListener>[] = [];
    const stop = temp.core.onEvent((...args) => seen.push(args));

    const done = await call(temp.core, 'feedback.update', { ids, change: { status: 'resolved', addTags: ['needs-follow-up'], assignee: 'Grace', unread: false } });
    expect(done.updated).toBe(5);
    expect(done.undoToken).toBeTruthy();
    for (const id of ids) {
      const item = await call(temp.core, 'feedback.get', { id });
      expect(item.status).toBe('resolved');
      expect(item.assignee).toBe('Grace');
      expect(item.unread).toBe(false);
      expect(item.tags).toContainEqual({ name: 'needs-follow-up', source: 'human' });
    }
    expect(seen).toContainEqual(['feedback.changed', { reason: 'update', ids: expect.arrayContaining(ids) }]);
    expect((await call(temp.core, 'feedback.facets', {})).assignees).toContain('Grace');

    expect(await call(temp.core, 'feedback.undo', { token: done.undoToken! })).toEqual({ restored: 5 });
    const after = await Promise.all(ids.map((id) => call(temp.core, 'feedback.get', { id })));
    expect(after).toEqual(before);
    expect(seen.at(-1)).toEqual(['feedback.changed', { reason: 'undo', ids: expect.arrayContaining(ids) }]);
    expect((await callError(temp.core, 'feedback.undo', { token: done.undoToken! })).code).toBe('NOT_FOUND');
    stop();
  });

  it('removes tags and puts them back with their original source on undo', async () => {
    const [id] = await firstIds(1, { tags: ['refund'] });
    const original = (await call(temp.core, 'feedback.get', { id: id! })).tags;
    const removed = await call(temp.core, 'feedback.update', { ids: [id!], change: { removeTags: ['refund'] } });
    expect((await call(temp.core, 'feedback.get', { id: id! })).tags.map((t) => t.name)).not.toContain('refund');
    await call(temp.core, 'feedback.undo', { token: removed.undoToken! });
    expect((await call(temp.core, 'feedback.get', { id: id! })).tags).toEqual(original);
  });

  it('stores a sentiment override as the agent\u2019s, and counts it for AI quality', async () => {
    const [id] = await firstIds(1, { sentiment: ['negative'] });
    // Only a label the analysis gave counts as overriding it.
    expect((await call(temp.core, 'feedback.get', { id: id! })).sentimentSource).toBe('local');
    const overrides = async () => (await call(temp.core, 'feedback.stats', {})).quality.sentimentOverrides;
    const before = await overrides();

    await call(temp.core, 'feedback.update', { ids: [id!], change: { sentiment: 'neutral' } });
    const item = await call(temp.core, 'feedback.get', { id: id! });
    expect(item.sentiment).toBe('neutral');
    expect(item.sentimentSource).toBe('human');
    expect(await overrides()).toBe(before + 1);

    // Changing the agent's own label again overrides no analysis.
    await call(temp.core, 'feedback.update', { ids: [id!], change: { sentiment: 'positive' } });
    expect(await overrides()).toBe(before + 1);
  });

  it('skips ids that do not exist and refuses an empty change', async () => {
    expect(await call(temp.core, 'feedback.update', { ids: ['no-such-item'], change: { status: 'closed' } })).toEqual({ updated: 0, undoToken: null });
    expect((await callError(temp.core, 'feedback.update', { ids: ['x'], change: {} })).code).toBe('VALIDATION');
  });

  it('shows a customer card with their earlier contacts', async () => {
    const repeat = (await call(temp.core, 'feedback.list', { filter: {}, limit: 500 })).items.find((i) => i.customer && i.customer.name === 'Dale Whitford');
    expect(repeat).toBeDefined();
    const detail = await call(temp.core, 'feedback.get', { id: repeat!.id });
    expect(detail.customer!.contactCount).toBeGreaterThanOrEqual(3);
    expect(detail.customer!.earlier.length).toBe(Math.min(5, detail.customer!.contactCount - 1));
    expect(detail.customer!.earlier.map((e) => e.id)).not.toContain(detail.id);
  });
});

describe('views', () => {
  it('lists built-in views with counts that match the list', async () => {
    const views = await call(temp.core, 'views.list', {});
    expect(views.slice(0, 3).map((v) => v.name)).toEqual(['Inbox', 'Unread', 'VIP']);
    for (const view of views) {
      expect(view.builtIn).toBe(true);
      expect(view.count).toBe((await call(temp.core, 'feedback.count', { filter: view.filter })).total);
    }
    expect(views.find((v) => v.id === 'builtin:all')!.count).toBe((await call(temp.core, 'feedback.stats', {})).total);
  });

  it('saves a search with filters as a view, renames it, and deletes it', async () => {
    const filter = { query: 'refund', sentiment: ['negative' as const] };
    const saved = await call(temp.core, 'views.save', { name: 'Angry refunds', filter });
    expect(saved.count).toBeGreaterThan(0);
    expect(saved.count).toBe((await call(temp.core, 'feedback.count', { filter })).total);
    expect((await callError(temp.core, 'views.save', { name: 'angry REFUNDS', filter: {} })).message).toMatch(/already exists/);
    expect((await callError(temp.core, 'views.save', { name: 'Inbox', filter: {} })).code).toBe('VALIDATION');
    expect((await callError(temp.core, 'views.delete', { id: 'builtin:inbox' })).code).toBe('VALIDATION');

    await call(temp.core, 'views.save', { id: saved.id, name: 'Refund anger', filter });
    const core = await temp.reopen();
    await call(core, 'store.unlock', { method: 'passphrase', passphrase: 'triage tests' });
    const listed = (await call(core, 'views.list', {})).find((v) => v.id === saved.id);
    expect(listed).toMatchObject({ name: 'Refund anger', filter, builtIn: false, count: saved.count });
    expect(await call(core, 'views.delete', { id: saved.id })).toEqual({ deleted: true });
    expect((await call(core, 'views.list', {})).some((v) => v.id === saved.id)).toBe(false);
  });
});

describe('reading', () => {
  it('marks items read quietly: no audit event, no undo, one read event', async () => {
    const ids = await firstIds(2, { unread: true });
    const seen: Parameters<CoreListener>[] = [];
    const stop = temp.core.onEvent((...args) => seen.push(args));
    expect(await call(temp.core, 'feedback.markRead', { ids })).toEqual({ updated: 2 });
    expect(await call(temp.core, 'feedback.markRead', { ids })).toEqual({ updated: 0 });
    stop();
    expect(seen).toEqual([['feedback.changed', { reason: 'read', ids }]]);
    for (const id of ids) expect((await call(temp.core, 'feedback.get', { id })).unread).toBe(false);
    expect(await call(temp.core, 'feedback.markRead', { ids, unread: true })).toEqual({ updated: 2 });
  });
});
