import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { KeySource, UnlockInput, StoreStatus } from '../../../shared/contract';
import { HearkenError } from '../../../shared/errors';
import type { DB } from '../store/db';
import { newId } from '../store/ids';
import { migrate } from '../store/migrate';
import { migrations } from '../store/migrations';
import { damagedMessage, isPlainSqlite, openEncrypted, readHeader } from '../store/open';
import {
  databaseKeyFromRecovery,
  formatRecoveryKey,
  keyCheck,
  keyMatches,
  newRecoverySecret,
  parseRecoveryKey,
  unwrapWithPassphrase,
  wrapWithPassphrase,
} from './key-material';
import { readManifest, writeManifest, type Manifest } from './manifest';
import type { SecretStore } from './secret-store';

export interface StorePaths {
  dir: string;
  db: string;
  manifest: string;
}

export function storePaths(dataDir: string): StorePaths {
  return { dir: dataDir, db: join(dataDir, 'hearken.db'), manifest: join(dataDir, 'hearken.json') };
}

type Inspection =
  | { state: 'new'; leftover: Manifest | null }
  | { state: 'locked'; manifest: Manifest | null }
  | { state: 'unavailable'; problem: HearkenError };

/**
 * Finds, creates and unlocks the encrypted store in a data folder. It never deletes or
 * replaces a database it did not create in the same call: a missing key means an unlock
 * screen, never a fresh empty store.
 */
export class StoreAccess {
  readonly paths: StorePaths;
  private openKeyHex: string | null = null;

  constructor(
    dataDir: string,
    private readonly secrets: SecretStore,
    private readonly nativeBinding?: string,
  ) {
    this.paths = storePaths(dataDir);
  }

  inspect(): Inspection {
    let manifest: Manifest | null;
    try {
      manifest = readManifest(this.paths.manifest);
    } catch (error) {
      return { state: 'unavailable', problem: error as HearkenError };
    }
    const header = readHeader(this.paths.db);
    const dbExists = existsSync(this.paths.db);
    if (manifest && !manifest.complete) return { state: 'new', leftover: manifest };
    if (isPlainSqlite(header)) {
      return {
        state: 'unavailable',
        problem: new HearkenError(
          'NOT_ENCRYPTED',
          `${this.paths.db} is a plain, unencrypted SQLite database, not a Hearken store. Hearken left it untouched. Move it out of the data folder, or choose another data folder.`,
        ),
      };
    }
    if (!manifest && !dbExists) return { state: 'new', leftover: null };
    if (manifest && !dbExists) {
      return {
        state: 'unavailable',
        problem: new HearkenError(
          'NO_STORE',
          `The store's database ${this.paths.db} is missing, although its manifest is there. Restore the file from a backup. To start a new, empty store instead, move hearken.json out of ${this.paths.dir}.`,
        ),
      };
    }
    if (dbExists && header === null) {
      return { state: 'unavailable', problem: new HearkenError('CORRUPT_DATABASE', `${this.paths.db} is empty. Hearken left it untouched; restore a backup or move it aside.`) };
    }
    return { state: 'locked', manifest };
  }

  async status(unlocked: boolean): Promise<StoreStatus> {
    const keychainAvailable = await this.secrets.available();
    const found = this.inspect();
    const base = { keychainAvailable, dataDir: this.paths.dir };
    if (found.state === 'unavailable') return { ...base, state: 'unavailable', keySource: null, problem: found.problem.toInfo() };
    if (found.state === 'new') return { ...base, state: 'new', keySource: null, problem: null };
    return { ...base, state: unlocked ? 'unlocked' : 'locked', keySource: found.manifest?.keySource ?? null, problem: null };
  }

