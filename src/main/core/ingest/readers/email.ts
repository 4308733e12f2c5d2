/**
 * E-mail: one .eml, a folder of .eml (recursively), or an mbox. Streams: each message is
 * parsed by mailparser and leaves as one row before the next is read, so memory does not
 * grow with the mailbox (a 300,000-message mbox: bench `mbox_peak_rss_mb`).
 *
 * Threading by Message-ID / In-Reply-To / References: the first message seen of a thread
 * becomes a feedback item (externalId = the thread's root: the first References id, else
 * its own Message-ID); every later message of the thread is a message row that the
 * pipeline appends to it. All that is kept is a table from each Message-ID seen or named
 * to its thread (IdTable: fingerprints, off the JS heap) and each thread's root id. A reply that arrives before its parent starts the thread under the
 * root its References name, and the parent, arriving later, finds that root in the map
 * and is appended: nothing is lost, the conversation starts at the reply. (A reply naming
 * only its parent, when the parent comes later and names an older root that is already a
 * thread of its own, stays a thread of its own: the map cannot merge stored rows.)
 *
 * Direction: the mailbox owner's domain (messages from it are 'out') is decided before
 * the first row, from the first OWNER_LOOKAHEAD messages' headers only (read twice, held
 * never): the most common To-domain among the messages that start a thread.
 *
 * A thread's item is the customer's first message, as the inbox shows it. A thread that
 * starts with the owner's own messages (an outbound first contact) waits, held, until the
 * customer writes; held threads are bounded (AWAITING_THREADS, AWAITING_CHARS): the
 * oldest is then written with its first message as the item, the addressee as the customer.
 *
 * Caps while splitting: a line past LINE_CAP bytes and a message past MESSAGE_CAP bytes are
 * cut, with a note on that message. Attachment contents are never kept: the text ends with
 * "Attachments: name (size), …". Bounces are skipped rows (counted and listed, not stored).
 */
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { HearkenError } from '../../../../shared/errors';
import type { ImportFormat } from '../../../../shared/import';
import { fieldLimits, limitText } from '../../../../shared/import/values';
import { contentHash } from '../content-hash';
import type { ImportPreview, ImportReader, ImportRow, NewFeedback, NewMessage } from '../types';

export const EMAIL_SOURCE = 'email';

/** A longer line is cut here while the mbox is split (a text line is never this long). */
export const LINE_CAP = 1 << 20;
/** A bigger message is cut here: its text comes first, so only late attachments go unlisted. */
export const MESSAGE_CAP = 16 << 20;
/** How many messages' headers decide the mailbox owner's domain. */
export const OWNER_LOOKAHEAD = 1_000;
/** Threads started by the owner, held until the customer writes: at most this many… */
const AWAITING_THREADS = 2_000;
/** …holding at most this much text. */
const AWAITING_CHARS = 4_000_000;
const HEAD_BYTES = 16 * 1024;

/** One input file: the mbox, the .eml, or one file of a folder. */
interface Source {
  path: string;
  /** As the report names it: the file name, or its path inside the chosen folder. */
  name: string;
  /** 1-based: the file's number in a folder; 1 for a single file. */
  number: number;
  size: number;
  /** Why the file cannot be read (folders only; a single file throws instead). */
  problem?: string;
}

interface RawMessage {
  raw: Buffer;
  /** mbox: the line of its "From " line; folders: the file's number. */
  line: number;
  source: Source;
  notes: string[];
}

type Entry = RawMessage | { line: number; source: Source; problem: string };

interface Address {
  address: string | null;
  name: string | null;
}

interface MailRecord {
  id: string;
  parents: string[];
  date: number;
  from: Address;
  to: Address[];
  subject: string | null;
  text: string;
  line: number;
  notes: string[];
}

const fromLine = Buffer.from('From ');

/** RFC 5322 header lines, and the ones that say "this is mail" (the rest could be any "Key: value" text). */
const headerLine = /^[!-9;-~]+:/;
const mailHeader = /^(from|to|cc|bcc|date|subject|message-id|in-reply-to|references|received|return-path|mime-version|content-type|content-transfer-encoding|delivered-to|reply-to|sender|x-[\w-]+):/i;

