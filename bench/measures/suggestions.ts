/**
 * Suggested replies through the real core (suggestions.list), as the composer asks when a
 * conversation opens: conversations spread over the store, each timed once cold and then
 * again. The store's past replies (the generator writes agent replies into a share of the
 * threads) are what the bm25 search over reply_fts ranks.
 */
import type { Core } from '../../src/main/core/index';
import { invokeOk, type BenchContext } from '../lib/context';
import { median, p95 } from '../lib/stats';

export async function measureSuggestions(ctx: BenchContext, core: Core): Promise<void> {
  const sample = ctx.args.quick ? 60 : 120;
  // Conversations from every part of the inbox: pages walked with a stride.
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; ids.length < sample && page < sample; page++) {
    const result: { items: { id: string }[]; nextCursor: string | null } = await invokeOk(core, 'feedback.list', { filter: {}, sort: 'newest', cursor, limit: 100 });
    ids.push(...result.items.filter((_, i) => i % 50 === 7).map((i) => i.id));
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  const first: number[] = [];
  const again: number[] = [];
  let offered = 0;
  let fromReplies = 0;
  for (const id of ids) {
    let t0 = performance.now();
    const { suggestions } = await invokeOk<{ suggestions: { kind: string }[] }>(core, 'suggestions.list', { feedbackId: id });
    first.push(performance.now() - t0);
    offered += suggestions.length;
    fromReplies += suggestions.filter((s) => s.kind === 'reply').length;
    t0 = performance.now();
    await invokeOk(core, 'suggestions.list', { feedbackId: id });
    again.push(performance.now() - t0);
  }
  ctx.figures.set('suggestions_p95_ms', p95([...first, ...again]), 'ms', '<= 50', `suggestions.list, ${ids.length} conversations across the store, each twice (own target)`);
  ctx.figures.set('suggestions_median_ms', median([...first, ...again]), 'ms', null);
  ctx.details.suggestions = {
    conversations: ids.length,
    firstMedianMs: median(first),
    firstP95Ms: p95(first),
    againMedianMs: median(again),
    againP95Ms: p95(again),
    offeredPerConversation: ids.length ? offered / ids.length : 0,
    shareFromEarlierReplies: offered ? fromReplies / offered : 0,
  };
}