  /** Creates the store. The recovery key is returned once and kept nowhere. */
  async create(options: { passphrase?: string | undefined }, now: number): Promise<{ db: DB; recoveryKey: string; keySource: KeySource }> {
    const found = this.inspect();
    if (found.state !== 'new') {
      throw new HearkenError('STORE_EXISTS', `${this.paths.dir} already holds a Hearken store. Unlock it instead; Hearken never replaces an existing store.`);
    }
    const keySource: KeySource = options.passphrase ? 'passphrase' : 'keychain';
    if (keySource === 'keychain' && !(await this.secrets.available())) {
      throw new HearkenError(
        'KEYCHAIN_UNAVAILABLE',
        'No keychain answered on this computer (on Linux a Secret Service such as GNOME Keyring must be running). Choose a passphrase to protect the store instead.',
      );
    }
    if (found.leftover) await this.discardUnfinished(found.leftover);

    mkdirSync(this.paths.dir, { recursive: true, mode: 0o700 });
    const secret = newRecoverySecret();
    const key = databaseKeyFromRecovery(secret);
    const storeId = newId(now);
    const manifest: Manifest = {
      format: 'hearken-store',
      version: 1,
      storeId,
      createdAt: now,
      complete: false,
      keySource,
      keyCheck: keyCheck(key),
      wrappedKey: options.passphrase ? wrapWithPassphrase(key, options.passphrase, storeId) : null,
    };
    writeManifest(this.paths.manifest, manifest);
    let db: DB | null = null;
    try {
      if (keySource === 'keychain') {
        await this.secrets.set(storeId, key.toString('hex')).catch((error: unknown) => {
          throw new HearkenError(
            'KEYCHAIN_UNAVAILABLE',
            `The keychain refused to store the database key (${(error as Error).message}). Unlock the keychain and retry, or choose a passphrase instead.`,
          );
        });
      }
      db = openEncrypted(this.paths.db, { keyHex: key.toString('hex'), create: true, nativeBinding: this.nativeBinding });
      this.openKeyHex = key.toString('hex');
      migrate(db, migrations);
      writeManifest(this.paths.manifest, { ...manifest, complete: true });
    } catch (error) {
      db?.close();
      await this.discardUnfinished(manifest);
      throw error;
    }
    return { db, recoveryKey: formatRecoveryKey(secret), keySource };
  }

  /** Removes what an interrupted setup left: it never held anything of the user's. */
  private async discardUnfinished(manifest: Manifest): Promise<void> {
    for (const suffix of ['', '-wal', '-shm']) rmSync(this.paths.db + suffix, { force: true });
    rmSync(this.paths.manifest, { force: true });
    if (manifest.keySource === 'keychain') await this.secrets.delete(manifest.storeId).catch(() => false);
  }

  async unlock(input: UnlockInput): Promise<{ db: DB; keySource: KeySource }> {
    const found = this.inspect();
    if (found.state === 'unavailable') throw found.problem;
    if (found.state === 'new') throw new HearkenError('NO_STORE', `There is no Hearken store in ${this.paths.dir} yet. Create one first.`);
    const manifest = found.manifest;

    if (input.method === 'recovery') return this.unlockWithRecovery(input.recoveryKey, manifest);
    if (!manifest) {
      throw new HearkenError('KEY_MISSING', `The manifest beside ${this.paths.db} is missing, so only the recovery key can unlock this store.`);
    }
    if (input.method === 'passphrase') {
      if (!manifest.wrappedKey) {
        throw new HearkenError('VALIDATION', 'This store is not protected by a passphrase; it unlocks through the keychain or with the recovery key.');
      }
      const key = unwrapWithPassphrase(manifest.wrappedKey, input.passphrase, manifest.storeId);
      return { db: this.open(key, manifest), keySource: manifest.keySource };
    }
    if (manifest.keySource !== 'keychain') {
      throw new HearkenError('KEY_MISSING', 'This store is protected by a passphrase, not by the keychain. Enter the passphrase or the recovery key.');
    }
    if (!(await this.secrets.available())) {
      throw new HearkenError(
        'KEYCHAIN_UNAVAILABLE',
        'No keychain answered, so the store key cannot be read (on Linux a Secret Service such as GNOME Keyring must be running and unlocked). Start it and retry, or unlock with your recovery key.',
      );
    }
    const hex = await this.secrets.get(manifest.storeId);
    if (!hex) {
      throw new HearkenError(
        'KEY_MISSING',
        'The key for this store is not in the keychain (it may have been deleted, or this is another user account). Unlock with your recovery key; Hearken will put the key back.',
      );
    }
    const key = Buffer.from(hex, 'hex');
    if (key.length !== 32 || !keyMatches(key, manifest.keyCheck)) {
      throw new HearkenError('WRONG_KEY', 'The keychain holds a different key than this store needs. Unlock with your recovery key; Hearken will replace the keychain entry.');
    }
    return { db: this.open(key, manifest), keySource: 'keychain' };
  }