/**
 * True when `head` starts with a header block: every line up to the first blank line is a
 * header or its continuation, and at least `known` of them are mail headers. From, Subject
 * and Date are not required: a bare MIME part (MIME-Version, Content-Type and a body) is
 * mail too. The last line of a head that stops before the blank line may be cut, so it is
 * not judged.
 */
export function looksLikeMailHeaders(head: string, known = 2): boolean {
  const text = head.replace(/^\ufeff/, '').trimStart();
  const end = text.search(/\r?\n\r?\n/);
  const lines = (end >= 0 ? text.slice(0, end) : text).split(/\r?\n/);
  if (end < 0 && lines.length > 1) lines.pop();
  let mail = 0;
  for (const [i, line] of lines.entries()) {
    if (i > 0 && /^[ \t]/.test(line)) continue;
    if (!headerLine.test(line)) return false;
    if (mailHeader.test(line)) mail++;
  }
  return mail >= known;
}

/** An mbox starts with a "From " separator line. */
export function startsLikeMbox(head: string): boolean {
  return head.replace(/^\ufeff/, '').trimStart().startsWith('From ');
}

function notMail(name: string): HearkenError {
  return new HearkenError(
    'VALIDATION',
    `${name} is not an e-mail: it does not start with header lines such as From:, Subject: and Date:. Save the message with its full source (.eml) and import that file.`,
  );
}

function unreadable(name: string, error: unknown): HearkenError {
  const code = (error as { code?: unknown }).code;
  return new HearkenError('VALIDATION', `${name} could not be read${typeof code === 'string' ? ` (${code})` : ''}. Check that the file exists and that you may read it.`);
}

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** How a file is split: 'mbox' (From-line separated) or 'eml' (one message). Throws VALIDATION for anything else. */
async function splitterFor(source: Source, format: ImportFormat): Promise<'mbox' | 'eml'> {
  let head: Buffer;
  try {
    head = await readHead(source.path, HEAD_BYTES);
  } catch (error) {
    throw unreadable(source.name, error);
  }
  if (head.includes(0)) {
    throw new HearkenError('VALIDATION', `${source.name} is not a text file: it looks like binary data, not an e-mail. Save the message with its full source (.eml) and import that file.`);
  }
  const text = head.toString('latin1');
  if (text.replace(/^\ufeff/, '').trim() === '') throw new HearkenError('VALIDATION', `${source.name} is empty: there is nothing to import. Check that the export finished and pick the exported file.`);
  if (startsLikeMbox(text)) return 'mbox';
  if (format === 'mbox') {
    throw new HearkenError('VALIDATION', `${source.name} is not an mbox file: an mbox starts with a "From " line before each message. Export the mailbox as mbox, or import single messages as .eml.`);
  }
  if (!looksLikeMailHeaders(text, 1)) throw notMail(source.name);
  return 'eml';
}

/** Every .eml below `dir` (symbolic links followed), in path order; a subfolder or link that cannot be read is listed with its problem. */
async function listEml(root: string, dir: string, out: { path: string; problem?: string }[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    out.push({ path: dir, problem: `${relative(root, dir)}/ could not be read${typeof (error as { code?: unknown }).code === 'string' ? ` (${(error as { code: string }).code})` : ''}` });
    return;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await listEml(root, full, out);
    else if (extname(entry.name).toLowerCase() !== '.eml') continue;
    else if (entry.isFile()) out.push({ path: full });
    else if (entry.isSymbolicLink()) {
      try {
        const target = await stat(full);
        if (target.isFile()) out.push({ path: full });
      } catch (error) {
        out.push({ path: full, problem: unreadable(relative(root, full), error).message });
      }
    }
  }
}

