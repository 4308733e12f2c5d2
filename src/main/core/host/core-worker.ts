/**
 * The core worker: the whole core (store, analysis, jobs) in a thread of the main process,
 * so Electron's main thread never runs SQL and the window's IPC never waits behind a
 * query. It answers the host protocol on its parent port, and asks the host for dialogs
 * and for the keychain.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createCore } from '../index';
import { toErrorInfo } from '../errors';
import { hostServices, serveCore, type FromCore, type Port, type ToCore } from './protocol';
import type { CoreWorkerData } from './start-worker';

const port = parentPort as unknown as Port<ToCore, FromCore> | null;
if (!port) throw new Error('core-worker runs only as a worker thread.');
const data = workerData as CoreWorkerData;
const host = hostServices(port, data.secretsName, data.dialogs);

createCore({
  dataDir: data.dataDir,
  secrets: host.secrets,
  ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
  ...(data.demoInboxPath ? { demoInboxPath: data.demoInboxPath } : {}),
  ...(data.appVersion ? { appVersion: data.appVersion } : {}),
  ...(data.importBatchSize ? { importBatchSize: data.importBatchSize } : {}),
  ...(data.jobWorker ? { jobWorker: data.jobWorker } : {}),
  ...(data.dialogs !== undefined ? { dialogs: host.dialogs } : {}),
}).then(
  (core) => serveCore(core, port, () => (parentPort as { close(): void } | null)?.close()),
  (error: unknown) => port.postMessage({ t: 'failed', error: toErrorInfo(error) }),
);
