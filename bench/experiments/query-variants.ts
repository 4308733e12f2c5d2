/**
 * Query experiments on the main store: the key query of a list page (pageKeysQuery, the
 * step that picks the page's 101 rows; the rows themselves are then read by rowid) with the
 * plan the store chooses (choosePlan: rare tags, searches and VIP drive the query, common
 * ones are probed while walking inbox order) against each fixed plan, checked to pick the
 * same rows:
 *
 * - all drive: fetch every match of the tag / search / VIP condition, then sort them. Fast
 *   when matches are few, seconds when they are many.
 * - all probe: walk (received_at, id) and test each row, stopping at 101. Fast when matches
 *   are common, slow when they are rare.
 */
import type { DB } from '../../src/main/core/store/db';
import { encodeCursor } from '../../src/main/core/store/cursor';
import { choosePlan, listFeedback, pageKeysQuery, type PagePlan } from '../../src/main/core/store/feedback-repo';
import type { FeedbackFilter, FeedbackSort } from '../../src/shared/contract';
import { median } from '../lib/stats';
import { cursorAfter } from '../lib/workload';

const VIP_EXISTS = "EXISTS (SELECT 1 FROM customers vc WHERE vc.id = f.customer_id AND vc.tier = 'vip')";

/** Median ms of a few runs after a warm-up; a call over a second runs once. */
export function timeSync(fn: () => unknown, reps = 3): number {
  const t0 = performance.now();
  fn();
  const warm = performance.now() - t0;
  if (warm > 1000) return warm;
  const samples: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

export interface QueryCase {
  name: string;
  filter: FeedbackFilter;
  sort?: FeedbackSort;
  /** Page 51 instead of page 1. */
  deep?: boolean;
}

export interface QueryExperimentRow {
  case: string;
  currentMs: number;
  variant: string;
  variantMs: number;
  samePage: boolean;
}

function keys(db: DB, sql: string, params: unknown[]): string {
  return (db.prepare(sql).all(...params) as { r: number }[]).map((k) => k.r).join(',');
}

export function runQueryExperiments(db: DB, cases: readonly QueryCase[]): QueryExperimentRow[] {
  const out: QueryExperimentRow[] = [];
  const fixed: [string, PagePlan][] = [
    ['all drive', { tags: 'drive', search: 'drive' }],
    ['all probe', { tags: 'probe', search: 'probe' }],
  ];
  for (const c of cases) {
    const cursor = c.deep ? cursorAfter(db, c.filter, c.sort ?? 'newest', 5000) : null;
    if (c.deep && !cursor) continue;
    const query = { filter: c.filter, sort: c.sort ?? 'newest', cursor, limit: 100 };
    let expected = '';
    // The store's way: a capped count per condition, then the chosen plan.
    const currentMs = timeSync(() => {
      const q = pageKeysQuery({ ...query, plan: choosePlan(db, c.filter) });
      expected = keys(db, q.sql, q.params);
    });
    const name = `${c.name}${c.deep ? ' (page 51)' : ''}`;
    if (!c.filter.query && !c.filter.tags && !c.filter.vip) {
      out.push({ case: name, currentMs, variant: '-', variantMs: currentMs, samePage: true });
      continue;
    }
    for (const [variant, plan] of fixed) {
      const q = pageKeysQuery({ ...query, plan });
      let got = '';
      const ms = timeSync(() => (got = keys(db, q.sql, q.params)));
      out.push({ case: name, currentMs, variant, variantMs: ms, samePage: got === expected });
    }
  }
  return out;
}

/** The per-view counts of views.list, each timed, with a cheaper form where there is one. */
export function runCountExperiments(db: DB): { name: string; currentMs: number; variant: string; variantMs: number; same: boolean }[] {
  const out: { name: string; currentMs: number; variant: string; variantMs: number; same: boolean }[] = [];
  const run = (name: string, current: string, variant: string | null, variantSql: string | null): void => {
    let a: unknown;
    let b: unknown;
    const ms = timeSync(() => (a = db.prepare(current).all()));
    const vms = variantSql ? timeSync(() => (b = db.prepare(variantSql).all())) : ms;
    out.push({ name, currentMs: ms, variant: variant ?? '-', variantMs: vms, same: variantSql ? JSON.stringify(a) === JSON.stringify(b) : true });
  };
  run(
    'VIP view count',
    `SELECT count(*) AS n FROM feedback f WHERE f.status IN ('open', 'pending') AND ${VIP_EXISTS}`,
    'the vip flag, counted in feedback_counts (0008)',
    "SELECT coalesce(sum(n), 0) AS n FROM feedback_counts WHERE vip = 1 AND status IN ('open', 'pending')",
  );
  run("Resolved view count (status IN ('resolved','closed'))", "SELECT count(*) AS n FROM feedback f WHERE f.status IN ('resolved', 'closed')", null, null);
  run('All feedback count (countFeedback: WHERE 1)', 'SELECT count(*) AS n FROM feedback f WHERE 1', 'no WHERE clause (count fast path)', 'SELECT count(*) AS n FROM feedback f');
  run("Inbox view count (status IN ('open','pending'))", "SELECT count(*) AS n FROM feedback f WHERE f.status IN ('open', 'pending')", null, null);
  run(
    'facets: tag counts',
    'SELECT t.name AS name, count(ft.feedback_id) AS count FROM tags t LEFT JOIN feedback_tags ft ON ft.tag_id = t.id GROUP BY t.id ORDER BY count DESC, t.name',
    'count per tag on feedback_tags_by_tag',
    'SELECT t.name AS name, (SELECT count(*) FROM feedback_tags ft WHERE ft.tag_id = t.id) AS count FROM tags t ORDER BY count DESC, t.name',
  );
  for (const column of ['product', 'language']) {
    run(
      `facets: ${column}s`,
      `SELECT DISTINCT ${column} AS v FROM feedback WHERE ${column} IS NOT NULL ORDER BY v`,
      'loose index scan (recursive CTE)',
      `WITH RECURSIVE p(v) AS (SELECT min(${column}) FROM feedback UNION ALL SELECT (SELECT min(${column}) FROM feedback WHERE ${column} > p.v) FROM p WHERE p.v IS NOT NULL) SELECT v FROM p WHERE v IS NOT NULL`,
    );
  }
  run('facets: assignees (no index)', 'SELECT DISTINCT assignee AS v FROM feedback WHERE assignee IS NOT NULL ORDER BY v', null, null);
  return out;
}

/**
 * Deep pages touch rows nobody has read for a while. Pages 51-60 of the whole inbox through
 * listFeedback, on the encrypted store and on the plain twin; then pages 61-70 with the
 * page's rows read without the per-row subqueries (thread size, tags), to show what those
 * cost on rows that are not in the page cache.
 */
export function runDeepPageExperiment(enc: DB, plain: DB | null): { store: string; variant: string; medianMs: number }[] {
  const out: { store: string; variant: string; medianMs: number }[] = [];
  const walk = (db: DB, fromOffset: number, page: (cursor: string) => string | null): number => {
    let cursor = cursorAfter(db, {}, 'newest', fromOffset);
    const samples: number[] = [];
    for (let p = 0; p < 10 && cursor; p++) {
      const t0 = performance.now();
      cursor = page(cursor);
      samples.push(performance.now() - t0);
    }
    return median(samples);
  };
  const full = (db: DB) => (cursor: string): string | null => listFeedback(db, { filter: {}, sort: 'newest', cursor, limit: 100 }).nextCursor;
  const bare = (db: DB) => (cursor: string): string | null => {
    const q = pageKeysQuery({ filter: {}, sort: 'newest', cursor, limit: 100 });
    const keysRows = db.prepare(q.sql).all(...q.params) as { r: number; received_at: number; id: string }[];
    db.prepare(
      `SELECT f.rowid AS r, f.id, f.channel, f.subject, substr(f.body, 1, 240) AS preview, f.customer_id, c.name AS customer_name, c.tier AS customer_tier,
         f.product, f.language, f.status, f.sentiment, f.escalated, f.unread, f.received_at
       FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id WHERE f.rowid IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(keysRows.slice(0, 100).map((k) => k.r)));
    const last = keysRows[99];
    return keysRows.length > 100 && last ? encodeCursor({ receivedAt: last.received_at, id: last.id }) : null;
  };
  for (const [name, db] of [
    ['encrypted', enc],
    ['plain', plain],
  ] as const) {
    if (!db) continue;
    out.push({ store: name, variant: 'listFeedback, pages 51-60', medianMs: walk(db, 5000, full(db)) });
    out.push({ store: name, variant: 'rows without thread size and tags, pages 61-70', medianMs: walk(db, 6000, bare(db)) });
  }
  return out;
}
