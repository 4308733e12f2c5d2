/**
 * Conversations read ahead of the agent: the rows either side of the open one, and a row
 * the pointer rests on. Opening one of them paints at once from here while the core is
 * asked again. Any change the core reports drops the entries it names, and a read that
 * started before a change is not kept (the epoch moved on).
 */
import type { FeedbackDetail } from '../../../../shared/contract';

const limit = 24;
const entries = new Map<string, FeedbackDetail>();
let epoch = 0;

/** The current epoch: pass it to detailCached with what a read started now returns. */
export function cacheEpoch(): number {
  return epoch;
}

export function cachedDetail(id: string): FeedbackDetail | undefined {
  const found = entries.get(id);
  if (found) {
    // Most recently used last, so the oldest goes first.
    entries.delete(id);
    entries.set(id, found);
  }
  return found;
}

export function detailCached(detail: FeedbackDetail, startedAt: number): void {
  if (startedAt !== epoch) return;
  entries.delete(detail.id);
  entries.set(detail.id, detail);
  while (entries.size > limit) entries.delete(entries.keys().next().value!);
}

/** The core changed these conversations (all of them when ids is undefined). */
export function detailsForgotten(ids: readonly string[] | undefined): void {
  epoch++;
  if (ids === undefined) entries.clear();
  else for (const id of ids) entries.delete(id);
}
