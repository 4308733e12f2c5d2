/**
 * The queries the inbox makes, shared by the inbox and search measures and by the memory
 * child: first pages under the common filters and sorts, deep pages by cursor, view counts,
 * item details, and searches as an agent types them.
 */
import type { Core } from '../../src/main/core/index';
import { encodeCursor } from '../../src/main/core/store/cursor';
import type { DB } from '../../src/main/core/store/db';
import { filterClause } from '../../src/main/core/store/feedback-repo';
import type { FeedbackFilter, FeedbackSort } from '../../src/shared/contract';
import { invokeOk } from './context';

export interface WorkloadSpec {
  /** The generated period. */
  start: number;
  end: number;
  /** The customer with the most items. */
  frequentCustomerId: string | null;
}

export interface InboxCase {
  name: string;
  filter: FeedbackFilter;
  sort: FeedbackSort;
  /** Also walk 50+ pages deep with the cursor. */
  deep: boolean;
}

export function inboxCases(spec: WorkloadSpec): InboxCase[] {
  const mid = Math.floor((spec.start + spec.end) / 2);
  const day = 86_400_000;
  const cases: InboxCase[] = [
    { name: 'all', filter: {}, sort: 'newest', deep: true },
    { name: 'status_open', filter: { status: ['open'] }, sort: 'newest', deep: true },
    { name: 'inbox_view_open_pending', filter: { status: ['open', 'pending'] }, sort: 'newest', deep: false },
    { name: 'negative_email', filter: { sentiment: ['negative'], channel: ['email'] }, sort: 'newest', deep: true },
    { name: 'tag_refund', filter: { tags: ['refund'] }, sort: 'newest', deep: true },
    { name: 'date_range_30d', filter: { receivedFrom: mid - 15 * day, receivedTo: mid + 15 * day }, sort: 'newest', deep: true },
    { name: 'vip_view', filter: { vip: true, status: ['open', 'pending'] }, sort: 'newest', deep: false },
    { name: 'unread', filter: { unread: true }, sort: 'newest', deep: false },
    { name: 'product_language', filter: { product: ['Atlas CRM'], language: ['de'] }, sort: 'newest', deep: true },
    { name: 'oldest_first', filter: {}, sort: 'oldest', deep: true },
    { name: 'oldest_open_queue', filter: { status: ['open'] }, sort: 'oldest', deep: false },
  ];
  if (spec.frequentCustomerId) cases.push({ name: 'customer', filter: { customerId: spec.frequentCustomerId }, sort: 'newest', deep: false });
  return cases;
}

export type SearchKind = 'word' | 'prefix' | 'phrase' | 'filtered' | 'rare' | 'typing';

export interface SearchCase {
  name: string;
  kind: SearchKind;
  /** As typed in the search box (see shared/search toFtsQuery). */
  query: string;
  filter?: FeedbackFilter;
}

/**
 * A finished word ends with a space; without one the last word is a prefix, as typed.
 * The typing series is 2, 3 and 4 characters (the prefix index covers 2 and 3); a single
 * character is measured apart, in a child process with a time limit (oneCharQueries).
 */
export function searchCases(): SearchCase[] {
  // Two, three (both in the prefix index) and four characters (not in it) of a word.
  const typing = (word: string): SearchCase[] => [2, 3, 4].map((n) => ({ name: `typing_${word}_${n}`, kind: 'typing' as const, query: word.slice(0, n) }));
  return [
    { name: 'word_refund', kind: 'word', query: 'refund ' },
    { name: 'word_invoice', kind: 'word', query: 'invoice ' },
    { name: 'word_dashboard', kind: 'word', query: 'dashboard ' },
    { name: 'word_de_erstattung', kind: 'word', query: 'Rückerstattung ' },
    { name: 'word_customer_patel', kind: 'word', query: 'Patel ' },
    { name: 'two_words', kind: 'word', query: 'invoice vat ' },
    { name: 'prefix_passw', kind: 'prefix', query: 'passw' },
    { name: 'prefix_ja', kind: 'prefix', query: '返金' },
    { name: 'phrase_password_reset', kind: 'phrase', query: '"password reset"' },
    { name: 'phrase_tracking', kind: 'phrase', query: '"tracking has not moved"' },
    { name: 'phrase_fr', kind: 'phrase', query: '"mot de passe"' },
    { name: 'filtered_refund_open', kind: 'filtered', query: 'refund ', filter: { status: ['open'] } },
    { name: 'filtered_login_negative_email', kind: 'filtered', query: 'login', filter: { sentiment: ['negative'], channel: ['email'] } },
    { name: 'filtered_slow_inbox_view', kind: 'filtered', query: 'slow ', filter: { status: ['open', 'pending'] } },
    { name: 'rare_error_code', kind: 'rare', query: 'E4242 ' },
    { name: 'rare_order_number', kind: 'rare', query: 'A-123456' },
    ...typing('refund'),
  ];
}

/** What an agent has typed after one keystroke. */
export const oneCharQueries = ['r'];

export async function firstPage(core: Core, c: { filter: FeedbackFilter; sort?: FeedbackSort }): Promise<{ items: { id: string }[]; nextCursor: string | null }> {
  return invokeOk(core, 'feedback.list', { filter: c.filter, sort: c.sort ?? 'newest', limit: 100 });
}

/** Everything once (or `rounds` times): for the memory child and as a warm-up. */
export async function workload(core: Core, spec: WorkloadSpec, rounds = 1): Promise<void> {
  for (let r = 0; r < rounds; r++) {
    const ids: string[] = [];
    for (const c of inboxCases(spec)) {
      let page = await firstPage(core, c);
      ids.push(...page.items.slice(0, 3).map((i) => i.id));
      for (let p = 1; c.deep && p < 10 && page.nextCursor; p++) {
        page = await invokeOk(core, 'feedback.list', { filter: c.filter, sort: c.sort, cursor: page.nextCursor, limit: 100 });
      }
    }
    for (const s of searchCases().filter((c) => c.kind !== 'typing' && c.kind !== 'prefix')) await firstPage(core, { filter: { ...s.filter, query: s.query } });
    await invokeOk(core, 'views.list');
    await invokeOk(core, 'feedback.count', {});
    await invokeOk(core, 'feedback.facets');
    await invokeOk(core, 'feedback.stats');
    for (const id of ids) await invokeOk(core, 'feedback.get', { id });
  }
}

/**
 * The cursor after `offset` rows under a filter and sort, read directly from the store
 * (keyset paging makes it the cursor the window holds after offset / 100 pages).
 */
export function cursorAfter(db: DB, filter: FeedbackFilter, sort: FeedbackSort, offset: number): string | null {
  const where = filterClause(filter);
  const dir = sort === 'oldest' ? 'ASC' : 'DESC';
  const row = db
    .prepare(`SELECT f.received_at AS receivedAt, f.id AS id FROM feedback f WHERE ${where.sql} ORDER BY f.received_at ${dir}, f.id ${dir} LIMIT 1 OFFSET ?`)
    .get(...where.params, offset - 1) as { receivedAt: number; id: string } | undefined;
  return row ? encodeCursor(row) : null;
}
