/**
 * Rotating the store's key. The database key is derived from the recovery key
 * (key-material.ts), so a new database key comes with a new recovery key: the one
 * operation serves both "rotate the key" and "regenerate the recovery key".
 *
 * With every connection closed (context.ts StoreSwap), the store is copied (VACUUM INTO,
 * same key) to `hearken.db.rekey-new`, the copy alone is re-encrypted (PRAGMA rekey, which
 * SQLite3MultipleCiphers refuses in WAL mode and which only a copy can do without the live
 * file passing through a half-rekeyed state), and verified under the new key. Only then is
 * the new key saved beside the old one (manifest `pendingKey`, and a keychain entry), the
 * copy renamed over the store, and the new key promoted. A crash at any step leaves a
 * database that one of the two saved keys opens; the next unlock finds which
 * (settleRotation) and finishes or undoes the rotation. The old file is replaced, never
 * kept: a key is rotated because it may be known to someone else.
 */
import { rmSync } from 'node:fs';
import { HearkenError } from '../../../shared/errors';
import { fsyncFile } from '../files';
import { tableCounts } from '../backups/backup-db';
import { Database } from '../store/db';
import { integrityCheck } from '../store/health';
import { installDatabaseFile } from '../store/install';
import { applyCipher, openEncrypted, STORE_CIPHER } from '../store/open';
import { resealApiKey } from './api-key';
import { databaseKeyFromRecovery, formatRecoveryKey, keyCheck, keyMatches, newRecoverySecret, unwrapWithPassphrase, wrapWithPassphrase } from './key-material';
import { readManifest, writeManifest, type Manifest } from './manifest';
import type { SecretStore } from './secret-store';
import type { StorePaths } from './store-access';

export type RotationStep = 'built' | 'verified' | 'pending-saved' | 'swapped' | 'promoted';

export interface RotationOptions {
  now: number;
  nativeBinding?: string | undefined;
  /** Called after each step (tests stop the process there, as a crash would). */
  onStep?: ((step: RotationStep) => void) | undefined;
}

export interface Rotation {
  key: Buffer;
  recoveryKey: string;
}

/** The keychain account that holds the new key while a rotation is under way. */
export function pendingAccount(storeId: string): string {
  return `${storeId}:pending-db-key`;
}

export function rotationCopyPath(paths: StorePaths): string {
  return `${paths.db}.rekey-new`;
}

/**
 * Rotates the key of the closed store `paths.db`, which `oldKey` opens. Passphrase stores
 * need the passphrase, checked against the manifest before anything is written.
 */
export async function rotateStoreKey(
  paths: StorePaths,
  secrets: SecretStore,
  oldKey: Buffer,
  passphrase: string | undefined,
  options: RotationOptions,
): Promise<Rotation> {
  const manifest = await assertCanRotate(paths, secrets, oldKey, passphrase);
  const secret = newRecoverySecret();
  const key = databaseKeyFromRecovery(secret);
  const copy = rotationCopyPath(paths);
  const step = (name: RotationStep): void => options.onStep?.(name);
  let pendingSaved = false;
  try {
    removeCopy(copy);
    const counts = buildRekeyedCopy(paths.db, copy, oldKey, key, manifest.storeId, options);
    step('built');
    verifyCopy(copy, key, counts, options.nativeBinding);
    step('verified');
    if (manifest.keySource === 'keychain') await secrets.set(pendingAccount(manifest.storeId), key.toString('hex'));
    writeManifest(paths.manifest, {
      ...manifest,
      pendingKey: { keyCheck: keyCheck(key), wrappedKey: passphrase ? wrapWithPassphrase(key, passphrase, manifest.storeId) : null, startedAt: options.now },
    });
    pendingSaved = true;
    step('pending-saved');
    installDatabaseFile(paths.db, copy, 'key change');
    step('swapped');
  } catch (error) {
    // Nothing was swapped: the old key still opens the store, so the new one is forgotten.
    removeCopy(copy);
    if (pendingSaved || manifest.keySource === 'keychain') await forgetPending(paths, secrets, manifest).catch(() => undefined);
    throw error;
  }
  await promote(paths, secrets, key, options.now, false);
  step('promoted');
  return { key, recoveryKey: formatRecoveryKey(secret) };
}