/** The inputs, checked as far as can be before any row: a single file throws; a folder's bad files become failed rows. */
async function sources(path: string, format: ImportFormat): Promise<{ list: Source[]; total: number; inFolder: boolean }> {
  const info = await stat(path);
  if (!info.isDirectory()) {
    const source: Source = { path, name: basename(path), number: 1, size: info.size };
    await splitterFor(source, format);
    return { list: [source], total: info.size, inFolder: false };
  }
  const found: { path: string; problem?: string }[] = [];
  await listEml(path, path, found);
  if (found.length === 0) throw new HearkenError('VALIDATION', `The folder ${basename(path)} holds no .eml files. Pick a folder of saved e-mails (.eml), an .eml file or an mbox file.`);
  found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const list: Source[] = [];
  let total = 0;
  for (const [i, f] of found.entries()) {
    const source: Source = { path: f.path, name: relative(path, f.path), number: i + 1, size: 0, ...(f.problem ? { problem: f.problem } : {}) };
    if (!f.problem) {
      try {
        source.size = (await stat(f.path)).size;
      } catch (error) {
        source.problem = unreadable(source.name, error).message;
      }
    }
    total += source.size;
    list.push(source);
  }
  return { list, total, inFolder: true };
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function cutNotes(cutMessage: boolean, cutLines: number): string[] {
  const notes: string[] = [];
  if (cutLines > 0) notes.push(`${cutLines === 1 ? 'a line' : `${cutLines} lines`} longer than ${size(LINE_CAP)} cut to ${size(LINE_CAP)} while reading the mailbox`);
  if (cutMessage) notes.push(`the message is larger than ${size(MESSAGE_CAP)}: only its first ${size(MESSAGE_CAP)} were read (attachments after that are not listed)`);
  return notes;
}

/**
 * Splits an mbox into messages as it streams: a line starting with "From " after a blank
 * line (or at the start) begins one; ">From " lines lose one ">" (mboxrd). Works on bytes,
 * so a line or a message is never held past its cap, however long it is in the file.
 */
async function* splitMbox(source: Source, onBytes: (n: number) => void, signal?: AbortSignal): AsyncGenerator<RawMessage> {
  const input = createReadStream(source.path, { highWaterMark: 256 * 1024 });
  let lineNo = 0;
  let previousBlank = true;
  // The message being collected.
  let start = 0;
  let parts: Buffer[] = [];
  let bytes = 0;
  let cutMessage = false;
  let cutLines = 0;
  // A line that continues into the next chunk.
  let carry: Buffer[] = [];
  let carried = 0;
  let carryCut = false;
  const ready: RawMessage[] = [];
  const newline = Buffer.from('\n');

  const finish = (): void => {
    if (start > 0) ready.push({ raw: Buffer.concat(parts, bytes), line: start, source, notes: cutNotes(cutMessage, cutLines) });
    parts = [];
    bytes = 0;
    cutMessage = false;
    cutLines = 0;
  };
  const take = (whole: Buffer, cut: boolean): void => {
    lineNo++;
    const line = whole.length > 0 && whole[whole.length - 1] === 13 ? whole.subarray(0, whole.length - 1) : whole;
    if (previousBlank && line.subarray(0, 5).equals(fromLine)) {
      finish();
      start = lineNo;
    } else if (start > 0) {
      let body = line;
      if (body[0] === 0x3e) {
        let i = 0;
        while (body[i] === 0x3e) i++;
        if (body.subarray(i, i + 5).equals(fromLine)) body = body.subarray(1);
      }
      if (cut) cutLines++;
      if (bytes + body.length + 1 > MESSAGE_CAP) cutMessage = true;
      else {
        parts.push(body, newline);
        bytes += body.length + 1;
      }
    }
    previousBlank = line.length === 0;
  };

  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      onBytes(chunk.length);
      if (signal?.aborted) return;
      let from = 0;
      for (let nl = chunk.indexOf(10, from); nl >= 0; nl = chunk.indexOf(10, from)) {
        const piece = chunk.subarray(from, nl);
        if (carry.length === 0) take(piece, false);
        else {
          if (carried + piece.length > LINE_CAP) carryCut = true;
          else carry.push(piece);
          take(Buffer.concat(carry), carryCut);
          carry = [];
          carried = 0;
          carryCut = false;
        }
        from = nl + 1;
      }
      if (from < chunk.length) {
        const rest = chunk.subarray(from);
        if (carried + rest.length > LINE_CAP) {
          const room = LINE_CAP - carried;
          if (room > 0) carry.push(Buffer.from(rest.subarray(0, room)));
          carried = LINE_CAP;
          carryCut = true;
        } else {
          // A copy: a view would keep the whole 256 KB chunk alive for a few bytes.
          carry.push(Buffer.from(rest));
          carried += rest.length;
        }
      }
      yield* ready.splice(0);
    }
    if (carry.length > 0) take(Buffer.concat(carry), carryCut);
    finish();
    yield* ready.splice(0);
  } finally {
    input.destroy();
  }
}

