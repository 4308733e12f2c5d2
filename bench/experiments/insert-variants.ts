/**
 * Insert experiments at the size of the main store: each variant gets a copy of the
 * n-item store (encrypted, or the plain twin), its change applied to the copy (a pragma, a
 * dropped index), and then `items` new items through the real insertFeedbackBatch. The copy
 * is deleted afterwards, so the main store is untouched. This shows what a store change
 * would do to imports into a large inbox, where the cost is (page cache misses, index
 * maintenance, encryption of every page read and written), not into an empty one. Items/s
 * is wall time on a shared machine; CPU µs per item is the steadier figure to compare.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DB } from '../../src/main/core/store/db';
import { insertFeedbackBatch } from '../../src/main/core/store/feedback-write';
import { migrate } from '../../src/main/core/store/migrate';
import { migrations } from '../../src/main/core/store/migrations';
import { openEncrypted } from '../../src/main/core/store/open';
import { createGenerator, type Generator } from '../../src/shared/synthetic';
import type { BenchContext } from '../lib/context';
import { batch, BENCH_SEED } from '../lib/items';
import { openPlainDb } from '../lib/stores';

export interface InsertVariant {
  name: string;
  plain?: boolean;
  setup?: (db: DB) => void;
  /** Items per transaction; the run's --batch otherwise. */
  batchSize?: number;
}

/** Sets one of FTS5's persistent settings on the indexes an import fills (see migration 0018). */
function fts(key: 'pgsz' | 'automerge' | 'crisismerge', value: number): (db: DB) => void {
  return (db) => {
    for (const t of ['feedback_fts', 'reply_fts']) db.exec(`INSERT INTO ${t}(${t}, rank) VALUES ('${key}', ${Math.trunc(value)})`);
  };
}

const both =
  (...steps: ((db: DB) => void)[]) =>
  (db: DB): void => {
    for (const step of steps) step(db);
  };

/** FTS5's defaults, as the store was before migration 0018. */
const ftsDefaults = both(fts('pgsz', 4050), fts('automerge', 4), fts('crisismerge', 16));

/**
 * One change at a time against the store as it is. Caches, mmap and dropping indexes were
 * measured before and are left out: no effect, or worse.
 */
export const insertVariants: InsertVariant[] = [
  { name: 'store as it is (migration 0018, 64 MB page cache)' },
  { name: 'FTS defaults (before 0018: pgsz 4050, automerge 4, crisismerge 16)', setup: ftsDefaults },
  { name: 'FTS defaults + pgsz 3960 only', setup: both(ftsDefaults, fts('pgsz', 3960)) },
  { name: 'FTS defaults + automerge 16 only', setup: both(ftsDefaults, fts('automerge', 16)) },
  { name: 'FTS defaults + crisismerge 64 only', setup: both(ftsDefaults, fts('crisismerge', 64)) },
  { name: 'automerge 8 (instead of 16)', setup: fts('automerge', 8) },
  { name: 'automerge 32 (instead of 16)', setup: fts('automerge', 32) },
  { name: '1,000 items per transaction', batchSize: 1_000 },
  { name: '20,000 items per transaction', batchSize: 20_000 },
  { name: 'plain twin, as it is', plain: true },
];

export interface InsertVariantResult {
  name: string;
  items: number;
  itemsPerS: number;
  /** CPU time of this process around the insert calls, per item. */
  cpuUsPerItem: number;
}

function copyDb(from: string, to: string): void {
  for (const suffix of ['', '-wal']) {
    if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix);
  }
}

/**
 * Rounds over every variant, the second in reverse order, so that a machine that gets busier
 * or quieter during the run does not favour the variants that ran first. Each variant keeps
 * its best round: on a shared machine the fastest run is the one least disturbed.
 */
const ROUNDS = 2;

export function runInsertVariants(ctx: BenchContext, plainPath: string | null, items: number): InsertVariantResult[] {
  const main = ctx.main;
  if (!main) return [];
  const best = new Map<number, InsertVariantResult>();
  // New items (another seed), dated across the same year as the store's.
  const gen = createGenerator({ seed: BENCH_SEED + 2, count: items, handles: 0 });
  const order = [...insertVariants.entries()].filter(([, v]) => !v.plain || plainPath);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, v] of round % 2 === 0 ? order : [...order].reverse()) {
      const r = insertVariant(ctx, v, i, plainPath, gen, items);
      ctx.log(`  experiment insert "${v.name}" (round ${round + 1}): ${Math.round(r.itemsPerS)} items/s, ${r.cpuUsPerItem.toFixed(1)} µs CPU/item`);
      const prior = best.get(i);
      best.set(i, {
        ...r,
        itemsPerS: Math.max(r.itemsPerS, prior?.itemsPerS ?? 0),
        cpuUsPerItem: Math.min(r.cpuUsPerItem, prior?.cpuUsPerItem ?? Infinity),
      });
    }
  }
  return order.map(([i]) => best.get(i)!);
}

function insertVariant(ctx: BenchContext, v: InsertVariant, i: number, plainPath: string | null, gen: Generator, items: number): InsertVariantResult {
  const main = ctx.main!;
  const copy = join(ctx.workDir, `exp-insert-${i}.db`);
  copyDb(v.plain ? (plainPath as string) : main.dbPath, copy);
  let db: DB | null = null;
  try {
    if (v.plain) db = openPlainDb(copy);
    else {
      db = openEncrypted(copy, { keyHex: main.keyHex });
      migrate(db, migrations);
    }
    v.setup?.(db);
    const size = v.batchSize ?? ctx.args.batchSize;
    let ms = 0;
    let cpuMs = 0;
    for (let from = 0; from < items; from += size) {
      const b = batch(gen, from, Math.min(items, from + size));
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      insertFeedbackBatch(db, b, gen.end);
      const cpu = process.cpuUsage(c0);
      cpuMs += (cpu.user + cpu.system) / 1000;
      ms += performance.now() - t0;
    }
    return { name: v.name, items, itemsPerS: (items / ms) * 1000, cpuUsPerItem: (cpuMs * 1000) / items };
  } finally {
    db?.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
  }
}
