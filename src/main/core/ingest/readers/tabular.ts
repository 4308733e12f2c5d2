/**
 * Tabular records (CSV rows, JSON objects) to ImportRows through a ColumnMapping, shared
 * by the CSV and JSON readers; the readers only say how to stream the records and how to
 * get a column's value.
 *
 * A table is either one row per conversation (each row an item), or one row per message
 * when a reply-to column is mapped: then rows thread into conversations (see
 * threadRows), the first customer message of each becomes the item and the other rows
 * become messages appended to it.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { decodeHTMLStrict } from 'entities';
import type { Channel } from '../../../../shared/domain';
import { HearkenError } from '../../../../shared/errors';
import { parseDate } from '../../../../shared/import/dates';
import { fileOriginSource, originSource, targetLabels, type ColumnMapping, type ImportFormat, type MappingTarget } from '../../../../shared/import';
import { mappingProblems } from '../../../../shared/import/mapping';
import {
  directionReader,
  fieldLimits,
  limitText,
  normaliseChannel,
  normaliseId,
  normaliseLanguage,
  normaliseSentiment,
  normaliseStatus,
  normaliseTier,
  parseRating,
  splitTags,
  type Direction,
} from '../../../../shared/import/values';
import { contentHash } from '../content-hash';
import type { ImportRow, NewFeedback, NewMessage } from '../types';
import type { Sniffed } from './decode';

export type Accessor<R> = (record: R) => unknown;

export type TabularRecord<R> = { kind: 'record'; line: number; value: R } | { kind: 'error'; line: number; reason: string };

export interface RowMapperContext<R> {
  /** The dedupe scope of the rows' external ids: see originSource. */
  source: string;
  /** How to read a named column from a record. */
  column: (name: string) => Accessor<R>;
  /** dd/mm (true) or mm/dd for the date column. */
  dayFirst: boolean;
  /** When no date column is mapped: the file's time, with a note on the first row. */
  fileTime: number;
}

/** How much of a file's start names it as an origin: enough to tell two exports apart. */
const ORIGIN_PREFIX = 64 * 1024;

/**
 * The origin of a file that nobody named: its format and a digest of its first 64 KiB of
 * text, so a renamed or copied file (or a later export of the same data that grew at the
 * end) is the same origin, and an unrelated export that also numbers its rows 1..N is not.
 */
export function fileOrigin(format: ImportFormat, sniffed: Pick<Sniffed, 'head'>): string {
  const digest = createHash('sha256').update(sniffed.head.slice(0, ORIGIN_PREFIX)).digest('hex').slice(0, 16);
  return fileOriginSource(format, digest);
}

/** A cell as text: numbers and booleans as written, arrays joined, objects as JSON. */
export function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(asText).join(', ');
  return JSON.stringify(value);
}

/**
 * Social and helpdesk exports keep text HTML-escaped (`&amp;`, `&lt;`, `&#8217;`). Strict
 * decoding needs the semicolon, so "AT&T" or "&copy2024" in plain text stay as written.
 */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTMLStrict(text) : text;
}

function cut(label: string, value: string, limit: number, notes: string[]): string {
  const { text, cut: wasCut } = limitText(value, limit);
  if (wasCut) notes.push(`${label} cut to ${limit.toLocaleString('en-US')} characters (it had ${value.length.toLocaleString('en-US')})`);
  return text;
}

const dateFormats = 'use e.g. 2024-03-05 14:02, 05/03/2024, an RFC 2822 or Twitter date, or Unix seconds';

/** One record's parts, read once and shared by the item and the message shapes. */
interface Reader<R> {
  item(record: R, line: number): ImportRow;
  message(record: R, line: number, conversation: { source: string; externalId: string }, direction: Direction): ImportRow;
  /** The record's id, the id it replies to, and who wrote it (undefined: not understood). */
  link(record: R): { id: string | null; parent: string | null; direction: Direction | undefined };
}

