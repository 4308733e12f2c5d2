/**
 * Conversations read ahead of the agent: the rows either side of the open one, and a row
 * the pointer rests on. Opening one of them paints at once from here while the core is
 * asked again. Any change the core reports drops the entries it names, and a read that
 * started before a change is not kept (the epoch moved on).
 */
import type { FeedbackDetail } from '../../../../shared/contract';

const limit = 24;
/** Changes remembered per conversation; beyond this, older ones count as "everything changed". */
const changesKept = 1000;
const entries = new Map<string, FeedbackDetail>();
let epoch = 0;
/** When everything was last dropped, and when each conversation last changed. */
let clearedAt = 0;
const changedAt = new Map<string, number>();

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

/** Keeps what a read started at `startedAt` returned; false when it may be out of date. */
export function detailCached(detail: FeedbackDetail, startedAt: number): boolean {
  // Started before a change to it: it may hold the values from before.
  if (clearedAt > startedAt || (changedAt.get(detail.id) ?? 0) > startedAt) return false;
  entries.delete(detail.id);
  entries.set(detail.id, detail);
  while (entries.size > limit) entries.delete(entries.keys().next().value!);
  return true;
}

/** The core changed these conversations (all of them when ids is undefined). */
export function detailsForgotten(ids: readonly string[] | undefined): void {
  epoch++;
  if (ids === undefined) {
    clearedAt = epoch;
    entries.clear();
    changedAt.clear();
    return;
  }
  for (const id of ids) {
    entries.delete(id);
    changedAt.delete(id);
    changedAt.set(id, epoch);
  }
  while (changedAt.size > changesKept) {
    const [oldest, at] = changedAt.entries().next().value!;
    changedAt.delete(oldest);
    // Forgetting when it changed must not let an older read of it back in.
    clearedAt = Math.max(clearedAt, at);
  }
}
