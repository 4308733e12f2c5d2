/**
 * E-mail imports as the import job runs them (jobs/kinds/import.ts: openImport → the
 * pipeline) on a real encrypted store in a temporary folder, from real files: threads that
 * span batches, replies before their parents, a folder with files it cannot read, mail
 * without the usual headers, files that start with an mbox "From " line, oversized lines
 * and messages, and bounces.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importJob } from '../../src/main/core/jobs/kinds/import';
import type { ImportJobResult } from '../../src/main/core/jobs/types';
import { detectFormat } from '../../src/main/core/ingest/readers';
import type { DB } from '../../src/main/core/store/db';
import { migrate } from '../../src/main/core/store/migrate';
import { migrations } from '../../src/main/core/store/migrations';
import { openEncrypted } from '../../src/main/core/store/open';

const folders: string[] = [];
const dbs: DB[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearken-email-'));
  folders.push(dir);
  return dir;
}

function store(): DB {
  const db = openEncrypted(join(tempFolder(), 'hearken.db'), { keyHex: randomBytes(32).toString('hex'), create: true });
  dbs.push(db);
  migrate(db, migrations);
  return db;
}

const NOW = Date.UTC(2024, 5, 1);

async function importPath(db: DB, path: string, batchSize = 5_000): Promise<ImportJobResult> {
  const result = await importJob(
    { db: () => db, now: () => NOW, signal: new AbortController().signal, progress: () => {}, changed: () => {} },
    { path, batchSize },
  );
  const { read, imported, duplicates, failed } = result.counts;
  expect(read).toBe(imported + duplicates + failed);
  return result;
}

interface Mail {
  id?: string;
  from: string;
  to?: string;
  subject?: string;
  date?: string;
  /** Message-IDs without brackets. */
  inReplyTo?: string;
  references?: string[];
  body: string;
  headers?: string[];
}

function mail(m: Mail): string {
  return [
    `From: ${m.from}`,
    `To: ${m.to ?? 'Support <support@acme.test>'}`,
    ...(m.subject !== undefined ? [`Subject: ${m.subject}`] : []),
    ...(m.date !== undefined ? [`Date: ${m.date}`] : []),
    ...(m.id ? [`Message-ID: <${m.id}>`] : []),
    ...(m.inReplyTo ? [`In-Reply-To: <${m.inReplyTo}>`] : []),
    ...(m.references ? [`References: ${m.references.map((r) => `<${r}>`).join(' ')}`] : []),
    ...(m.headers ?? []),
    'Content-Type: text/plain; charset=utf-8',
    '',
    m.body,
    '',
  ].join('\n');
}

function mbox(mails: Mail[]): string {
  return mails.map((m) => `From ${m.from.replace(/^.*<|>$/g, '')} Mon Mar  4 10:00:00 2024\n${mail(m)}\n`).join('');
}

const at = (hour: number, minute = 0): string => `Mon, 4 Mar 2024 ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00 +0000`;
const ann = 'Ann Example <ann@example.com>';
const bob = 'Bob Example <bob@example.org>';
const cy = 'Cy Example <cy@example.net>';
const support = 'Support <support@acme.test>';

/** Each conversation by root id: its messages, oldest first, as direction + text. */
function conversations(db: DB): Record<string, string[]> {
  const rows = db
    .prepare(
      `SELECT f.external_id AS root, m.direction, m.body FROM feedback f JOIN messages m ON m.feedback_id = f.id
       ORDER BY f.external_id, m.sent_at, m.rowid`,
    )
    .all() as { root: string; direction: string; body: string }[];
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.root] ??= []).push(`${r.direction}: ${r.body}`);
  return out;
}

const count = (db: DB, sql: string): number => (db.prepare(sql).get() as { n: number }).n;

