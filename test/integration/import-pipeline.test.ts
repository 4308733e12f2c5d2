/**
 * The pipeline's own rules (batches, exact counts, bad rows, duplicates, cancel) over a
 * migrated database and a reader double that serves rows from an array. Files through the
 * real readers are covered by import-core.test.ts and import-cli.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/main/core/ingest/content-hash';
import { runImportPipeline, type PipelineOptions } from '../../src/main/core/ingest/pipeline';
import type { ImportReader, ImportRow } from '../../src/main/core/ingest/types';
import { Database, type DB } from '../../src/main/core/store/db';
import type { NewFeedback } from '../../src/main/core/ingest/types';
import { migrate } from '../../src/main/core/store/migrate';
import { migrations } from '../../src/main/core/store/migrations';
import { HearkenError } from '../../src/shared/errors';

function store(): DB {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  return db;
}

function item(n: number, overrides: Partial<NewFeedback> = {}): NewFeedback {
  const body = `Row ${n}: the parcel is late`;
  const receivedAt = 1_700_000_000_000 + n * 1000;
  return {
    source: 'test',
    externalId: `ext-${n}`,
    contentHash: contentHash({ customer: `c${n}@example.com`, at: receivedAt, body }),
    channel: 'email',
    customer: { name: `Customer ${n}`, email: `c${n}@example.com`, tier: 'standard', language: 'en' },
    subject: `Subject ${n}`,
    body,
    product: null,
    language: 'en',
    status: 'open',
    sentiment: null,
    sentimentSource: null,
    rating: null,
    receivedAt,
    unread: true,
    tags: [{ name: 'parcel', source: 'import' }],
    messages: [{ direction: 'in', author: `Customer ${n}`, body, sentAt: receivedAt }],
    ...overrides,
  };
}

/** A reader double over an array: line n+1 for row n (line 1 is a header). */
function arrayReader(rows: ImportRow[]): ImportReader & { served: number } {
  const reader = {
    format: 'ndjson' as const,
    served: 0,
    preview: () => Promise.resolve({ format: 'ndjson' as const, encoding: 'utf-8', delimiter: null, columns: [], sample: [], guessedMapping: null, totalBytes: rows.length }),
    async *rows({ signal }: { signal?: AbortSignal }) {
      for (const row of rows) {
        if (signal?.aborted) return;
        reader.served++;
        await Promise.resolve();
        yield row;
      }
    },
    bytesRead: () => reader.served,
  };
  return reader;
}

const items = (count: number, from = 0): ImportRow[] => Array.from({ length: count }, (_, i) => ({ kind: 'item', line: from + i + 2, item: item(from + i) }));
const feedbackCount = (db: DB): number => (db.prepare('SELECT count(*) AS n FROM feedback').get() as { n: number }).n;

function run(db: DB, reader: ImportReader, extra: Partial<PipelineOptions> = {}): ReturnType<typeof runImportPipeline> {
  return runImportPipeline({ reader, db: () => db, now: () => 1_800_000_000_000, batchSize: 100, ...extra });
}

