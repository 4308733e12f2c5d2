/**
 * After a large import the search index is merged into one segment, in short steps, on a
 * real AEGIS-256 store: searches find the same rows, a small import into a bigger inbox
 * leaves FTS5's own merging alone. FTS5 keeps its list of segments in the row with id 10 of
 * the _data table; its length is how the tests see the number of segments.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importJob, MERGE_AFTER_IMPORTED, mergesSearchIndex } from '../../src/main/core/jobs/kinds/import';
import type { DB } from '../../src/main/core/store/db';
import { migrate } from '../../src/main/core/store/migrate';
import { migrations } from '../../src/main/core/store/migrations';
import { openEncrypted } from '../../src/main/core/store/open';
import { inboxSize, mergeSearchIndexStep } from '../../src/main/core/store/search-index';

const dirs: string[] = [];
const dbs: DB[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup(): { db: DB; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hearken-merge-'));
  dirs.push(dir);
  const db = openEncrypted(join(dir, 'hearken.db'), { keyHex: '3e'.repeat(32), create: true });
  dbs.push(db);
  migrate(db, migrations);
  return { db, dir };
}

const WORDS = ['parcel', 'refund', 'invoice', 'login', 'password', 'reset', 'slow', 'crash', 'delivery', 'charged', 'twice', 'broken', 'screen', 'order', 'cancel', 'label'];

/** A CSV of `rows` distinct messages, with words spread so the index has many terms. */
function csv(dir: string, name: string, rows: number, offset: number): string {
  const lines = ['id,customer,email,date,message'];
  for (let i = offset; i < offset + rows; i++) {
    const words = [0, 3, 7, 11].map((k) => WORDS[(i * (k + 1) + k) % WORDS.length]).join(' ');
    lines.push(`${i},Person ${i % 500},p${i % 500}@example.com,2024-03-${String(1 + (i % 28)).padStart(2, '0')} 10:00,"My ${words} number ${i} code X${i}"`);
  }
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

async function importCsv(db: DB, path: string, batchSize: number): Promise<number> {
  const result = await importJob(
    { db: () => db, now: () => Date.UTC(2024, 5, 1), signal: new AbortController().signal, progress: () => {}, changed: () => {} },
    { path, batchSize },
  );
  expect(result.state).toBe('done');
  return result.counts.imported;
}

const structureBytes = (db: DB): number => (db.prepare('SELECT length(block) AS n FROM feedback_fts_data WHERE id = 10').get() as { n: number }).n;
const hits = (db: DB, q: string): number => (db.prepare('SELECT count(*) AS n FROM feedback_fts WHERE feedback_fts MATCH ?').get(q) as { n: number }).n;

describe('merging the search index after an import', () => {
  it('merges in steps into one segment and finds the same rows', () => {
    const { db } = setup();
    db.exec(`INSERT INTO feedback (id, source, content_hash, channel, body, received_at, updated_at)
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
      SELECT 'f' || i, 't', 'h' || i, 'chat', 'parcel ' || i || ' refund word' || (i % 97), i, i FROM n`);
    for (let from = 1; from <= 3000; from += 100) {
      db.exec(`INSERT INTO feedback_fts(rowid, subject, body, customer_name) SELECT rowid, subject, body, customer_name FROM feedback_search_source WHERE rowid BETWEEN ${from} AND ${from + 99}`);
    }
    const before = { bytes: structureBytes(db), parcel: hits(db, 'parcel'), word5: hits(db, 'word5'), one: hits(db, '"parcel 1234"') };
    let steps = 0;
    while (mergeSearchIndexStep(db)) steps++;
    expect(steps).toBeGreaterThan(0);
    expect(structureBytes(db)).toBeLessThan(before.bytes / 2);
    expect({ bytes: before.bytes, parcel: hits(db, 'parcel'), word5: hits(db, 'word5'), one: hits(db, '"parcel 1234"') }).toEqual(before);
    expect(before.parcel).toBe(3000);
    expect(before.one).toBe(1);
    expect(mergeSearchIndexStep(db)).toBe(false);
    expect(() => db.prepare("INSERT INTO feedback_fts(feedback_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
  });

  it('is done by an import of at least MERGE_AFTER_IMPORTED rows that is a quarter of the inbox, and not by a small one into a bigger inbox', async () => {
    expect(mergesSearchIndex(MERGE_AFTER_IMPORTED, 4 * MERGE_AFTER_IMPORTED)).toBe(true);
    expect(mergesSearchIndex(MERGE_AFTER_IMPORTED - 1, MERGE_AFTER_IMPORTED - 1)).toBe(false);
    expect(mergesSearchIndex(MERGE_AFTER_IMPORTED, 4 * MERGE_AFTER_IMPORTED + 1)).toBe(false);

    const { db, dir } = setup();
    expect(await importCsv(db, csv(dir, 'big.csv', MERGE_AFTER_IMPORTED, 0), 500)).toBe(MERGE_AFTER_IMPORTED);
    expect(inboxSize(db)).toBe(MERGE_AFTER_IMPORTED);
    const merged = structureBytes(db);
    expect(mergeSearchIndexStep(db)).toBe(false);
    expect(hits(db, 'X1234')).toBe(1);

    // 1,000 rows in batches of 100 into the 10,000: several new segments, left as they are.
    expect(await importCsv(db, csv(dir, 'small.csv', 1000, MERGE_AFTER_IMPORTED), 100)).toBe(1000);
    expect(structureBytes(db)).toBeGreaterThan(merged);
    expect(mergeSearchIndexStep(db)).toBe(true);
  }, 120_000);
});
