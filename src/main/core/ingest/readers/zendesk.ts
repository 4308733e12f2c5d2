/**
 * Zendesk ticket exports: the incremental-export / full JSON export shape, one ticket per
 * line (NDJSON), a JSON array of tickets, or the API's {"tickets": [...]} page. Comments
 * carry the thread: the requester's are 'in', other public ones 'out', private ones 'note'.
 */
import type { Channel, Status } from '../../../../shared/domain';
import { parseDate } from '../../../../shared/import/dates';
import { fieldLimits, limitText, splitTags } from '../../../../shared/import/values';
import { contentHash } from '../content-hash';
import type { ImportPreview, ImportReader, ImportRow, NewFeedback } from '../types';
import type { Sniffed } from './decode';
import { streamJsonRecords, type JsonObject, type JsonShape } from './json';
import { asText } from './tabular';

export const ZENDESK_SOURCE = 'zendesk';

export function isZendeskTicket(o: JsonObject): boolean {
  return typeof o.via === 'object' && o.via !== null && ('requester_id' in o || 'requester' in o) && 'status' in o && ('description' in o || 'comments' in o);
}

const statuses: Record<string, Status> = { new: 'open', open: 'open', pending: 'pending', hold: 'pending', solved: 'resolved', closed: 'closed' };
const channels: Record<string, Channel> = {
  email: 'email', web: 'email', api: 'email', mobile: 'chat', chat: 'chat', native_messaging: 'chat', sms: 'chat', voice: 'chat',
  twitter: 'social', facebook: 'social', instagram_dm: 'social', whatsapp: 'chat', any_channel: 'email', survey: 'survey',
};

function obj(v: unknown): JsonObject | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : null;
}

export function ticketToRow(t: JsonObject, line: number): ImportRow {
  const notes: string[] = [];
  const at = (v: unknown): number | null => (typeof v === 'number' || typeof v === 'string' ? parseDate(v, { timeZone: 'UTC', dayFirst: false }) : null);
  const created = at(t.created_at);
  if (created === null) return { kind: 'error', line, reason: `ticket ${asText(t.id)}: "created_at" is missing or not a date` };
  const requester = obj(t.requester);
  const requesterId = t.requester_id ?? requester?.id;
  const email = asText(requester?.email).trim().toLowerCase() || null;
  const name = asText(requester?.name).trim() || null;
  const author = name ?? email ?? (requesterId !== undefined ? `Zendesk user ${asText(requesterId)}` : null);
  const comments = Array.isArray(t.comments) ? t.comments.map(obj).filter((c): c is JsonObject => c !== null) : [];
  const messages: NewFeedback['messages'] = comments.map((c) => {
    const mine = requesterId !== undefined && c.author_id === requesterId;
    const direction = c.public === false ? 'note' : mine ? 'in' : 'out';
    const attachments = Array.isArray(c.attachments) ? c.attachments.map(obj).filter((a): a is JsonObject => a !== null) : [];
    let body = asText(c.plain_body ?? c.body).trim();
    if (attachments.length > 0) body += `\n\nAttachments: ${attachments.map((a) => `${asText(a.file_name)} (${Math.round(Number(a.size ?? 0) / 1024)} KB)`).join(', ')}`;
    return { direction, author: mine ? author : c.author_id !== undefined ? `Zendesk user ${asText(c.author_id)}` : null, body: limitText(body, fieldLimits.body).text, sentAt: at(c.created_at) ?? created };
  });
  const firstIn = messages.find((m) => m.direction === 'in');
  const bodyRaw = firstIn?.body ?? asText(t.description).trim();
  if (bodyRaw === '') return { kind: 'error', line, reason: `ticket ${asText(t.id)} has no description and no comment from the requester` };
  const body = limitText(bodyRaw, fieldLimits.body);
  if (body.cut) notes.push(`body cut to ${fieldLimits.body.toLocaleString('en-US')} characters`);
  if (messages.length === 0) messages.push({ direction: 'in', author, body: body.text, sentAt: created });
  const score = asText(obj(t.satisfaction_rating)?.score);
  const via = asText(obj(t.via)?.channel);
  const customerKey = email ?? author;
  const item: NewFeedback = {
    source: ZENDESK_SOURCE,
    externalId: asText(t.id) || null,
    contentHash: contentHash({ customer: customerKey, at: firstIn?.sentAt ?? created, body: body.text }),
    channel: channels[via] ?? 'email',
    customer: customerKey ? { name: name ?? customerKey, email, tier: 'standard', language: null } : null,
    subject: limitText(asText(t.subject ?? t.raw_subject).trim(), fieldLimits.subject).text || null,
    body: body.text,
    product: null,
    language: null,
    status: statuses[asText(t.status)] ?? 'open',
    sentiment: null,
    sentimentSource: null,
    // Zendesk's CSAT is good/bad only: 5 and 1 on Hearken's scale.
    rating: score === 'good' ? 5 : score === 'bad' ? 1 : null,
    receivedAt: firstIn?.sentAt ?? created,
    unread: true,
    tags: splitTags(Array.isArray(t.tags) ? t.tags : []).map((name) => ({ name, source: 'import' as const })),
    messages: messages.sort((a, b) => a.sentAt - b.sentAt),
  };
  return notes.length ? { kind: 'item', line, item, notes } : { kind: 'item', line, item };
}

export function openZendeskReader(sniffed: Sniffed, shape: JsonShape): ImportReader {
  let bytes = 0;
  return {
    format: 'zendesk',
    async preview(): Promise<ImportPreview> {
      const sample = shape.samples.slice(0, 20).map((t) => ({ id: asText(t.id), subject: asText(t.subject), status: asText(t.status), created_at: asText(t.created_at) }));
      return { format: 'zendesk', encoding: sniffed.encoding, delimiter: null, columns: [], sample, guessedMapping: null, totalBytes: sniffed.size };
    },
    async *rows({ signal }): AsyncGenerator<ImportRow> {
      bytes = 0;
      for await (const r of streamJsonRecords(sniffed, shape, (n) => (bytes += n), signal)) {
        if (r.kind === 'error') yield r;
        else {
          const t = obj(r.value);
          yield t ? ticketToRow(t, r.line) : { kind: 'error', line: r.line, reason: 'not a ticket object' };
        }
      }
    },
    bytesRead: () => bytes,
  };
}