/** One .eml, read up to MESSAGE_CAP. */
async function readEml(source: Source): Promise<RawMessage> {
  const length = Math.min(source.size, MESSAGE_CAP);
  const raw = await readHead(source.path, Math.max(1, length));
  return { raw, line: source.number, source, notes: source.size > MESSAGE_CAP ? cutNotes(true, 0) : [] };
}

/** Every message of every input, in order; a folder's unreadable file is an entry with its problem. */
async function* messages(list: Source[], inFolder: boolean, format: ImportFormat, onBytes: (n: number) => void, signal?: AbortSignal): AsyncGenerator<Entry> {
  const single = !inFolder;
  for (const source of list) {
    if (signal?.aborted) return;
    if (source.problem) {
      yield { line: source.number, source, problem: source.problem };
      continue;
    }
    let splitter: 'mbox' | 'eml';
    try {
      splitter = await splitterFor(source, format);
    } catch (error) {
      onBytes(source.size);
      if (single) throw error;
      yield { line: source.number, source, problem: (error as Error).message };
      continue;
    }
    if (splitter === 'eml') {
      try {
        const m = await readEml(source);
        onBytes(source.size);
        yield m;
      } catch (error) {
        onBytes(source.size);
        if (single) throw unreadable(source.name, error);
        yield { line: source.number, source, problem: unreadable(source.name, error).message };
      }
      continue;
    }
    // An mbox, or a folder's file saved with its mbox "From " line: every message in it.
    for await (const m of splitMbox(source, onBytes, signal)) yield inFolder ? { ...m, line: source.number } : m;
  }
}

function addresses(a: AddressObject | AddressObject[] | undefined): Address[] {
  if (!a) return [];
  return (Array.isArray(a) ? a : [a]).flatMap((o) => o.value.map((v) => ({ address: v.address?.toLowerCase() ?? null, name: v.name || null })));
}

function domainOf(email: string | null): string | null {
  return email?.split('@')[1]?.toLowerCase() ?? null;
}

/** Delivery-failure notices: multipart/report, a mailer daemon as sender, or the usual subjects. */
export function isBounce(mail: ParsedMail, from: string | null): boolean {
  const type = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  if (type?.value?.toLowerCase() === 'multipart/report') return true;
  if (from && /^(mailer-daemon|postmaster)@/i.test(from)) return true;
  return /^(undeliver(ed|able)|delivery status notification \((failure|delay)\)|returned mail|mail delivery (failed|failure)|failure notice)/i.test(mail.subject ?? '');
}

export const BOUNCE_REASON = 'delivery failure notice (bounce), not customer feedback';

const subjectPrefix = /^\s*((re|fw|fwd|aw|wg|tr|rv|sv|antw)(\[\d+\])?\s*:\s*)+/i;

export function baseSubject(subject: string | null): string | null {
  if (!subject) return null;
  return subject.replace(subjectPrefix, '').trim() || null;
}

const parseOptions = { skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true } as const;

function parentsOf(mail: Pick<ParsedMail, 'references' | 'inReplyTo'>): string[] {
  const refs = Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : [];
  return [...refs, ...(mail.inReplyTo ? [mail.inReplyTo] : [])].map((s) => s.trim()).filter(Boolean);
}

