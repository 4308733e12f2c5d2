/**
 * The app's worker arrangement under plain Node: the core worker and its job thread, run
 * from the TypeScript sources through a tsx loader. The e2e bridge and the bench use it,
 * so the browser specs and the renderer bench cross the same boundary as the app.
 */
import { fileURLToPath } from 'node:url';
import { startCoreWorker, type CoreWorkerData } from '../../src/main/core/host/start-worker';
import type { WorkerEntry } from '../../src/main/core/jobs/thread-runner';
import type { SecretStore } from '../../src/main/core/secrets/secret-store';
import type { CoreDialogs, HostCore } from '../../src/main/core/types';

const loader = fileURLToPath(new URL('./ts-worker.mjs', import.meta.url));
const source = (path: string): string => new URL(`../../src/main/core/${path}`, import.meta.url).href;

export const nodeCoreWorker: WorkerEntry = { file: loader, data: { tsEntry: source('host/core-worker.ts') } };
export const nodeJobWorker: WorkerEntry = { file: loader, data: { tsEntry: source('jobs/job-thread.ts') } };

/** A core in a worker thread, with its job thread, as the app runs it. */
export function startNodeCoreWorker(data: Omit<CoreWorkerData, 'jobWorker' | 'dialogs' | 'secretsName'>, services: { secrets: SecretStore; dialogs?: CoreDialogs | undefined }): Promise<HostCore> {
  return startCoreWorker(nodeCoreWorker, { ...data, jobWorker: nodeJobWorker }, services);
}
