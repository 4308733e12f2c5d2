/**
 * Stores for the benchmarks: a real Hearken data folder made through the core (manifest,
 * key in the keychain or wrapped by a passphrase), the same database opened directly with
 * openEncrypted, and a plain better-sqlite3 twin with the same pragmas and migrations.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src/main/core/index';
import { KeytarSecretStore, type SecretStore } from '../../src/main/core/secrets';
import { databaseKeyFromRecovery, parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import { Database, type DB } from '../../src/main/core/store/db';
import { migrate } from '../../src/main/core/store/migrate';
import { migrations } from '../../src/main/core/store/migrations';
import { applyCipher, openEncrypted } from '../../src/main/core/store/open';
import type { KeySource } from '../../src/shared/contract';

export const BENCH_PASSPHRASE = 'bench-passphrase-not-secret';

export interface KeyAccess {
  secrets: SecretStore;
  /** True when an OS keychain answered; otherwise the passphrase path is used. */
  keychain: boolean;
}

export async function keyAccess(): Promise<KeyAccess> {
  const secrets = new KeytarSecretStore();
  return { secrets, keychain: await secrets.available() };
}

export interface BenchStore {
  dataDir: string;
  dbPath: string;
  storeId: string;
  keyHex: string;
  keySource: KeySource;
}

/** A folder under the OS temp dir, removed by cleanup(). */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Creates an empty, migrated Hearken store through the core, as the app's setup does. */
export async function createStore(dataDir: string, access: KeyAccess): Promise<BenchStore> {
  const core = await createCore({ dataDir, secrets: access.secrets, appVersion: 'bench' });
  try {
    const created = await core.invoke('store.create', access.keychain ? {} : { passphrase: BENCH_PASSPHRASE });
    if (!created.ok) throw new Error(`store.create failed: ${created.error.code}: ${created.error.message}`);
    const value = created.value as { recoveryKey: string; keySource: KeySource };
    const manifest = JSON.parse(readFileSync(join(dataDir, 'hearken.json'), 'utf8')) as { storeId: string };
    return {
      dataDir,
      dbPath: join(dataDir, 'hearken.db'),
      storeId: manifest.storeId,
      keyHex: databaseKeyFromRecovery(parseRecoveryKey(value.recoveryKey)).toString('hex'),
      keySource: value.keySource,
    };
  } finally {
    await core.close();
  }
}

/** The store's database through the real openEncrypted and migrations (as StoreAccess does). */
export function openStoreDb(store: BenchStore): DB {
  const db = openEncrypted(store.dbPath, { keyHex: store.keyHex });
  migrate(db, migrations);
  return db;
}

type DatabaseConstructor = new (file: string) => DB;

/** Plain better-sqlite3 (no encryption), same pragmas as openEncrypted, same migrations. */
export function openPlainDb(file: string): DB {
  const Plain = createRequire(import.meta.url)('better-sqlite3') as DatabaseConstructor;
  const db = new Plain(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, migrations);
  return db;
}

export type AegisAlgorithm = 'aegis-256' | 'aegis-128l';

/**
 * A store in another AEGIS variant than the app's (openEncrypted pins AEGIS-256), opened the
 * way openEncrypted opens one: the cipher and key first, then the same pragmas and page cache.
 */
export function openAegisDb(file: string, algorithm: AegisAlgorithm, keyHex: string): DB {
  const db = new Database(file);
  applyCipher(db, { cipher: 'aegis', params: [`algorithm='${algorithm}'`] });
  db.pragma(`key="x'${keyHex}'"`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
  migrate(db, migrations);
  return db;
}

export function plainVersion(): string {
  return (createRequire(import.meta.url)('better-sqlite3/package.json') as { version: string }).version;
}

/** Deletes the keychain entry (if any) and the folder. */
export async function removeStore(store: { dataDir: string; storeId: string; keySource: string } | null, access: KeyAccess): Promise<void> {
  if (!store) return;
  if (store.keySource === 'keychain' && access.keychain) await access.secrets.delete(store.storeId).catch(() => false);
  rmSync(store.dataDir, { recursive: true, force: true });
}

export function fileBytes(path: string): number {
  let total = 0;
  for (const suffix of ['', '-wal']) if (existsSync(path + suffix)) total += statSync(path + suffix).size;
  return total;
}