async function toRecord(m: RawMessage, fallbackDate: number): Promise<MailRecord | 'bounce'> {
  const mail = await simpleParser(m.raw, parseOptions);
  const from = addresses(mail.from)[0] ?? { address: null, name: null };
  if (isBounce(mail, from.address)) return 'bounce';
  const notes = [...m.notes];
  // HTML's &nbsp; arrives as U+00A0; in feedback text it is just a space.
  let text = (mail.text ?? '').replace(/\r\n/g, '\n').replace(/\u00a0/g, ' ').trim();
  const attachments = mail.attachments.filter((a) => !a.related || a.contentDisposition === 'attachment');
  if (attachments.length > 0) {
    text += `${text ? '\n\n' : ''}Attachments: ${attachments.map((a) => `${a.filename ?? 'unnamed'} (${size(a.size)})`).join(', ')}`;
  }
  const cut = limitText(text, fieldLimits.body);
  if (cut.cut) notes.push(`message text cut to ${fieldLimits.body.toLocaleString('en-US')} characters (it had ${text.length.toLocaleString('en-US')})`);
  const date = mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.getTime() : null;
  if (date === null) notes.push("the message has no readable Date: header; the file's time is used");
  return {
    id: mail.messageId?.trim() || `<no-id:${m.source.name}:${m.line}>`,
    parents: parentsOf(mail),
    date: date ?? fallbackDate,
    from,
    to: addresses(mail.to),
    subject: mail.subject ?? null,
    text: cut.text,
    line: m.line,
    notes,
  };
}

/** The header block of a raw message (up to the first blank line). */
function headerBlock(raw: Buffer): Buffer {
  const lf = raw.indexOf('\n\n');
  const crlf = raw.indexOf('\r\n\r\n');
  const end = lf < 0 ? crlf : crlf < 0 ? lf : Math.min(lf, crlf);
  return end < 0 ? raw : raw.subarray(0, end + 1);
}

/**
 * The mailbox owner's domain from the first OWNER_LOOKAHEAD messages' headers: the most
 * common To-domain among messages that start a thread, else the first message's To-domain.
 */
async function ownerDomain(list: Source[], inFolder: boolean, format: ImportFormat): Promise<string | null> {
  const counts = new Map<string, number>();
  let first: string | null = null;
  let seen = 0;
  for await (const entry of messages(list, inFolder, format, () => {})) {
    if ('problem' in entry) continue;
    let mail: ParsedMail;
    try {
      mail = await simpleParser(headerBlock(entry.raw), parseOptions);
    } catch {
      continue;
    }
    const domains = new Set(addresses(mail.to).map((a) => domainOf(a.address)).filter((d): d is string => d !== null));
    first ??= [...domains][0] ?? null;
    if (parentsOf(mail).length === 0) for (const d of domains) counts.set(d, (counts.get(d) ?? 0) + 1);
    if (++seen >= OWNER_LOOKAHEAD) break;
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? first;
}

type MessageRow = Extract<ImportRow, { kind: 'message' }>;

/**
 * Message-ID → thread number, for every id seen or named. Kept off the JS heap and small
 * (12 bytes a slot, at most half full): a 64-bit fingerprint of each id, not the id, so a
 * mailbox of 300,000 messages costs about 10 MB instead of ~100 MB of strings and map
 * entries that the garbage collector would walk and over-provision for. Two ids share a
 * fingerprint with a chance of about n²/2⁶⁵ (one in 400 million at 300,000 ids); the cost
 * would be one message filed in the other's thread.
 */
export class IdTable {
  private keys = new Uint32Array(2 * 1024);
  private values = new Int32Array(1024).fill(-1);
  private count = 0;

  private static hash(id: string): [number, number] {
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
    a ^= a >>> 16;
    a = Math.imul(a, 0x85ebca6b);
    a ^= a >>> 13;
    b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35);
    b ^= b >>> 16;
    return [a >>> 0, b >>> 0];
  }

  private slot(a: number, b: number): number {
    const mask = this.values.length - 1;
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    while (this.values[i] !== -1 && (this.keys[2 * i] !== a || this.keys[2 * i + 1] !== b)) i = (i + 1) & mask;
    return i;
  }

  get(id: string): number | undefined {
    const [a, b] = IdTable.hash(id);
    const v = this.values[this.slot(a, b)]!;
    return v === -1 ? undefined : v;
  }

  /** Sets `id` to `thread` unless it already has one. */
  setIfAbsent(id: string, thread: number): void {
    const [a, b] = IdTable.hash(id);
    const i = this.slot(a, b);
    if (this.values[i] !== -1) return;
    this.keys[2 * i] = a;
    this.keys[2 * i + 1] = b;
    this.values[i] = thread;
    if (++this.count * 2 > this.values.length) this.grow();
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Int32Array(values.length * 2).fill(-1);
    for (let j = 0; j < values.length; j++) {
      if (values[j] === -1) continue;
      const i = this.slot(keys[2 * j]!, keys[2 * j + 1]!);
      this.keys[2 * i] = keys[2 * j]!;
      this.keys[2 * i + 1] = keys[2 * j + 1]!;
      this.values[i] = values[j]!;
    }
  }
}

