/**
 * Message rows (ImportRow kind 'message'): the pipeline appends them to a conversation
 * started earlier in the same batch, in an earlier batch or in an earlier import, on a real
 * encrypted store in a temporary folder. A reader double serves the rows, so the rules are
 * the pipeline's and the store's alone; the e-mail reader's use of them is in
 * import-email-stream.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../src/main/core/ingest/content-hash';
import { runImportPipeline, type PipelineOptions } from '../../src/main/core/ingest/pipeline';
import type { ImportReader, ImportRow, NewFeedback, NewMessage } from '../../src/main/core/ingest/types';
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

function store(): DB {
  const dir = mkdtempSync(join(tmpdir(), 'hearken-messages-'));
  folders.push(dir);
  const db = openEncrypted(join(dir, 'hearken.db'), { keyHex: randomBytes(32).toString('hex'), create: true });
  dbs.push(db);
  migrate(db, migrations);
  return db;
}

const T0 = 1_700_000_000_000;

function conversation(n: number): NewFeedback {
  const body = `Ticket ${n}: my parcel never arrived`;
  const receivedAt = T0 + n * 60_000;
  return {
    source: 'test',
    externalId: `conv-${n}`,
    contentHash: contentHash({ customer: `c${n}@example.com`, at: receivedAt, body }),
    channel: 'email',
    customer: { name: `Customer ${n}`, email: `c${n}@example.com`, tier: 'standard', language: 'en' },
    subject: `Parcel ${n}`,
    body,
    product: null,
    language: 'en',
    status: 'open',
    sentiment: null,
    sentimentSource: null,
    rating: null,
    receivedAt,
    unread: true,
    tags: [],
    messages: [{ direction: 'in', author: `Customer ${n}`, body, sentAt: receivedAt }],
  };
}

const itemRow = (line: number, n: number): ImportRow => ({ kind: 'item', line, item: conversation(n) });
function messageRow(line: number, n: number, k: number, direction: NewMessage['direction'] = k % 2 === 1 ? 'out' : 'in', externalId = `conv-${n}`): ImportRow {
  return {
    kind: 'message',
    line,
    conversation: { source: 'test', externalId },
    message: { direction, author: direction === 'out' ? 'Agent' : `Customer ${n}`, body: `Message ${k} about parcel ${n}`, sentAt: T0 + n * 60_000 + k * 1000 },
  };
}

function arrayReader(rows: ImportRow[]): ImportReader {
  let served = 0;
  return {
    format: 'ndjson',
    preview: () => Promise.resolve({ format: 'ndjson', encoding: 'utf-8', delimiter: null, columns: [], sample: [], guessedMapping: null, totalBytes: rows.length }),
    async *rows() {
      for (const row of rows) {
        served++;
        await Promise.resolve();
        yield row;
      }
    },
    bytesRead: () => served,
  };
}

function run(db: DB, rows: ImportRow[], extra: Partial<PipelineOptions> = {}): ReturnType<typeof runImportPipeline> {
  return runImportPipeline({ reader: arrayReader(rows), db: () => db, now: () => T0 + 86_400_000, batchSize: 4, ...extra });
}

function thread(db: DB, externalId: string): { direction: string; body: string }[] {
  return db
    .prepare('SELECT m.direction, m.body FROM messages m JOIN feedback f ON f.id = m.feedback_id WHERE f.external_id = ? ORDER BY m.sent_at, m.rowid')
    .all(externalId) as { direction: string; body: string }[];
}
const count = (db: DB, sql: string): number => (db.prepare(sql).get() as { n: number }).n;

describe('message rows in the import pipeline', () => {
  it('appends to conversations started in the same batch, an earlier batch or an earlier import; a re-import adds nothing', async () => {
    const db = store();
    const first: ImportRow[] = [itemRow(1, 1), messageRow(2, 1, 1), itemRow(3, 2), messageRow(4, 2, 1), messageRow(5, 1, 2), itemRow(6, 3), messageRow(7, 1, 3), messageRow(8, 3, 1), messageRow(9, 2, 2)];
    const batches: string[][] = [];
    const outcome = await run(db, first, { onBatch: (_p, ids) => batches.push([...ids]) });
    expect(outcome).toMatchObject({ state: 'done', counts: { read: 9, imported: 9, duplicates: 0, failed: 0 }, problems: [] });
    expect(thread(db, 'conv-1').map((m) => m.body)).toEqual(['Ticket 1: my parcel never arrived', 'Message 1 about parcel 1', 'Message 2 about parcel 1', 'Message 3 about parcel 1']);
    expect(thread(db, 'conv-2').map((m) => m.direction)).toEqual(['in', 'out', 'in']);
    expect(count(db, 'SELECT count(*) AS n FROM feedback')).toBe(3);
    // The second batch appended to conv-1 (stored by the first): the window hears about it.
    const conv1 = (db.prepare("SELECT id FROM feedback WHERE external_id = 'conv-1'").get() as { id: string }).id;
    expect(batches[1]).toContain(conv1);

    // Appended replies are suggested from like imported ones: one reply_fts row per 'out' message.
    expect(count(db, "SELECT count(*) AS n FROM messages WHERE direction = 'out'")).toBe(4);
    expect(count(db, "SELECT count(*) AS n FROM reply_fts WHERE reply_fts MATCH 'parcel'")).toBe(4);
    // Nothing else moves: the live counts still match the table.
    expect(db.prepare('SELECT status, unread, n FROM feedback_counts WHERE n > 0').all()).toEqual([{ status: 'open', unread: 1, n: 3 }]);

    // A later import continues conv-2 and re-sends everything else.
    const again = await run(db, [...first, messageRow(10, 2, 3)]);
    expect(again.counts).toEqual({ read: 10, imported: 1, duplicates: 9, failed: 0 });
    expect(again.problems.filter((p) => p.kind === 'duplicate').map((p) => [p.line, p.reason])).toEqual([
      [1, 'Already in the inbox.'],
      [2, 'Already in its conversation.'],
      [3, 'Already in the inbox.'],
      [4, 'Already in its conversation.'],
      [5, 'Already in its conversation.'],
      [6, 'Already in the inbox.'],
      [7, 'Already in its conversation.'],
      [8, 'Already in its conversation.'],
      [9, 'Already in its conversation.'],
    ]);
    expect(thread(db, 'conv-2')).toHaveLength(4);
    expect(count(db, 'SELECT count(*) AS n FROM messages')).toBe(10);
    expect(count(db, "SELECT count(*) AS n FROM reply_fts WHERE reply_fts MATCH 'parcel'")).toBe(5);
    const updated = db.prepare("SELECT updated_at FROM feedback WHERE external_id = 'conv-2'").get() as { updated_at: number };
    expect(updated.updated_at).toBe(T0 + 86_400_000);
  });

  it('a message equal in direction, time and text is a duplicate; differing in any one of them is not', async () => {
    const db = store();
    const base = messageRow(2, 1, 1, 'in') as Extract<ImportRow, { kind: 'message' }>;
    const rows: ImportRow[] = [
      itemRow(1, 1),
      base,
      { ...base, line: 3 },
      { ...base, line: 4, message: { ...base.message, direction: 'note' } },
      { ...base, line: 5, message: { ...base.message, sentAt: base.message.sentAt + 1 } },
      { ...base, line: 6, message: { ...base.message, body: `${base.message.body}!` } },
      // The item's own first message, sent again as a message row.
      { ...base, line: 7, message: conversation(1).messages[0]! },
    ];
    const outcome = await run(db, rows, { batchSize: 100 });
    expect(outcome.counts).toEqual({ read: 7, imported: 5, duplicates: 2, failed: 0 });
    expect(outcome.problems.map((p) => p.line)).toEqual([3, 7]);
    expect(thread(db, 'conv-1')).toHaveLength(5);
  });

  it('fails a message whose conversation is nowhere, with a reason that names no content, and keeps the rest', async () => {
    const db = store();
    const rows: ImportRow[] = [itemRow(1, 1), messageRow(2, 7, 1, 'in', 'conv-7'), messageRow(3, 1, 1), messageRow(4, 1, 2, 'in', 'no-such-thread')];
    const outcome = await run(db, rows);
    expect(outcome.counts).toEqual({ read: 4, imported: 2, duplicates: 0, failed: 2 });
    expect(outcome.problems).toEqual([
      { line: 2, kind: 'failed', reason: 'Replies to a conversation that is neither earlier in this file nor in the inbox.' },
      { line: 4, kind: 'failed', reason: 'Replies to a conversation that is neither earlier in this file nor in the inbox.' },
    ]);
    expect(JSON.stringify(outcome.problems)).not.toMatch(/parcel|conv-7|no-such-thread/);
    expect(count(db, 'SELECT count(*) AS n FROM messages')).toBe(2);
  });

  it('an item whose conversation is stored continues it with the messages it lacks; the same item again is a duplicate', async () => {
    const db = store();
    await run(db, [itemRow(1, 1)]);
    // A later export of the same conversation: the first message again, and a reply.
    const later = conversation(1);
    later.messages = [...later.messages, { direction: 'out', author: 'Agent', body: 'We sent a new parcel.', sentAt: later.receivedAt + 5_000 }];
    const rows: ImportRow[] = [{ kind: 'item', line: 1, item: later }];
    const outcome = await run(db, rows);
    expect(outcome.counts).toEqual({ read: 1, imported: 1, duplicates: 0, failed: 0 });
    expect(thread(db, 'conv-1').map((m) => m.direction)).toEqual(['in', 'out']);
    expect(count(db, 'SELECT count(*) AS n FROM feedback')).toBe(1);
    expect(count(db, "SELECT count(*) AS n FROM reply_fts WHERE reply_fts MATCH 'parcel'")).toBe(1);

    const again = await run(db, rows);
    expect(again.counts).toEqual({ read: 1, imported: 0, duplicates: 1, failed: 0 });
    expect(again.problems).toEqual([{ line: 1, kind: 'duplicate', reason: 'Already in the inbox.' }]);
    expect(thread(db, 'conv-1')).toHaveLength(2);
  });

  it('bisects a refused batch of items and messages: the bad row fails alone, messages after their item still land', async () => {
    const db = store();
    const bad = messageRow(5, 1, 2) as Extract<ImportRow, { kind: 'message' }>;
    const rows: ImportRow[] = [
      itemRow(1, 1),
      messageRow(2, 1, 1),
      itemRow(3, 2),
      messageRow(4, 2, 1),
      // direction is CHECKed in the store: the batch throws, then is halved until this row stands alone.
      { ...bad, message: { ...bad.message, direction: 'sideways' as NewMessage['direction'] } },
      messageRow(6, 2, 2),
      messageRow(7, 1, 3),
      messageRow(8, 2, 3),
    ];
    const outcome = await run(db, rows, { batchSize: 100 });
    expect(outcome.counts).toEqual({ read: 8, imported: 7, duplicates: 0, failed: 1 });
    expect(outcome.problems).toEqual([{ line: 5, kind: 'failed', reason: expect.stringMatching(/^Could not be stored: CHECK constraint failed/) }]);
    expect(thread(db, 'conv-1').map((m) => m.body)).toEqual(['Ticket 1: my parcel never arrived', 'Message 1 about parcel 1', 'Message 3 about parcel 1']);
    expect(thread(db, 'conv-2')).toHaveLength(4);
    expect(count(db, "SELECT count(*) AS n FROM reply_fts WHERE reply_fts MATCH 'parcel'")).toBe(count(db, "SELECT count(*) AS n FROM messages WHERE direction = 'out'"));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
