/** How domain values read and look in the inbox; one table so every pane says it the same way. */
import type { Sentiment, Status, TagSource } from '../../../../shared/domain';

export const sentimentLabels: Record<Sentiment, string> = {
  negative: 'Negative',
  neutral: 'Neutral',
  positive: 'Positive',
};

export const sentimentColors: Record<Sentiment, string> = {
  negative: 'red',
  neutral: 'gray',
  positive: 'teal',
};

/** Calm, distinct hues for where an item is in its life; "open" carries the brand colour. */
export const statusColors: Record<Status, string> = {
  open: 'indigo',
  pending: 'orange',
  replied: 'cyan',
  resolved: 'teal',
  closed: 'gray',
};

/** Who decided a label, said the way an agent would. */
export const sourceLabels: Record<TagSource, string> = {
  human: 'set by you',
  local: 'from local analysis',
  llm: 'from the AI model',
  import: 'from import',
};

export function conversations(count: number): string {
  return `${new Intl.NumberFormat().format(count)} ${count === 1 ? 'conversation' : 'conversations'}`;
}