interface Awaiting {
  records: MailRecord[];
  chars: number;
}

/**
 * Turns parsed messages into rows as they come. Keeps only `roots` (Message-ID → the
 * thread's externalId) and the few threads held until their customer writes.
 */
class Threader {
  private readonly ids = new IdTable();
  /** Thread number → its root (the conversation's externalId). */
  private readonly roots: string[] = [];
  private readonly awaiting = new Map<string, Awaiting>();
  private awaitingChars = 0;

  constructor(
    private readonly owner: string | null,
    private readonly inFolder: boolean,
  ) {}

  private outgoing(r: MailRecord): boolean {
    return this.owner !== null && domainOf(r.from.address) === this.owner;
  }

  private message(r: MailRecord): NewMessage {
    return { direction: this.outgoing(r) ? 'out' : 'in', author: r.from.name ?? r.from.address, body: r.text, sentAt: r.date };
  }

  private messageRow(root: string, r: MailRecord): MessageRow {
    const row: MessageRow = { kind: 'message', line: r.line, conversation: { source: EMAIL_SOURCE, externalId: root }, message: this.message(r) };
    if (r.notes.length > 0) row.notes = r.notes;
    return row;
  }

  /** The thread's item, from its customer's first message (or, failing one, `r` addressed to its first recipient). */
  private item(root: string, r: MailRecord): ImportRow {
    const body = r.text || (baseSubject(r.subject) ?? '');
    if (body.trim() === '') return { kind: 'error', line: r.line, reason: 'the e-mail has no text and no subject' };
    const outbound = this.outgoing(r);
    const person = outbound ? (r.to.find((a) => domainOf(a.address) !== this.owner) ?? r.to[0] ?? r.from) : r.from;
    const customerKey = person.address ?? person.name;
    const item: NewFeedback = {
      source: EMAIL_SOURCE,
      externalId: root,
      contentHash: contentHash({ customer: customerKey, at: r.date, body }),
      channel: 'email',
      customer: customerKey ? { name: person.name ?? person.address!, email: person.address, tier: 'standard', language: null } : null,
      subject: limitText(baseSubject(r.subject) ?? '', fieldLimits.subject).text || null,
      body,
      product: null,
      language: null,
      status: 'open',
      sentiment: null,
      sentimentSource: null,
      rating: null,
      receivedAt: r.date,
      unread: true,
      tags: [],
      messages: [this.message(r)],
    };
    return r.notes.length > 0 ? { kind: 'item', line: r.line, item, notes: r.notes } : { kind: 'item', line: r.line, item };
  }

  /** A held thread leaves: its item (the customer's message, else its first), then the rest as messages. */
  private *release(root: string, customer: MailRecord | null): Generator<ImportRow> {
    const held = this.awaiting.get(root);
    const records = held?.records ?? [];
    if (held) {
      this.awaiting.delete(root);
      this.awaitingChars -= held.chars;
    }
    const lead = customer ?? records.find((r) => r.text !== '' || baseSubject(r.subject) !== null) ?? null;
    if (lead === null) {
      for (const r of records) yield { kind: 'error', line: r.line, reason: 'the e-mail has no text and no subject' };
      return;
    }
    const first = this.item(root, lead);
    yield first;
    for (const r of records) {
      if (r === lead) continue;
      yield first.kind === 'item' ? this.messageRow(root, r) : { kind: 'error', line: r.line, reason: 'the e-mail has no text and no subject' };
    }
  }

