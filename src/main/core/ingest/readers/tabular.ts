/**
 * One tabular record (a CSV row, a JSON object) to an ImportRow, through a ColumnMapping.
 * Shared by the CSV and JSON readers; the readers only say how to get a column's value.
 */
import type { Channel } from '../../../../shared/domain';
import { parseDate } from '../../../../shared/import/dates';
import type { ColumnMapping, MappingTarget } from '../../../../shared/import';
import { fieldLimits, limitText, normaliseChannel, normaliseLanguage, normaliseSentiment, normaliseStatus, normaliseTier, parseRating, splitTags } from '../../../../shared/import/values';
import { contentHash } from '../content-hash';
import type { ImportRow, NewFeedback } from '../types';

export type Accessor<R> = (record: R) => unknown;

export interface RowMapperContext<R> {
  /** The exporter's identity, e.g. 'csv'. */
  source: string;
  /** How to read a named column from a record. */
  column: (name: string) => Accessor<R>;
  /** dd/mm (true) or mm/dd for the date column. */
  dayFirst: boolean;
  /** When no date column is mapped: the file's time, with a note on the first row. */
  fileTime: number;
}

/** A cell as text: numbers and booleans as written, arrays joined, objects as JSON. */
export function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(asText).join(', ');
  return JSON.stringify(value);
}

function cut(label: string, value: string, limit: number, notes: string[]): string {
  const { text, cut: wasCut } = limitText(value, limit);
  if (wasCut) notes.push(`${label} cut to ${limit.toLocaleString('en-US')} characters (it had ${value.length.toLocaleString('en-US')})`);
  return text;
}

export function createRowMapper<R>(mapping: ColumnMapping, ctx: RowMapperContext<R>): (record: R, line: number) => ImportRow {
  const get: Partial<Record<MappingTarget, Accessor<R>>> = {};
  for (const [target, column] of Object.entries(mapping.fields) as [MappingTarget, string][]) get[target] = ctx.column(column);
  const col = (t: MappingTarget): string => mapping.fields[t] ?? t;
  const dateOptions = { timeZone: mapping.timeZone, dayFirst: ctx.dayFirst };
  let fileTimeNoted = false;
  const defaultChannel: Channel = mapping.defaultChannel;

  return (record, line) => {
    const text = (t: MappingTarget): string => {
      const a = get[t];
      return a ? asText(a(record)).trim() : '';
    };
    const notes: string[] = [];
    const rawBody = get.body ? asText(get.body(record)) : '';
    if (rawBody.trim() === '') return { kind: 'error', line, reason: `no message text: the column "${col('body')}" is empty` };
    const body = cut('body', rawBody.trim(), fieldLimits.body, notes);

    let receivedAt: number;
    if (get.receivedAt) {
      const raw = get.receivedAt(record);
      const value = typeof raw === 'number' ? raw : asText(raw).trim();
      if (value === '') return { kind: 'error', line, reason: `no date: the column "${col('receivedAt')}" is empty` };
      const at = parseDate(value, dateOptions);
      if (at === null) {
        return {
          kind: 'error',
          line,
          reason: `"${String(value).slice(0, 60)}" in column "${col('receivedAt')}" is not a date (use e.g. 2024-03-05 14:02, 05/03/2024, an RFC 2822 date or epoch seconds)`,
        };
      }
      receivedAt = at;
    } else {
      receivedAt = ctx.fileTime;
      if (!fileTimeNoted) {
        notes.push("no date column is mapped: every row gets the file's modification time");
        fileTimeNoted = true;
      }
    }

    const ratingText = get.rating ? get.rating(record) : null;
    const rating = parseRating(typeof ratingText === 'number' ? ratingText : asText(ratingText));
    if (rating === undefined) return { kind: 'error', line, reason: `rating "${asText(ratingText).slice(0, 20)}" in column "${col('rating')}" is not a number from 1 to 5` };

    const email = cut('customer e-mail', text('customerEmail'), fieldLimits.other, notes) || null;
    const name = cut('customer name', text('customerName'), fieldLimits.other, notes) || null;

    const channelText = text('channel');
    let channel = normaliseChannel(channelText) ?? defaultChannel;
    if (normaliseChannel(channelText) === undefined) {
      notes.push(`channel "${channelText.slice(0, 40)}" is not known; ${defaultChannel} used`);
      channel = defaultChannel;
    }
    const statusText = text('status');
    const status = normaliseStatus(statusText);
    if (status === undefined) notes.push(`status "${statusText.slice(0, 40)}" is not known; open used`);
    const sentimentText = text('sentiment');
    const sentiment = normaliseSentiment(sentimentText);
    if (sentiment === undefined) notes.push(`sentiment "${sentimentText.slice(0, 40)}" is not known; left empty`);
    const tierText = text('tier');
    const tier = normaliseTier(tierText);
    if (tier === undefined) notes.push(`customer tier "${tierText.slice(0, 40)}" is not known; standard used`);
    const languageText = text('language');
    const language = normaliseLanguage(languageText);
    if (language === undefined) notes.push(`language "${languageText.slice(0, 40)}" is not a language code or name; left empty`);

    const tagsRaw = get.tags ? get.tags(record) : null;
    const tags = splitTags(Array.isArray(tagsRaw) ? tagsRaw : asText(tagsRaw)).map((t) => ({ name: t, source: 'import' as const }));
    const subject = cut('subject', text('subject'), fieldLimits.subject, notes) || null;
    const product = cut('product', text('product'), fieldLimits.other, notes) || null;
    const externalId = cut('external id', text('externalId'), fieldLimits.other, notes) || null;
    const reply = get.agentReply ? cut('agent reply', asText(get.agentReply(record)).trim(), fieldLimits.body, notes) : '';

    const customerKey = email ?? name;
    const item: NewFeedback = {
      source: ctx.source,
      externalId,
      contentHash: contentHash({ customer: customerKey, at: receivedAt, body }),
      channel,
      customer: customerKey ? { name: name ?? email!, email, tier: tier ?? 'standard', language: language ?? null } : null,
      subject,
      body,
      product,
      language: language ?? null,
      status: status ?? 'open',
      sentiment: sentiment ?? null,
      sentimentSource: sentiment ? 'import' : null,
      rating,
      receivedAt,
      unread: true,
      tags,
      messages: [{ direction: 'in', author: name ?? email, body, sentAt: receivedAt }],
    };
    // The reply's own time is not in the file; one millisecond later keeps the order.
    if (reply !== '') item.messages.push({ direction: 'out', author: null, body: reply, sentAt: receivedAt + 1 });
    return notes.length > 0 ? { kind: 'item', line, item, notes } : { kind: 'item', line, item };
  };
}
