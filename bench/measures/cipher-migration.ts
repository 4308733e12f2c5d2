/**
 * Converting a store made before AEGIS: a SQLCipher v4 store of n items (the old open
 * pragmas, the real migrations and batch insert, in a fresh temp folder, not the main bench
 * store) is converted with convertToAegis, as the first unlock after the update does.
 * Only the conversion is timed; the steps (count, backup copy, rekey, verify) go in details.
 */
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { convertToAegis, type ConversionStep } from '../../src/main/core/store/cipher-conversion';
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

    const rssBefore = process.memoryUsage().rss;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const report = convertToAegis(file, keyHex, { onStep: (step: ConversionStep) => ctx.log(`    ${step}`) });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(c0);
    if (!report.converted) throw new Error('the SQLCipher store was not converted');

    ctx.figures.set('cipher_migration_s', seconds, 's', '<= 120', `convertToAegis on a ${ctx.n.toLocaleString('en-US')}-item SQLCipher v4 store: count, backup copy, rekey, verify`);
    ctx.details.cipherMigration = {
      items: ctx.n,
      buildS: Math.round(buildS * 10) / 10,
      bytesBefore,
      bytesAfter: fileBytes(file),
      backupBytes: fileBytes(report.backup ?? ''),
      cpuS: Math.round((cpu.user + cpu.system) / 1e5) / 10,
      // The rekey's VACUUM keeps its temporary copy in memory (temp_store=MEMORY): this shows what that costs.
      rssGrowthMb: Math.round((process.memoryUsage().rss - rssBefore) / 1048576),
      peakRssMbSoFar: Math.round(process.resourceUsage().maxRSS / 1024),
      steps: Object.fromEntries(report.steps.map((s) => [s.step, Math.round(s.ms)])),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
