/**
 * A real core on a brand-new temporary data folder, for integration and e2e tests.
 * The key goes to the real OS keychain unless a SecretStore is passed; cleanup closes the
 * core, deletes the keychain entry the store made, and removes the folder.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../src/main/core/index';
import { createSecretStore } from '../../src/main/core/secrets/index';
import type { SecretStore } from '../../src/main/core/secrets/secret-store';
import type { CoreOptions, HostCore } from '../../src/main/core/types';
import { startNodeCoreWorker } from './worker-core';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const defaultDemoInboxPath = join(repoRoot, 'resources', 'demo', 'inbox.json');

export interface TempCoreOptions {
  /** Defaults to the real OS keychain, createSecretStore(). */
  secrets?: SecretStore;
  /** Defaults to resources/demo/inbox.json in this repository. */
  demoInboxPath?: string;
  /** Anything else createCore takes (clock, appVersion, ...). */
  core?: Partial<Omit<CoreOptions, 'dataDir' | 'secrets' | 'demoInboxPath'>>;
  /**
   * Runs the core in a worker thread with its job thread, as the app does (the e2e specs).
   * The secrets and dialogs stay in this thread and answer over the port; of the rest,
   * only data crosses (appVersion, importBatchSize).
   */
  worker?: boolean;
}

export interface TempCore {
  /** The core currently open on dataDir (replaced by reopen()). */
  readonly core: HostCore;
  readonly dataDir: string;
  readonly secrets: SecretStore;
  /** Closes the current core and opens a new one on the same folder and secret store. */
  reopen(): Promise<HostCore>;
  /** Closes the core, deletes the store's keychain entry, removes the folder. Idempotent. */
  cleanup(): Promise<void>;
}

/** The store id from `<dataDir>/hearken.json`, or null when no store was made. */
export function readStoreId(dataDir: string): string | null {
  const manifest = join(dataDir, 'hearken.json');
  if (!existsSync(manifest)) return null;
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null) {
      const storeId = (parsed as { storeId?: unknown }).storeId;
      if (typeof storeId === 'string' && storeId.length > 0) return storeId;
    }
  } catch {
    // A broken manifest has no entry of ours to find.
  }
  return null;
}

export async function makeTempCore(opts: TempCoreOptions = {}): Promise<TempCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearken-'));
  const secrets = opts.secrets ?? createSecretStore();
  const demoInboxPath = opts.demoInboxPath ?? (existsSync(defaultDemoInboxPath) ? defaultDemoInboxPath : undefined);

  const open = (): Promise<HostCore> => {
    if (!opts.worker) return createCore({ ...opts.core, dataDir, secrets, ...(demoInboxPath ? { demoInboxPath } : {}) });
    const { appVersion, importBatchSize, dialogs, ...rest } = opts.core ?? {};
    if (Object.keys(rest).length > 0) throw new Error(`A worker core takes only data; not ${Object.keys(rest).join(', ')}`);
    return startNodeCoreWorker({ dataDir, demoInboxPath, appVersion, importBatchSize }, { secrets, dialogs });
  };

  let current: HostCore | null;
  try {
    current = await open();
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  let cleaned = false;

  const closeCurrent = async (): Promise<void> => {
    const core = current;
    current = null;
    await core?.close();
  };

  return {
    get core(): HostCore {
      if (!current) throw new Error('The temporary core is closed');
      return current;
    },
    dataDir,
    secrets,
    async reopen(): Promise<HostCore> {
      if (cleaned) throw new Error('The temporary core was cleaned up');
      await closeCurrent();
      current = await open();
      return current;
    },
    async cleanup(): Promise<void> {
      if (cleaned) return;
      cleaned = true;
      const problems: unknown[] = [];
      try {
        await closeCurrent();
      } catch (err) {
        problems.push(err);
      }
      const storeId = readStoreId(dataDir);
      if (storeId) {
        try {
          // Without a keychain the key was wrapped with a passphrase: nothing to delete.
          if (await secrets.available()) await secrets.delete(storeId);
        } catch (err) {
          problems.push(err);
        }
      }
      rmSync(dataDir, { recursive: true, force: true });
      if (problems.length > 0) throw new AggregateError(problems, 'Cleaning up the temporary core failed');
    },
  };
}

