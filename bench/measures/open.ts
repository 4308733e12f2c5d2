/**
 * Opening the store to the first inbox page, each time in a fresh process: the real core,
 * the key from the keychain (else the passphrase path), then feedback.list. Cold runs drop
 * the OS page cache first where this process may (root on Linux); warm runs follow a run
 * that has read the same pages.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runChild } from '../lib/child';
import { unlockInput, type BenchContext } from '../lib/context';
import { median, p95 } from '../lib/stats';

const CHILD = fileURLToPath(new URL('../children/open-core.ts', import.meta.url));
const DROP = '/proc/sys/vm/drop_caches';

export interface OpenSample {
  createCoreMs: number;
  statusMs: number;
  unlockMs: number;
  firstPageMs: number;
  countMs: number;
  openToFirstPageMs: number;
  openToFirstPageAndCountMs: number;
  items: number;
  rssAfterOpenMb: number | null;
  peakRssMb: number | null;
}

function canDropCaches(): boolean {
  try {
    accessSync(DROP, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function dropCaches(): void {
  execFileSync('sync');
  writeFileSync(DROP, '3');
}

export async function measureOpen(ctx: BenchContext): Promise<void> {
  const store = ctx.main;
  if (!store) throw new Error('open needs the store from the insert measure');
  const quick = ctx.args.quick;
  const coldRuns = quick ? 3 : 4;
  const warmRuns = quick ? 5 : 8;
  const drop = !ctx.args.noDropCaches && canDropCaches();
  const input = { dataDir: store.dataDir, unlock: unlockInput(store), workload: null };

  const cold: OpenSample[] = [];
  for (let i = 0; i < coldRuns; i++) {
    if (drop) dropCaches();
    cold.push((await runChild<OpenSample>(CHILD, input)).value);
  }
  await runChild<OpenSample>(CHILD, input); // warms the page cache
  const warm: OpenSample[] = [];
  for (let i = 0; i < warmRuns; i++) warm.push((await runChild<OpenSample>(CHILD, input)).value);

  const pick = (samples: OpenSample[], key: keyof OpenSample): number[] => samples.map((s) => s[key] as number);
  const how = `${store.keySource === 'keychain' ? 'keychain' : 'PASSPHRASE (no keychain)'} unlock, fresh process`;
  ctx.figures.set('open_to_first_page_ms', median(pick(warm, 'openToFirstPageMs')), 'ms', '<= 300', `warm page cache, ${how}, median of ${warmRuns}`);
  ctx.figures.set('open_to_first_page_p95_ms', p95(pick(warm, 'openToFirstPageMs')), 'ms', '<= 300', 'warm, p95');
  ctx.figures.set(
    'open_cold_to_first_page_ms',
    median(pick(cold, 'openToFirstPageMs')),
    'ms',
    null,
    drop ? `OS page cache dropped before each run, median of ${coldRuns}` : `fresh process only (page cache NOT dropped), median of ${coldRuns}`,
  );
  ctx.figures.set('open_unlock_ms', median(pick(warm, 'unlockMs')), 'ms', null, 'store.unlock alone (key, open, migrations check, audit row)');
  ctx.figures.set('open_to_page_and_count_ms', median(pick(warm, 'openToFirstPageAndCountMs')), 'ms', null, 'plus feedback.count, which the renderer awaits with page 1');
  ctx.details.open = {
    keySource: store.keySource,
    cold: { dropCaches: drop, samples: cold },
    warm: { samples: warm },
    medians: Object.fromEntries(
      (['createCoreMs', 'statusMs', 'unlockMs', 'firstPageMs', 'countMs'] as const).map((k) => [k, { warm: median(pick(warm, k)), cold: median(pick(cold, k)) }]),
    ),
  };
  if (!drop) ctx.notes.push('open: the OS page cache could not be dropped (not root, or --no-drop-caches); "cold" means a fresh process only');
}
