import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../src/main/core/ingest/content-hash';
import { encodeCursor } from '../../src/main/core/store/cursor';
import { Database, type DB } from '../../src/main/core/store/db';
import { choosePlan, countFeedback, feedbackFacets, feedbackStats, getFeedback, listFeedback, pageKeysQuery, pageSnippets, searchSegments, type PagePlan } from '../../src/main/core/store/feedback-repo';
import type { NewFeedback } from '../../src/main/core/ingest/types';
import { insertFeedbackBatch } from '../../src/main/core/store/feedback-write';
import { markRead, undoUpdate, updateFeedback } from '../../src/main/core/store/feedback-update';
import { builtInViews } from '../../src/shared/views';
import { migrate } from '../../src/main/core/store/migrate';
import { migrations } from '../../src/main/core/store/migrations';
import type { FeedbackFilter, FeedbackSort, FeedbackSummary } from '../../src/shared/contract';
import { channels, sentiments, statuses } from '../../src/shared/domain';
import { HIGHLIGHT_END, HIGHLIGHT_START, toFtsQuery } from '../../src/shared/search';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const TAGS = ['billing', 'refund', 'delivery', 'login'];

/** A deterministic spread of items; many share a timestamp to exercise the id tie-break. */
function item(i: number): NewFeedback {
  const receivedAt = T0 + Math.floor(i / 3) * 3_600_000;
  const body = `Message number ${i} about ${TAGS[i % 4]}`;
  return {
    source: 'test',
    externalId: `t-${i}`,
    contentHash: contentHash({ customer: `c${i % 25}`, at: receivedAt, body }),
    channel: channels[i % channels.length]!,
    customer: { name: `Customer ${i % 25}`, email: `c${i % 25}@example.com`, tier: i % 25 === 0 ? 'vip' : 'standard', language: 'en' },
    subject: i % 2 ? `Subject ${i}` : null,
    body,
    product: i % 2 ? 'Hub' : 'Cam',
    language: 'en',
    status: statuses[i % statuses.length]!,
    sentiment: i % 7 === 0 ? null : sentiments[i % sentiments.length]!,
    sentimentSource: 'import',
    rating: null,
    receivedAt,
    unread: i % 2 === 0,
    tags: [{ name: TAGS[i % 4]!, source: 'import' }, ...(i % 5 === 0 ? [{ name: 'vip-watch', source: 'human' as const }] : [])],
    messages: [{ direction: 'in', author: null, body, sentAt: receivedAt }, ...(i % 3 === 0 ? [{ direction: 'out' as const, author: 'Agent', body: 'On it', sentAt: receivedAt + 60_000 }] : [])],
  };
}

const N = 600;
let db: DB;
let all: NewFeedback[];

beforeAll(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  all = Array.from({ length: N }, (_, i) => item(i));
  expect(insertFeedbackBatch(db, all, T0)).toMatchObject({ imported: N, duplicates: 0 });
  db.exec("UPDATE feedback SET escalated = 1 WHERE CAST(substr(external_id, 3) AS INTEGER) % 11 = 0");
});

const index = (x: NewFeedback): number => Number(x.externalId!.slice(2));

function matches(f: FeedbackFilter, x: NewFeedback): boolean {
  return (
    (!f.status?.length || f.status.includes(x.status)) &&
    (!f.sentiment?.length || (x.sentiment !== null && f.sentiment.includes(x.sentiment))) &&
    (!f.channel?.length || f.channel.includes(x.channel)) &&
    (f.tags ?? []).every((t) => x.tags.some((xt) => xt.name === t)) &&
    (f.receivedFrom === undefined || x.receivedAt >= f.receivedFrom) &&
    (f.receivedTo === undefined || x.receivedAt < f.receivedTo) &&
    (!f.product?.length || (x.product !== null && f.product.includes(x.product))) &&
    (!f.language?.length || (x.language !== null && f.language.includes(x.language))) &&
    (f.unread === undefined || f.unread === x.unread) &&
    (f.vip === undefined || f.vip === (x.customer?.tier === 'vip')) &&
    (f.escalated === undefined || f.escalated === (index(x) % 11 === 0)) &&
    (f.query === undefined || x.body.toLowerCase().includes(f.query.trim().toLowerCase()) || (x.subject ?? '').toLowerCase().includes(f.query.trim().toLowerCase()))
  );
}

