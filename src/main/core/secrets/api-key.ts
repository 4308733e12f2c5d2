/**
 * The LLM endpoint's API key. It lives in the OS keychain beside the store's own key
 * (account `<storeId>:llm-api-key`); where no keychain answers, it is sealed with
 * AES-256-GCM under a key derived from the open store key and kept in the `settings`
 * table, so the passphrase that unlocks the store unlocks it too. The key is only ever
 * handed to the LLM client: never to the window, a log line, an audit row or the call log.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { HearkenError } from '../../../shared/errors';
import type { DB } from '../store/db';
import { cached } from '../store/db';
import { getSetting, setSetting } from '../store/settings';
import { subkey } from './key-material';
import type { StoreAccess } from './store-access';

export type ApiKeyStore = 'keychain' | 'store';

/** Where the key was put: the keychain, or sealed in the store. Holds no secret. */
const WHERE = 'ai.apiKey.where';
const SEALED = 'ai.apiKey.sealed';
const PURPOSE = 'llm-api-key';

function account(store: StoreAccess): string {
  const storeId = store.storeId();
  if (!storeId) throw new HearkenError('LOCKED', 'The store has no manifest, so its API key has no place. Unlock the store first.');
  return `${storeId}:${PURPOSE}`;
}

function sealingKey(store: StoreAccess): Buffer {
  const key = store.derivedKey(PURPOSE);
  if (!key) throw new HearkenError('LOCKED', 'The store is locked. Unlock it first.');
  return key;
}

function seal(key: Buffer, secret: string, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function unseal(key: Buffer, sealed: string, aad: string): string | null {
  try {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    // Sealed under another store's key (a copied settings row): as good as no key.
    return null;
  }
}

export function apiKeyStore(db: DB): ApiKeyStore | null {
  const where = getSetting(db, WHERE);
  return where === 'keychain' || where === 'store' ? where : null;
}

/** Stores the key: in the keychain when one answers, else sealed in the store. */
export async function saveApiKey(store: StoreAccess, db: DB, key: string, now: number): Promise<ApiKeyStore> {
  const secrets = store.secretStore();
  const name = account(store);
  if (await secrets.available()) {
    try {
      await secrets.set(name, key);
      db.transaction(() => {
        cached(db, 'DELETE FROM settings WHERE key = ?').run(SEALED);
        setSetting(db, WHERE, 'keychain', now);
      }).immediate();
      return 'keychain';
    } catch {
      // A keychain that answers but refuses to store (locked collection): sealed instead.
    }
  }
  const sealed = seal(sealingKey(store), key, name);
  db.transaction(() => {
    setSetting(db, SEALED, sealed, now);
    setSetting(db, WHERE, 'store', now);
  }).immediate();
  return 'store';
}

/** The key, from wherever it was put; null when none was saved (or it can no longer be read). */
export async function readApiKey(store: StoreAccess, db: DB): Promise<string | null> {
  const where = apiKeyStore(db);
  if (where === 'keychain') {
    const secrets = store.secretStore();
    if (!(await secrets.available())) return null;
    return secrets.get(account(store)).catch(() => null);
  }
  if (where === 'store') {
    const sealed = getSetting(db, SEALED);
    return sealed ? unseal(sealingKey(store), sealed, account(store)) : null;
  }
  return null;
}

/**
 * For a key rotation: the API key sealed in the store (when no keychain held it) sealed
 * again under the new database key, in `db`, the re-encrypted copy. A sealed key the old
 * database key could not open either stays as it was.
 */
export function resealApiKey(db: DB, storeId: string, oldKey: Buffer, newKey: Buffer, now: number): void {
  const sealed = getSetting(db, SEALED);
  if (!sealed) return;
  const aad = `${storeId}:${PURPOSE}`;
  const plain = unseal(subkey(oldKey, PURPOSE), sealed, aad);
  if (plain !== null) setSetting(db, SEALED, seal(subkey(newKey, PURPOSE), plain, aad), now);
}

/** Forgets the key wherever it is. */
export async function removeApiKey(store: StoreAccess, db: DB): Promise<void> {
  if (apiKeyStore(db) === 'keychain') {
    const secrets = store.secretStore();
    if (await secrets.available()) await secrets.delete(account(store)).catch(() => false);
  }
  db.transaction(() => {
    cached(db, 'DELETE FROM settings WHERE key IN (?, ?)').run(SEALED, WHERE);
  }).immediate();
}