function createReader<R>(mapping: ColumnMapping, ctx: RowMapperContext<R>): Reader<R> {
  const get: Partial<Record<MappingTarget, Accessor<R>>> = {};
  for (const [target, column] of Object.entries(mapping.fields) as [MappingTarget, string][]) get[target] = ctx.column(column);
  const col = (t: MappingTarget): string => mapping.fields[t] ?? t;
  const dateOptions = { timeZone: mapping.timeZone, dayFirst: ctx.dayFirst };
  let fileTimeNoted = false;
  const defaultChannel: Channel = mapping.defaultChannel;
  const readDirection = mapping.fields.direction !== undefined ? directionReader(mapping.fields.direction, mapping.outboundValues) : null;

  const text = (record: R, t: MappingTarget): string => {
    const a = get[t];
    return a ? asText(a(record)).trim() : '';
  };
  const body = (record: R, notes: string[]): string | { error: string } => {
    const raw = decodeEntities(text(record, 'body'));
    if (raw.trim() === '') return { error: `no message text: the column "${col('body')}" is empty` };
    return cut('body', raw.trim(), fieldLimits.body, notes);
  };
  const time = (record: R, notes: string[]): number | { error: string } => {
    if (!get.receivedAt) {
      if (!fileTimeNoted) {
        notes.push("no date column is mapped: every row gets the file's modification time");
        fileTimeNoted = true;
      }
      return ctx.fileTime;
    }
    const raw = get.receivedAt(record);
    const value = typeof raw === 'number' ? raw : asText(raw).trim();
    if (value === '') return { error: `no date: the column "${col('receivedAt')}" is empty` };
    const at = parseDate(value, dateOptions);
    // The value itself stays out of the reason: it is the customer's data.
    return at ?? { error: `the column "${col('receivedAt')}" does not hold a date here (${dateFormats})` };
  };
  const author = (record: R, notes: string[]): { name: string | null; email: string | null } => ({
    email: cut('customer e-mail', text(record, 'customerEmail'), fieldLimits.other, notes) || null,
    name: cut('customer name', decodeEntities(text(record, 'customerName')), fieldLimits.other, notes) || null,
  });
  const unknown = (t: MappingTarget, what: string, fallback: string): string => `the ${what} in the column "${col(t)}" is not one Hearken knows; ${fallback}`;

  return {
    link(record) {
      const direction = readDirection ? readDirection(text(record, 'direction')) : 'in';
      return {
        id: normaliseId(text(record, 'externalId')),
        parent: get.replyTo ? normaliseId(text(record, 'replyTo')) : null,
        // An empty direction is the customer's: most rows of a support table are.
        direction: direction === null ? 'in' : direction,
      };
    },

    message(record, line, conversation, direction) {
      const notes: string[] = [];
      const content = body(record, notes);
      if (typeof content !== 'string') return { kind: 'error', line, reason: content.error };
      const at = time(record, notes);
      if (typeof at !== 'number') return { kind: 'error', line, reason: at.error };
      const who = author(record, notes);
      const message: NewMessage = { direction, author: who.name ?? who.email, body: content, sentAt: at };
      return notes.length > 0 ? { kind: 'message', line, conversation, message, notes } : { kind: 'message', line, conversation, message };
    },

    item(record, line) {
      const notes: string[] = [];
      const content = body(record, notes);
      if (typeof content !== 'string') return { kind: 'error', line, reason: content.error };
      const at = time(record, notes);
      if (typeof at !== 'number') return { kind: 'error', line, reason: at.error };
      const receivedAt = at;

      const ratingValue = get.rating ? get.rating(record) : null;
      const rating = parseRating(typeof ratingValue === 'number' ? ratingValue : asText(ratingValue));
      if (rating === undefined) return { kind: 'error', line, reason: `the column "${col('rating')}" does not hold a rating from 1 to 5 here` };

      const { name, email } = author(record, notes);

      const channelText = text(record, 'channel');
      const known = normaliseChannel(channelText);
      if (known === undefined) notes.push(unknown('channel', 'channel', `${defaultChannel} used`));
      const channel = known ?? defaultChannel;
      const status = normaliseStatus(text(record, 'status'));
      if (status === undefined) notes.push(unknown('status', 'status', 'open used'));
      const sentiment = normaliseSentiment(text(record, 'sentiment'));
      if (sentiment === undefined) notes.push(unknown('sentiment', 'sentiment', 'left empty'));
      const tier = normaliseTier(text(record, 'tier'));
      if (tier === undefined) notes.push(unknown('tier', 'customer tier', 'standard used'));
      const language = normaliseLanguage(text(record, 'language'));
      if (language === undefined) notes.push(unknown('language', 'language', 'left empty'));

      const tagsRaw = get.tags ? get.tags(record) : null;
      const tags = splitTags(Array.isArray(tagsRaw) ? tagsRaw : asText(tagsRaw)).map((t) => ({ name: t, source: 'import' as const }));
      const subject = cut('subject', decodeEntities(text(record, 'subject')), fieldLimits.subject, notes) || null;
      const product = cut('product', text(record, 'product'), fieldLimits.other, notes) || null;
      const externalId = cut('external id', normaliseId(text(record, 'externalId')) ?? '', fieldLimits.other, notes) || null;
      const reply = get.agentReply ? cut('agent reply', decodeEntities(text(record, 'agentReply')), fieldLimits.body, notes) : '';

      const customerKey = email ?? name;
      // Without a date column every row carries the file's time, which a copy of the file
      // does not share: such a row is known within its origin by what it says, not by when.
      const undated = !get.receivedAt;
      const hash = contentHash({ customer: customerKey, at: undated ? 'undated' : receivedAt, body: content });
      const item: NewFeedback = {
        source: ctx.source,
        externalId: externalId ?? (undated ? `undated:${hash}` : null),
        contentHash: hash,
        ...(undated ? { undated: true as const } : {}),
        channel,
        customer: customerKey ? { name: name ?? email!, email, tier: tier ?? 'standard', language: language ?? null } : null,
        subject,
        body: content,
        product,
        language: language ?? null,
        status: status ?? 'open',
        sentiment: sentiment ?? null,
        sentimentSource: sentiment ? 'import' : null,
        rating,
        receivedAt,
        unread: true,
        tags,
        messages: [{ direction: 'in', author: name ?? email, body: content, sentAt: receivedAt }],
      };
      // The reply's own time is not in the file; one millisecond later keeps the order.
      if (reply !== '') item.messages.push({ direction: 'out', author: null, body: reply, sentAt: receivedAt + 1 });
      return notes.length > 0 ? { kind: 'item', line, item, notes } : { kind: 'item', line, item };
    },
  };
}

