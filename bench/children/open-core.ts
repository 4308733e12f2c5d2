/**
 * A fresh process that opens the store as the app does and shows the first inbox page:
 * createCore, store.status, store.unlock (keychain, else passphrase), feedback.list
 * (limit 100); then, as the renderer also does, feedback.count. With a workload, it then
 * runs the inbox and search queries and reports its peak RSS (VmHWM).
 */
import { createCore } from '../../src/main/core/index';
import { KeytarSecretStore } from '../../src/main/core/secrets';
import { childInput, finishChild, memoryMb } from '../lib/child';
import { invokeOk } from '../lib/context';
import { workload, type WorkloadSpec } from '../lib/workload';

interface Input {
  dataDir: string;
  unlock: { method: 'keychain' } | { method: 'passphrase'; passphrase: string };
  /** With a spec, run the query workload after opening (for peak RSS). */
  workload: WorkloadSpec | null;
  workloadRounds?: number;
}

const input = childInput<Input>();
const afterImports = memoryMb();
const t0 = performance.now();
const core = await createCore({ dataDir: input.dataDir, secrets: new KeytarSecretStore(), appVersion: 'bench' });
const t1 = performance.now();
await invokeOk(core, 'store.status');
const t2 = performance.now();
await invokeOk(core, 'store.unlock', input.unlock);
const t3 = performance.now();
const page = await invokeOk<{ items: unknown[] }>(core, 'feedback.list', { limit: 100 });
const t4 = performance.now();
await invokeOk(core, 'feedback.count', {});
const t5 = performance.now();
const afterOpen = memoryMb();
let workloadMs: number | null = null;
if (input.workload) {
  const w0 = performance.now();
  await workload(core, input.workload, input.workloadRounds ?? 1);
  workloadMs = performance.now() - w0;
}
const end = memoryMb();
await core.close();
finishChild({
  createCoreMs: t1 - t0,
  statusMs: t2 - t1,
  unlockMs: t3 - t2,
  firstPageMs: t4 - t3,
  countMs: t5 - t4,
  openToFirstPageMs: t4 - t0,
  openToFirstPageAndCountMs: t5 - t0,
  items: page.items.length,
  rssAfterImportsMb: afterImports.rss,
  rssAfterOpenMb: afterOpen.rss,
  peakRssMb: end.peakRss,
  rssEndMb: end.rss,
  workloadMs,
});
