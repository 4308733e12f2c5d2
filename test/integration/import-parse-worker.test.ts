/**
 * The import's parse worker (ingest/parse-thread.ts) against the pipeline reading in its own
 * thread: the same CSVs into two encrypted stores, one each way, must leave the same rows
 * with the same analysis, derived values, tags, counts and problems. The files mix what the
 * split has to get right: texts too short to tell their language (the customer's earlier
 * language or the store's usual one decides, on the store's thread), customers who come
 * back (the repeated-contact urgency cue), open items waiting for days, VIP and premium
 * tiers, a language and a sentiment named by the file, and bad rows.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { runImportPipeline, type PipelineOutcome } from '../../src/main/core/ingest/pipeline';
import { setParseWorkerFile } from '../../src/main/core/ingest/parse-source';
import { openImport } from '../../src/main/core/ingest/readers';
import type { ImportReader } from '../../src/main/core/ingest/types';
import type { DB } from '../../src/main/core/store/db';
import { migrate } from '../../src/main/core/store/migrate';
import { migrations } from '../../src/main/core/store/migrations';
import { openEncrypted } from '../../src/main/core/store/open';
import { createGenerator, csvHeader, csvRecord, itemToCsv } from '../../src/shared/synthetic';

const dir = mkdtempSync(join(tmpdir(), 'hearken-parse-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const WORKER = new URL('../../src/main/core/ingest/parse-worker.mjs', import.meta.url);
const NOW = 1_790_000_000_000;
const DAY = 86_400_000;

/** Synthetic items without their language and sentiment (so analysis decides both), a few with. */
function firstFile(): string {
  const gen = createGenerator({ seed: 7, count: 1_200, end: NOW - 2 * DAY, days: 30, customersPerItem: 0.1 });
  const lines = [csvHeader()];
  for (let i = 0; i < 1_200; i++) {
    const item = gen.item(i);
    const keep = i % 10 === 0;
    lines.push(itemToCsv({ ...item, language: keep ? item.language : '', sentiment: keep ? item.sentiment : null }));
    // A quote that never closes swallows the next record: one failed row.
    if (i === 600) lines.push('not,a,valid,"row\r\n');
  }
  return lines.join('');
}

/** The same customers again with texts too weak to tell (context decides), and new ones. */
function secondFile(): string {
  const gen = createGenerator({ seed: 7, count: 1_200, end: NOW - 2 * DAY, days: 30, customersPerItem: 0.1 });
  const short = ['ok', 'merci', 'danke', 'gracias', '??', 'Thanks', 'ok ok', 'obrigado', 'grazie', 'Hallo'];
  const lines = [csvHeader()];
  for (let i = 0; i < 900; i++) {
    const item = gen.item(i);
    const body = short[i % short.length]!;
    const customer = i % 7 === 0 ? { name: `New ${i}`, email: `new-${i}@example.com`, tier: i % 2 ? ('vip' as const) : ('standard' as const) } : item.customer;
    lines.push(
      csvRecord([`again-${i}`, item.source, item.channel, new Date(NOW - (i % 12) * DAY).toISOString(), customer?.name ?? null, customer?.email ?? null, customer?.tier ?? null, null, null, i % 3 ? null : 'Re', body, i % 2 ? 'open' : 'closed', null, null, null, 'true', null]),
    );
  }
  return lines.join('');
}

const files = { first: join(dir, 'first.csv'), second: join(dir, 'second.csv') };
writeFileSync(files.first, firstFile());
writeFileSync(files.second, secondFile());

function newStore(name: string): DB {
  const db = openEncrypted(join(dir, `${name}.db`), { keyHex: randomBytes(32).toString('hex'), create: true });
  migrate(db, migrations);
  return db;
}

async function importInto(db: DB, path: string, worker: boolean, reader?: ImportReader): Promise<PipelineOutcome> {
  setParseWorkerFile(worker ? WORKER : null);
  try {
    return await runImportPipeline({ reader: reader ?? (await openImport(path)), source: { path }, db: () => db, now: () => NOW, batchSize: 97 });
  } finally {
    setParseWorkerFile(null);
  }
}

/** Every stored column that analysis, rules and SLA write, per row, by the row's identity. */
function stored(db: DB): unknown[] {
  return db
    .prepare(
      `SELECT f.external_id, f.content_hash, f.language, f.language_reason, f.sentiment, f.sentiment_source, f.sentiment_score, f.sentiment_cues,
         f.urgency, f.urgency_reasons, f.analyzed_at, f.analysis_version, f.priority, f.priority_source, f.sla_due_at, f.sla_clock, f.status,
         f.vip, f.escalated, c.email, c.name, c.tier,
         (SELECT group_concat(t.name || ':' || ft.source, ',') FROM (SELECT * FROM feedback_tags WHERE feedback_id = f.id ORDER BY tag_id) ft JOIN tags t ON t.id = ft.tag_id) AS tags,
         (SELECT count(*) FROM messages m WHERE m.feedback_id = f.id) AS messages
       FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id ORDER BY f.external_id, f.content_hash`,
    )
    .all();
}

/** A reader that fails the test if the pipeline reads it: with a worker, the worker reads the file. */
function untouchable(real: ImportReader): ImportReader {
  return {
    ...real,
    rows: () => {
      throw new Error('the job thread read the file itself');
    },
  };
}

