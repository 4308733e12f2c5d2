/** The parts of a filter the filter bar offers, with how each reads as a chip. */
import type { FeedbackFilter } from '../../../../shared/contract';
import { channelLabels, channels, sentiments, statuses, statusLabels } from '../../../../shared/domain';
import type { Facets } from '../state/views';
import { languageName } from '../../../../shared/languages';
import { sentimentLabels } from './labels';

export type ChoiceKey = 'status' | 'sentiment' | 'channel' | 'product' | 'tags' | 'language';
export type FlagKey = 'escalated' | 'vip' | 'unread';
export type DimensionKey = ChoiceKey | FlagKey | 'received' | 'customerId';

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

interface ChoiceDimension {
  label: string;
  /** How several chosen values combine, said in the popover. */
  combine: 'any' | 'all';
  options(facets: Facets | null): Option[];
}

export const choiceDimensions: Record<ChoiceKey, ChoiceDimension> = {
  status: { label: 'Status', combine: 'any', options: () => statuses.map((s) => ({ value: s, label: statusLabels[s] })) },
  sentiment: { label: 'Sentiment', combine: 'any', options: () => sentiments.map((s) => ({ value: s, label: sentimentLabels[s] })) },
  channel: { label: 'Channel', combine: 'any', options: () => channels.map((c) => ({ value: c, label: channelLabels[c] })) },
  product: { label: 'Product', combine: 'any', options: (f) => (f?.products ?? []).map((p) => ({ value: p, label: p })) },
  tags: {
    label: 'Tag',
    combine: 'all',
    options: (f) => (f?.tags ?? []).map((t) => ({ value: t.name, label: t.name, hint: String(t.count) })),
  },
  language: {
    label: 'Language',
    combine: 'any',
    options: (f) => (f?.languages ?? []).map((code) => ({ value: code, label: languageName(code), hint: code })),
  },
};

export const flagDimensions: Record<FlagKey, { on: string; off: string }> = {
  escalated: { on: 'Escalated', off: 'Not escalated' },
  vip: { on: 'VIP', off: 'Not VIP' },
  unread: { on: 'Unread', off: 'Read' },
};

export const choiceKeys = Object.keys(choiceDimensions) as ChoiceKey[];
export const flagKeys = Object.keys(flagDimensions) as FlagKey[];

/** "Open, Pending" or "Open +2": short enough for a chip, complete in its tooltip. */
export function valuesLabel(key: ChoiceKey, values: readonly string[], facets: Facets | null): string {
  const options = choiceDimensions[key].options(facets);
  const names = values.map((v) => options.find((o) => o.value === v)?.label ?? v);
  if (names.length <= 2) return names.join(key === 'tags' ? ' + ' : ', ');
  return `${names[0]} +${names.length - 1}`;
}

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const day = 24 * 60 * 60 * 1000;

export function receivedLabel(filter: FeedbackFilter): string | null {
  const { receivedFrom: from, receivedTo: to } = filter;
  if (from === undefined && to === undefined) return null;
  if (from !== undefined && to !== undefined) {
    const last = to - day;
    return last <= from ? dayFormat.format(from) : `${dayFormat.format(from)} – ${dayFormat.format(last)}`;
  }
  if (from !== undefined) {
    // The date filter's presets read back as they were chosen ("last 7 days"), not as a date.
    const today = new Date();
    today.setHours(0, 0, 0, 0);
    const days = Math.round((today.getTime() - from) / day) + 1;
    if (days === 1) return 'today';
    if ([7, 30, 90].includes(days)) return `last ${days} days`;
    return `since ${dayFormat.format(from)}`;
  }
  return `before ${dayFormat.format(to ?? 0)}`;
}

/** Which parts of a filter are set, in the order the bar shows them. */
export function activeDimensions(filter: FeedbackFilter): DimensionKey[] {
  const keys: DimensionKey[] = [];
  for (const key of choiceKeys) if (filter[key]?.length) keys.push(key);
  if (filter.receivedFrom !== undefined || filter.receivedTo !== undefined) keys.push('received');
  for (const key of flagKeys) if (filter[key] !== undefined) keys.push(key);
  if (filter.customerId !== undefined) keys.push('customerId');
  return keys;
}

export function withoutDimension(filter: FeedbackFilter, key: DimensionKey): FeedbackFilter {
  const next = { ...filter };
  if (key === 'received') {
    delete next.receivedFrom;
    delete next.receivedTo;
  } else {
    delete next[key];
  }
  return next;
}