  private async unlockWithRecovery(text: string, manifest: Manifest | null): Promise<{ db: DB; keySource: KeySource }> {
    const key = databaseKeyFromRecovery(parseRecoveryKey(text));
    if (manifest && !keyMatches(key, manifest.keyCheck)) {
      throw new HearkenError('WRONG_RECOVERY_KEY', 'That recovery key belongs to another store, or was mistyped. Check it and try again.');
    }
    let db: DB;
    try {
      db = this.open(key, manifest);
    } catch (error) {
      if (!manifest && error instanceof HearkenError && error.code === 'WRONG_KEY') {
        throw new HearkenError('WRONG_RECOVERY_KEY', 'That recovery key does not open this database. Check it; if it is right, the file may be damaged or not a Hearken store.');
      }
      throw error;
    }
    // Put the key back where the next start will look for it.
    const keychain = await this.secrets.available();
    if (manifest?.keySource === 'keychain' && keychain) {
      await this.secrets.set(manifest.storeId, key.toString('hex'));
    } else if (!manifest && keychain) {
      const storeId = newId();
      await this.secrets.set(storeId, key.toString('hex'));
      writeManifest(this.paths.manifest, { format: 'hearken-store', version: 1, storeId, createdAt: Date.now(), complete: true, keySource: 'keychain', keyCheck: keyCheck(key), wrappedKey: null });
    }
    return { db, keySource: manifest?.keySource ?? 'keychain' };
  }

  private open(key: Buffer, manifest: Manifest | null): DB {
    let db: DB;
    try {
      db = openEncrypted(this.paths.db, { keyHex: key.toString('hex'), nativeBinding: this.nativeBinding });
      this.openKeyHex = key.toString('hex');
    } catch (error) {
      // The fingerprint proved the key, so a file that will not decrypt is damaged.
      if (manifest && error instanceof HearkenError && error.code === 'WRONG_KEY') {
        throw new HearkenError('CORRUPT_DATABASE', damagedMessage(this.paths.db), { cause: error });
      }
      throw error;
    }
    try {
      migrate(db, migrations);
    } catch (error) {
      db.close();
      throw error;
    }
    return db;
  }

  /**
   * What a second connection needs (the job thread's): the file, the key and the native
   * build. Only while the store is open; the key never leaves the main process.
   */
  connection(): { dbPath: string; keyHex: string; nativeBinding?: string | undefined } | null {
    return this.openKeyHex === null ? null : { dbPath: this.paths.db, keyHex: this.openKeyHex, nativeBinding: this.nativeBinding };
  }

  /** On lock: the key is no longer kept for a second connection. */
  forgetKey(): void {
    this.openKeyHex = null;
  }

  /** Sizes for `doctor`: the database and its write-ahead log. */
  sizes(): { db: number; wal: number } {
    const size = (f: string): number => (existsSync(f) ? statSync(f).size : 0);
    return { db: size(this.paths.db), wal: size(`${this.paths.db}-wal`) };
  }
}
