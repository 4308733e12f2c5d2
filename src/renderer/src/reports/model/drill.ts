/**
 * The inbox filter behind a figure: the side's own drill (its period and scope filters)
 * narrowed by what was clicked. The report's drill is an open record; only what the inbox
 * filter understands is kept, so a drill never fails validation in the list.
 */
import { feedbackFilterSchema, type FeedbackFilter } from '../../../../shared/contract';
import type { PeriodFigures, Series } from '../../../../shared/reports/schema';

const inboxKeys = new Set(Object.keys(feedbackFilterSchema.shape));

export function sideFilter(side: Pick<PeriodFigures, 'drill' | 'from' | 'to'>): FeedbackFilter {
  const known = Object.fromEntries(Object.entries(side.drill).filter(([key]) => inboxKeys.has(key)));
  const parsed = feedbackFilterSchema.safeParse(known);
  const base: FeedbackFilter = parsed.success ? parsed.data : {};
  return { ...base, receivedFrom: base.receivedFrom ?? side.from, receivedTo: base.receivedTo ?? side.to };
}

/** Adds what was clicked; tags add to the side's own (an item must carry every tag). */
export function narrowed(base: FeedbackFilter, extra: FeedbackFilter): FeedbackFilter {
  const next: FeedbackFilter = { ...base, ...extra };
  if (extra.tags && base.tags) next.tags = [...new Set([...base.tags, ...extra.tags])];
  // A clicked value within a list the scope already narrows to keeps both conditions.
  for (const key of ['channel', 'sentiment', 'assignee', 'product', 'status'] as const) {
    const a = base[key] as string[] | undefined;
    const b = extra[key] as string[] | undefined;
    if (a && b) (next as Record<string, unknown>)[key] = b.filter((v) => a.includes(v));
  }
  return next;
}

/** One bucket of a series, clamped to the side's period (a first week may start before it). */
export function bucketRange(series: Series, index: number, side: { from: number; to: number }): { receivedFrom: number; receivedTo: number } {
  const start = series.starts[index] ?? side.from;
  const end = series.starts[index + 1] ?? series.end;
  return { receivedFrom: Math.max(start, side.from), receivedTo: Math.min(end, side.to) };
}
