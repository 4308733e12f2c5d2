/**
 * Where the store's key is kept, changed while the store is open: a new passphrase, the
 * keychain instead of a passphrase or the reverse, and a passphrase for a store that was
 * opened with the recovery key alone. The database is never touched (its key does not
 * change); each change ends in one atomic manifest write (manifest.ts), so a crash leaves
 * the old way of unlocking or the new one. A keychain entry is written and read back
 * before the manifest points to it, and removed only after the manifest no longer does.
 */
import type { KeySource } from '../../../shared/contract';
import { HearkenError } from '../../../shared/errors';
import { newId } from '../store/ids';
import { keyCheck, keyMatches, unwrapWithPassphrase, wrapWithPassphrase } from './key-material';
import { readManifest, writeManifest, type Manifest } from './manifest';
import type { SecretStore } from './secret-store';
import type { StorePaths } from './store-access';

export interface KeyPlace {
  paths: StorePaths;
  secrets: SecretStore;
  /** The open store's key. */
  key: Buffer;
  now: number;
  /** Called after each durable write (tests stop the process there, as a crash would). */
  onStep?: ((step: KeyChangeStep) => void) | undefined;
}

export type KeyChangeStep = 'keychain-written' | 'manifest-written' | 'keychain-removed';

/** Checks a passphrase against the manifest's wrapped key; WRONG_PASSPHRASE before anything is written. */
function confirmPassphrase(manifest: Manifest, passphrase: string): void {
  if (!manifest.wrappedKey || !keyMatches(unwrapWithPassphrase(manifest.wrappedKey, passphrase, manifest.storeId), manifest.keyCheck)) {
    throw new HearkenError('WRONG_PASSPHRASE', 'That passphrase does not unlock this store. Nothing was changed.');
  }
}

function settledManifest(place: KeyPlace): Manifest | null {
  const manifest = readManifest(place.paths.manifest);
  if (manifest?.pendingKey) {
    throw new HearkenError('VALIDATION', 'A key rotation is still being finished. Lock and unlock the store, then try again.');
  }
  if (manifest && !keyMatches(place.key, manifest.keyCheck)) {
    throw new HearkenError('WRONG_KEY', 'The manifest beside the store belongs to another key. Nothing was changed; lock and unlock the store, then try again.');
  }
  return manifest;
}

/** A manifest for a store opened by its recovery key alone (none was found beside it). */
function freshManifest(place: KeyPlace, keySource: KeySource): Manifest {
  return { format: 'hearken-store', version: 1, storeId: newId(place.now), createdAt: place.now, complete: true, keySource, keyCheck: keyCheck(place.key), wrappedKey: null };
}

export function changePassphrase(place: KeyPlace, current: string, next: string): KeySource {
  const manifest = settledManifest(place);
  if (!manifest || manifest.keySource !== 'passphrase') {
    throw new HearkenError('VALIDATION', 'This store is not protected by a passphrase. To protect it with one, move its key to a passphrase.');
  }
  confirmPassphrase(manifest, current);
  writeManifest(place.paths.manifest, { ...manifest, wrappedKey: wrapWithPassphrase(place.key, next, manifest.storeId) });
  place.onStep?.('manifest-written');
  return 'passphrase';
}

export async function moveToKeychain(place: KeyPlace, passphrase: string | undefined): Promise<KeySource> {
  const found = settledManifest(place);
  if (found?.keySource === 'keychain') return 'keychain';
  if (found) {
    if (!passphrase) throw new HearkenError('VALIDATION', 'Enter the current passphrase to move the key to the keychain.');
    confirmPassphrase(found, passphrase);
  }
  if (!(await place.secrets.available())) {
    throw new HearkenError('KEYCHAIN_UNAVAILABLE', 'No keychain answered (on Linux a Secret Service such as GNOME Keyring must be running). Nothing was changed.');
  }
  const manifest = found ?? freshManifest(place, 'keychain');
  const hex = place.key.toString('hex');
  await place.secrets.set(manifest.storeId, hex);
  if ((await place.secrets.get(manifest.storeId)) !== hex) {
    throw new HearkenError('KEYCHAIN_UNAVAILABLE', 'The keychain did not keep the key it was given. Nothing was changed; the store still unlocks as before.');
  }
  place.onStep?.('keychain-written');
  writeManifest(place.paths.manifest, { ...manifest, keySource: 'keychain', wrappedKey: null });
  place.onStep?.('manifest-written');
  return 'keychain';
}

export async function moveToPassphrase(place: KeyPlace, passphrase: string): Promise<KeySource> {
  const found = settledManifest(place);
  const manifest = found ?? freshManifest(place, 'passphrase');
  writeManifest(place.paths.manifest, { ...manifest, keySource: 'passphrase', wrappedKey: wrapWithPassphrase(place.key, passphrase, manifest.storeId) });
  place.onStep?.('manifest-written');
  // The manifest no longer points to the keychain entry: without it, the key is in one place only.
  if (found?.keySource === 'keychain' && (await place.secrets.available())) {
    await place.secrets.delete(manifest.storeId).catch(() => false);
    place.onStep?.('keychain-removed');
  }
  return 'passphrase';
}
