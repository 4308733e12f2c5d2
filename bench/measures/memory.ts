/** Peak RSS of a process that holds the core on the full store and runs the query workload. */
import { fileURLToPath } from 'node:url';
import { runChild } from '../lib/child';
import { unlockInput, type BenchContext } from '../lib/context';
import type { WorkloadSpec } from '../lib/workload';

const CHILD = fileURLToPath(new URL('../children/open-core.ts', import.meta.url));

export async function measureMemory(ctx: BenchContext, spec: WorkloadSpec): Promise<void> {
  const store = ctx.main;
  if (!store) throw new Error('memory needs the store from the insert measure');
  const { value } = await runChild<{ peakRssMb: number | null; rssAfterOpenMb: number | null; rssAfterImportsMb: number | null; workloadMs: number | null; rssEndMb: number | null }>(CHILD, {
    dataDir: store.dataDir,
    unlock: unlockInput(store),
    workload: spec,
    workloadRounds: 1,
  });
  ctx.figures.set('peak_rss_mb', value.peakRssMb, 'MB', '<= 400', 'VmHWM of a process with the core open, after the inbox + search workload');
  ctx.figures.set('rss_after_open_mb', value.rssAfterOpenMb, 'MB', null, 'VmRSS after unlock and the first page');
  ctx.details.memory = value;
}
