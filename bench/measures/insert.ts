/**
 * Bulk insert of n items, in batches (one transaction each) through the real
 * insertFeedbackBatch as an import calls it (customer lookups and derived values first), into the encrypted store (made by the core, opened with openEncrypted
 * and the migrations) and into plain better-sqlite3 with the same schema and code. The plain
 * twin runs at the same time in a child process (one core each, same load on the machine),
 * which also keeps the 1,000,000-item run within its time. The encryption overhead is the
 * ratio of the two runs' CPU time per item (process.cpuUsage around the insert calls only),
 * which two processes sharing two cores do not distort; the wall-time ratio is reported too.
 * An AEGIS-128L twin (the faster AEGIS variant, beside the app's AEGIS-256) runs after both
 * have finished, alone: a third process on two cores would slow the encrypted run's items/s,
 * which has a target of its own. Its ratio is CPU per item against the same plain run.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DB } from '../../src/main/core/store/db';
import type { NewFeedback } from '../../src/main/core/ingest/types';
import { deriveContext, deriveNew } from '../../src/main/core/store/derived';
import { contactNumbers, insertFeedbackBatch, type CustomerLookups } from '../../src/main/core/store/feedback-write';
import { createGenerator } from '../../src/shared/synthetic';
import type { BenchContext } from '../lib/context';
import { batch, BENCH_SEED, benchGenerator, toNewFeedback } from '../lib/items';
import { runChild } from '../lib/child';
import { createStore, fileBytes, openStoreDb } from '../lib/stores';
import { median, p95 } from '../lib/stats';

/** Items per probe: each author without e-mail costs a scan of customers, slow at 1M. */
const HANDLE_PROBE = 200;
const PLAIN_CHILD = fileURLToPath(new URL('../children/plain-insert.ts', import.meta.url));
/** Any key will do for the AEGIS-128L twin: its file is only measured, then deleted. */
const TWIN_KEY = 'a5'.repeat(32);

interface PlainRun {
  ms: number;
  cpuMs: number;
  imported: number;
  batchMs: number[];
  started: number;
  finished: number;
  bytes: number;
}

/** New items (not in the store) whose authors have no e-mail, and a control group that has. */
export function probeItems(end: number): { handleItems: NewFeedback[]; emailItems: NewFeedback[] } {
  const probeGen = createGenerator({ seed: BENCH_SEED + 1, count: 40 * HANDLE_PROBE, end });
  const handleItems: NewFeedback[] = [];
  const emailItems: NewFeedback[] = [];
  for (let i = 0; i < probeGen.count && (handleItems.length < HANDLE_PROBE || emailItems.length < HANDLE_PROBE); i++) {
    const item = probeGen.item(i);
    if (item.customer && item.customer.email === null) {
      if (handleItems.length < HANDLE_PROBE) handleItems.push(toNewFeedback(item));
    } else if (emailItems.length < HANDLE_PROBE) emailItems.push(toNewFeedback(item));
  }
  return { handleItems, emailItems };
}

export interface InsertOutcome {
  plainPath: string;
}

/**
 * As an import writes a batch (ingest/pipeline.ts): the customers looked up once, the SLA
 * deadline, rule matches and report times worked out before the INSERT, all timed.
 */
function insertTimed(db: DB, items: readonly NewFeedback[], now: number): { ms: number; cpuMs: number; imported: number; duplicates: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const lookups: CustomerLookups = new Map();
  contactNumbers(db, items, lookups);
  const r = insertFeedbackBatch(db, items, now, [], deriveNew(db, items, deriveContext(db), now), lookups);
  const cpu = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, imported: r.imported, duplicates: r.duplicates };
}

/** Inserts items inside a transaction that is rolled back, so the store stays at n items. */
function probe(db: DB, items: readonly NewFeedback[], now: number): number {
  db.exec('BEGIN');
  try {
    return insertTimed(db, items, now).ms;
  } finally {
    db.exec('ROLLBACK');
  }
}

