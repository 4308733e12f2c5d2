/** What every measure gets: the options, the figure set, the stores built so far, cleanup. */
import { fileURLToPath } from 'node:url';
import { createCore, type Core, type HostCore } from '../../src/main/core/index';
import { startNodeCoreWorker } from '../../test/support/worker-core';
import type { BenchArgs } from './args';
import type { FigureSet } from './report';
import { BENCH_PASSPHRASE, type BenchStore, type KeyAccess } from './stores';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface BenchContext {
  args: BenchArgs;
  /** Items in the main store. */
  n: number;
  access: KeyAccess;
  /** Where the keychain came from, for the output. */
  keychainLabel: string;
  /** Temp folder of this run (removed at the end). */
  workDir: string;
  figures: FigureSet;
  notes: string[];
  details: Record<string, unknown>;
  /** The encrypted store with n items, once the insert measure has built it. */
  main: BenchStore | null;
  /** Stores to remove at the end (keychain entries included). */
  stores: BenchStore[];
  log(message: string): void;
}

export function unlockInput(store: BenchStore): { method: 'keychain' } | { method: 'passphrase'; passphrase: string } {
  return store.keySource === 'keychain' ? { method: 'keychain' } : { method: 'passphrase', passphrase: BENCH_PASSPHRASE };
}

/** A core on the store, unlocked the way the app does (keychain, else passphrase). */
export async function openCore(store: BenchStore, access: KeyAccess): Promise<Core> {
  const core = await createCore({ dataDir: store.dataDir, secrets: access.secrets, appVersion: 'bench' });
  await invokeOk(core, 'store.unlock', unlockInput(store));
  return core;
}

/**
 * The same, behind the host protocol: the core in a worker thread with its job thread, as
 * the app runs it.
 */
export async function openWorkerCore(store: BenchStore, access: KeyAccess): Promise<HostCore> {
  const core = await startNodeCoreWorker({ dataDir: store.dataDir, appVersion: 'bench' }, { secrets: access.secrets });
  try {
    await invokeOk(core, 'store.unlock', unlockInput(store));
  } catch (error) {
    await core.close();
    throw error;
  }
  return core;
}

/** A read grant for a bench file, as the app's host mints one for a dialog's answer. */
export async function readGrant(core: Pick<HostCore, 'grantFile'>, path: string): Promise<string> {
  const result = await core.grantFile(path, 'read');
  if (!result.ok) throw new Error(`grantFile failed: ${result.error.code}: ${result.error.message}`);
  return result.value.grant;
}

export async function invokeOk<T = unknown>(core: Core, channel: string, input: unknown = {}): Promise<T> {
  const result = await core.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
