/**
 * Tabular files through the real readers and the real pipeline into a real encrypted store
 * in a temporary folder, as the import job runs them: which rows count as already there
 * (origins), and conversation-shaped tables landing as threads.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runImportPipeline } from '../../src/main/core/ingest/pipeline';
import { openImport } from '../../src/main/core/ingest/readers';
import type { DB } from '../../src/main/core/store/db';
import { savedMapping, saveMapping } from '../../src/main/core/store/imports-repo';
import { migrate } from '../../src/main/core/store/migrate';
import { migrations } from '../../src/main/core/store/migrations';
import { openEncrypted } from '../../src/main/core/store/open';
import type { ColumnMapping } from '../../src/shared/import';

const folders: string[] = [];
const dbs: DB[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearken-tabular-'));
  folders.push(dir);
  return dir;
}

function store(): DB {
  const db = openEncrypted(join(folder(), 'hearken.db'), { keyHex: randomBytes(32).toString('hex'), create: true });
  dbs.push(db);
  migrate(db, migrations);
  return db;
}

async function importFile(db: DB, path: string, mapping?: ColumnMapping) {
  const reader = await openImport(path);
  return runImportPipeline({ reader, mapping: mapping ?? (await reader.preview()).guessedMapping ?? undefined, db: () => db, now: () => 1_800_000_000_000 });
}

const bodies = (db: DB): string[] => (db.prepare('SELECT body FROM feedback ORDER BY body').all() as { body: string }[]).map((r) => r.body);

/** A survey export without dates, numbering its rows 1..3, as the exports of two different surveys do. */
function survey(dir: string, name: string, answers: string[], mtime: Date): string {
  const path = join(dir, name);
  writeFileSync(path, `Response ID,Comment\n${answers.map((a, i) => `${i + 1},${a}`).join('\n')}\n`);
  utimesSync(path, mtime, mtime);
  return path;
}