export interface TabularFile<R> {
  format: ImportFormat;
  sniffed: Sniffed;
  /** How to read a named column from a record. */
  column: (name: string) => Accessor<R>;
  /** The first values of a column as text (for the mapping check); null when the file has no such column. */
  sampleValues: (column: string) => string[] | null;
  dayFirst: (mapping: ColumnMapping) => boolean;
  /** Streams the file's records from its start; called once per pass. */
  records: (onBytes: (n: number) => void, signal?: AbortSignal) => AsyncIterable<TabularRecord<R>>;
}

/**
 * The rows of a tabular file through `mapping`, and the bytes read so far. A mapping that
 * cannot fit the file (a column it lacks, a date column without dates) is one VALIDATION
 * error before the first row, not a failure on every row.
 */
export function tabularRows<R>(file: TabularFile<R>): {
  rows: (options: { mapping: ColumnMapping; signal?: AbortSignal | undefined }) => AsyncGenerator<ImportRow>;
  bytesRead: () => number;
} {
  let counter = new PassCounter(file.sniffed.size);

  async function* rows({ mapping, signal }: { mapping: ColumnMapping; signal?: AbortSignal | undefined }): AsyncGenerator<ImportRow> {
    counter = new PassCounter(file.sniffed.size);
    const dayFirst = file.dayFirst(mapping);
    const problems = mappingProblems(mapping, file.sampleValues, { dayFirst });
    if (problems.length > 0) {
      const others = problems.slice(1).map((p) => `"${p.column}"`);
      const more = others.length > 0 ? ` The mapping of ${others.join(', ')} does not fit the file either.` : '';
      throw new HearkenError('VALIDATION', `${problems[0]!.message}${more}`);
    }
    const source = originSource(mapping, fileOrigin(file.format, file.sniffed));
    const reader = createReader(mapping, { source, column: file.column, dayFirst, fileTime: Math.round(file.sniffed.mtimeMs) });
    if (mapping.fields.replyTo !== undefined) {
      yield* threadRows(file, reader, mapping, source, counter, signal);
      return;
    }
    for await (const r of file.records(counter.pass(), signal)) {
      if (r.kind === 'error') yield r;
      else yield single(reader, mapping, r.value, r.line);
    }
  }
  return { rows, bytesRead: () => counter.bytes() };
}

