/**
 * Starts the core in a worker thread and hands back a `Core` that crosses the host
 * protocol. The app starts it from Electron's main thread with the built files; the e2e
 * bridge and the bench start the same worker under plain Node.
 */
import { Worker } from 'node:worker_threads';
import { HearkenError } from '../../../shared/errors';
import type { WorkerEntry } from '../jobs/thread-runner';
import type { SecretStore } from '../secrets/secret-store';
import type { CoreDialogs, HostCore } from '../types';
import { connectCore, dialogMethodsOf, type FromCore, type Port, type ToCore } from './protocol';

/** What the core worker is created with: only data, since nothing else crosses a thread. */
export interface CoreWorkerData {
  dataDir: string;
  /** The host's secret store's name; its calls cross the port (see protocol.ts). */
  secretsName: string;
  nativeBinding?: string | undefined;
  demoInboxPath?: string | undefined;
  appVersion?: string | undefined;
  importBatchSize?: number | undefined;
  jobWorker?: WorkerEntry | undefined;
  /** The dialog methods the host answers (a host without a printer has no printToPdf); none: no dialogs. */
  dialogs?: string[] | undefined;
}

export async function startCoreWorker(
  entry: WorkerEntry,
  data: Omit<CoreWorkerData, 'secretsName' | 'dialogs'>,
  services: { secrets: SecretStore; dialogs?: CoreDialogs | undefined },
): Promise<HostCore> {
  const workerData: CoreWorkerData = { ...data, secretsName: services.secrets.name, dialogs: services.dialogs ? dialogMethodsOf(services.dialogs) : undefined };
  const worker = new Worker(entry.file, { workerData: { ...entry.data, ...workerData } });
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
  const core = connectCore(worker as unknown as Port<FromCore, ToCore>, { services, exited });
  return {
    ...core,
    async close() {
      await core.close();
      await worker.terminate();
    },
  };
}
