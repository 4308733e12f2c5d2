/**
 * A Help Scout conversations CSV with one row per thread entry (the customer's messages,
 * agent replies and notes), rows of one conversation next to each other as the export
 * writes them. Columns (case-insensitive): Conversation ID, Conversation Number, Mailbox,
 * Subject, Status, Tags, Customer Name, Customer Email, Created At, Thread ID, Thread Type
 * (customer | message | reply | note), Thread Created At, Thread Author, Thread Body.
 * Consecutive rows with the same Conversation ID become one feedback item.
 */
import { parseDate } from '../../../../shared/import/dates';
import { fieldLimits, limitText, normaliseStatus, splitTags } from '../../../../shared/import/values';
import { contentHash } from '../content-hash';
import type { ImportPreview, ImportReader, ImportRow, NewFeedback } from '../types';
import type { Sniffed } from './decode';
import { streamCsvRecords, type CsvSample } from './csv-records';
import { sampleRows } from './csv';

export const HELPSCOUT_SOURCE = 'helpscout';
/** The columns that identify the export. */
export const HELPSCOUT_COLUMNS = ['Conversation ID', 'Thread Type', 'Thread Body'];

type Row = Record<string, string>;

function conversationToRow(rows: { line: number; row: Row }[]): ImportRow {
  const head = rows[0]!;
  const r = head.row;
  const notes: string[] = [];
  const date = (v: string | undefined): number | null => (v ? parseDate(v, { timeZone: 'UTC', dayFirst: false }) : null);
  const created = date(r['created at']) ?? date(r['thread created at']);
  if (created === null) return { kind: 'error', line: head.line, reason: `conversation ${r['conversation id']}: "Created At" is missing or not a date` };
  const email = r['customer email']?.trim().toLowerCase() || null;
  const name = r['customer name']?.trim() || null;
  const messages: NewFeedback['messages'] = [];
  for (const { row } of rows) {
    const body = (row['thread body'] ?? '').trim();
    if (body === '') continue;
    const type = (row['thread type'] ?? '').trim().toLowerCase();
    const direction = type === 'customer' ? 'in' : type === 'note' || type === 'lineitem' ? 'note' : 'out';
    messages.push({ direction, author: row['thread author']?.trim() || null, body: limitText(body, fieldLimits.body).text, sentAt: date(row['thread created at']) ?? created });
  }
  messages.sort((a, b) => a.sentAt - b.sentAt);
  const first = messages.find((m) => m.direction === 'in');
  if (!first) return { kind: 'error', line: head.line, reason: `conversation ${r['conversation id']} has no message from the customer` };
  const status = normaliseStatus(r.status);
  if (status === undefined) notes.push(`status "${r.status}" is not known; open used`);
  const customerKey = email ?? name;
  const item: NewFeedback = {
    source: HELPSCOUT_SOURCE,
    externalId: r['conversation id']?.trim() || null,
    contentHash: contentHash({ customer: customerKey, at: first.sentAt, body: first.body }),
    channel: 'email',
    customer: customerKey ? { name: name ?? customerKey, email, tier: 'standard', language: null } : null,
    subject: limitText(r.subject?.trim() ?? '', fieldLimits.subject).text || null,
    body: first.body,
    product: r.mailbox?.trim() || null,
    language: null,
    status: status ?? 'open',
    sentiment: null,
    sentimentSource: null,
    rating: null,
    receivedAt: first.sentAt,
    unread: true,
    tags: splitTags(r.tags).map((n) => ({ name: n, source: 'import' as const })),
    messages,
  };
  return notes.length ? { kind: 'item', line: head.line, item, notes } : { kind: 'item', line: head.line, item };
}

export function openHelpScoutReader(sniffed: Sniffed, sample: CsvSample): ImportReader {
  const keys = sample.header.map((h) => h.trim().toLowerCase());
  let bytes = 0;
  return {
    format: 'helpscout',
    async preview(): Promise<ImportPreview> {
      return {
        format: 'helpscout',
        encoding: sniffed.encoding,
        delimiter: sample.delimiter,
        columns: sample.header,
        sample: sampleRows(sample.header, sample.records, 20),
        guessedMapping: null,
        totalBytes: sniffed.size,
      };
    },
    async *rows({ signal }): AsyncGenerator<ImportRow> {
      bytes = 0;
      let group: { line: number; row: Row }[] = [];
      for await (const rec of streamCsvRecords(sniffed, sample.delimiter, (n) => (bytes += n), signal)) {
        if (rec.kind === 'error') {
          yield rec;
          continue;
        }
        const row: Row = {};
        keys.forEach((k, i) => (row[k] = rec.fields[i] ?? ''));
        if (group.length > 0 && group[0]!.row['conversation id'] !== row['conversation id']) {
          yield conversationToRow(group);
          group = [];
        }
        group.push({ line: rec.line, row });
      }
      if (group.length > 0 && !signal?.aborted) yield conversationToRow(group);
    },
    bytesRead: () => bytes,
  };
}
