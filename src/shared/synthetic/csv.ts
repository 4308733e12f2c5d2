/**
 * RFC 4180 output for synthetic items: fields separated by commas, records by CRLF, and a
 * field quoted (with inner quotes doubled) whenever it holds a comma, a quote, a line break
 * or leading/trailing spaces. Line breaks inside quoted fields are kept as they are.
 */
import type { SyntheticItem } from './generate';

export const csvColumns = [
  'external_id',
  'source',
  'channel',
  'received_at',
  'customer_name',
  'customer_email',
  'customer_tier',
  'language',
  'product',
  'subject',
  'body',
  'status',
  'sentiment',
  'rating',
  'tags',
  'unread',
  'messages',
] as const;

const needsQuotes = /[",\r\n]|^\s|\s$/;

export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(fields: readonly (string | number | boolean | null)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

export function csvHeader(): string {
  return csvRecord(csvColumns);
}

/** One item as a CSV record (tags joined by ";", the thread length as a number). */
export function itemToCsv(item: SyntheticItem): string {
  return csvRecord([
    item.externalId,
    item.source,
    item.channel,
    new Date(item.receivedAt).toISOString(),
    item.customer?.name ?? null,
    item.customer?.email ?? null,
    item.customer?.tier ?? null,
    item.language,
    item.product,
    item.subject,
    item.body,
    item.status,
    item.sentiment,
    item.rating,
    item.tags.map((t) => t.name).join(';'),
    item.unread,
    item.messages.length,
  ]);
}