export async function measureInsert(ctx: BenchContext): Promise<InsertOutcome> {
  const { n } = ctx;
  const size = ctx.args.batchSize;
  const store = await createStore(join(ctx.workDir, 'main'), ctx.access);
  ctx.stores.push(store);
  const enc = openStoreDb(store);
  const plainPath = join(ctx.workDir, 'plain', 'plain.db');
  mkdirSync(join(ctx.workDir, 'plain'), { recursive: true });
  // Started first; it runs while this process inserts into the encrypted store.
  const plainRun = runChild<PlainRun>(PLAIN_CHILD, { file: plainPath, n, batchSize: size }, 3_600_000);
  plainRun.catch(() => undefined);
  const encStarted = performance.timeOrigin + performance.now();

  // Authors without an e-mail (social handles) are left out of the bulk run: the store looks
  // them up by a full scan of customers, measured on its own below.
  const gen = benchGenerator(n, { handles: 0 });
  const encBatches: number[] = [];
  let encMs = 0;
  let encCpuMs = 0;
  let genMs = 0;
  let imported = 0;
  let duplicates = 0;
  let nextLog = 0.1;
  const t0 = performance.now();
  for (let from = 0; from < n; from += size) {
    const g0 = performance.now();
    const items = batch(gen, from, Math.min(n, from + size));
    genMs += performance.now() - g0;
    const e = insertTimed(enc, items, gen.end);
    encMs += e.ms;
    encCpuMs += e.cpuMs;
    encBatches.push(e.ms);
    imported += e.imported;
    duplicates += e.duplicates;
    const done = Math.min(n, from + size) / n;
    if (done >= nextLog) {
      ctx.log(`  insert ${Math.round(done * 100)}%: ${(((from + items.length) / encMs) * 1000).toFixed(0)} items/s encrypted, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      nextLog += 0.1;
    }
  }
  const c0 = performance.now();
  enc.pragma('wal_checkpoint(TRUNCATE)');
  const encCheckpointMs = performance.now() - c0;
  const encFinished = performance.timeOrigin + performance.now();
  if (imported !== n) ctx.notes.push(`insert: ${n - imported} of ${n} items were not imported (${duplicates} counted as duplicates)`);

  // Authors that have no e-mail: each is looked up by name.
  const { handleItems, emailItems } = probeItems(gen.end);
  const handleMs = probe(enc, handleItems, gen.end);
  const emailMs = probe(enc, emailItems, gen.end);
  const customers = (enc.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
  enc.close();
  const plain = (await plainRun).value;
  const aegis128Path = join(ctx.workDir, 'aegis-128l', 'aegis-128l.db');
  mkdirSync(join(ctx.workDir, 'aegis-128l'), { recursive: true });
  const aegis128 = (await runChild<PlainRun>(PLAIN_CHILD, { file: aegis128Path, n, batchSize: size, aegis: { algorithm: 'aegis-128l', keyHex: TWIN_KEY } }, 3_600_000)).value;
  rmSync(join(ctx.workDir, 'aegis-128l'), { recursive: true, force: true });
  if (aegis128.imported !== n) ctx.notes.push(`insert: the AEGIS-128L twin imported ${aegis128.imported} of ${n} items`);
  const plainMs = plain.ms;
  const plainBatches = plain.batchMs;
  if (plain.imported !== n) ctx.notes.push(`insert: the plain twin imported ${plain.imported} of ${n} items`);
  // How much of each run had the other one beside it.
  const overlap = Math.max(0, Math.min(encFinished, plain.finished) - Math.max(encStarted, plain.started));

  const encRate = (n / encMs) * 1000;
  const storeMb = fileBytes(store.dbPath) / 2 ** 20;
  const plainMb = plain.bytes / 2 ** 20;
  ctx.figures.set('insert_items_per_s', encRate, 'items/s', ctx.args.quick ? '>= 11000' : '>= 7000', `encrypted (AEGIS-256) + FTS, ${size}/transaction`);
  ctx.figures.set('insert_plain_items_per_s', (n / plainMs) * 1000, 'items/s', null, 'plain better-sqlite3, same schema and code');
  ctx.figures.set('insert_128l_items_per_s', (n / aegis128.ms) * 1000, 'items/s', null, 'AEGIS-128L twin, run alone after the other two');
  ctx.figures.set('encryption_overhead_ratio', encCpuMs / plain.cpuMs, 'x', '<= 1.15', 'AEGIS-256 CPU time / plain CPU time, same items');
  ctx.figures.set('encryption_overhead_128l_ratio', aegis128.cpuMs / plain.cpuMs, 'x', null, 'AEGIS-128L CPU time / plain CPU time, same items');
  ctx.figures.set('encryption_overhead_wall_ratio', encMs / plainMs, 'x', null, 'wall time, both runs sharing the 2 cores');
  ctx.figures.set('insert_cpu_us_per_item', (encCpuMs * 1000) / n, 'µs', null, 'CPU time per item, encrypted');
  ctx.figures.set('insert_plain_cpu_us_per_item', (plain.cpuMs * 1000) / n, 'µs', null, 'CPU time per item, plain');
  ctx.figures.set('insert_128l_cpu_us_per_item', (aegis128.cpuMs * 1000) / n, 'µs', null, 'CPU time per item, AEGIS-128L');
  ctx.figures.set('insert_batch_p95_ms', p95(encBatches), 'ms', null, `one ${size}-item transaction, encrypted`);
  ctx.figures.set('insert_handle_items_per_s', (handleItems.length / handleMs) * 1000, 'items/s', '>= 50000', `authors without e-mail, into the ${n.toLocaleString('en-US')}-item store`);
  ctx.figures.set('store_size_mb', storeMb, 'MB', null, 'encrypted database file (AEGIS-256)');
  ctx.figures.set('store_size_plain_mb', plainMb, 'MB', null);
  ctx.figures.set('store_size_128l_mb', aegis128.bytes / 2 ** 20, 'MB', null);
  ctx.figures.set('store_size_ratio', storeMb / plainMb, 'x', '<= 1.05', 'encrypted file / plain file, same items');
  ctx.details.insert = {
    items: n,
    batchSize: size,
    imported,
    duplicates,
    encryptedMs: encMs,
    plainMs,
    encryptedCpuMs: encCpuMs,
    plainCpuMs: plain.cpuMs,
    aegis128lMs: aegis128.ms,
    aegis128lCpuMs: aegis128.cpuMs,
    concurrentShare: { encrypted: overlap / (encFinished - encStarted), plain: overlap / (plain.finished - plain.started) },
    generateMs: genMs,
    encryptedCheckpointMs: encCheckpointMs,
    encryptedBatchMs: { median: median(encBatches), p95: p95(encBatches), first: encBatches[0], last: encBatches.at(-1) },
    plainBatchMs: { median: median(plainBatches), p95: p95(plainBatches), first: plainBatches[0], last: plainBatches.at(-1) },
    /** Rate per tenth of the run, to show how it changes as the store grows. */
    encryptedRateByDecile: deciles(encBatches, size),
    plainRateByDecile: deciles(plainBatches, size),
    handleProbe: { items: handleItems.length, ms: handleMs, emailControlItems: emailItems.length, emailControlMs: emailMs, customersInStore: customers },
  };
  ctx.main = store;
  return { plainPath };
}

function deciles(batchMs: readonly number[], size: number): number[] {
  const out: number[] = [];
  const per = Math.max(1, Math.floor(batchMs.length / 10));
  for (let i = 0; i < batchMs.length; i += per) {
    const slice = batchMs.slice(i, i + per);
    out.push(Math.round((slice.length * size * 1000) / slice.reduce((a, b) => a + b, 0)));
  }
  return out;
}
