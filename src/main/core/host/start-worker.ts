/**
 * Starts the core in a worker thread and hands back a `Core` that crosses the host
 * protocol. The app starts it from Electron's main thread with the built files; the e2e
 * bridge and the bench start the same worker under plain Node.
 */
import { Worker } from 'node:worker_threads';
import { HearkenError } from '../../../shared/errors';
import type { WorkerEntry } from '../jobs/thread-runner';
import type { Core, CoreDialogs } from '../types';
import { connectCore, type FromCore, type Port, type ToCore } from './protocol';

/** What the core worker is created with: only data, since nothing else crosses a thread. */
export interface CoreWorkerData {
  dataDir: string;
  /** `keychain`: the OS keychain (HEARKEN_NO_KEYCHAIN=1 still forces none); `none`: passphrases only. */
  secrets: 'keychain' | 'none';
  nativeBinding?: string | undefined;
  demoInboxPath?: string | undefined;
  appVersion?: string | undefined;
  importBatchSize?: number | undefined;
  jobWorker?: WorkerEntry | undefined;
  /** Whether the host answers dialog requests. */
  dialogs?: boolean | undefined;
}

export async function startCoreWorker(entry: WorkerEntry, data: CoreWorkerData, dialogs?: CoreDialogs): Promise<Core> {
  const worker = new Worker(entry.file, { workerData: { ...entry.data, ...data, dialogs: dialogs !== undefined } });
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const onMessage = (message: FromCore): void => {
      if (message.t === 'ready') {
        worker.off('message', onMessage);
        resolve();
      } else if (message.t === 'failed') {
        reject(new HearkenError(message.error.code, message.error.message));
      }
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    void exited.then((code) => reject(new HearkenError('INTERNAL', `Hearken's core stopped while starting (exit code ${code}).`)));
  });
  const core = connectCore(worker as unknown as Port<FromCore, ToCore>, { dialogs, exited });
  return {
    ...core,
    async close() {
      await core.close();
      await worker.terminate();
    },
  };
}
