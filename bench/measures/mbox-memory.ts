/**
 * mbox_peak_rss_mb: the peak memory of importing a big mailbox. A seeded mbox of 300,000
 * messages (about 62 MB) in realistic threads is written into the work folder, then imported
 * by a fresh process through the CLI's import (bench/children/mbox-import.ts) into a fresh
 * encrypted store; the figure is that process's VmHWM. The e-mail reader streams: it keeps a
 * map of Message-ID → thread root, never the messages, so the peak should not grow with
 * the mailbox (docs/import-formats.md).
 *
 * The mailbox, in file (= time) order: threads of 1 to 6 messages between a customer and
 * support@, interleaved as a busy inbox's are (a few thousand threads open at once); replies
 * carry In-Reply-To and References; about 0.3% of replies come before the message they
 * answer (a mailbox merged from two folders), 0.2% are bounces, 1% carry a small
 * attachment and 2% are HTML only.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '../../src/shared/synthetic/rng';
import { runChild } from '../lib/child';
import type { BenchContext } from '../lib/context';
import { BENCH_PASSPHRASE, createStore } from '../lib/stores';
import { writeLines } from './import';

const CHILD = fileURLToPath(new URL('../children/mbox-import.ts', import.meta.url));
export const MBOX_MEMORY_MESSAGES = 300_000;
const SEED = 0x6d626f78;
const OWNER = 'support@acme.test';
const START = Date.UTC(2024, 0, 1);

const firstNames = ['Ana', 'Ben', 'Chloé', 'Dmitri', 'Eva', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemal', 'Lena', 'Mia', 'Noah', 'Olga', 'Pablo'];
const domains = ['gmail.com', 'outlook.com', 'web.de', 'orange.fr', 'proton.me', 'yahoo.com'];
const topics = ['order', 'invoice', 'refund', 'login', 'delivery', 'subscription', 'app crash', 'password'];
const opening = [
  'Hi, my {t} {n} is still not sorted.',
  'Hello, I have a problem with {t} {n}.',
  'Why was I charged twice for {t} {n}?',
  'The {t} page shows an error since yesterday.',
  'Can you help me with {t} {n} please?',
];
const customerReply = ['Thanks, that worked.', 'Still broken, please check again.', 'I tried that, no change.', 'Great, thank you!', 'Any update on this?'];
const supportReply = ['Thanks for writing, we are looking into {t} {n}.', 'Sorry about that, it is fixed now.', 'Could you send a screenshot?', 'I have refunded {t} {n}.'];

const pad = (x: number): string => String(x).padStart(2, '0');
function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace('GMT', '+0000');
}
function asctime(ms: number): string {
  const d = new Date(ms);
  const s = d.toUTCString();
  return `${s.slice(0, 3)} ${s.slice(8, 11)} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

interface OpenThread {
  n: number;
  customer: string;
  name: string;
  topic: string;
  subject: string;
  ids: string[];
  left: number;
}

function message(from: string, to: string, subject: string, at: number, id: string, refs: string[], body: string, kind: 'plain' | 'html' | 'attachment'): string {
  const head = [`From ${from.replace(/^.*<|>$/g, '')} ${asctime(at)}`, `From: ${from}`, `To: ${to}`, `Subject: ${subject}`, `Date: ${rfc2822(at)}`, `Message-ID: ${id}`];
  if (refs.length > 0) head.push(`In-Reply-To: ${refs.at(-1)!}`, `References: ${refs.slice(-3).join(' ')}`);
  if (kind === 'plain') return `${head.join('\n')}\n\n${body}\n\n`;
  if (kind === 'html') return `${head.join('\n')}\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n<html><body><p>${body}</p></body></html>\n\n`;
  const blob = Buffer.alloc(1100, id).toString('base64').replace(/.{76}/g, '$&\n');
  return `${head.join('\n')}\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b1"\n\n--b1\nContent-Type: text/plain; charset=utf-8\n\n${body}\n--b1\nContent-Type: application/pdf; name="receipt.pdf"\nContent-Disposition: attachment; filename="receipt.pdf"\nContent-Transfer-Encoding: base64\n\n${blob}\n--b1--\n\n`;
}

function bounce(at: number, k: number): string {
  return [
    `From MAILER-DAEMON ${asctime(at)}`,
    'From: Mail Delivery System <MAILER-DAEMON@mx.acme.test>',
    `To: ${OWNER}`,
    'Subject: Undelivered Mail Returned to Sender',
    `Date: ${rfc2822(at)}`,
    `Message-ID: <bounce.${k}@mx.acme.test>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="r1"',
    '',
    '--r1',
    'Content-Type: text/plain',
    '',
    'Your message could not be delivered.',
    '--r1',
    'Content-Type: message/delivery-status',
    '',
    'Status: 5.1.1',
    '--r1--',
    '',
    '',
  ].join('\n');
}

/** The seeded mailbox, `count` messages long, as mbox text chunks. */
export function* mboxMemoryLines(count: number, seed = SEED): Generator<string> {
  const rng = new Rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng.next() * list.length)]!;
  const fill = (text: string, t: OpenThread): string => text.replace('{t}', t.topic).replace('{n}', String(10_000 + t.n));
  const open: OpenThread[] = [];
  let threads = 0;
  let at = START;
  let held: string | null = null;
  for (let written = 0; written < count; ) {
    at += 1000 + Math.floor(rng.next() * 60_000);
    const r = rng.next();
    let text: string;
    if (r < 0.002) text = bounce(at, written);
    else if (open.length < 2_000 || r < 0.35) {
      const n = threads++;
      const name = `${pick(firstNames)} ${String.fromCharCode(65 + (n % 26))}.`;
      const customer = `${name} <c${n % 60_000}@${pick(domains)}>`;
      const topic = pick(topics);
      const t: OpenThread = { n, customer, name, topic, subject: `${topic} ${10_000 + n}`, ids: [], left: Math.floor(rng.next() * 6) };
      t.ids.push(`<t${n}.0@mail.example>`);
      text = message(customer, OWNER, t.subject, at, t.ids[0]!, [], fill(pick(opening), t), 'plain');
      if (t.left > 0) open.push(t);
    } else {
      const i = Math.floor(rng.next() * open.length);
      const t = open[i]!;
      const fromSupport = t.ids.length % 2 === 1;
      const id = `<t${t.n}.${t.ids.length}@${fromSupport ? 'acme.test' : 'mail.example'}>`;
      const kind = rng.next() < 0.01 ? 'attachment' : rng.next() < 0.02 ? 'html' : 'plain';
      const body = fill(pick(fromSupport ? supportReply : customerReply), t);
      text = message(fromSupport ? `Support <${OWNER}>` : t.customer, fromSupport ? t.customer : OWNER, `Re: ${t.subject}`, at, id, t.ids, body, kind);
      t.ids.push(id);
      if (--t.left === 0) open.splice(i, 1);
      // Now and then this reply is written before the message it answers.
      if (held === null && t.ids.length >= 3 && rng.next() < 0.003) {
        held = text;
        continue;
      }
    }
    written++;
    yield text;
    if (held !== null) {
      written++;
      yield held;
      held = null;
    }
  }
}