  private *hold(root: string, r: MailRecord): Generator<ImportRow> {
    const held = this.awaiting.get(root) ?? { records: [], chars: 0 };
    held.records.push(r);
    held.chars += r.text.length;
    this.awaitingChars += r.text.length;
    this.awaiting.set(root, held);
    while (this.awaiting.size > AWAITING_THREADS || (this.awaitingChars > AWAITING_CHARS && this.awaiting.size > 1)) {
      const oldest = this.awaiting.keys().next().value as string;
      yield* this.release(oldest, null);
    }
  }

  *add(r: MailRecord): Generator<ImportRow> {
    let thread = this.ids.get(r.id);
    for (let i = 0; thread === undefined && i < r.parents.length; i++) thread = this.ids.get(r.parents[i]!);
    const isNew = thread === undefined;
    if (thread === undefined) {
      thread = this.roots.length;
      // A copy: the id may be a slice of the whole parsed header, which it would keep alive.
      this.roots.push(Buffer.from(r.parents[0] ?? r.id).toString());
    }
    const root = this.roots[thread]!;
    this.ids.setIfAbsent(r.id, thread);
    for (const p of r.parents) this.ids.setIfAbsent(p, thread);

    const customerWrites = !this.outgoing(r) && (r.text !== '' || baseSubject(r.subject) !== null);
    if (this.awaiting.has(root)) {
      if (customerWrites) yield* this.release(root, this.withRecord(root, r));
      else yield* this.hold(root, r);
    } else if (!isNew) yield this.messageRow(root, r);
    else if (customerWrites) yield this.item(root, r);
    else yield* this.hold(root, r);
  }

  /** Adds `r` to a held thread and returns it, so release() writes it as the item. */
  private withRecord(root: string, r: MailRecord): MailRecord {
    const held = this.awaiting.get(root)!;
    held.records.push(r);
    return r;
  }

  *end(): Generator<ImportRow> {
    for (const root of [...this.awaiting.keys()]) yield* this.release(root, null);
  }

  prefix(sourceName: string, reason: string): string {
    return this.inFolder ? `${sourceName}: ${reason}` : reason;
  }
}

export async function openEmailReader(paths: string[], format: ImportFormat, _size: number): Promise<ImportReader> {
  if (paths.length !== 1) throw new HearkenError('VALIDATION', 'Pick one e-mail file or one folder of e-mails.');
  const { list, total, inFolder } = await sources(paths[0]!, format);
  let bytes = 0;
  let mtime = Date.now();
  try {
    mtime = Math.round((await stat(list[0]!.path)).mtimeMs);
  } catch {
    // A folder's first file may be the unreadable one; its row says so.
  }
  return {
    format,
    async preview(): Promise<ImportPreview> {
      const sample: Record<string, string>[] = [];
      for await (const m of messages(list, inFolder, format, () => {})) {
        if ('problem' in m) continue;
        try {
          const r = await toRecord(m, mtime);
          sample.push(r === 'bounce' ? { from: '', subject: '(delivery failure notice)', date: '' } : { from: r.from.address ?? '', subject: r.subject ?? '', date: new Date(r.date).toISOString() });
        } catch {
          continue;
        }
        if (sample.length >= 5) break;
      }
      return { format, encoding: 'per message (MIME)', delimiter: null, columns: [], sample, guessedMapping: null, totalBytes: total };
    },
    async *rows({ signal }): AsyncGenerator<ImportRow> {
      bytes = 0;
      const threads = new Threader(await ownerDomain(list, inFolder, format), inFolder);
      for await (const m of messages(list, inFolder, format, (n) => (bytes += n), signal)) {
        if (signal?.aborted) return;
        if ('problem' in m) {
          yield { kind: 'error', line: m.line, reason: m.problem };
          continue;
        }
        let record: MailRecord | 'bounce';
        try {
          record = await toRecord(m, mtime);
        } catch (error) {
          yield { kind: 'error', line: m.line, reason: threads.prefix(m.source.name, `the message could not be read (${(error as Error).message})`) };
          continue;
        }
        // Not feedback, and not a fault of the file: skipped, counted and listed as such.
        if (record === 'bounce') yield { kind: 'error', skipped: true, line: m.line, reason: threads.prefix(m.source.name, BOUNCE_REASON) };
        else yield* threads.add(record);
      }
      if (signal?.aborted) return;
      yield* threads.end();
    },
    bytesRead: () => bytes,
  };
}