/**
 * Checks what a rotation needs before anything is closed or written: a settled manifest of
 * this key, and the passphrase (passphrase stores) or an answering keychain.
 */
export async function assertCanRotate(paths: StorePaths, secrets: SecretStore, key: Buffer, passphrase: string | undefined): Promise<Manifest> {
  const manifest = readManifest(paths.manifest);
  if (!manifest) {
    throw new HearkenError('KEY_MISSING', 'This store has no manifest (it was opened with the recovery key alone). Set a passphrase or move the key to the keychain first, then make a new recovery key.');
  }
  if (manifest.pendingKey || !keyMatches(key, manifest.keyCheck)) {
    throw new HearkenError('VALIDATION', 'A key rotation is still being finished. Lock and unlock the store, then try again. Nothing was changed.');
  }
  if (manifest.keySource === 'passphrase') {
    if (!passphrase) throw new HearkenError('VALIDATION', 'This store is protected by a passphrase: enter it to make a new recovery key, so the new key can be wrapped with it.');
    if (!manifest.wrappedKey || !keyMatches(unwrapWithPassphrase(manifest.wrappedKey, passphrase, manifest.storeId), manifest.keyCheck)) {
      throw new HearkenError('WRONG_PASSPHRASE', 'That passphrase does not unlock this store. Nothing was changed.');
    }
  } else if (!(await secrets.available())) {
    throw new HearkenError('KEYCHAIN_UNAVAILABLE', 'The store key lives in the keychain, which did not answer, so the new key could not be saved. Nothing was changed. Start the keychain and retry.');
  }
  return manifest;
}

/**
 * At unlock, with a rotation under way: which of the keys the caller could read opens the
 * database decides whether the rotation swapped the file (promote the new key, and say
 * the new recovery key was never shown) or not (forget the new key). Returns the key that
 * opens the store; WRONG_KEY when none does, with nothing changed.
 */
export async function settleRotation(paths: StorePaths, secrets: SecretStore, manifest: Manifest, candidates: Buffer[], options: RotationOptions): Promise<Buffer> {
  const pending = manifest.pendingKey;
  if (!pending) throw new HearkenError('INTERNAL', 'No key rotation is under way.');
  const copy = rotationCopyPath(paths);
  for (const key of candidates) {
    if (!opens(paths.db, key, options.nativeBinding)) continue;
    if (keyMatches(key, pending.keyCheck)) {
      removeCopy(copy);
      await promote(paths, secrets, key, options.now, true);
    } else {
      removeCopy(copy);
      await forgetPending(paths, secrets, manifest);
    }
    return key;
  }
  throw new HearkenError('WRONG_KEY', `None of the keys this store knows opens ${paths.db}. The file was left untouched; unlock with your recovery key.`);
}

/**
 * A copy a rotation left before it saved its key (cut off while building or verifying):
 * encrypted with a key nobody kept, it is removed once the store has opened.
 */
export function removeRotationLeftovers(paths: StorePaths, manifest: Manifest | null): void {
  if (manifest?.pendingKey) return;
  removeCopy(rotationCopyPath(paths));
}

/** The keys a keychain store may open with during a rotation: the current entry, then the pending one. */
export async function keychainCandidates(secrets: SecretStore, storeId: string): Promise<Buffer[]> {
  const found: Buffer[] = [];
  for (const account of [storeId, pendingAccount(storeId)]) {
    const hex = await secrets.get(account).catch(() => null);
    if (hex && /^[0-9a-f]{64}$/i.test(hex)) found.push(Buffer.from(hex, 'hex'));
  }
  return found;
}