/** Progress over several passes: the first (structure only) counts a third, the rest share the remainder. */
class PassCounter {
  private passes = 1;
  private index = -1;
  private current = 0;
  constructor(private readonly size: number) {}
  plan(passes: number): void {
    this.passes = passes;
  }
  pass(): (n: number) => void {
    this.index++;
    this.current = 0;
    return (n) => {
      this.current += n;
    };
  }
  bytes(): number {
    if (this.index < 0) return 0;
    const share = Math.min(1, this.current / Math.max(1, this.size));
    if (this.passes === 1) return Math.round(share * this.size);
    const first = 1 / 3;
    const later = (1 - first) / (this.passes - 1);
    const done = this.index === 0 ? share * first : first + (this.index - 1 + share) * later;
    return Math.min(this.size, Math.round(done * this.size));
  }
}

function single<R>(reader: Reader<R>, mapping: ColumnMapping, record: R, line: number): ImportRow {
  if (mapping.fields.direction !== undefined) {
    const { direction } = reader.link(record);
    if (direction === undefined) return { kind: 'error', line, reason: notUnderstood(mapping) };
    if (direction === 'out') {
      return {
        kind: 'error',
        line,
        reason: `the company's own message (the column "${mapping.fields.direction}" says so), and no "${targetLabels.replyTo}" column is mapped to put it in a conversation: not imported`,
      };
    }
  }
  return reader.item(record, line);
}

function notUnderstood(mapping: ColumnMapping): string {
  return `the column "${mapping.fields.direction}" does not say here whether the customer or the company wrote the row`;
}

const NONE = -1;
/** A reply-to naming an id that no row of the file has. */
const MISSING = -2;

/**
 * A table with one row per message, threaded by its reply-to column. Rows may come in any
 * order (Twitter's export lists replies before the messages they answer), so the file is
 * read more than once and never held: the first pass keeps each row's id, parent and
 * direction (an id → row number map and a few typed arrays); the second yields each
 * conversation's item (its first customer message) and the messages whose item came
 * earlier in the file; a third, only when needed, the messages that came before their item.
 *
 * A conversation is the rows that reach the same top row through their reply-to ids. Its
 * item is the top row when the customer wrote it, else the customer's message nearest the
 * top; a company message that opened the conversation becomes one of its messages. A row
 * replying to a message that is not in the file tops a conversation of its own (with a
 * note). A conversation with no customer message is not imported, each row saying why.
 */
