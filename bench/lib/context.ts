/** What every measure gets: the options, the figure set, the stores built so far, cleanup. */
import { fileURLToPath } from 'node:url';
import { createCore, type Core, type HostCore } from '../../src/main/core/index';
import { startNodeCoreWorker } from '../../test/support/worker-core';
import type { BenchArgs } from './args';
import type { FigureSet } from './report';
import { BENCH_PASSPHRASE, openStoreDb, type BenchStore, type KeyAccess } from './stores';

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

/** Whether the core's first unlock will work the whole store out for the shipped rules. */
function seedsOnUnlock(store: BenchStore): boolean {
  const db = openStoreDb(store);
  try {
    return db.prepare("SELECT 1 FROM settings WHERE key = 'escalation.seeded'").get() === undefined;
  } finally {
    db.close();
  }
}

/**
 * Unlocks, and when this is the store's first unlock with routing rules, waits for the
 * whole-store run that follows it (in steps, in the background), so no measure times its
 * calls against that one-off work. How long it took lands in `seededMs`.
 */
async function unlockSettled(core: Core, store: BenchStore, seeded: { ms: number | null }): Promise<void> {
  const seeding = seedsOnUnlock(store);
  const t0 = performance.now();
  const done = seeding
    ? new Promise<void>((resolve) => {
        const stop = core.onEvent((name, payload) => {
          if (name === 'feedback.changed' && (payload as { reason?: string }).reason === 'rules') {
            stop();
            resolve();
          }
        });
      })
    : Promise.resolve();
  await invokeOk(core, 'store.unlock', unlockInput(store));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settled = await Promise.race([done.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 15 * 60_000)))]);
  clearTimeout(timer);
  if (!settled) throw new Error('The whole-store run after the first unlock did not finish within 15 minutes.');
  if (seeding) seeded.ms = performance.now() - t0;
}

/** The first unlock's whole-store run for the shipped rules, when a measure caused one. */
export const firstUnlockSeeding: { ms: number | null } = { ms: null };

/** A core on the store, unlocked the way the app does (keychain, else passphrase). */
export async function openCore(store: BenchStore, access: KeyAccess): Promise<Core> {
  const core = await createCore({ dataDir: store.dataDir, secrets: access.secrets, appVersion: 'bench' });
  await unlockSettled(core, store, firstUnlockSeeding);
  return core;
}

/**
 * The same, behind the host protocol: the core in a worker thread with its job thread, as
 * the app runs it.
 */
export async function openWorkerCore(store: BenchStore, access: KeyAccess): Promise<HostCore> {
  const core = await startNodeCoreWorker({ dataDir: store.dataDir, appVersion: 'bench' }, { secrets: access.secrets });
  try {
    await unlockSettled(core, store, firstUnlockSeeding);
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