interface MboxChild {
  ms: number;
  counts: { read: number; imported: number; duplicates: number; failed: number; skipped?: number } | null;
  exitCode: number;
  peakRssMb: number | null;
  maxRssMb: number;
}

export async function measureMboxMemory(ctx: BenchContext): Promise<void> {
  const file = join(ctx.workDir, 'memory.mbox');
  const t0 = performance.now();
  const bytes = await writeLines(file, mboxMemoryLines(MBOX_MEMORY_MESSAGES));
  ctx.log(`  wrote ${MBOX_MEMORY_MESSAGES.toLocaleString('en-US')} messages (${(bytes / 1e6).toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const store = await createStore(join(ctx.workDir, 'mbox-memory'), ctx.access);
  ctx.stores.push(store);
  const { value } = await runChild<MboxChild>(CHILD, { dataDir: store.dataDir, passphrase: store.keySource === 'keychain' ? null : BENCH_PASSPHRASE, file }, 3_600_000);
  if (value.exitCode !== 0 || value.counts === null) ctx.notes.push(`mbox memory: the import ended with exit code ${value.exitCode}`);
  ctx.figures.set(
    'mbox_peak_rss_mb',
    value.peakRssMb ?? value.maxRssMb,
    'MB',
    '<= 300',
    `VmHWM of \`hearken import\` on a ${(bytes / 1e6).toFixed(0)} MB mbox of ${MBOX_MEMORY_MESSAGES.toLocaleString('en-US')} messages`,
  );
  ctx.details.mboxMemory = { messages: MBOX_MEMORY_MESSAGES, bytes, ...value };
}