function explain(sql: string, params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
}

/**
 * Every statement listFeedback runs for query, with the values it binds: a view of the
 * connection whose prepare notes them. The statement cache is per connection object, so
 * through this view each statement is prepared afresh and none is missed.
 */
function statementsRunBy(query: { filter: FeedbackFilter; sort?: FeedbackSort; cursor: string | null; limit: number }): { sql: string; params: unknown[] }[] {
  const ran: { sql: string; params: unknown[] }[] = [];
  const recording = new Proxy(db, {
    get(target, key) {
      if (key === 'prepare') {
        return (sql: string) => {
          const stmt = target.prepare(sql);
          const run = (method: 'all' | 'get' | 'iterate') => (...params: unknown[]) => {
            ran.push({ sql, params });
            return (stmt[method] as (...p: unknown[]) => unknown)(...params);
          };
          return new Proxy(stmt, {
            get: (s, k) => (k === 'all' || k === 'get' || k === 'iterate' ? run(k) : (Reflect.get(s, k, s) as unknown)),
          });
        };
      }
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  listFeedback(recording, query);
  return ran;
}

/** The plans of what listFeedback really runs for query, so these checks follow the repository's SQL. */
function listPlans(query: { filter: FeedbackFilter; sort?: FeedbackSort; cursor: string | null; limit: number }): string[] {
  const ran = statementsRunBy(query);
  expect(ran.length, 'statements listFeedback ran').toBeGreaterThan(0);
  return ran.map(({ sql, params }) => explain(sql, params));
}

function pageThrough(filter: FeedbackFilter, limit: number, sort: FeedbackSort = 'newest'): FeedbackSummary[] {
  const seen: FeedbackSummary[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = listFeedback(db, { filter, sort, cursor, limit });
    seen.push(...page.items);
    if (!page.nextCursor) return seen;
    expect(page.items).toHaveLength(limit);
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

const filterArb: fc.Arbitrary<FeedbackFilter> = fc.record(
  {
    status: fc.subarray([...statuses], { minLength: 1 }),
    sentiment: fc.subarray([...sentiments], { minLength: 1 }),
    channel: fc.subarray([...channels], { minLength: 1 }),
    tags: fc.subarray([...TAGS, 'vip-watch'], { minLength: 1, maxLength: 2 }),
    receivedFrom: fc.integer({ min: T0, max: T0 + 9 * DAY }),
    receivedTo: fc.integer({ min: T0, max: T0 + 9 * DAY }),
    product: fc.subarray(['Hub', 'Cam', 'Nope'], { minLength: 1 }),
    language: fc.constantFrom(['en'], ['de']),
    unread: fc.boolean(),
    vip: fc.boolean(),
    escalated: fc.boolean(),
    // Whole words that occur in some bodies and never in names or subjects' other words.
    query: fc.constantFrom('billing', 'refund ', 'delivery', 'login', 'about'),
  },
  { requiredKeys: [] },
);

describe('the feedback repository', () => {
  it('pages by keyset in either order, with every matching item exactly once, for any filter', () => {
    fc.assert(
      fc.property(filterArb, fc.integer({ min: 1, max: 97 }), fc.constantFrom<FeedbackSort>('newest', 'oldest'), (filter, limit, sort) => {
        const got = pageThrough(filter, limit, sort);
        if (sort === 'oldest') got.reverse();
        const expected = all.filter((x) => matches(filter, x)).map((x) => x.externalId);
        expect(got.map((g) => `t-${g.preview.split(' ')[2]}`).sort()).toEqual([...expected].sort());
        expect(new Set(got.map((g) => g.id)).size).toBe(got.length);
        for (let i = 1; i < got.length; i++) {
          const [a, b] = [got[i - 1]!, got[i]!];
          expect(a.receivedAt > b.receivedAt || (a.receivedAt === b.receivedAt && a.id > b.id)).toBe(true);
        }
        expect(countFeedback(db, filter)).toBe(expected.length);
      }),
      { numRuns: 60 },
    );
  });

  it('fills list rows with customer, tags and thread size', () => {
    const [first] = listFeedback(db, { filter: { tags: ['vip-watch'], status: ['open'] }, cursor: null, limit: 1 }).items;
    expect(first).toBeDefined();
    expect(first!.tags.map((t) => t.name)).toContain('vip-watch');
    expect(first!.customer?.name).toMatch(/^Customer \d+$/);
    const detail = getFeedback(db, first!.id);
    expect(detail.messages[0]!.direction).toBe('in');
    expect(detail.messageCount).toBe(detail.messages.length);
    expect(detail.customer!.contactCount).toBe(N / 25);
    expect(() => getFeedback(db, 'nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('rejects a forged cursor with VALIDATION', () => {
    expect(() => listFeedback(db, { filter: {}, cursor: 'not-a-cursor', limit: 5 })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('counts by status, sentiment and channel', () => {
    const stats = feedbackStats(db);
    expect(stats.total).toBe(N);
    expect(stats.byChannel).toEqual(Object.fromEntries(channels.map((c) => [c, N / channels.length])));
    expect(Object.values(stats.bySentiment).reduce((a, b) => a + b, 0)).toBe(N);
    expect(stats.bySentiment.unknown).toBe(all.filter((x) => x.sentiment === null).length);
  });

  it('never doubles an item imported again, by external id or by content', () => {
    const again = insertFeedbackBatch(db, [all[0]!, { ...all[1]!, externalId: null }, { ...all[2]!, source: 'other', externalId: 'x' }], T0);
    expect(again).toMatchObject({ imported: 0, duplicates: 3 });
    expect(feedbackStats(db).total).toBe(N);
  });

  it('seeks straight to the cursor on deep pages instead of walking from the top', () => {
    const cursor = encodeCursor({ receivedAt: T0 + DAY, id: 'zzz' });
    const cases: [FeedbackFilter, FeedbackSort][] = [
      [{}, 'newest'],
      [{ status: ['open'] }, 'newest'],
      [{}, 'oldest'],
      [{ channel: ['chat'] }, 'oldest'],
    ];
    for (const [filter, sort] of cases) {
      const plans = listPlans({ filter, sort, cursor, limit: 100 });
      expect(plans, JSON.stringify(filter)).toContainEqual(expect.stringMatching(/SEARCH f USING (COVERING )?INDEX feedback_by_\w+ \(.*\(received_at,id\)[<>]\(\?,\?\)\)/));
      for (const plan of plans) expect(plan, JSON.stringify(filter)).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('uses an index that yields inbox order for single-value filters (no full sort)', () => {
    const filters: FeedbackFilter[] = [{ status: ['open'] }, { sentiment: ['negative'] }, { channel: ['chat'] }, {}];
    for (const [filter, sort] of filters.flatMap((f) => [[f, 'newest'] as const, [f, 'oldest'] as const])) {
      const plans = listPlans({ filter, sort, cursor: null, limit: 50 });
      for (const plan of plans) expect(plan, `${JSON.stringify(filter)} ${sort}`).not.toMatch(/TEMP B-TREE/);
      expect(plans, `${JSON.stringify(filter)} ${sort}`).toContainEqual(expect.stringMatching(/USING (COVERING )?INDEX feedback_by_/));
    }
  });
});

describe('page plans: drive by rare matches, probe common ones in inbox order', () => {
  const DRIVE: PagePlan = { tags: 'drive', search: 'drive' };
  const plans: PagePlan[] = (['drive', 'probe'] as const).flatMap((tags) => (['drive', 'probe'] as const).map((search) => ({ tags, search })));
  const keysFor = (filter: FeedbackFilter, sort: FeedbackSort, cursor: string | null, plan: PagePlan, columnWalk = true): number[] => {
    const { sql, params } = pageKeysQuery({ filter, sort, cursor, limit: 40, plan, columnWalk });
    return (db.prepare(sql).all(...params) as { r: number }[]).map((k) => k.r);
  };

  it('gives the same page under every plan, for any filter, sort and cursor', () => {
    fc.assert(
      fc.property(filterArb, fc.constantFrom<FeedbackSort>('newest', 'oldest'), fc.boolean(), (filter, sort, deep) => {
        const cursor = deep ? encodeCursor({ receivedAt: T0 + 4 * DAY, id: 'M' }) : null;
        const expected = keysFor(filter, sort, cursor, plans[0]!, false);
        for (const plan of plans) {
          expect(keysFor(filter, sort, cursor, plan), JSON.stringify(plan)).toEqual(expected);
          expect(keysFor(filter, sort, cursor, plan, false), JSON.stringify(plan)).toEqual(expected);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('gives the same page walking one column index as testing the rows, for any mix of columns', () => {
    const columnsArb: fc.Arbitrary<FeedbackFilter> = fc.record(
      {
        status: fc.subarray([...statuses], { minLength: 1, maxLength: 2 }),
        sentiment: fc.subarray([...sentiments], { minLength: 1, maxLength: 2 }),
        channel: fc.subarray([...channels], { minLength: 1, maxLength: 2 }),
        product: fc.subarray(['Hub', 'Cam', 'Nope'], { minLength: 1, maxLength: 2 }),
        language: fc.constantFrom(['en'], ['de'], ['en', 'de']),
        tags: fc.subarray([...TAGS], { minLength: 1, maxLength: 1 }),
        receivedFrom: fc.integer({ min: T0, max: T0 + 9 * DAY }),
        query: fc.constantFrom('about', 'refund '),
      },
      { requiredKeys: ['product'] },
    );
    let walked = 0;
    fc.assert(
      fc.property(columnsArb, fc.constantFrom<FeedbackSort>('newest', 'oldest'), fc.boolean(), (filter, sort, deep) => {
        const cursor = deep ? encodeCursor({ receivedAt: T0 + 4 * DAY, id: 'M' }) : null;
        const probe: PagePlan = { tags: 'probe', search: 'probe' };
        if (pageKeysQuery({ filter, sort, cursor, limit: 40, plan: probe }).sql.includes('EXISTS (SELECT 1 FROM feedback g')) walked++;
        expect(keysFor(filter, sort, cursor, probe)).toEqual(keysFor(filter, sort, cursor, DRIVE, false));
      }),
      { numRuns: 120 },
    );
    expect(walked, 'runs that walked a column index').toBeGreaterThan(20);
  });

  it('walks one column index and tests the other columns in their own indexes, never in the rows', () => {
    const filters: FeedbackFilter[] = [
      { product: ['Hub'], language: ['en'] },
      { sentiment: ['negative'], channel: ['email', 'chat'] },
      { status: ['open'], product: ['Hub', 'Cam'], query: 'about ', receivedFrom: T0 },
    ];
    for (const filter of filters) {
      const { sql, params } = pageKeysQuery({ filter, cursor: encodeCursor({ receivedAt: T0 + 4 * DAY, id: 'M' }), limit: 100, plan: { tags: 'probe', search: 'probe' } });
      const plan = explain(sql, params);
      expect(plan, JSON.stringify(filter)).toMatch(/^SEARCH f USING COVERING INDEX feedback_by_\w+ \(\w+=\? AND .*\(received_at,id\)<\(\?,\?\)\)/);
      expect(plan, JSON.stringify(filter)).toMatch(/SEARCH g EXISTS USING COVERING INDEX/);
      expect(plan, JSON.stringify(filter)).not.toMatch(/TEMP B-TREE/);
    }
    // A flag needs the row: no column walk then.
    expect(pageKeysQuery({ filter: { product: ['Hub'], language: ['en'], unread: true }, cursor: null, limit: 100 }).sql).not.toMatch(/EXISTS/);
  });

  it('drives by a tag or a search with few matches and probes one with many', () => {
    // 'billing' is on 150 items, 'vip-watch' on 120.
    expect(choosePlan(db, { tags: ['billing'] }, 130)).toEqual({ tags: 'probe', search: 'probe' });
    expect(choosePlan(db, { tags: ['billing', 'vip-watch'] }, 130).tags).toBe('drive');
    expect(choosePlan(db, { tags: ['no-such-tag'] }, 130).tags).toBe('drive');
    expect(choosePlan(db, { query: 'refund ' }, 130).search).toBe('probe');
    expect(choosePlan(db, { query: 'refund ' }, 1000).search).toBe('drive');
  });

  it('walks the (received_at, id) index without sorting when probing, also for IN lists', () => {
    const probe: PagePlan = { tags: 'probe', search: 'probe' };
    for (const filter of [{ tags: ['billing'] }, { status: ['open', 'pending'] }, { query: 'refund ', sentiment: ['negative', 'neutral'] }] as FeedbackFilter[]) {
      const { sql, params } = pageKeysQuery({ filter, cursor: null, limit: 100, plan: probe });
      const plan = explain(sql, params);
      expect(plan, JSON.stringify(filter)).toMatch(/SCAN f USING (COVERING )?INDEX feedback_by_received/);
      expect(plan, JSON.stringify(filter)).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    }
  });

  it('pages the VIP view from its own ordered index, also with status filters', () => {
    for (const filter of [{ vip: true }, { vip: true, status: ['open', 'pending'] }] as FeedbackFilter[]) {
      const plans = listPlans({ filter, cursor: null, limit: 100 });
      expect(plans, JSON.stringify(filter)).toContainEqual(expect.stringMatching(/INDEX feedback_vip/));
      for (const plan of plans) expect(plan, JSON.stringify(filter)).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('lists facets: distinct products and languages, tag counts, assignees', () => {
    db.exec("UPDATE feedback SET assignee = 'Rosa' WHERE external_id IN ('t-1', 't-2'); UPDATE feedback SET assignee = 'Ade' WHERE external_id = 't-3'");
    try {
      const facets = feedbackFacets(db);
      expect(facets.products).toEqual(['Cam', 'Hub']);
      expect(facets.languages).toEqual(['en']);
      expect(facets.tags).toEqual([
        { name: 'billing', count: 150 },
        { name: 'delivery', count: 150 },
        { name: 'login', count: 150 },
        { name: 'refund', count: 150 },
        { name: 'vip-watch', count: 120 },
      ]);
      expect(facets.assignees).toEqual(['Ade', 'Rosa']);
    } finally {
      db.exec('UPDATE feedback SET assignee = NULL');
    }
  });
});

describe('live counts (feedback_counts, migration 0008)', () => {
  const direct = (filter: FeedbackFilter): number => {
    const { sql, params } = pageKeysQuery({ filter, cursor: null, limit: 1_000_000 });
    return db.prepare(sql).all(...params).length;
  };
  const expectExact = (): void => {
    for (const view of builtInViews) expect(countFeedback(db, view.filter), view.name).toBe(direct(view.filter));
    for (const filter of [{ unread: false }, { escalated: false, status: ['open' as const] }, { status: ['closed' as const], unread: true, escalated: true }, { vip: false }]) {
      expect(countFeedback(db, filter), JSON.stringify(filter)).toBe(direct(filter));
    }
    expect(feedbackStats(db).byStatus).toEqual(
      Object.fromEntries((db.prepare('SELECT status AS k, count(*) AS n FROM feedback GROUP BY status ORDER BY status').all() as { k: string; n: number }[]).map((r) => [r.k, r.n])),
    );
  };

  it('stay exact through inserts, updates, undo, read marks and deletes', () => {
    expectExact();
    const ids = listFeedback(db, { filter: { status: ['open'] }, cursor: null, limit: 30 }).items.map((i) => i.id);
    const done = updateFeedback(db, ids, { status: 'resolved', unread: false }, T0);
    expectExact();
    undoUpdate(db, done.undo);
    expectExact();
    markRead(db, ids.slice(0, 10), false);
    expectExact();
    markRead(db, ids.slice(0, 10), true);
    db.exec("UPDATE feedback SET escalated = 1 - escalated WHERE external_id IN ('t-1', 't-2')");
    expectExact();
    db.exec("UPDATE feedback SET escalated = 1 - escalated WHERE external_id IN ('t-1', 't-2')");
    const extra = { ...item(N + 1), externalId: 'x-1', status: 'pending' as const };
    insertFeedbackBatch(db, [extra], T0);
    expectExact();
    db.exec("DELETE FROM feedback WHERE external_id = 'x-1'");
    expectExact();
    // A customer who becomes a VIP brings their items into the VIP view, and back out.
    db.exec("UPDATE customers SET tier = 'vip' WHERE email = 'c3@example.com'");
    expect(countFeedback(db, { vip: true })).toBe(2 * (N / 25));
    expectExact();
    db.exec("UPDATE customers SET tier = 'standard' WHERE email = 'c3@example.com'");
    expect(countFeedback(db, { vip: true })).toBe(N / 25);
    expectExact();
    expect(countFeedback(db, {})).toBe(N);
  });
});

describe('search in the feedback list', () => {
  it('finds by word prefix and customer name, and highlights the hit in a snippet', () => {
    const page = listFeedback(db, { filter: { query: 'refu' }, cursor: null, limit: 500 });
    expect(page.items.length).toBe(all.filter((x) => x.body.includes('refund')).length);
    const first = page.items[0]!;
    expect(first.snippet).toContain(`${HIGHLIGHT_START}refund${HIGHLIGHT_END}`);
    const byName = listFeedback(db, { filter: { query: 'customer 7 ' }, cursor: null, limit: 500 }).items;
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.map((i) => i.customer?.name)).toEqual(Array(N / 25).fill('Customer 7'));
    expect(listFeedback(db, { filter: {}, cursor: null, limit: 1 }).items[0]!.snippet).toBeNull();
  });

  it("gives every row the snippet a search for that row alone gives, for any search, filter, sort and page", () => {
    const rowidOf = (id: string): number => (db.prepare('SELECT rowid AS r FROM feedback WHERE id = ?').get(id) as { r: number }).r;
    const queryArb = fc.constantFrom('"about refund"', '"message number"', 'number about ', 'customer 3 ', 'refu', 'about', 'billing ', '"number 1"');
    const pageFilterArb = fc.record({ status: fc.subarray([...statuses], { minLength: 1 }), tags: fc.subarray([...TAGS], { minLength: 1, maxLength: 1 }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(queryArb, pageFilterArb, fc.constantFrom<FeedbackSort>('newest', 'oldest'), fc.integer({ min: 1, max: 60 }), fc.boolean(), (query, filter, sort, limit, deep) => {
        const cursor = deep ? encodeCursor({ receivedAt: T0 + 4 * DAY, id: 'M' }) : null;
        const items = listFeedback(db, { filter: { ...filter, query }, sort, cursor, limit }).items;
        const rowids = items.map((i) => rowidOf(i.id));
        const each = pageSnippets(db, rowids, toFtsQuery(query)!, 'each');
        const range = pageSnippets(db, rowids, toFtsQuery(query)!, 'range');
        expect(items.map((i) => i.snippet)).toEqual(rowids.map((r) => each.get(r) ?? null));
        expect(rowids.map((r) => range.get(r) ?? null)).toEqual(rowids.map((r) => each.get(r) ?? null));
        for (const i of items) expect(i.snippet).toContain(HIGHLIGHT_START);
      }),
      { numRuns: 80 },
    );
  });

  it('reads how many segments the search index has', () => {
    const fresh = new Database(':memory:');
    migrate(fresh, migrations);
    expect(searchSegments(fresh)).toBe(0);
    insertFeedbackBatch(fresh, all.slice(0, 10), T0);
    insertFeedbackBatch(fresh, all.slice(10, 20), T0);
    insertFeedbackBatch(fresh, all.slice(20, 30), T0);
    expect(searchSegments(fresh)).toBe(3);
    fresh.exec("INSERT INTO feedback_fts(feedback_fts) VALUES ('optimize')");
    expect(searchSegments(fresh)).toBe(1);
    fresh.close();
  });

  it('drives a rare search by its hits even next to a column filter (no walk of the column index)', () => {
    const filter: FeedbackFilter = { query: '"number 17"', channel: ['email'], sentiment: ['negative', 'neutral'] };
    for (const plan of listPlans({ filter, cursor: null, limit: 100 })) expect(plan).not.toMatch(/INDEX feedback_by_(channel|sentiment)/);
    expect(listPlans({ filter, cursor: null, limit: 100 }).join(' | ')).toMatch(/SEARCH f USING INTEGER PRIMARY KEY/);
  });

  it('treats operator syntax as text instead of failing', () => {
    expect(() => listFeedback(db, { filter: { query: 'NEAR(" OR *' }, cursor: null, limit: 5 })).not.toThrow();
    expect(countFeedback(db, { query: '"' })).toBe(N);
  });
});
