/**
 * E-mail: one .eml, a folder of .eml (recursively), or an mbox. Each message is parsed by
 * mailparser; messages are threaded by Message-ID / In-Reply-To / References into one
 * feedback item per thread. A thread is only complete at the end of the input, so every
 * message's small record (ids, date, sender, subject, text capped at 100,000 characters,
 * attachment names) is kept until then; attachment contents and other headers are dropped
 * as soon as a message is parsed. Memory is therefore bounded by the total text of the
 * messages, not by the size of the file.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { HearkenError } from '../../../../shared/errors';
import type { ImportFormat } from '../../../../shared/import';
import { fieldLimits, limitText } from '../../../../shared/import/values';
import { contentHash } from '../content-hash';
import type { ImportPreview, ImportReader, ImportRow, NewFeedback } from '../types';

export const EMAIL_SOURCE = 'email';

interface RawMessage {
  raw: Buffer;
  /** mbox: the line of its "From " line; files: the 1-based file number. */
  line: number;
  file: string;
}

interface MailRecord {
  id: string;
  parents: string[];
  date: number | null;
  fromAddress: string | null;
  fromName: string | null;
  toDomains: string[];
  subject: string | null;
  text: string;
  line: number;
  notes: string[];
}

const headerRe = /^[A-Za-z][A-Za-z0-9-]*:/;

async function listEml(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listEml(full)));
    else if (entry.isFile() && extname(entry.name).toLowerCase() === '.eml') out.push(full);
  }
  return out.sort();
}

function noHeaders(file: string): HearkenError {
  return new HearkenError(
    'VALIDATION',
    `${basename(file)} is not an e-mail: it does not start with header lines such as From:, Subject: and Date:. Save the message with its full source (.eml) and import that file.`,
  );
}

/** Checks the inputs before any message is read; returns the files and their total size. */
async function prepare(paths: string[], format: ImportFormat): Promise<{ files: string[]; total: number }> {
  const files: string[] = [];
  for (const p of paths) {
    if ((await stat(p)).isDirectory()) {
      const found = await listEml(p);
      if (found.length === 0) throw new HearkenError('VALIDATION', `The folder ${basename(p)} holds no .eml files. Pick a folder of saved e-mails (.eml), an .eml file or an mbox file.`);
      files.push(...found);
    } else files.push(p);
  }
  let total = 0;
  for (const f of files) {
    const size = (await stat(f)).size;
    total += size;
    const head = (await readHead(f, 4096)).replace(/^\ufeff/, '');
    if (head.trim() === '') throw new HearkenError('VALIDATION', `${basename(f)} is empty: there is nothing to import. Check that the export finished and pick the exported file.`);
    if (format === 'mbox') {
      if (!head.startsWith('From ')) {
        throw new HearkenError('VALIDATION', `${basename(f)} is not an mbox file: an mbox starts with a "From " line before each message. Export the mailbox as mbox, or import single messages as .eml.`);
      }
    } else if (!headerRe.test(head.trimStart()) || !/^(From|Date|Subject|Message-ID|Received|Return-Path):/im.test(head)) throw noHeaders(f);
  }
  return { files, total };
}

async function readHead(file: string, bytes: number): Promise<string> {
  const stream = createReadStream(file, { start: 0, end: bytes - 1, encoding: 'latin1' });
  let text = '';
  for await (const chunk of stream) text += chunk as string;
  return text;
}

/** Splits an mbox into messages as it streams ("From " after a blank line starts one; ">From " is unquoted). */
async function* splitMbox(file: string, onBytes: (n: number) => void, signal?: AbortSignal): AsyncGenerator<RawMessage> {
  const input = createReadStream(file, { encoding: 'latin1', highWaterMark: 256 * 1024 });
  input.on('data', (chunk) => onBytes(chunk.length));
  const lines = createInterface({ input, crlfDelay: Infinity });
  let current: string[] = [];
  let start = 0;
  let n = 0;
  let previousBlank = true;
  try {
    for await (const line of lines) {
      n++;
      if (signal?.aborted) return;
      if (previousBlank && line.startsWith('From ')) {
        if (current.length > 0) yield { raw: Buffer.from(current.join('\n'), 'latin1'), line: start, file };
        current = [];
        start = n;
      } else if (start > 0) {
        current.push(/^>+From /.test(line) ? line.slice(1) : line);
      }
      previousBlank = line === '';
    }
    if (current.length > 0) yield { raw: Buffer.from(current.join('\n'), 'latin1'), line: start, file };
  } finally {
    input.destroy();
  }
}

