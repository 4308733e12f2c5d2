/**
 * Pure helpers over FeedbackFilter: the list, the filter bar and saved views all need to
 * agree on when two filters are "the same", so that logic lives in one place.
 */
import type { FeedbackFilter } from '../../../../shared/contract';

type ArrayKey = 'status' | 'sentiment' | 'channel' | 'tags' | 'product' | 'language';
const arrayKeys: readonly ArrayKey[] = ['status', 'sentiment', 'channel', 'tags', 'product', 'language'];

/** Drops empty parts (an empty list, a blank search) so they never count as a filter. */
export function normalizeFilter(filter: FeedbackFilter): FeedbackFilter {
  const out: FeedbackFilter = {};
  for (const key of arrayKeys) {
    const values = filter[key];
    if (values && values.length > 0) (out as Record<ArrayKey, string[]>)[key] = [...values].sort();
  }
  if (filter.receivedFrom !== undefined) out.receivedFrom = filter.receivedFrom;
  if (filter.receivedTo !== undefined) out.receivedTo = filter.receivedTo;
  if (filter.customerId !== undefined) out.customerId = filter.customerId;
  if (filter.escalated !== undefined) out.escalated = filter.escalated;
  if (filter.vip !== undefined) out.vip = filter.vip;
  if (filter.unread !== undefined) out.unread = filter.unread;
  const query = filter.query?.trim();
  if (query) out.query = filter.query;
  return out;
}

/** A stable text form: equal filters give equal keys whatever their key or value order. */
export function filterKey(filter: FeedbackFilter): string {
  const normal = normalizeFilter(filter) as Record<string, unknown>;
  return JSON.stringify(Object.keys(normal).sort().map((key) => [key, normal[key]]));
}

export function sameFilter(a: FeedbackFilter, b: FeedbackFilter): boolean {
  return filterKey(a) === filterKey(b);
}

export function isEmptyFilter(filter: FeedbackFilter): boolean {
  return Object.keys(normalizeFilter(filter)).length === 0;
}

/** Sets one part of a filter; undefined or an empty list removes it. */
export function withFilterPart<K extends keyof FeedbackFilter>(filter: FeedbackFilter, key: K, value: FeedbackFilter[K]): FeedbackFilter {
  const next = { ...filter };
  if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
  else next[key] = value;
  return next;
}
