/**
 * A store the way Hearken made them before AEGIS: SQLCipher v4 with a raw key, in WAL mode,
 * built by the real migrations and batch insert, with a passphrase manifest beside it so
 * StoreAccess unlocks it as it would an old user's store.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash } from '../../src/main/core/ingest/content-hash';
import type { NewFeedback } from '../../src/main/core/ingest/types';
import { keyCheck, wrapWithPassphrase } from '../../src/main/core/secrets/key-material';
import { writeManifest } from '../../src/main/core/secrets/manifest';
import { Database } from '../../src/main/core/store/db';
import { insertFeedbackBatch } from '../../src/main/core/store/feedback-write';
import { migrate } from '../../src/main/core/store/migrate';
import { migrations } from '../../src/main/core/store/migrations';
import { applyCipher, SQLCIPHER_V4 } from '../../src/main/core/store/open';

export const OLD_STORE_PASSPHRASE = 'an old store passphrase';

export function oldItem(n: number): NewFeedback {
  const body = `Order ${n}: the parcel ${n % 7 === 0 ? 'zebracrossing ' : ''}never arrived. ${randomBytes(6).toString('hex')}`;
  const receivedAt = 1_700_000_000_000 + n * 1000;
  return {
    source: 'test',
    externalId: `ext-${n}`,
    contentHash: contentHash({ customer: `c${n % 50}@example.com`, at: receivedAt, body }),
    channel: 'email',
    customer: { name: `Customer ${n % 50}`, email: `c${n % 50}@example.com`, tier: 'standard', language: 'en' },
    subject: `Subject ${n}`,
    body,
    product: null,
    language: 'en',
    status: 'open',
    sentiment: null,
    sentimentSource: null,
    rating: null,
    receivedAt,
    unread: true,
    tags: n % 3 === 0 ? [{ name: 'shipping', source: 'import' }] : [],
    messages: [{ direction: 'in', author: `Customer ${n % 50}`, body, sentAt: receivedAt }],
  };
}

/** The SQLCipher v4 file alone (the bench's store too): items inserted in batches of 1,000. */
export function makeSqlcipherDb(file: string, keyHex: string, items: number): void {
  const db = new Database(file);
  try {
    applyCipher(db, SQLCIPHER_V4);
    db.pragma(`key="x'${keyHex}'"`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    for (let from = 0; from < items; from += 1000) {
      insertFeedbackBatch(db, Array.from({ length: Math.min(1000, items - from) }, (_, i) => oldItem(from + i)), Date.UTC(2026, 10, 1));
    }
  } finally {
    db.close();
  }
}

/** An old store with its manifest in dataDir; returns the key. */
export function makeOldStore(dataDir: string, items: number): { keyHex: string } {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  const storeId = '01JOLDSTORE0000000000000000';
  makeSqlcipherDb(join(dataDir, 'hearken.db'), key.toString('hex'), items);
  writeManifest(join(dataDir, 'hearken.json'), {
    format: 'hearken-store',
    version: 1,
    storeId,
    createdAt: Date.UTC(2026, 0, 1),
    complete: true,
    keySource: 'passphrase',
    keyCheck: keyCheck(key),
    wrappedKey: wrapWithPassphrase(key, OLD_STORE_PASSPHRASE, storeId),
  });
  return { keyHex: key.toString('hex') };
}

/** sha256 of each file that exists, by name: to show a failed attempt changed no byte. */
export function hashFiles(dir: string, names: string[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const name of names) {
    const file = join(dir, name);
    out[name] = existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null;
  }
  return out;
}