describe('e-mail import, streamed', () => {
  it('threads an mbox whose conversations span batches into the right conversations; a re-import adds nothing', async () => {
    const dir = tempFolder();
    const file = join(dir, 'support.mbox');
    writeFileSync(
      file,
      mbox([
        { id: 'a1@example.com', from: ann, subject: 'Parcel late', date: at(9), body: 'My parcel is late.' },
        { id: 'b1@example.org', from: bob, subject: 'Refund', date: at(9, 5), body: 'Please refund order 42.' },
        { id: 'a2@acme.test', from: support, to: ann, subject: 'Re: Parcel late', date: at(9, 10), inReplyTo: 'a1@example.com', references: ['a1@example.com'], body: 'Sorry, it ships today.' },
        { id: 'c1@example.net', from: cy, subject: 'Login', date: at(9, 15), body: 'I cannot log in.' },
        { id: 'b2@acme.test', from: support, to: bob, subject: 'Re: Refund', date: at(9, 20), inReplyTo: 'b1@example.org', references: ['b1@example.org'], body: 'Refunded.' },
        { id: 'a3@example.com', from: ann, subject: 'Re: Re: Parcel late', date: at(9, 25), inReplyTo: 'a2@acme.test', references: ['a1@example.com', 'a2@acme.test'], body: 'Thanks, it arrived.' },
        // Only In-Reply-To, no References: still found through the map.
        { id: 'c2@acme.test', from: support, to: cy, subject: 'Re: Login', date: at(9, 30), inReplyTo: 'c1@example.net', body: 'Reset link sent.' },
        { id: 'b3@example.org', from: bob, subject: 'Re: Refund', date: at(9, 35), inReplyTo: 'b2@acme.test', references: ['b1@example.org', 'b2@acme.test'], body: 'Got it, thanks.' },
        // The same message twice in the mailbox (a copy in two folders, merged).
        { id: 'b3@example.org', from: bob, subject: 'Re: Refund', date: at(9, 35), inReplyTo: 'b2@acme.test', references: ['b1@example.org', 'b2@acme.test'], body: 'Got it, thanks.' },
      ]),
    );
    const db = store();
    const first = await importPath(db, file, 2);
    expect(first).toMatchObject({ state: 'done', counts: { read: 9, imported: 8, duplicates: 1, failed: 0 } });
    expect(first.problems).toEqual([{ line: expect.any(Number), kind: 'duplicate', reason: 'Already in its conversation.' }]);
    expect(conversations(db)).toEqual({
      '<a1@example.com>': ['in: My parcel is late.', 'out: Sorry, it ships today.', 'in: Thanks, it arrived.'],
      '<b1@example.org>': ['in: Please refund order 42.', 'out: Refunded.', 'in: Got it, thanks.'],
      '<c1@example.net>': ['in: I cannot log in.', 'out: Reset link sent.'],
    });
    expect(db.prepare("SELECT subject, body FROM feedback WHERE external_id = '<a1@example.com>'").get()).toEqual({ subject: 'Parcel late', body: 'My parcel is late.' });
    // Support's replies are suggested from, like any imported reply.
    expect(count(db, "SELECT count(*) AS n FROM reply_fts WHERE reply_fts MATCH 'parcel'")).toBe(1);

    const again = await importPath(db, file, 2);
    expect(again.counts).toEqual({ read: 9, imported: 0, duplicates: 9, failed: 0 });
    expect(count(db, 'SELECT count(*) AS n FROM messages')).toBe(8);
    expect(count(db, 'SELECT count(*) AS n FROM feedback')).toBe(3);
  });

  it('keeps a reply that arrives before its parent, and continues a thread from an earlier import', async () => {
    const dir = tempFolder();
    const file = join(dir, 'merged.mbox');
    writeFileSync(
      file,
      mbox([
        // References name the root: the thread starts under it, and the parent joins it later.
        { id: 'q3@example.com', from: ann, subject: 'Re: Invoice', date: at(12), inReplyTo: 'q2@acme.test', references: ['q1@example.com', 'q2@acme.test'], body: 'The VAT is still wrong.' },
        { id: 'q1@example.com', from: ann, subject: 'Invoice', date: at(10), body: 'My invoice has the wrong VAT.' },
        { id: 'q2@acme.test', from: support, to: ann, subject: 'Re: Invoice', date: at(11), inReplyTo: 'q1@example.com', references: ['q1@example.com'], body: 'Corrected, see attached.' },
        // Only In-Reply-To: the thread starts under the parent's id, which the parent then finds.
        { id: 'r2@example.org', from: bob, subject: 'Re: Crash', date: at(14), inReplyTo: 'r1@example.org', body: 'It happens again.' },
        { id: 'r1@example.org', from: bob, subject: 'Crash', date: at(13), body: 'The app crashes on start.' },
      ]),
    );
    const db = store();
    const outcome = await importPath(db, file, 2);
    expect(outcome.counts).toEqual({ read: 5, imported: 5, duplicates: 0, failed: 0 });
    expect(conversations(db)).toEqual({
      '<q1@example.com>': ['in: My invoice has the wrong VAT.', 'out: Corrected, see attached.', 'in: The VAT is still wrong.'],
      '<r1@example.org>': ['in: The app crashes on start.', 'in: It happens again.'],
    });

    // Next month's export: a reply to a thread imported above.
    const later = join(dir, 'later.mbox');
    writeFileSync(later, mbox([{ id: 'q4@acme.test', from: support, to: ann, subject: 'Re: Invoice', date: at(15), inReplyTo: 'q3@example.com', references: ['q1@example.com', 'q3@example.com'], body: 'Fixed for good.' }]));
    expect((await importPath(db, later)).counts).toEqual({ read: 1, imported: 1, duplicates: 0, failed: 0 });
    expect(conversations(db)['<q1@example.com>']).toHaveLength(4);
    expect(count(db, 'SELECT count(*) AS n FROM feedback')).toBe(2);
  });

  it("starts a thread support began at the customer's reply; one nobody answered is addressed to its recipient", async () => {
    const dir = tempFolder();
    const file = join(dir, 'outbound.mbox');
    writeFileSync(
      file,
      mbox([
        { id: 'o1@acme.test', from: support, to: ann, subject: 'Your order', date: at(8), body: 'Your order is delayed by two days.' },
        // Most threads start with a customer writing to support@: acme.test is the mailbox owner.
        { id: 'x1@example.org', from: bob, subject: 'Hello', date: at(8, 30), body: 'Where is my order?' },
        { id: 'y1@example.org', from: 'Dee <dee@example.org>', subject: 'Hi', date: at(8, 40), body: 'Can I change my address?' },
        { id: 'o2@example.com', from: ann, subject: 'Re: Your order', date: at(9), inReplyTo: 'o1@acme.test', references: ['o1@acme.test'], body: 'That is too late for me.' },
        // Support wrote and nobody answered: written at the end, addressed to its recipient.
        { id: 'p1@acme.test', from: support, to: cy, subject: 'Survey', date: at(10), body: 'How did we do?' },
      ]),
    );
    const db = store();
    const outcome = await importPath(db, file, 1);
    expect(outcome.counts).toEqual({ read: 5, imported: 5, duplicates: 0, failed: 0 });
    const rows = db
      .prepare('SELECT f.external_id AS root, f.body, c.email FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id ORDER BY f.external_id')
      .all() as { root: string; body: string; email: string }[];
    expect(rows).toEqual([
      { root: '<o1@acme.test>', body: 'That is too late for me.', email: 'ann@example.com' },
      { root: '<p1@acme.test>', body: 'How did we do?', email: 'cy@example.net' },
      { root: '<x1@example.org>', body: 'Where is my order?', email: 'bob@example.org' },
      { root: '<y1@example.org>', body: 'Can I change my address?', email: 'dee@example.org' },
    ]);
    expect(conversations(db)['<o1@acme.test>']).toEqual(['out: Your order is delayed by two days.', 'in: That is too late for me.']);
  });

  it('imports every readable file of a folder and lists each unreadable one as failed, with its name and no content', async () => {
    const dir = tempFolder();
    const folder = join(dir, 'mail');
    mkdirSync(join(folder, 'older'), { recursive: true });
    writeFileSync(join(folder, 'a.eml'), mail({ id: 'f1@example.com', from: ann, subject: 'Broken', date: at(9), body: 'It is broken.' }));
    writeFileSync(join(folder, 'b-empty.eml'), '');
    writeFileSync(join(folder, 'c-binary.eml'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x10, 0x42, 0x6f, 0x62]));
    writeFileSync(join(folder, 'd-note.eml'), 'Call Bob back about the secret refund plan.\nNo headers here.\n');
    symlinkSync(join(folder, 'gone.eml'), join(folder, 'e-dangling.eml'));
    writeFileSync(join(folder, 'older', 'f.eml'), mail({ id: 'f2@example.org', from: bob, subject: 'Thanks', date: at(10), body: 'Thanks a lot.' }));
    const db = store();
    const outcome = await importPath(db, folder);
    expect(outcome.state).toBe('done');
    expect(outcome.counts).toEqual({ read: 6, imported: 2, duplicates: 0, failed: 4 });
    expect(outcome.problems).toEqual([
      { line: 2, kind: 'failed', reason: expect.stringMatching(/^b-empty\.eml is empty/) },
      { line: 3, kind: 'failed', reason: expect.stringMatching(/^c-binary\.eml is not a text file/) },
      { line: 4, kind: 'failed', reason: expect.stringMatching(/^d-note\.eml is not an e-mail/) },
      { line: 5, kind: 'failed', reason: expect.stringMatching(/^e-dangling\.eml could not be read \(ENOENT\)/) },
    ]);
    expect(JSON.stringify(outcome.problems)).not.toMatch(/secret|refund|Bob/);
    expect(db.prepare('SELECT body FROM feedback ORDER BY received_at').all()).toEqual([{ body: 'It is broken.' }, { body: 'Thanks a lot.' }]);
  });

  it('reads MIME messages without From, Subject or Date, and files that start with an mbox "From " line', async () => {
    const dir = tempFolder();
    const bare = join(dir, 'bare-part');
    writeFileSync(bare, 'MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nThe export button does nothing.\n');
    const idTo = join(dir, 'id-and-to.eml');
    writeFileSync(idTo, 'Message-ID: <m2@example.com>\nTo: support@acme.test\n\nPlease call me back.\n');
    const fromLine = join(dir, 'saved-by-thunderbird.eml');
    writeFileSync(fromLine, `From - Mon Mar  4 10:00:00 2024\n${mail({ id: 'm3@example.org', from: bob, subject: 'Crash', date: at(9), body: 'It crashes.' })}`);
    const replyPart = join(dir, 'reply-part');
    writeFileSync(replyPart, 'In-Reply-To: <m0@example.com>\nReferences: <m0@example.com>\nContent-Transfer-Encoding: 8bit\n\nStill waiting for an answer.\n');
    expect(await detectFormat(bare)).toBe('eml');
    expect(await detectFormat(idTo)).toBe('eml');
    expect(await detectFormat(replyPart)).toBe('eml');
    expect(await detectFormat(fromLine)).toBe('mbox');
    // "Key: value" lines that are not a mail header block stay text.
    const notes = join(dir, 'notes');
    writeFileSync(notes, 'To: Anna, Bob\nremember the refund, then call\n\nFrom: the meeting, Monday\n');
    expect(await detectFormat(notes)).toBe('csv');
    const db = store();
    for (const file of [bare, idTo, replyPart, fromLine]) expect((await importPath(db, file)).counts).toEqual({ read: 1, imported: 1, duplicates: 0, failed: 0 });
    // Declared as .eml, the mbox-From-line file is still read.
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'one.eml'), `From - Mon Mar  4 11:00:00 2024\n${mail({ id: 'm4@example.org', from: cy, subject: 'Hi', date: at(11), body: 'Hello there.' })}`);
    writeFileSync(join(folder, 'two.eml'), 'MIME-Version: 1.0\nContent-Type: text/plain\n\nNo sender, still feedback.\n');
    expect((await importPath(db, folder)).counts).toEqual({ read: 2, imported: 2, duplicates: 0, failed: 0 });
    const bodies = (db.prepare('SELECT body FROM feedback ORDER BY body').all() as { body: string }[]).map((r) => r.body);
    expect(bodies).toEqual(['Hello there.', 'It crashes.', 'No sender, still feedback.', 'Please call me back.', 'Still waiting for an answer.', 'The export button does nothing.']);
  });

  it('cuts a huge line and a huge message while splitting the mbox, with a note, and reads on', async () => {
    const dir = tempFolder();
    const file = join(dir, 'huge.mbox');
    const longLine = 'x'.repeat(3 * 1024 * 1024);
    const bigAttachment = `${'QUJD'.repeat(19)}\n`.repeat(Math.ceil((17 * 1024 * 1024) / 77));
    writeFileSync(
      file,
      [
        mbox([{ id: 'h1@example.com', from: ann, subject: 'Long', date: at(9), body: `Start.\n${longLine}\nEnd.` }]),
        `From ann@example.com Mon Mar  4 10:00:00 2024\n${[
          `From: ${ann}`,
          'To: support@acme.test',
          'Subject: Scan',
          `Date: ${at(10)}`,
          'Message-ID: <h2@example.com>',
          'MIME-Version: 1.0',
          'Content-Type: multipart/mixed; boundary="b"',
          '',
          '--b',
          'Content-Type: text/plain',
          '',
          'See the scan.',
          '--b',
          'Content-Type: application/pdf; name="scan.pdf"',
          'Content-Disposition: attachment; filename="scan.pdf"',
          'Content-Transfer-Encoding: base64',
          '',
          bigAttachment,
          '--b--',
          '',
        ].join('\n')}\n`,
        mbox([{ id: 'h3@example.org', from: bob, subject: 'After', date: at(11), body: 'Still read.' }]),
      ].join(''),
    );
    const db = store();
    const outcome = await importPath(db, file);
    expect(outcome.counts).toEqual({ read: 3, imported: 3, duplicates: 0, failed: 0 });
    expect(outcome.problems.map((p) => [p.kind, p.reason])).toEqual([
      ['note', 'a line longer than 1.0 MB cut to 1.0 MB while reading the mailbox'],
      ['note', 'message text cut to 100,000 characters (it had 1,048,588)'],
      ['note', 'the message is larger than 16.0 MB: only its first 16.0 MB were read (attachments after that are not listed)'],
    ]);
    const bodies = db.prepare('SELECT body FROM feedback ORDER BY received_at').all() as { body: string }[];
    expect(bodies[1]?.body).toMatch(/^See the scan\.\n\nAttachments: scan\.pdf \(/);
    expect(bodies[2]?.body).toBe('Still read.');
  });
});
