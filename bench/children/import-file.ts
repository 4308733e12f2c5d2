/**
 * A fresh process that imports one file into an empty store the way the app does:
 * createCore, store.unlock, import.start, then waits for the final import.progress event.
 * Reports the import's wall time (start call to final event, without opening the core),
 * the report's counts, and the process's peak RSS (VmHWM).
 */
import { fileURLToPath } from 'node:url';
import { createCore } from '../../src/main/core/index';
import { KeytarSecretStore } from '../../src/main/core/secrets';
import type { EventPayload, ImportReport } from '../../src/shared/contract';
import { childInput, finishChild, memoryMb } from '../lib/child';
import { invokeOk, readGrant } from '../lib/context';

interface Input {
  dataDir: string;
  unlock: { method: 'keychain' } | { method: 'passphrase'; passphrase: string };
  file: string;
  format?: string;
  batchSize: number;
  /** Run the import on the CLI's job thread (src/cli/job-worker.mjs), as `hearken import` does, instead of in this thread. */
  cliJobThread?: boolean;
}

const input = childInput<Input>();
const cliJobWorker = { file: fileURLToPath(new URL('../../src/cli/job-worker.mjs', import.meta.url)) };
const core = await createCore({
  dataDir: input.dataDir,
  secrets: new KeytarSecretStore(),
  appVersion: 'bench',
  importBatchSize: input.batchSize,
  ...(input.cliJobThread ? { jobWorker: cliJobWorker } : {}),
});
await invokeOk(core, 'store.unlock', input.unlock);
const beforeImport = memoryMb();
const finals = new Map<string, EventPayload<'import.progress'>>();
let wake: (() => void) | null = null;
core.onEvent((name, payload) => {
  const p = payload as EventPayload<'import.progress'>;
  if (name === 'import.progress' && p.state !== 'running') {
    finals.set(p.importId, p);
    wake?.();
  }
});
const t0 = performance.now();
const { importId } = await invokeOk<{ importId: string }>(core, 'import.start', { grant: await readGrant(core, input.file), ...(input.format ? { format: input.format } : {}) });
while (!finals.has(importId)) await new Promise<void>((resolve) => (wake = resolve));
const ms = performance.now() - t0;
const report = await invokeOk<ImportReport>(core, 'import.report', { importId });
const end = memoryMb();
await core.close();
finishChild({
  ms,
  state: report.state,
  error: report.error,
  counts: report.counts,
  problemsTotal: report.problemsTotal,
  firstProblems: report.problems.slice(0, 3),
  rssBeforeImportMb: beforeImport.rss,
  peakRssMb: end.peakRss,
});
