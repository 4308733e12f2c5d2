import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NoSecretStore } from '../../src/main/core/secrets';
import { databaseKeyFromRecovery, parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import { Database } from '../../src/main/core/store/db';
import { openEncrypted } from '../../src/main/core/store/open';
import { makeTempCore, type TempCore } from '../support/core';
import { call, callError, sha256 } from '../helpers/results';

const PASSPHRASE = 'correct horse battery';
let temp: TempCore | null = null;

async function passphraseStore(): Promise<{ temp: TempCore; recoveryKey: string; dbFile: string }> {
  temp = await makeTempCore({ secrets: new NoSecretStore() });
  const created = await call(temp.core, 'store.create', { passphrase: PASSPHRASE });
  await call(temp.core, 'demo.load', {});
  await temp.core.close();
  return { temp, recoveryKey: created.recoveryKey, dbFile: join(temp.dataDir, 'hearken.db') };
}

afterEach(async () => {
  await temp?.cleanup();
  temp = null;
});

describe('the encrypted store', () => {
  it('is not a plain SQLite file and plain SQLite cannot read it', async () => {
    const { dbFile } = await passphraseStore();
    const bytes = readFileSync(dbFile);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    // No demo text appears anywhere in the file.
    expect(bytes.includes(Buffer.from('refund'))).toBe(false);
    const plain = new Database(dbFile, { fileMustExist: true });
    try {
      expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    } finally {
      plain.close();
    }
  });

  it('gives WRONG_KEY for a wrong key and opens with the right one', async () => {
    const { dbFile, recoveryKey } = await passphraseStore();
    const before = sha256(dbFile);
    expect(() => openEncrypted(dbFile, { keyHex: 'ab'.repeat(32) })).toThrow(expect.objectContaining({ code: 'WRONG_KEY' }));
    expect(sha256(dbFile)).toBe(before);
    const right = databaseKeyFromRecovery(parseRecoveryKey(recoveryKey)).toString('hex');
    const db = openEncrypted(dbFile, { keyHex: right });
    try {
      expect((db.prepare('SELECT count(*) AS n FROM feedback').get() as { n: number }).n).toBeGreaterThanOrEqual(300);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      db.close();
    }
  });

  it('reports a wrong passphrase and recovery key without touching the file', async () => {
    const { temp, dbFile } = await passphraseStore();
    const before = sha256(dbFile);
    const core = await temp.reopen();
    expect((await callError(core, 'store.unlock', { method: 'passphrase', passphrase: 'not it at all' })).code).toBe('WRONG_PASSPHRASE');
    expect((await callError(core, 'store.unlock', { method: 'recovery', recoveryKey: '0000-0000-0000-0000-0000-0000-0000-0000' })).code).toBe('WRONG_RECOVERY_KEY');
    expect((await callError(core, 'feedback.stats', {})).code).toBe('LOCKED');
    expect(sha256(dbFile)).toBe(before);
    await call(core, 'store.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    expect((await call(core, 'feedback.stats', {})).total).toBeGreaterThanOrEqual(300);
  });
});

describe('bad files at the database path', () => {
  const cases: [string, (dbFile: string) => void, string][] = [
    [
      'a plain SQLite database',
      (dbFile) => {
        rmSync(dbFile);
        const plain = new Database(dbFile);
        plain.exec("CREATE TABLE notes(x); INSERT INTO notes VALUES ('hello')");
        plain.close();
      },
      'NOT_ENCRYPTED',
    ],
    ['a foreign file', (dbFile) => writeFileSync(dbFile, Buffer.alloc(8192, 0x5a)), 'CORRUPT_DATABASE'],
    [
      'a damaged store',
      (dbFile) => {
        const bytes = readFileSync(dbFile);
        bytes.fill(0x00, 0, 4096); // wipe the first page, which holds the schema
        writeFileSync(dbFile, bytes);
      },
      'CORRUPT_DATABASE',
    ],
  ];

  for (const [what, damage, code] of cases) {
    it(`${what} gets ${code} and is left byte-for-byte untouched`, async () => {
      const { temp, dbFile } = await passphraseStore();
      // Checkpointed and closed: the database is the single file now.
      damage(dbFile);
      const before = sha256(dbFile);
      const core = await temp.reopen();
      const status = await call(core, 'store.status', {});
      if (code === 'NOT_ENCRYPTED') {
        expect(status.state).toBe('unavailable');
        expect(status.problem?.code).toBe(code);
      }
      const error = await callError(core, 'store.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
      expect(error.code).toBe(code);
      expect(error.message).toMatch(/untouched/);
      expect((await callError(core, 'store.create', {})).code).toMatch(/STORE_EXISTS|KEYCHAIN_UNAVAILABLE/);
      expect((await callError(core, 'store.create', { passphrase: 'another passphrase' })).code).toBe('STORE_EXISTS');
      expect(sha256(dbFile)).toBe(before);
    });
  }

  it('keeps a copy intact when the manifest is gone: only the recovery key opens it', async () => {
    const { temp, dbFile, recoveryKey } = await passphraseStore();
    copyFileSync(join(temp.dataDir, 'hearken.json'), join(temp.dataDir, 'manifest.bak'));
    writeFileSync(join(temp.dataDir, 'hearken.json'), 'not json');
    const core = await temp.reopen();
    expect((await call(core, 'store.status', {})).problem?.code).toBe('FOREIGN_FILE');
    copyFileSync(join(temp.dataDir, 'manifest.bak'), join(temp.dataDir, 'hearken.json'));
    await call(core, 'store.unlock', { method: 'recovery', recoveryKey });
    expect((await call(core, 'feedback.stats', {})).total).toBeGreaterThan(0);
    expect(readFileSync(dbFile).subarray(0, 6).toString()).not.toBe('SQLite');
  });
});
