/**
 * Converting a store made before AEGIS: a SQLCipher v4 store of n items (the old open
 * pragmas, the real migrations and batch insert, in a fresh temp folder, not the main bench
 * store) is converted with convertToAegis, as the first unlock after the update does, in a
 * child process whose peak RSS is the conversion's alone. Only the conversion is timed; the
 * steps (lock and count, build the AEGIS copy, flush, verify, swap) go in details.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Database } from '../../src/main/core/store/db';
import { insertFeedbackBatch } from '../../src/main/core/store/feedback-write';
import { migrate } from '../../src/main/core/store/migrate';
import { migrations } from '../../src/main/core/store/migrations';
import { applyCipher, SQLCIPHER_V4 } from '../../src/main/core/store/open';
import type { BenchContext } from '../lib/context';
import { batch, benchGenerator } from '../lib/items';
import { fileBytes, tempDir } from '../lib/stores';

export function measureCipherMigration(ctx: BenchContext): void {
  const dir = tempDir('hearken-bench-cipher-');
  try {
    const file = join(dir, 'hearken.db');
    const keyHex = randomBytes(32).toString('hex');
    const buildStart = performance.now();
    const db = new Database(file);
    try {
      applyCipher(db, SQLCIPHER_V4);
      db.pragma(`key="x'${keyHex}'"`);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('temp_store = MEMORY');
      db.pragma('cache_size = -65536');
      migrate(db, migrations);
      const generator = benchGenerator(ctx.n);
      const size = ctx.args.batchSize;
      const now = Date.now();
      for (let from = 0; from < ctx.n; from += size) insertFeedbackBatch(db, batch(generator, from, Math.min(ctx.n, from + size)), now);
    } finally {
      db.close();
    }
    const buildS = (performance.now() - buildStart) / 1000;
    const bytesBefore = fileBytes(file);
    ctx.log(`  a SQLCipher v4 store of ${ctx.n.toLocaleString('en-US')} items built in ${buildS.toFixed(1)} s (${Math.round(bytesBefore / 1048576)} MB); converting`);

    // In a child process, so that its peak RSS is the conversion's own.
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./cipher-migration-child.ts', import.meta.url)), file, keyHex], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`the conversion failed: ${child.stderr.slice(-2000)}`);
    const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { converted: boolean; seconds: number; cpuS: number; peakRssMb: number; steps: { step: string; ms: number }[]; backup: string | null };
    if (!result.converted) throw new Error('the SQLCipher store was not converted');
    for (const s of result.steps) ctx.log(`    ${s.step} ${Math.round(s.ms)} ms`);

    ctx.figures.set('cipher_migration_s', result.seconds, 's', '<= 120', `convertToAegis on a ${ctx.n.toLocaleString('en-US')}-item SQLCipher v4 store: lock and count, build an AEGIS copy, verify, swap`);
    ctx.figures.set('cipher_migration_peak_rss_mb', result.peakRssMb, 'MB', null, 'peak RSS of a process that only converts the store (VmHWM): bounded by the page cache and the largest index sort, not the store size');
    ctx.details.cipherMigration = {
      items: ctx.n,
      buildS: Math.round(buildS * 10) / 10,
      bytesBefore,
      bytesAfter: fileBytes(file),
      backupBytes: fileBytes(result.backup ?? ''),
      cpuS: Math.round(result.cpuS * 10) / 10,
      peakRssMb: result.peakRssMb,
      steps: Object.fromEntries(result.steps.map((s) => [s.step, Math.round(s.ms)])),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
