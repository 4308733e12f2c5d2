/**
 * import_peak_rss_mb: the peak memory of importing a large CSV. The same file the import
 * measure writes (n generated rows: 1,000,000, or 100,000 with --quick) is imported by a
 * fresh process (bench/children/import-file.ts: createCore, unlock, import.start, the job on
 * the CLI's job thread, as `hearken import` runs it) into a fresh encrypted store; the figure is that process's
 * VmHWM. Readers stream and the pipeline holds one batch (5,000 rows) at a time, so the
 * peak should not grow with the file: the figure also gives the rows and the peak before
 * the import started (the core and its store open), to tell the import's share.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvHeader, itemToCsv } from '../../src/shared/synthetic';
import { runChild } from '../lib/child';
import { unlockInput, type BenchContext } from '../lib/context';
import { benchGenerator } from '../lib/items';
import { createStore } from '../lib/stores';
import { writeLines } from './import';

const CHILD = fileURLToPath(new URL('../children/import-file.ts', import.meta.url));

interface ImportChild {
  ms: number;
  state: string;
  error: { code: string; message: string } | null;
  counts: { read: number; imported: number; duplicates: number; failed: number };
  rssBeforeImportMb: number | null;
  peakRssMb: number | null;
}

/** As the import measure's CSV: the bench's own items, so both import the same file. */
function* csvLines(n: number): Generator<string> {
  const gen = benchGenerator(n);
  yield csvHeader();
  for (let i = 0; i < n; i++) yield itemToCsv(gen.item(i));
}

export async function measureImportMemory(ctx: BenchContext): Promise<void> {
  const n = ctx.n;
  const file = join(ctx.workDir, 'import-memory.csv');
  const bytes = await writeLines(file, csvLines(n));
  ctx.log(`  wrote ${n.toLocaleString('en-US')} rows (${(bytes / 2 ** 20).toFixed(0)} MiB)`);
  const store = await createStore(join(ctx.workDir, 'import-memory'), ctx.access);
  ctx.stores.push(store);
  const { value } = await runChild<ImportChild>(CHILD, { dataDir: store.dataDir, unlock: unlockInput(store), file, format: 'csv', batchSize: ctx.args.batchSize, cliJobThread: true }, 3_600_000);
  if (value.state !== 'done') ctx.notes.push(`import-memory: the import ended ${value.state}${value.error ? `: ${value.error.message}` : ''}`);
  if (value.counts.imported !== n) ctx.notes.push(`import-memory: ${value.counts.imported} of ${n} rows imported (${value.counts.duplicates} duplicates, ${value.counts.failed} failed)`);
  ctx.figures.set(
    'import_peak_rss_mb',
    value.peakRssMb,
    'MB',
    '<= 300',
    `VmHWM of a fresh process importing (on the CLI's job thread) a ${n.toLocaleString('en-US')}-row CSV (${(bytes / 2 ** 20).toFixed(0)} MiB), ${ctx.args.batchSize}/transaction; ${value.rssBeforeImportMb?.toFixed(0) ?? '?'} MB before the import started`,
  );
  ctx.details.importMemory = { rows: n, bytes, ...value };
}