describe('origins: which rows are already in the inbox', () => {
  it('imports two unrelated exports that number their rows alike in full; a renamed copy of one adds nothing', async () => {
    const db = store();
    const dir = folder();
    const first = survey(dir, 'nps-march.csv', ['Fast delivery', 'Too expensive', 'Great support'], new Date('2024-03-31T10:00:00Z'));
    const second = survey(dir, 'onboarding.csv', ['The setup wizard crashed', 'Loved the tour', 'Confusing pricing page'], new Date('2024-04-30T10:00:00Z'));
    expect((await importFile(db, first)).counts).toEqual({ read: 3, imported: 3, duplicates: 0, failed: 0 });
    // Before origins, every row of the second file was "already in the inbox" (source csv, ids 1..3).
    expect((await importFile(db, second)).counts).toEqual({ read: 3, imported: 3, duplicates: 0, failed: 0 });
    expect(bodies(db)).toHaveLength(6);

    // A plain copy under another name: another modification time, which is the rows' time
    // when no date column is mapped. Neither a conversation nor a message is added.
    const messages = (): number => (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
    const before = messages();
    const copy = join(dir, 'nps-march (1).csv');
    copyFileSync(first, copy);
    utimesSync(copy, new Date('2024-06-01T08:00:00Z'), new Date('2024-06-01T08:00:00Z'));
    expect((await importFile(db, copy)).counts).toEqual({ read: 3, imported: 0, duplicates: 3, failed: 0 });
    expect((await importFile(db, second)).counts).toEqual({ read: 3, imported: 0, duplicates: 3, failed: 0 });
    expect(bodies(db)).toHaveLength(6);
    expect(messages()).toBe(before);
  });

  it('knows an undated row without an id by what it says, so a copy with another file time adds nothing', async () => {
    const db = store();
    const dir = folder();
    const path = join(dir, 'comments.csv');
    writeFileSync(path, 'Comment,Email\nThe app logs me out every hour,ana@example.com\nLove the new dashboard,bo@example.com\n');
    utimesSync(path, new Date('2024-03-31T10:00:00Z'), new Date('2024-03-31T10:00:00Z'));
    expect((await importFile(db, path)).counts).toEqual({ read: 2, imported: 2, duplicates: 0, failed: 0 });
    const copy = join(dir, 'comments-copy.csv');
    copyFileSync(path, copy);
    utimesSync(copy, new Date('2024-07-01T10:00:00Z'), new Date('2024-07-01T10:00:00Z'));
    expect((await importFile(db, copy)).counts).toEqual({ read: 2, imported: 0, duplicates: 2, failed: 0 });
    expect((db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n).toBe(2);
  });

  it('dedupes ids within a named origin across files, remembered with the mapping for those columns', async () => {
    const db = store();
    const dir = folder();
    const desk = (name: string, rows: string[]): string => {
      const path = join(dir, name);
      writeFileSync(path, `Ticket ID,Created,Requester,Description\n${rows.join('\n')}\n`);
      return path;
    };
    const monday = desk('desk-monday.csv', ['1,2024-03-04 09:00,Ann,Printer jammed', '2,2024-03-04 10:00,Bob,VPN is down']);
    // The next day's export repeats ticket 2, its requester's name completed since (so another
    // content hash: only the origin and the id tell it is the same ticket), and adds ticket 3.
    const tuesday = desk('desk-tuesday.csv', ['2,2024-03-04 10:00,Bob Stone,VPN is down', '3,2024-03-05 08:30,Cy,New laptop request']);
    const columns = ['Ticket ID', 'Created', 'Requester', 'Description'];
    const mapping: ColumnMapping = { ...(await (await openImport(monday)).preview()).guessedMapping!, origin: 'IT helpdesk' };
    expect(mapping.fields).toMatchObject({ externalId: 'Ticket ID', receivedAt: 'Created', customerName: 'Requester', body: 'Description' });
    saveMapping(db, 'csv', columns, mapping, 1);
    expect(savedMapping(db, 'csv', [...columns].reverse())?.origin).toBe('IT helpdesk');

    expect((await importFile(db, monday, savedMapping(db, 'csv', columns)!)).counts).toMatchObject({ imported: 2 });
    expect((await importFile(db, tuesday, savedMapping(db, 'csv', columns)!)).counts).toEqual({ read: 2, imported: 1, duplicates: 1, failed: 0 });
    // Without the name, each file is its own origin: ticket 2 of Tuesday's file is another item.
    expect((await importFile(db, tuesday, { ...mapping, origin: undefined })).counts).toMatchObject({ imported: 1, duplicates: 1 });
    // Spelling aside, a name is the same origin.
    const again = desk('desk-monday-again.csv', ['1,2024-03-04 09:00,Ann Lee,Printer jammed']);
    expect((await importFile(db, again, { ...mapping, origin: '  it   HELPDESK ' })).counts).toMatchObject({ imported: 0, duplicates: 1 });
    expect(bodies(db)).toEqual(['New laptop request', 'Printer jammed', 'VPN is down', 'VPN is down']);
  });
});

describe('a conversation-shaped table', () => {
  interface Thread {
    body: string;
    channel: string;
    messages: { direction: string; author: string | null; body: string }[];
  }
  function threads(db: DB): Map<string, Thread> {
    const out = new Map<string, Thread>();
    for (const f of db.prepare('SELECT id, external_id, body, channel FROM feedback').all() as { id: string; external_id: string; body: string; channel: string }[]) {
      const messages = db.prepare('SELECT direction, author, body FROM messages WHERE feedback_id = ? ORDER BY sent_at, rowid').all(f.id) as Thread['messages'];
      out.set(f.external_id, { body: f.body, channel: f.channel, messages });
    }
    return out;
  }

  it('lands as threads with the company’s replies outbound; a re-import adds nothing', async () => {
    const db = store();
    const file = 'test/fixtures/import/csv/support-tweets.csv';
    const first = await importFile(db, file);
    // 5 conversations + 6 later messages; the company's reply to a tweet that is not in the file fails, saying why.
    expect(first.counts).toEqual({ read: 12, imported: 11, duplicates: 0, failed: 1 });
    expect(first.problems.filter((p) => p.kind === 'failed')).toEqual([
      { line: 12, kind: 'failed', reason: "the company's own message, and its conversation has no customer message in this file to attach it to: not imported" },
    ]);
    const got = threads(db);
    expect([...got.keys()].sort()).toEqual(['10', '22', '23', '31', '51']);
    expect(got.get('10')).toMatchObject({
      body: "@AcmeHelp my parcel still hasn't arrived <sigh>",
      channel: 'social',
      messages: [
        { direction: 'in', author: '900001' },
        { direction: 'out', author: 'AcmeHelp', body: '@900001 Sorry about that! Could you DM us your order number & postcode?' },
        { direction: 'in', author: '900001', body: '@AcmeHelp done – sent it' },
        { direction: 'out', author: 'AcmeHelp' },
      ],
    });
    // The company's announcement opens the thread of the customer who answered it.
    expect(got.get('22')?.messages.map((m) => m.direction)).toEqual(['out', 'in', 'out']);
    expect(got.get('23')?.messages.map((m) => m.direction)).toEqual(['in']);
    expect(got.get('31')?.messages.map((m) => m.direction)).toEqual(['in', 'out']);
    const customers = (db.prepare('SELECT name FROM customers ORDER BY name').all() as { name: string }[]).map((c) => c.name);
    // The company is never a customer.
    expect(customers).toEqual(['900001', '900002', '900003', '900004', '900006']);

    const again = await importFile(db, file);
    expect(again.counts).toEqual({ read: 12, imported: 0, duplicates: 11, failed: 1 });
    expect([...threads(db).values()].reduce((n, t) => n + t.messages.length, 0)).toBe(11);
  });
});