function address(a: AddressObject | AddressObject[] | undefined): { address: string | null; name: string | null }[] {
  if (!a) return [];
  return (Array.isArray(a) ? a : [a]).flatMap((o) => o.value.map((v) => ({ address: v.address?.toLowerCase() ?? null, name: v.name || null })));
}

function domainOf(email: string | null): string | null {
  return email?.split('@')[1]?.toLowerCase() ?? null;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Delivery-failure notices: multipart/report, a mailer daemon as sender, or the usual subjects. */
export function isBounce(mail: ParsedMail, from: string | null): boolean {
  const type = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  if (type?.value?.toLowerCase() === 'multipart/report') return true;
  if (from && /^(mailer-daemon|postmaster)@/i.test(from)) return true;
  return /^(undeliver(ed|able)|delivery status notification \((failure|delay)\)|returned mail|mail delivery (failed|failure)|failure notice)/i.test(mail.subject ?? '');
}

const subjectPrefix = /^\s*((re|fw|fwd|aw|wg|tr|rv|sv|antw)(\[\d+\])?\s*:\s*)+/i;

export function baseSubject(subject: string | null): string | null {
  if (!subject) return null;
  return subject.replace(subjectPrefix, '').trim() || null;
}

async function toRecord(m: RawMessage, fallbackDate: number): Promise<MailRecord | { bounce: string }> {
  const mail = await simpleParser(m.raw, { skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
  const from = address(mail.from)[0] ?? { address: null, name: null };
  if (isBounce(mail, from.address)) return { bounce: `delivery failure notice, not customer feedback (from ${from.address ?? 'a mail server'})` };
  const notes: string[] = [];
  // HTML's &nbsp; arrives as U+00A0; in feedback text it is just a space.
  let text = (mail.text ?? '').replace(/\r\n/g, '\n').replace(/\u00a0/g, ' ').trim();
  const attachments = mail.attachments.filter((a) => !a.related || a.contentDisposition === 'attachment');
  if (attachments.length > 0) {
    text += `${text ? '\n\n' : ''}Attachments: ${attachments.map((a) => `${a.filename ?? 'unnamed'} (${size(a.size)})`).join(', ')}`;
  }
  const cut = limitText(text, fieldLimits.body);
  if (cut.cut) notes.push(`message text cut to ${fieldLimits.body.toLocaleString('en-US')} characters (it had ${text.length.toLocaleString('en-US')})`);
  const refs = Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : [];
  const parents = [...refs, ...(mail.inReplyTo ? [mail.inReplyTo] : [])].map((s) => s.trim()).filter(Boolean);
  const date = mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.getTime() : null;
  if (date === null) notes.push("the message has no readable Date: header; the file's time is used");
  return {
    id: mail.messageId?.trim() || `<no-id:${basename(m.file)}:${m.line}>`,
    parents,
    date: date ?? fallbackDate,
    fromAddress: from.address,
    fromName: from.name,
    toDomains: address(mail.to).map((a) => domainOf(a.address)).filter((d): d is string => d !== null),
    subject: mail.subject ?? null,
    text: cut.text,
    line: m.line,
    notes,
  };
}

/** Union-find over Message-IDs: every id a message names joins its thread. */
class Threads {
  private parent = new Map<string, string>();
  find(id: string): string {
    let root = id;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    // Path compression keeps later finds short.
    for (let cur = id, p = this.parent.get(cur); p !== undefined && p !== root; cur = p, p = this.parent.get(cur)) this.parent.set(cur, root);
    if (!this.parent.has(id)) this.parent.set(id, id);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/** Builds one feedback item per thread; the mailbox owner's domain decides direction. */
export function threadsToRows(records: MailRecord[]): ImportRow[] {
  const threads = new Threads();
  for (const r of records) {
    threads.find(r.id);
    for (const p of r.parents) threads.union(p, r.id);
  }
  // The mailbox owner: the most common To-domain of the messages that start a thread.
  const counts = new Map<string, number>();
  for (const r of records) if (r.parents.length === 0) for (const d of new Set(r.toDomains)) counts.set(d, (counts.get(d) ?? 0) + 1);
  if (counts.size === 0) for (const r of records.slice(0, 1)) for (const d of r.toDomains) counts.set(d, 1);
  const owner = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;

  const groups = new Map<string, MailRecord[]>();
  for (const r of records) {
    const key = threads.find(r.id);
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const rows: ImportRow[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => a.date! - b.date! || a.line - b.line);
    const root = group[0]!;
    const outgoing = (r: MailRecord): boolean => owner !== null && domainOf(r.fromAddress) === owner;
    const first = group.find((r) => !outgoing(r)) ?? root;
    const body = first.text || (baseSubject(root.subject) ?? '');
    if (body.trim() === '') {
      rows.push({ kind: 'error', line: root.line, reason: `the e-mail thread ${root.id} has no text` });
      continue;
    }
    const customerKey = first.fromAddress ?? first.fromName;
    const at = first.date!;
    const item: NewFeedback = {
      source: EMAIL_SOURCE,
      externalId: root.parents[0] ?? root.id,
      contentHash: contentHash({ customer: customerKey, at, body }),
      channel: 'email',
      customer: customerKey ? { name: first.fromName ?? first.fromAddress!, email: first.fromAddress, tier: 'standard', language: null } : null,
      subject: limitText(baseSubject(root.subject) ?? '', fieldLimits.subject).text || null,
      body,
      product: null,
      language: null,
      status: 'open',
      sentiment: null,
      sentimentSource: null,
      rating: null,
      receivedAt: at,
      unread: true,
      tags: [],
      messages: group.map((r) => ({ direction: outgoing(r) ? 'out' : 'in', author: r.fromName ?? r.fromAddress, body: r.text, sentAt: r.date! })),
    };
    const notes = group.flatMap((r) => r.notes);
    rows.push(notes.length > 0 ? { kind: 'item', line: root.line, item, notes } : { kind: 'item', line: root.line, item });
  }
  return rows.sort((a, b) => a.line - b.line);
}

export async function openEmailReader(paths: string[], format: ImportFormat, _size: number): Promise<ImportReader> {
  const { files, total } = await prepare(paths, format);
  let bytes = 0;
  async function* messages(onBytes: (n: number) => void, signal?: AbortSignal): AsyncGenerator<RawMessage> {
    if (format === 'mbox') {
      for (const f of files) yield* splitMbox(f, onBytes, signal);
      return;
    }
    for (let i = 0; i < files.length; i++) {
      if (signal?.aborted) return;
      const raw = await readFile(files[i]!);
      onBytes(raw.length);
      yield { raw, line: i + 1, file: files[i]! };
    }
  }
  const mtime = Math.round((await stat(files[0]!)).mtimeMs);
  return {
    format,
    async preview(): Promise<ImportPreview> {
      const sample: Record<string, string>[] = [];
      for await (const m of messages(() => {})) {
        const r = await toRecord(m, mtime);
        sample.push('bounce' in r ? { from: '', subject: '(delivery failure notice)', date: '' } : { from: r.fromAddress ?? '', subject: r.subject ?? '', date: new Date(r.date!).toISOString() });
        if (sample.length >= 5) break;
      }
      return { format, encoding: 'per message (MIME)', delimiter: null, columns: [], sample, guessedMapping: null, totalBytes: total };
    },
    async *rows({ signal }): AsyncGenerator<ImportRow> {
      bytes = 0;
      const records: MailRecord[] = [];
      for await (const m of messages((n) => (bytes += n), signal)) {
        if (signal?.aborted) return;
        try {
          const r = await toRecord(m, mtime);
          if ('bounce' in r) {
            yield { kind: 'error', line: m.line, reason: files.length > 1 ? `${basename(m.file)}: ${r.bounce}` : r.bounce };
          } else records.push(r);
        } catch (error) {
          yield { kind: 'error', line: m.line, reason: `the message could not be read (${(error as Error).message})` };
        }
      }
      if (signal?.aborted) return;
      yield* threadsToRows(records);
    },
    bytesRead: () => bytes,
  };
}