describe('the import pipeline', () => {
  it('imports in batches with exact counts, and a re-run adds nothing and lists duplicates up to the cap', async () => {
    const db = store();
    const batches: number[] = [];
    const first = await run(db, arrayReader(items(1_050)), { onBatch: (p) => batches.push(p.counts.read) });
    expect(first).toMatchObject({ state: 'done', counts: { read: 1_050, imported: 1_050, duplicates: 0, failed: 0 }, problems: [], problemsTotal: 0, error: null });
    expect(batches).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1_000, 1_050]);
    expect(feedbackCount(db)).toBe(1_050);

    const again = await run(db, arrayReader(items(1_050)));
    expect(again.counts).toEqual({ read: 1_050, imported: 0, duplicates: 1_050, failed: 0 });
    expect(feedbackCount(db)).toBe(1_050);
    expect(again.problems).toHaveLength(500);
    expect(again.problemsTotal).toBe(1_050);
    expect(again.problems.slice(0, 2)).toEqual([
      { line: 2, kind: 'duplicate', reason: 'Already in the inbox.' },
      { line: 3, kind: 'duplicate', reason: 'Already in the inbox.' },
    ]);
  });

  it('records a row the store refuses with its line, and every other row of the batch lands whole', async () => {
    const db = store();
    const rows = items(250);
    // rating is CHECKed 1..5: the whole batch throws, then is split until row 137 stands alone.
    rows[137] = { kind: 'item', line: 139, item: item(137, { rating: 9 }) };
    rows[20] = { kind: 'error', line: 22, reason: 'Line 22 has 3 fields; the header has 5.' };
    rows[30] = { kind: 'item', line: 32, item: item(30), notes: ['body was truncated to 100,000 characters'] };
    const outcome = await run(db, arrayReader(rows));
    expect(outcome.counts).toEqual({ read: 250, imported: 248, duplicates: 0, failed: 2 });
    expect(outcome.problems).toEqual([
      { line: 22, kind: 'failed', reason: 'Line 22 has 3 fields; the header has 5.' },
      { line: 32, kind: 'note', reason: 'body was truncated to 100,000 characters' },
      { line: 139, kind: 'failed', reason: expect.stringMatching(/^Could not be stored: CHECK constraint failed/) },
    ]);
    expect(feedbackCount(db)).toBe(248);
    // No half-written row: every item has its message and its tag, and nothing is orphaned.
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 248 });
    // (Local analysis adds its own topic tags, source 'local'; the file's tag is counted here.)
    expect(db.prepare("SELECT count(*) AS n FROM feedback_tags WHERE source != 'local'").get()).toEqual({ n: 248 });
    expect(db.prepare("SELECT count(*) AS n FROM feedback WHERE external_id = 'ext-137'").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM feedback_fts WHERE feedback_fts MATCH 'parcel'").get()).toEqual({ n: 248 });
  });

  it('names duplicate lines inside one file and against the store', async () => {
    const db = store();
    await run(db, arrayReader(items(3)));
    const rows: ImportRow[] = [...items(5), { kind: 'item', line: 7, item: item(4) }];
    const outcome = await run(db, arrayReader(rows));
    expect(outcome.counts).toEqual({ read: 6, imported: 2, duplicates: 4, failed: 0 });
    expect(outcome.problems.map((p) => [p.line, p.kind])).toEqual([
      [2, 'duplicate'],
      [3, 'duplicate'],
      [4, 'duplicate'],
      [7, 'duplicate'],
    ]);
  });

  it('stops after the batch being written on cancel; committed batches stay; a re-run completes without doubles', async () => {
    const db = store();
    const controller = new AbortController();
    const reader = arrayReader(items(1_000));
    const cancelled = await run(db, reader, { signal: controller.signal, onBatch: (p) => p.counts.read >= 300 && controller.abort() });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.counts).toEqual({ read: 300, imported: 300, duplicates: 0, failed: 0 });
    expect(feedbackCount(db)).toBe(300);
    expect(reader.served).toBeLessThan(1_000);

    const rerun = await run(db, arrayReader(items(1_000)));
    expect(rerun.counts).toEqual({ read: 1_000, imported: 700, duplicates: 300, failed: 0 });
    expect(feedbackCount(db)).toBe(1_000);
  });

  it('keeps the rows read before a reader error, then fails with that error', async () => {
    const db = store();
    const good = items(150);
    const reader: ImportReader = {
      ...arrayReader(good),
      async *rows() {
        yield* good;
        await Promise.resolve();
        throw new HearkenError('VALIDATION', 'Line 152: a quoted field never ends.');
      },
    };
    const outcome = await run(db, reader);
    expect(outcome.state).toBe('failed');
    expect(outcome.error).toEqual({ code: 'VALIDATION', message: 'Line 152: a quoted field never ends.' });
    expect(outcome.counts).toEqual({ read: 150, imported: 150, duplicates: 0, failed: 0 });
    expect(feedbackCount(db)).toBe(150);
  });

  it('fails with LOCKED when the store goes away, without bisecting', async () => {
    const outcome = await run(store(), arrayReader(items(10)), {
      db: () => {
        throw new HearkenError('LOCKED', 'The store is locked. Unlock it first.');
      },
    });
    expect(outcome.state).toBe('failed');
    expect(outcome.error?.code).toBe('LOCKED');
    expect(outcome.counts.read).toBe(0);
  });
});

describe('a disk that fills during an import', () => {
  it('stops with DISK_FULL after the last whole batch, and says the rows before it were kept', async () => {
    const db = store();
    const reader = arrayReader(items(2_000));
    let batches = 0;
    const outcome = await run(db, reader, {
      // After the second batch the store may not grow any more: the next batch meets SQLITE_FULL.
      onBatch: () => {
        if (++batches === 2) db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 1}`);
      },
    });
    expect(outcome.state).toBe('failed');
    expect(outcome.error?.code).toBe('DISK_FULL');
    expect(outcome.error?.message).toMatch(/stopped after its last complete batch/);
    expect(outcome.error?.message).not.toMatch(/nothing was changed/);
    expect(outcome.counts.imported).toBe(200);
    expect(feedbackCount(db)).toBe(200);
  });
});