/** The keys a passphrase unwraps: the current wrapped key, and the pending one of a rotation. */
export function passphraseCandidates(manifest: Manifest, passphrase: string): Buffer[] {
  if (!manifest.wrappedKey) return [];
  // A wrong passphrase fails here, before any file is touched.
  const found = [unwrapWithPassphrase(manifest.wrappedKey, passphrase, manifest.storeId)];
  const pending = manifest.pendingKey?.wrappedKey;
  if (pending) {
    try {
      found.push(unwrapWithPassphrase(pending, passphrase, manifest.storeId));
    } catch {
      // Wrapped with the same passphrase, so this only fails on a damaged manifest entry.
    }
  }
  return found;
}

function buildRekeyedCopy(file: string, copy: string, oldKey: Buffer, key: Buffer, storeId: string, options: RotationOptions): Record<string, number> {
  const source = openEncrypted(file, { keyHex: oldKey.toString('hex'), nativeBinding: options.nativeBinding });
  let counts: Record<string, number>;
  try {
    source.pragma('wal_checkpoint(TRUNCATE)');
    counts = tableCounts(source);
    // VACUUM INTO writes with the source's cipher and key; the string is a path, quoted as SQL.
    source.exec(`VACUUM INTO '${copy.replaceAll("'", "''")}'`);
  } finally {
    source.close();
  }
  const db = new Database(copy, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    applyCipher(db, STORE_CIPHER);
    db.pragma(`key="x'${oldKey.toString('hex')}'"`);
    db.pragma('journal_mode = DELETE');
    resealApiKey(db, storeId, oldKey, key, options.now);
    db.pragma(`rekey="x'${key.toString('hex')}'"`);
  } finally {
    db.close();
  }
  fsyncFile(copy);
  return counts;
}

function verifyCopy(copy: string, key: Buffer, counts: Record<string, number>, nativeBinding: string | undefined): void {
  const db = openEncrypted(copy, { keyHex: key.toString('hex'), nativeBinding });
  try {
    const integrity = integrityCheck(db);
    if (integrity.length !== 1 || integrity[0] !== 'ok') {
      throw new HearkenError('INTERNAL', `The re-encrypted copy failed its integrity check (${integrity.slice(0, 3).join('; ')}). Nothing was changed; the store keeps its old key.`);
    }
    const copied = tableCounts(db);
    for (const [table, rows] of Object.entries(counts)) {
      if (copied[table] !== rows) {
        throw new HearkenError('INTERNAL', `The re-encrypted copy has ${copied[table] ?? 0} rows in ${table} instead of ${rows}. Nothing was changed; the store keeps its old key.`);
      }
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  fsyncFile(copy);
}

/** The copy and whatever SQLite kept beside it. */
function removeCopy(copy: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(copy + suffix, { force: true });
}

/** The new key becomes the store's key everywhere it is kept. */
async function promote(paths: StorePaths, secrets: SecretStore, key: Buffer, now: number, recoveryKeyStale: boolean): Promise<void> {
  const manifest = readManifest(paths.manifest);
  if (!manifest?.pendingKey) return;
  if (manifest.keySource === 'keychain') await secrets.set(manifest.storeId, key.toString('hex'));
  const { pendingKey, ...rest } = manifest;
  const next: Manifest = { ...rest, keyCheck: pendingKey.keyCheck, wrappedKey: pendingKey.wrappedKey ?? (manifest.keySource === 'passphrase' ? manifest.wrappedKey : null), rotatedAt: now };
  if (recoveryKeyStale) next.recoveryKeyStale = true;
  else delete next.recoveryKeyStale;
  writeManifest(paths.manifest, next);
  if (manifest.keySource === 'keychain') await secrets.delete(pendingAccount(manifest.storeId)).catch(() => false);
}

async function forgetPending(paths: StorePaths, secrets: SecretStore, manifest: Manifest): Promise<void> {
  const current = readManifest(paths.manifest) ?? manifest;
  if (current.pendingKey) {
    const { pendingKey: _dropped, ...rest } = current;
    writeManifest(paths.manifest, rest);
  }
  await secrets.delete(pendingAccount(manifest.storeId)).catch(() => false);
}

function opens(file: string, key: Buffer, nativeBinding: string | undefined): boolean {
  const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    applyCipher(db, STORE_CIPHER);
    db.pragma(`key="x'${key.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}