async function* threadRows<R>(
  file: TabularFile<R>,
  reader: Reader<R>,
  mapping: ColumnMapping,
  source: string,
  counter: PassCounter,
  signal: AbortSignal | undefined,
): AsyncGenerator<ImportRow> {
  counter.plan(2);
  const name = basename(file.sniffed.path);
  const byId = new Map<string, number>();
  const ids: (string | null)[] = [];
  const parents: (string | null)[] = [];
  let outbound = new Uint8Array(1024);
  let count = 0;
  for await (const r of file.records(counter.pass(), signal)) {
    if (r.kind === 'error') continue;
    const { id, parent, direction } = reader.link(r.value);
    if (id !== null && !byId.has(id)) byId.set(id, count);
    ids.push(id);
    parents.push(parent);
    if (count === outbound.length) {
      const grown = new Uint8Array(count * 2);
      grown.set(outbound);
      outbound = grown;
    }
    // 2 marks a direction the column does not say: that row fails on its own.
    outbound[count] = direction === 'out' ? 1 : direction === undefined ? 2 : 0;
    count++;
  }
  if (signal?.aborted) return;
  await unchanged(file.sniffed);

  const parentOf = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const p = parents[i]!;
    parentOf[i] = p === null ? NONE : (byId.get(p) ?? MISSING);
  }
  parents.length = 0;
  byId.clear();

  // Each row's conversation (the customer's message nearest the top of its reply chain)
  // and depth, following reply-to ids from the top down; a cycle is cut where the walk meets itself.
  const anchor = new Int32Array(count).fill(NONE);
  const depth = new Int32Array(count).fill(NONE);
  const seen = new Int32Array(count);
  const path: number[] = [];
  let stamp = 0;
  for (let i = 0; i < count; i++) {
    while (depth[i] === NONE) {
      stamp++;
      path.length = 0;
      let j = i;
      while (depth[j] === NONE && seen[j] !== stamp) {
        seen[j] = stamp;
        path.push(j);
        const p = parentOf[j]!;
        if (p < 0) break;
        j = p;
      }
      if (depth[j] === NONE && parentOf[j]! >= 0) {
        parentOf[j] = NONE;
        continue;
      }
      for (let k = path.length - 1; k >= 0; k--) {
        const row = path[k]!;
        const p = parentOf[row]!;
        depth[row] = p < 0 ? 0 : depth[p]! + 1;
        anchor[row] = p >= 0 && anchor[p] !== NONE ? anchor[p]! : outbound[row] === 0 ? row : NONE;
      }
    }
  }
  seen.fill(0);
  path.length = 0;

  // The company's messages above every customer message (it opened the thread) join the
  // conversation of the customer's reply nearest to them, the first in the file among equals.
  for (let i = 0; i < count; i++) {
    if (anchor[i] !== i || ids[i] === null) continue;
    for (let p = parentOf[i]!; p >= 0; p = parentOf[p]!) {
      // A nearer (or as near and earlier) reply got here first, and so everywhere above.
      if (seen[p] !== 0 && depth[seen[p]! - 1]! <= depth[i]!) break;
      seen[p] = i + 1;
    }
  }
  for (let i = 0; i < count; i++) if (anchor[i] === NONE && seen[i] !== 0) anchor[i] = seen[i]! - 1;
  let deferred = 0;
  for (let i = 0; i < count; i++) if (anchor[i]! > i) deferred++;
  if (deferred > 0) counter.plan(3);

  const failedItems = new Set<number>();
  const conversationOf = (a: number): { source: string; externalId: string } => ({ source, externalId: ids[a]! });
  const orphanNote = 'replies to a message that is not in this file: imported as the start of its own conversation';
  /** The row for record i, or null in the second pass when its item comes later in the file. */
  const rowFor = (record: R, line: number, i: number, laterPass: boolean): ImportRow | null => {
    const a = anchor[i]!;
    if (a > i && !laterPass) return null;
    if (outbound[i] === 2) return { kind: 'error', line, reason: notUnderstood(mapping) };
    if (a === i) {
      const row = reader.item(record, line);
      if (row.kind === 'error') failedItems.add(i);
      else if (parentOf[i] === MISSING) row.notes = [...(row.notes ?? []), orphanNote];
      return row;
    }
    if (a === NONE) {
      return {
        kind: 'error',
        line,
        reason:
          outbound[i] === 1
            ? "the company's own message, and its conversation has no customer message in this file to attach it to: not imported"
            : `its conversation's customer messages have no ID in the column "${mapping.fields.externalId ?? targetLabels.externalId}", so there is nothing to attach it to`,
      };
    }
    if (failedItems.has(a)) return { kind: 'error', line, reason: "its conversation's first customer message could not be imported (see that row)" };
    return reader.message(record, line, conversationOf(a), outbound[i] === 1 ? 'out' : 'in');
  };

  for (const pass of deferred > 0 ? [2, 3] : [2]) {
    const laterPass = pass === 3;
    let i = 0;
    for await (const r of file.records(counter.pass(), signal)) {
      if (r.kind === 'error') {
        if (!laterPass) yield r;
        continue;
      }
      if (i >= count) throw changedDuringImport(name);
      const n = i++;
      if (laterPass && !(anchor[n]! > n)) continue;
      const row = rowFor(r.value, r.line, n, laterPass);
      if (row) yield row;
    }
    if (signal?.aborted) return;
    if (i !== count) throw changedDuringImport(name);
    await unchanged(file.sniffed);
  }
}

function changedDuringImport(name: string): HearkenError {
  return new HearkenError('VALIDATION', `${name} changed while it was being imported. Import it again once it is no longer being written.`);
}

/** A file threaded over several passes must be the same file in each. */
async function unchanged(sniffed: Sniffed): Promise<void> {
  const info = await stat(sniffed.path).catch(() => null);
  if (!info || info.size !== sniffed.size || info.mtimeMs !== sniffed.mtimeMs) throw changedDuringImport(basename(sniffed.path));
}