describe('the parse worker', () => {
  it('stores exactly what the in-thread pipeline stores: analysis, derived values, tags, counts and problems', async () => {
    const inThread = newStore('in-thread');
    const inWorker = newStore('in-worker');
    try {
      const results: Record<string, PipelineOutcome[]> = { thread: [], worker: [] };
      for (const file of [files.first, files.second]) {
        results.thread!.push(await importInto(inThread, file, false));
        results.worker!.push(await importInto(inWorker, file, true, untouchable(await openImport(file))));
      }
      const [a, b] = [stored(inThread), stored(inWorker)];
      expect(a.length).toBeGreaterThan(2_000);
      expect(b).toEqual(a);
      expect(results.worker).toEqual(results.thread);
      expect(results.worker![0]).toMatchObject({ state: 'done', counts: { read: 1_200, imported: 1_199, failed: 1 } });
      // The files do exercise the store-dependent finishing.
      const reasons = inWorker.prepare('SELECT language_reason AS r, count(*) AS n FROM feedback GROUP BY 1').all() as { r: string; n: number }[];
      const by = new Map(reasons.map((r) => [r.r, r.n]));
      expect(by.get('customer-history') ?? 0).toBeGreaterThan(0);
      expect(by.get('store-usual') ?? 0).toBeGreaterThan(0);
      expect((inWorker.prepare("SELECT count(*) AS n FROM feedback WHERE urgency_reasons LIKE '%contacted%'").get() as { n: number }).n).toBeGreaterThan(0);
      expect((inWorker.prepare("SELECT count(*) AS n FROM feedback WHERE urgency_reasons LIKE '%waiting%'").get() as { n: number }).n).toBeGreaterThan(0);
    } finally {
      inThread.close();
      inWorker.close();
    }
  }, 180_000);

  it('falls back to reading in the job thread when no worker can start, with the same result', async () => {
    const reference = newStore('reference');
    const fallback = newStore('fallback');
    try {
      const expected = await importInto(reference, files.first, false);
      setParseWorkerFile(join(dir, 'no-such-worker.mjs'));
      const outcome = await runImportPipeline({ reader: await openImport(files.first), source: { path: files.first }, db: () => fallback, now: () => NOW, batchSize: 97 });
      setParseWorkerFile(null);
      expect(outcome).toEqual(expected);
      expect(stored(fallback)).toEqual(stored(reference));
    } finally {
      setParseWorkerFile(null);
      reference.close();
      fallback.close();
    }
  }, 120_000);

  it('keeps the rows before a reader error and reports the error as the in-thread path does', async () => {
    const broken = join(dir, 'broken.csv');
    // 250 good rows, then a quote that never closes: a record over 16 MB stops the reader.
    const rows = Array.from({ length: 250 }, (_, i) => `b${i},b${i}@example.com,The export number ${i} failed again and again\r\n`);
    writeFileSync(broken, `id,email,body\r\n${rows.join('')}x,x@example.com,"${'a'.repeat(17 * 1024 * 1024)}\r\n`);
    const a = newStore('broken-thread');
    const b = newStore('broken-worker');
    try {
      const thread = await importInto(a, broken, false);
      const worker = await importInto(b, broken, true, untouchable(await openImport(broken)));
      expect(thread.state).toBe('failed');
      expect(thread.counts.imported).toBeGreaterThan(0);
      expect(worker).toEqual(thread);
      expect(stored(b)).toEqual(stored(a));
    } finally {
      a.close();
      b.close();
    }
  }, 120_000);

  it('stops after the batch in flight when cancelled', async () => {
    const db = newStore('cancel');
    const abort = new AbortController();
    try {
      setParseWorkerFile(WORKER);
      const outcome = await runImportPipeline({
        reader: untouchable(await openImport(files.first)),
        source: { path: files.first },
        db: () => db,
        now: () => NOW,
        batchSize: 97,
        signal: abort.signal,
        onBatch: (p) => {
          if (p.counts.read >= 300) abort.abort();
        },
      });
      expect(outcome.state).toBe('cancelled');
      expect(outcome.counts.read).toBe(97 * 4);
      expect((db.prepare('SELECT count(*) AS n FROM feedback').get() as { n: number }).n).toBe(outcome.counts.imported);
    } finally {
      setParseWorkerFile(null);
      db.close();
    }
  }, 120_000);
});

describe('customers looked up once per batch', () => {
  it('links rows of one customer (e-mail in any ASCII case) to one customer row and keeps the tier of a stored customer', async () => {
    const db = newStore('customers');
    const csv = join(dir, 'customers.csv');
    const rows = [
      'id,email,name,tier,body',
      'c1,Ana@Example.com,Ana,standard,The invoice is wrong',
      'c2,ana@example.com,Ana,vip,The invoice is still wrong',
      'c3,bo@example.com,Bo,vip,Where is my parcel',
      'c4,,Handle,standard,App crashes on start',
      'c5,,Handle,standard,App crashes again',
    ];
    writeFileSync(csv, `${rows.join('\r\n')}\r\n`);
    db.prepare("INSERT INTO customers (id, name, email, tier, created_at) VALUES ('01STORED', 'Bo', 'BO@example.com', 'standard', 0)").run();
    try {
      const outcome = await runImportPipeline({
        reader: await openImport(csv),
        db: () => db,
        now: () => NOW,
      });
      expect(outcome).toMatchObject({ state: 'done', counts: { read: 5, imported: 5, failed: 0 } });
      const customers = db.prepare('SELECT c.email, c.name, c.tier, count(f.id) AS items, max(f.vip) AS vip FROM customers c LEFT JOIN feedback f ON f.customer_id = c.id GROUP BY c.id ORDER BY c.name').all();
      expect(customers).toEqual([
        { email: 'Ana@Example.com', name: 'Ana', tier: 'standard', items: 2, vip: 0 },
        { email: 'BO@example.com', name: 'Bo', tier: 'standard', items: 1, vip: 0 },
        { email: null, name: 'Handle', tier: 'standard', items: 2, vip: 0 },
      ]);
    } finally {
      db.close();
    }
  }, 60_000);
});
