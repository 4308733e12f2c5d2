/**
 * Insert experiments at the size of the main store: each variant gets a copy of the
 * n-item store (encrypted, or the plain twin), its change applied to the copy (a pragma, a
 * dropped index), and then `items` new items through the real insertFeedbackBatch. The copy
 * is deleted afterwards, so the main store is untouched. This shows what a store change
 * would do to imports into a large inbox, where the cost is (page cache misses, index
 * maintenance, encryption of every page read and written), not into an empty one.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DB } from '../../src/main/core/store/db';
import { insertFeedbackBatch } from '../../src/main/core/store/feedback-write';
import { migrate } from '../../src/main/core/store/migrate';
import { migrations } from '../../src/main/core/store/migrations';
import { openEncrypted } from '../../src/main/core/store/open';
import { createGenerator } from '../../src/shared/synthetic';
import type { BenchContext } from '../lib/context';
import { batch, BENCH_SEED } from '../lib/items';
import { openPlainDb } from '../lib/stores';

export interface InsertVariant {
  name: string;
  plain?: boolean;
  setup?: (db: DB) => void;
}

export const insertVariants: InsertVariant[] = [
  { name: 'store as it is (64 MB page cache)' },
  { name: 'page cache 16 MB (SQLite default)', setup: (db) => db.pragma('cache_size = -16000') },
  { name: 'page cache 256 MB', setup: (db) => db.pragma('cache_size = -262144') },
  { name: 'page cache 1 GB', setup: (db) => db.pragma('cache_size = -1048576') },
  { name: 'wal_autocheckpoint 20000 pages', setup: (db) => db.pragma('wal_autocheckpoint = 20000') },
  {
    name: 'without the 5 single-column filter indexes',
    setup: (db) => db.exec('DROP INDEX feedback_by_product; DROP INDEX feedback_by_language; DROP INDEX feedback_by_channel; DROP INDEX feedback_by_sentiment; DROP INDEX feedback_by_customer'),
  },
  { name: 'without the content-hash unique index', setup: (db) => db.exec('DROP INDEX feedback_by_hash') },
  { name: 'plain twin, as it is', plain: true },
  { name: 'plain twin, page cache 256 MB', plain: true, setup: (db) => db.pragma('cache_size = -262144') },
];

export interface InsertVariantResult {
  name: string;
  items: number;
  itemsPerS: number;
}

function copyDb(from: string, to: string): void {
  for (const suffix of ['', '-wal']) {
    if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix);
  }
}

export function runInsertVariants(ctx: BenchContext, plainPath: string | null, items: number): InsertVariantResult[] {
  const main = ctx.main;
  if (!main) return [];
  const results: InsertVariantResult[] = [];
  // New items (another seed), dated across the same year as the store's.
  const gen = createGenerator({ seed: BENCH_SEED + 2, count: items, handles: 0 });
  for (const [i, v] of insertVariants.entries()) {
    if (v.plain && !plainPath) continue;
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
      let ms = 0;
      for (let from = 0; from < items; from += ctx.args.batchSize) {
        const b = batch(gen, from, Math.min(items, from + ctx.args.batchSize));
        const t0 = performance.now();
        insertFeedbackBatch(db, b, gen.end);
        ms += performance.now() - t0;
      }
      results.push({ name: v.name, items, itemsPerS: (items / ms) * 1000 });
      ctx.log(`  experiment insert "${v.name}": ${Math.round((items / ms) * 1000)} items/s`);
    } finally {
      db?.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
    }
  }
  return results;
}
