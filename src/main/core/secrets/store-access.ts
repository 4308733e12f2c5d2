import { chmodSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { KeySource, UnlockInput, StoreStatus } from '../../../shared/contract';
import { HearkenError } from '../../../shared/errors';
import { diskFullError, isDiskFull } from '../errors';
import { syncDirectory } from '../files';
import { log } from '../log';
import { conversionNewPath, convertToAegis, conversionPending, detectCipher } from '../store/cipher-conversion';
import type { DB } from '../store/db';
import { newId } from '../store/ids';
import { migrate } from '../store/migrate';
import { migrations } from '../store/migrations';
import { damagedMessage, hasCurrentCipherHeader, isPlainSqlite, openEncrypted, readHeader, withoutSharedMemory } from '../store/open';
import {
  databaseKeyFromRecovery,
  formatRecoveryKey,
  keyCheck,
  keyMatches,
  newRecoverySecret,
  parseRecoveryKey,
  subkey,
  unwrapWithPassphrase,
  wrapWithPassphrase,
} from './key-material';
import type { KeyPlace } from './key-changes';
import { assertCanRotate, keychainCandidates, passphraseCandidates, removeRotationLeftovers, rotateStoreKey, settleRotation, type Rotation, type RotationStep } from './key-rotation';
import { readManifest, writeManifest, type Manifest } from './manifest';
import type { SecretStore } from './secret-store';
import { SetupLock } from './setup-lock';

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
  /** Opened by the recovery key where no keychain answered and no manifest was: the next start needs the recovery key again. */
  private recoveredWithoutManifest = false;
  /** False when the disk was full at unlock and the store was opened in exclusive locking mode. */
  private sharedMemory = true;

  constructor(
    dataDir: string,
    private readonly secrets: SecretStore,
    private readonly nativeBinding?: string,
  ) {
    this.paths = storePaths(dataDir);
  }

  /**
   * Reads the folder, writing nothing. A database at `hearken.db` is always a whole store,
   * whatever the manifest's `complete` says: setup builds it under a temporary name and
   * only moves it there once it is migrated. So only a folder without a database can hold
   * an unfinished setup.
   */
  inspect(): Inspection {
    let manifest: Manifest | null;
    try {
      manifest = readManifest(this.paths.manifest);
    } catch (error) {
      return { state: 'unavailable', problem: error as HearkenError };
    }
    const header = readHeader(this.paths.db);
    const dbExists = existsSync(this.paths.db);
    if (isPlainSqlite(header)) {
      return {
        state: 'unavailable',
        problem: new HearkenError(
          'NOT_ENCRYPTED',
          `${this.paths.db} is a plain, unencrypted SQLite database, not a Hearken store. Hearken left it untouched. Move it out of the data folder, or choose another data folder.`,
        ),
      };
    }
    // Between the two renames of a conversion on a file system without hard links, the
    // store is its converted copy: the unlock finishes the swap.
    if (!dbExists && conversionPending(this.paths.db) && existsSync(conversionNewPath(this.paths.db))) return { state: 'locked', manifest };
    if (!dbExists && fileSize(`${this.paths.db}-wal`) > 0) {
      return {
        state: 'unavailable',
        problem: new HearkenError(
          'NO_STORE',
          `${this.paths.db}-wal is in ${this.paths.dir} without its database hearken.db: it may hold the last changes of a store that was moved. Hearken left it untouched. Put hearken.db back beside it; to start a new, empty store instead, move hearken.db-wal and hearken.db-shm out of the folder.`,
        ),
      };
    }
    if (!dbExists && (!manifest || !manifest.complete)) return { state: 'new', leftover: manifest };
    if (!dbExists) {
      return {
        state: 'unavailable',
        problem: new HearkenError(
          'NO_STORE',
          `The store's database ${this.paths.db} is missing, although its manifest is there. Restore the file from a backup. To start a new, empty store instead, move hearken.json out of ${this.paths.dir}.`,
        ),
      };
    }
    if (header === null) {
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
    const status: StoreStatus = { ...base, state: unlocked ? 'unlocked' : 'locked', keySource: found.manifest?.keySource ?? null, problem: null };
    if (!unlocked && (conversionPending(this.paths.db) || !hasCurrentCipherHeader(readHeader(this.paths.db, 24)))) status.needsConversion = true;
    return status;
  }

  /**
   * Creates the store. The recovery key is returned once and kept nowhere.
   *
   * Under the folder's setup lock (setup-lock.ts): the manifest first (complete: false, so
   * a crash leaves a folder the next setup recognises), the key in the keychain, the
   * database built and migrated as `hearken.setup-<token>.db`, then linked to `hearken.db`
   * (never over an existing file), then the manifest marked complete. A failure before the
   * database is in place removes only what this setup made; after, nothing is removed.
   */
  async create(options: { passphrase?: string | undefined }, now: number): Promise<{ db: DB; recoveryKey: string; keySource: KeySource }> {
    // Checked before taking the lock too, so refusing an existing store touches nothing.
    this.assertNew(this.inspect());
    const keySource: KeySource = options.passphrase ? 'passphrase' : 'keychain';
    if (keySource === 'keychain' && !(await this.secrets.available())) {
      throw new HearkenError(
        'KEYCHAIN_UNAVAILABLE',
        'No keychain answered on this computer (on Linux a Secret Service such as GNOME Keyring must be running). Choose a passphrase to protect the store instead.',
      );
    }
    const storeId = newId(now);
    const lock = this.disk(() => {
      makeOwnerOnlyFolder(this.paths.dir);
      return SetupLock.acquire(this.paths.dir, storeId);
    });
    try {
      const found = this.inspect();
      this.assertNew(found);
      await this.clearDeadSetups(found.leftover, lock);
      return await this.build(storeId, keySource, options.passphrase, lock, now);
    } finally {
      lock.release();
    }
  }

  private assertNew(found: Inspection): asserts found is Extract<Inspection, { state: 'new' }> {
    if (found.state === 'locked') throw this.existsError();
    if (found.state === 'unavailable') {
      throw new HearkenError('STORE_EXISTS', `Hearken will not set up a new store in ${this.paths.dir}, which holds files of one: ${found.problem.message}`);
    }
  }

  private async build(
    storeId: string,
    keySource: KeySource,
    passphrase: string | undefined,
    lock: SetupLock,
    now: number,
  ): Promise<{ db: DB; recoveryKey: string; keySource: KeySource }> {
    const secret = newRecoverySecret();
    const key = databaseKeyFromRecovery(secret);
    const manifest: Manifest = {
      format: 'hearken-store',
      version: 1,
      storeId,
      createdAt: now,
      complete: false,
      keySource,
      keyCheck: keyCheck(key),
      wrappedKey: passphrase ? wrapWithPassphrase(key, passphrase, storeId) : null,
    };
    const temp = join(this.paths.dir, `hearken.setup-${lock.holder.token}.db`);
    let wroteManifest = false;
    let keyInKeychain = false;
    try {
      writeManifest(this.paths.manifest, manifest);
      wroteManifest = true;
      if (keySource === 'keychain') {
        await this.secrets.set(storeId, key.toString('hex')).catch((error: unknown) => {
          throw new HearkenError(
            'KEYCHAIN_UNAVAILABLE',
            `The keychain refused to store the database key (${(error as Error).message}). Unlock the keychain and retry, or choose a passphrase instead.`,
          );
        });
        keyInKeychain = true;
      }
      const db = openEncrypted(temp, { keyHex: key.toString('hex'), create: true, nativeBinding: this.nativeBinding });
      try {
        migrate(db, migrations);
        // Everything into the database file itself: only that file is moved into place.
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
      if (fileSize(`${temp}-wal`) > 0) throw new HearkenError('INTERNAL', `Setup could not finish writing ${temp}; nothing was kept. Try again.`);
      if (!lock.held()) throw new HearkenError('SETUP_RUNNING', `Another Hearken setup took over ${this.paths.dir} while this one ran. Unlock the store it made.`);
      this.placeDatabase(temp);
    } catch (error) {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(temp + suffix, { force: true });
      if (wroteManifest && readManifestQuietly(this.paths.manifest)?.storeId === storeId) rmSync(this.paths.manifest, { force: true });
      if (keyInKeychain) await this.secrets.delete(storeId).catch(() => false);
      throw isDiskFull(error) ? diskFullError(this.paths.dir, error) : error;
    }
    // The store is whole and in place from here on: nothing is removed any more.
    try {
      writeManifest(this.paths.manifest, { ...manifest, complete: true });
    } catch (error) {
      // The manifest already holds what unlocking needs; the flag only tells an unfinished setup apart.
      log.warn('setup could not mark the manifest complete; the store works without it', { code: String((error as { code?: unknown }).code ?? 'unknown') });
    }
    return { db: this.open(key, manifest), recoveryKey: formatRecoveryKey(secret), keySource };
  }

  /** Links the built database to hearken.db, which fails rather than replace a file there. */
  private placeDatabase(temp: string): void {
    try {
      linkSync(temp, this.paths.db);
      // The store is in place; the temporary name is only a second name for the same file.
      rmSync(temp, { force: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw this.existsError();
      // A file system without hard links (FAT, some network shares): the lock is the only guard there.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
      if (existsSync(this.paths.db)) throw this.existsError();
      renameSync(temp, this.paths.db);
    }
    syncDirectory(this.paths.dir);
  }

  private existsError(): HearkenError {
    return new HearkenError('STORE_EXISTS', `${this.paths.dir} already holds a Hearken store. Unlock it instead; Hearken never replaces an existing store.`);
  }

  /**
   * Holding the lock and finding no database, what earlier setups left is theirs and dead:
   * their temporary databases (never anything of the user's: a database is only ever put
   * in place whole), lock files a take-over moved aside, and the manifest of one that never
   * put its database in place. That manifest and its keychain entry are removed when the
   * dead setup's lock names it; one no lock names (an older Hearken's) is moved aside and
   * its keychain entry kept.
   */
  private async clearDeadSetups(leftover: Manifest | null, lock: SetupLock): Promise<void> {
    const own = `hearken.setup-${lock.holder.token}.db`;
    for (const name of readdirSync(this.paths.dir)) {
      const theirs = /^hearken\.setup-[0-9a-f]{16}\.db(-wal|-shm|-journal)?$/.test(name) || /^hearken\.setup\.lock\.(stale|release)-[0-9a-f]{16}$/.test(name);
      if (theirs && !name.startsWith(own) && !name.endsWith(lock.holder.token)) rmSync(join(this.paths.dir, name), { force: true });
    }
    // SQLite's side files without a database: the shared-memory index and an empty log hold
    // nothing (a log with content makes the folder unavailable, see inspect).
    rmSync(`${this.paths.db}-shm`, { force: true });
    if (fileSize(`${this.paths.db}-wal`) === 0) rmSync(`${this.paths.db}-wal`, { force: true });
    if (!leftover) return;
    if (lock.tookOverFrom?.storeId === leftover.storeId) {
      rmSync(this.paths.manifest, { force: true });
      if (leftover.keySource === 'keychain') await this.secrets.delete(leftover.storeId).catch(() => false);
    } else {
      renameSync(this.paths.manifest, `${this.paths.manifest}.unfinished-${leftover.storeId}`);
      log.warn('an unfinished setup left a manifest; it was moved aside', { storeId: leftover.storeId });
    }
  }

  /** File-system work whose ENOSPC is the DISK_FULL error. */
  private disk<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw isDiskFull(error) ? diskFullError(this.paths.dir, error) : error;
    }
  }

  async unlock(input: UnlockInput): Promise<{ db: DB; keySource: KeySource }> {
    const found = this.inspect();
    if (found.state === 'unavailable') throw found.problem;
    if (found.state === 'new') throw new HearkenError('NO_STORE', `There is no Hearken store in ${this.paths.dir} yet. Create one first.`);
    const manifest = found.manifest;

    if (input.method === 'recovery') {
      if (manifest?.pendingKey) {
        const key = databaseKeyFromRecovery(parseRecoveryKey(input.recoveryKey));
        if (!keyMatches(key, manifest.keyCheck) && !keyMatches(key, manifest.pendingKey.keyCheck)) {
          throw new HearkenError('WRONG_RECOVERY_KEY', 'That recovery key belongs to another store, or was mistyped. Check it and try again.');
        }
        return this.settleAndOpen(manifest, [key]);
      }
      return this.unlockWithRecovery(input.recoveryKey, manifest);
    }
    if (!manifest) {
      throw new HearkenError('KEY_MISSING', `The manifest beside ${this.paths.db} is missing, so only the recovery key can unlock this store.`);
    }
    if (input.method === 'passphrase') {
      if (!manifest.wrappedKey) {
        throw new HearkenError('VALIDATION', 'This store is not protected by a passphrase; it unlocks through the keychain or with the recovery key.');
      }
      if (manifest.pendingKey) return this.settleAndOpen(manifest, passphraseCandidates(manifest, input.passphrase));
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
    if (manifest.pendingKey) return this.settleAndOpen(manifest, await keychainCandidates(this.secrets, manifest.storeId));
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

  /** A key rotation was cut off: the key that opens the database settles it (key-rotation.ts), then the store opens as usual. */
  private async settleAndOpen(manifest: Manifest, candidates: Buffer[]): Promise<{ db: DB; keySource: KeySource }> {
    const key = await settleRotation(this.paths, this.secrets, manifest, candidates, { now: Date.now(), nativeBinding: this.nativeBinding });
    return { db: this.open(key, readManifestQuietly(this.paths.manifest)), keySource: manifest.keySource };
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
    this.recoveredWithoutManifest = false;
    // Put the key back where the next start will look for it.
    try {
      const keychain = await this.secrets.available();
      if (manifest?.keySource === 'keychain' && keychain) {
        await this.secrets.set(manifest.storeId, key.toString('hex'));
      } else if (!manifest && keychain) {
        const storeId = newId();
        await this.secrets.set(storeId, key.toString('hex'));
        writeManifest(this.paths.manifest, { format: 'hearken-store', version: 1, storeId, createdAt: Date.now(), complete: true, keySource: 'keychain', keyCheck: keyCheck(key), wrappedKey: null });
      } else if (!manifest) {
        // No keychain and no manifest: nothing holds the key but the recovery key until a passphrase is set (keys.moveToPassphrase).
        this.recoveredWithoutManifest = true;
      }
    } catch (error) {
      // The store is open and readable; on a full disk the manifest is written by a later unlock.
      if (!isDiskFull(error)) {
        db.close();
        throw error;
      }
      log.warn('the recovery key opened the store, but the manifest could not be written: the disk is full', {});
    }
    return { db, keySource: manifest?.keySource ?? 'keychain' };
  }

  private open(key: Buffer, manifest: Manifest | null): DB {
    let db: DB;
    try {
      const keyHex = key.toString('hex');
      if (conversionPending(this.paths.db)) this.convert(keyHex);
      try {
        db = openEncrypted(this.paths.db, { keyHex, nativeBinding: this.nativeBinding });
      } catch (error) {
        if (!(error instanceof HearkenError && error.code === 'WRONG_KEY') || !this.convert(keyHex)) throw error;
        db = openEncrypted(this.paths.db, { keyHex, nativeBinding: this.nativeBinding });
      }
      this.openKeyHex = key.toString('hex');
      this.sharedMemory = !withoutSharedMemory(db);
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
      throw isDiskFull(error) ? diskFullError(this.paths.dir, error) : error;
    }
    this.tightenModes();
    removeRotationLeftovers(this.paths, readManifestQuietly(this.paths.manifest));
    return db;
  }

  /**
   * Stores made before AEGIS are SQLCipher v4: converted here, on the main connection only
   * (the job thread opens the store after this), and a cut-off conversion finished or undone.
   * False when the key does not open the file as SQLCipher either: nothing was touched.
   */
  private convert(keyHex: string): boolean {
    try {
      if (!conversionPending(this.paths.db) && detectCipher(this.paths.db, keyHex, this.nativeBinding) !== 'sqlcipher') return false;
      convertToAegis(this.paths.db, keyHex, { nativeBinding: this.nativeBinding });
      return true;
    } catch (error) {
      throw isDiskFull(error) && !(error instanceof HearkenError) ? diskFullError(this.paths.dir, error) : error;
    }
  }

  /**
   * Stores made by an older Hearken may be readable by others (0644 under the usual umask):
   * made owner-only on unlock. Only the mode changes, which needs no free space.
   */
  private tightenModes(): void {
    if (process.platform === 'win32') return;
    for (const file of [this.paths.db, `${this.paths.db}-wal`, `${this.paths.db}-shm`, this.paths.manifest]) {
      try {
        if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
      } catch {
        // Absent (no -wal yet) or not ours to change: nothing to tighten.
      }
    }
  }

  /**
   * What a second connection needs (the job thread's): the file, the key and the native
   * build. Only while the store is open; the key never leaves the main process.
   */
  connection(): { dbPath: string; keyHex: string; nativeBinding?: string | undefined } | null {
    if (this.openKeyHex === null) return null;
    if (!this.sharedMemory) {
      throw new HearkenError(
        'DISK_FULL',
        `The disk holding ${this.paths.dir} was full when the store was unlocked, so Hearken opened it for this window alone and background work (imports, re-analysis) cannot run. Free some space, then lock and unlock the store; nothing was changed.`,
      );
    }
    return { dbPath: this.paths.db, keyHex: this.openKeyHex, nativeBinding: this.nativeBinding };
  }

  /** The keychain the store's key lives in: the LLM's API key is kept beside it (ai/api-key.ts). */
  secretStore(): SecretStore {
    return this.secrets;
  }

  /** The store's id from its manifest (names its keychain entries); null without one. */
  storeId(): string | null {
    return readManifestQuietly(this.paths.manifest)?.storeId ?? null;
  }

  /**
   * A key for sealing a small secret inside the store, derived (HKDF) from the open
   * database key, so whatever unlocks the store (keychain, passphrase) unlocks it too.
   * Null while locked.
   */
  derivedKey(purpose: string): Buffer | null {
    if (this.openKeyHex === null) return null;
    return subkey(Buffer.from(this.openKeyHex, 'hex'), purpose);
  }

  /** The open store's key, for closing and reopening it around a file swap (context.ts StoreSwap); null while locked. */
  openKey(): Buffer | null {
    return this.openKeyHex === null ? null : Buffer.from(this.openKeyHex, 'hex');
  }

  /** Opens the store again after a swap, with the key it now needs (migrations run as at unlock). */
  reopen(key: Buffer): DB {
    return this.open(key, readManifestQuietly(this.paths.manifest));
  }

  /** On lock: the key is no longer kept for a second connection. */
  forgetKey(): void {
    this.openKeyHex = null;
    this.recoveredWithoutManifest = false;
  }

  /** Where the key is kept and what the keys page should offer; null while locked. */
  async keyStatus(): Promise<{ keySource: KeySource | null; keychainAvailable: boolean; recoveredWithoutManifest: boolean; recoveryKeyStale: boolean; rotatedAt: number | null }> {
    const manifest = readManifestQuietly(this.paths.manifest);
    return {
      keySource: manifest?.keySource ?? null,
      keychainAvailable: await this.secrets.available(),
      recoveredWithoutManifest: this.recoveredWithoutManifest && manifest === null,
      recoveryKeyStale: manifest?.recoveryKeyStale === true,
      rotatedAt: manifest?.rotatedAt ?? null,
    };
  }

  /** The open store's key and folder, for the key changes (key-changes.ts). */
  keyPlace(now: number): KeyPlace {
    const key = this.openKey();
    if (!key) throw new HearkenError('LOCKED', 'The store is locked. Unlock it first.');
    return { paths: this.paths, secrets: this.secrets, key, now };
  }

  /**
   * A new database key and recovery key (key-rotation.ts), with every connection closed
   * (the caller's StoreSwap). Returns the new key, which the store then opens with.
   */
  /** Refuses a rotation that could not finish (wrong passphrase, no keychain) while the store is still open and nothing was written. */
  async assertCanRotate(passphrase: string | undefined): Promise<void> {
    const key = this.openKey();
    if (!key) throw new HearkenError('LOCKED', 'The store is locked. Unlock it first.');
    await assertCanRotate(this.paths, this.secrets, key, passphrase);
  }

  async rotate(passphrase: string | undefined, now: number, onStep?: (step: RotationStep) => void): Promise<Rotation> {
    const key = this.openKey();
    if (!key) throw new HearkenError('LOCKED', 'The store is locked. Unlock it first.');
    const rotation = await rotateStoreKey(this.paths, this.secrets, key, passphrase, { now, nativeBinding: this.nativeBinding, onStep });
    this.openKeyHex = rotation.key.toString('hex');
    return rotation;
  }

  /** Sizes for `doctor`: the database and its write-ahead log. */
  sizes(): { db: number; wal: number } {
    return { db: fileSize(this.paths.db), wal: fileSize(`${this.paths.db}-wal`) };
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function readManifestQuietly(file: string): Manifest | null {
  try {
    return readManifest(file);
  } catch {
    return null;
  }
}

/** The data folder, owner-only: it holds the store, the manifest and the setup lock. */
function makeOwnerOnlyFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32' && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
}
