import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../src/main/core/secrets';
import { makeTempCore, readStoreId, type TempCore } from '../support/core';
import { keychainForTests } from '../helpers/keychain';
import { call, callError, sha256 } from '../helpers/results';

const keychain = await keychainForTests();
let temp: TempCore | null = null;
afterEach(async () => {
  await temp?.cleanup();
  temp = null;
});

describe.runIf(keychain.mustRun)('the OS keychain (real Secret Service)', () => {
  it('answers, and a secret round-trips through it', async () => {
    const store = new KeytarSecretStore('Hearken-test');
    expect(await store.available()).toBe(true);
    const account = `roundtrip-${randomBytes(6).toString('hex')}`;
    const secret = randomBytes(32).toString('hex');
    await store.set(account, secret);
    try {
      expect(await store.get(account)).toBe(secret);
    } finally {
      expect(await store.delete(account)).toBe(true);
    }
    expect(await store.get(account)).toBeNull();
  });

  it('keeps the database key: a new store opens again on the next start without any prompt', async () => {
    temp = await makeTempCore({ secrets: new KeytarSecretStore() });
    const created = await call(temp.core, 'store.create', {});
    expect(created.keySource).toBe('keychain');
    await call(temp.core, 'demo.load', {});
    const storeId = readStoreId(temp.dataDir)!;
    const key = await temp.secrets.get(storeId);
    expect(key).toMatch(/^[0-9a-f]{64}$/);

    const core = await temp.reopen();
    expect((await call(core, 'store.status', {})).state).toBe('locked');
    await call(core, 'store.unlock', { method: 'keychain' });
    expect((await call(core, 'feedback.stats', {})).total).toBeGreaterThanOrEqual(300);
  });

  it('unlocks with the recovery key after the keychain entry is deleted, and puts the key back', async () => {
    temp = await makeTempCore({ secrets: new KeytarSecretStore() });
    const { recoveryKey } = await call(temp.core, 'store.create', {});
    await call(temp.core, 'demo.load', {});
    const storeId = readStoreId(temp.dataDir)!;
    expect(await temp.secrets.delete(storeId)).toBe(true);

    const core = await temp.reopen();
    const missing = await callError(core, 'store.unlock', { method: 'keychain' });
    expect(missing.code).toBe('KEY_MISSING');
    expect(missing.message).toMatch(/recovery key/);
    await call(core, 'store.unlock', { method: 'recovery', recoveryKey });
    expect((await call(core, 'feedback.stats', {})).total).toBeGreaterThanOrEqual(300);

    const again = await temp.reopen();
    await call(again, 'store.unlock', { method: 'keychain' });
    expect((await call(again, 'feedback.stats', {})).total).toBeGreaterThanOrEqual(300);
  });

  it('never replaces an existing database whose key is missing', async () => {
    temp = await makeTempCore({ secrets: new KeytarSecretStore() });
    await call(temp.core, 'store.create', {});
    await call(temp.core, 'demo.load', {});
    const dbFile = join(temp.dataDir, 'hearken.db');
    const storeId = readStoreId(temp.dataDir)!;
    await temp.secrets.delete(storeId);
    const core = await temp.reopen();
    const before = sha256(dbFile);

    expect((await call(core, 'store.status', {})).state).toBe('locked');
    expect((await callError(core, 'store.unlock', { method: 'keychain' })).code).toBe('KEY_MISSING');
    expect((await callError(core, 'store.create', {})).code).toBe('STORE_EXISTS');
    expect((await callError(core, 'store.create', { passphrase: 'a brand new one' })).code).toBe('STORE_EXISTS');
    expect((await callError(core, 'feedback.list', {})).code).toBe('LOCKED');
    expect(sha256(dbFile)).toBe(before);
    expect(readStoreId(temp.dataDir)).toBe(storeId);
  });
});
