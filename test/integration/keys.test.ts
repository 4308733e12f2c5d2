/**
 * The store's keys, changed while it is open (keys.* channels) and cut off by SIGKILL at
 * every durable step (test/helpers/key-ops-child.ts): afterwards the store opens with the
 * old key or the new one, never with neither, and a wrong key or passphrase changes no byte.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecretStore, NoSecretStore } from '../../src/main/core/secrets';
import { databaseKeyFromRecovery, keyCheck, parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import { pendingAccount } from '../../src/main/core/secrets/key-rotation';
import { readManifest } from '../../src/main/core/secrets/manifest';
import type { SecretStore } from '../../src/main/core/secrets/secret-store';
import { StoreAccess } from '../../src/main/core/secrets/store-access';
import { openEncrypted } from '../../src/main/core/store/open';
import type { HostCore } from '../../src/main/core/types';
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/contract';
import { keychainForTests } from '../helpers/keychain';
import { makeTempCore, readStoreId, type TempCore } from '../support/core';

const PASS = 'correct horse battery staple';
const NEW_PASS = 'a brand new passphrase';
const root = fileURLToPath(new URL('../../', import.meta.url));
const child = fileURLToPath(new URL('../helpers/key-ops-child.ts', import.meta.url));
const { mustRun: keychainMustRun } = await keychainForTests();

const cores: TempCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.cleanup();
});

async function ok<C extends Channel>(core: HostCore, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await core.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}

async function failure(core: HostCore, channel: Channel, input: unknown): Promise<string> {
  const result = await core.invoke(channel, input as never);
  if (result.ok) throw new Error(`${channel} should have failed`);
  return result.error.code;
}

/** A store with the demo inbox; passphrase-protected unless the keychain is used. */
async function storeWithData(keychain: boolean): Promise<{ tc: TempCore; recoveryKey: string; items: number }> {
  const tc = await makeTempCore(keychain ? {} : { secrets: new NoSecretStore() });
  cores.push(tc);
  const { recoveryKey } = await ok(tc.core, 'store.create', keychain ? {} : { passphrase: PASS });
  await ok(tc.core, 'demo.load', {});
  const { total } = await ok(tc.core, 'feedback.count', {});
  expect(total).toBeGreaterThan(10);
  return { tc, recoveryKey, items: total };
}

function keyOf(recoveryKey: string): string {
  return databaseKeyFromRecovery(parseRecoveryKey(recoveryKey)).toString('hex');
}

/** Every file of the folder and its hash: what "no byte changed" compares. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) out[name] = createHash('sha256').update(readFileSync(join(dir, name))).digest('hex');
  return out;
}

function opensWith(dir: string, keyHex: string): boolean {
  try {
    openEncrypted(join(dir, 'hearken.db'), { keyHex }).close();
    return true;
  } catch {
    return false;
  }
}

describe('keys.rotate: a new recovery key and a new database key', () => {
  it('re-encrypts a passphrase store: the old recovery key and database key stop working, the passphrase and the new key open it, nothing is lost', async () => {
    const { tc, recoveryKey: oldRecovery, items } = await storeWithData(false);
    const oldKey = keyOf(oldRecovery);
    expect(await failure(tc.core, 'keys.rotate', { confirm: true })).toBe('VALIDATION');
    const { recoveryKey, keySource } = await ok(tc.core, 'keys.rotate', { confirm: true, passphrase: PASS });
    expect(keySource).toBe('passphrase');
    expect(recoveryKey).not.toBe(oldRecovery);
    // The store stays open and whole on the new key.
    expect((await ok(tc.core, 'feedback.count', {})).total).toBe(items);
    expect((await ok(tc.core, 'store.health', {})).integrity).toEqual(['ok']);
    const status = await ok(tc.core, 'keys.status', {});
    expect(status.rotatedAt).not.toBeNull();
    expect(status.recoveryKeyStale).toBe(false);
    const manifest = readManifest(join(tc.dataDir, 'hearken.json'))!;
    expect(manifest.keyCheck).toBe(keyCheck(Buffer.from(keyOf(recoveryKey), 'hex')));
    expect(manifest.pendingKey).toBeUndefined();
    expect(existsSync(join(tc.dataDir, 'hearken.db.rekey-new'))).toBe(false);

    await ok(tc.core, 'store.lock', {});
    expect(opensWith(tc.dataDir, oldKey)).toBe(false);
    expect(opensWith(tc.dataDir, keyOf(recoveryKey))).toBe(true);
    expect(await failure(tc.core, 'store.unlock', { method: 'recovery', recoveryKey: oldRecovery })).toBe('WRONG_RECOVERY_KEY');
    await ok(tc.core, 'store.unlock', { method: 'recovery', recoveryKey });
    await ok(tc.core, 'store.lock', {});
    await ok(tc.core, 'store.unlock', { method: 'passphrase', passphrase: PASS });
    expect((await ok(tc.core, 'feedback.count', {})).total).toBe(items);
    // The audit says it happened, and holds no key.
    await ok(tc.core, 'store.lock', {});
    const db = openEncrypted(join(tc.dataDir, 'hearken.db'), { keyHex: keyOf(recoveryKey) });
    const rows = db.prepare("SELECT action, detail FROM audit_events WHERE action LIKE 'keys.%'").all();
    db.close();
    expect(rows).toEqual([{ action: 'keys.rotated', detail: JSON.stringify({ keySource: 'passphrase' }) }]);
    expect(JSON.stringify(rows)).not.toContain(recoveryKey);
  });

  it('a wrong passphrase changes no byte of the store', async () => {
    const { tc } = await storeWithData(false);
    const before = snapshot(tc.dataDir);
    expect(await failure(tc.core, 'keys.rotate', { confirm: true, passphrase: 'not the passphrase' })).toBe('WRONG_PASSPHRASE');
    expect(snapshot(tc.dataDir)).toEqual(before);
    expect(await failure(tc.core, 'keys.changePassphrase', { current: 'not the passphrase', next: NEW_PASS })).toBe('WRONG_PASSPHRASE');
    expect(await failure(tc.core, 'keys.moveToKeychain', { passphrase: 'not the passphrase' })).toBe('WRONG_PASSPHRASE');
    expect(snapshot(tc.dataDir)).toEqual(before);
  });

  it.runIf(keychainMustRun)('re-encrypts a keychain store: the keychain holds the new key, the pending entry is gone', async () => {
    const { tc, recoveryKey: oldRecovery, items } = await storeWithData(true);
    const storeId = readStoreId(tc.dataDir)!;
    const { recoveryKey } = await ok(tc.core, 'keys.rotate', { confirm: true });
    expect(await tc.secrets.get(storeId)).toBe(keyOf(recoveryKey));
    expect(await tc.secrets.get(pendingAccount(storeId))).toBeNull();
    await ok(tc.core, 'store.lock', {});
    expect(opensWith(tc.dataDir, keyOf(oldRecovery))).toBe(false);
    await ok(tc.core, 'store.unlock', { method: 'keychain' });
    expect((await ok(tc.core, 'feedback.count', {})).total).toBe(items);
  });
});

describe('where the key is kept', () => {
  it('changes the passphrase: the old one stops unlocking, the new one unlocks', async () => {
    const { tc } = await storeWithData(false);
    await ok(tc.core, 'keys.changePassphrase', { current: PASS, next: NEW_PASS });
    await ok(tc.core, 'store.lock', {});
    expect(await failure(tc.core, 'store.unlock', { method: 'passphrase', passphrase: PASS })).toBe('WRONG_PASSPHRASE');
    await ok(tc.core, 'store.unlock', { method: 'passphrase', passphrase: NEW_PASS });
  });

  it.runIf(keychainMustRun)('moves the key from a passphrase to the keychain and back', async () => {
    const tc = await makeTempCore();
    cores.push(tc);
    await ok(tc.core, 'store.create', { passphrase: PASS });
    const storeId = readStoreId(tc.dataDir)!;
    expect(await ok(tc.core, 'keys.moveToKeychain', { passphrase: PASS })).toEqual({ keySource: 'keychain' });
    expect(readManifest(join(tc.dataDir, 'hearken.json'))!.wrappedKey).toBeNull();
    await ok(tc.core, 'store.lock', {});
    expect(await failure(tc.core, 'store.unlock', { method: 'passphrase', passphrase: PASS })).toBe('VALIDATION');
    await ok(tc.core, 'store.unlock', { method: 'keychain' });
    expect(await ok(tc.core, 'keys.moveToPassphrase', { passphrase: NEW_PASS })).toEqual({ keySource: 'passphrase' });
    expect(await tc.secrets.get(storeId)).toBeNull();
    await ok(tc.core, 'store.lock', {});
    await ok(tc.core, 'store.unlock', { method: 'passphrase', passphrase: NEW_PASS });
  });

  it('with no keychain and a lost manifest, the recovery key opens the store and a new passphrase spares it next time', async () => {
    const { tc, recoveryKey, items } = await storeWithData(false);
    await tc.core.close();
    rmSync(join(tc.dataDir, 'hearken.json'));
    const core = await tc.reopen();
    await ok(core, 'store.unlock', { method: 'recovery', recoveryKey });
    expect((await ok(core, 'keys.status', {})).recoveredWithoutManifest).toBe(true);
    await ok(core, 'keys.moveToPassphrase', { passphrase: NEW_PASS });
    expect((await ok(core, 'keys.status', {})).recoveredWithoutManifest).toBe(false);
    await ok(core, 'store.lock', {});
    await ok(core, 'store.unlock', { method: 'passphrase', passphrase: NEW_PASS });
    expect((await ok(core, 'feedback.count', {})).total).toBe(items);
  });
});

/** Runs one key operation in a child that kills itself after `step`; the child's output. */
function killAt(dataDir: string, op: string, step: string, env: NodeJS.ProcessEnv): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', child, dataDir, op, step], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  expect(run.signal, `${op} should have been killed after ${step}: ${run.stderr}`).toBe('SIGKILL');
  expect(run.stdout.trim().split('\n').at(-1)).toBe(step);
  return run.stdout;
}

/** Opens the store the way the next start would; the items and the integrity check. */
async function reopenAfterKill(dataDir: string, secrets: SecretStore, passphrase: string | null): Promise<{ items: number; integrity: string[] }> {
  const access = new StoreAccess(dataDir, secrets);
  const { db } = await access.unlock(passphrase ? { method: 'passphrase', passphrase } : { method: 'keychain' });
  try {
    return { items: db.prepare('SELECT count(*) FROM feedback').pluck().get() as number, integrity: (db.pragma('integrity_check') as Record<string, unknown>[]).map((r) => String(Object.values(r)[0])) };
  } finally {
    db.close();
  }
}

describe('SIGKILL midway: the store opens with the old key or the new one', () => {
  const rotationSteps = ['built', 'verified', 'pending-saved', 'swapped', 'promoted'];

  for (const keychain of [false, true]) {
    it.runIf(!keychain || keychainMustRun)(`key rotation of a ${keychain ? 'keychain' : 'passphrase'} store, cut after each step`, async () => {
      for (const step of rotationSteps) {
        const { tc, recoveryKey, items } = await storeWithData(keychain);
        await tc.core.close();
        killAt(tc.dataDir, 'rotate', step, keychain ? { HEARKEN_TEST_PASSPHRASE: '' } : { HEARKEN_TEST_PASSPHRASE: PASS });
        const after = await reopenAfterKill(tc.dataDir, keychain ? createSecretStore() : new NoSecretStore(), keychain ? null : PASS);
        expect(after, step).toEqual({ items, integrity: ['ok'] });
        const manifest = readManifest(join(tc.dataDir, 'hearken.json'))!;
        expect(manifest.pendingKey, step).toBeUndefined();
        expect(existsSync(join(tc.dataDir, 'hearken.db.rekey-new')), step).toBe(false);
        const swapped = step === 'swapped' || step === 'promoted';
        // Before the swap the old key still opens the file; from the swap on only the new one.
        expect(opensWith(tc.dataDir, keyOf(recoveryKey)), step).toBe(!swapped);
        expect(manifest.keyCheck === keyCheck(Buffer.from(keyOf(recoveryKey), 'hex')), step).toBe(!swapped);
        // Finished at unlock, its recovery key was never shown: the window says so.
        expect(manifest.recoveryKeyStale === true, step).toBe(step === 'swapped');
        if (keychain) expect(await tc.secrets.get(pendingAccount(manifest.storeId)), step).toBeNull();
      }
    }, 240_000);
  }

  it('passphrase change and the moves, cut after each durable write', async () => {
    const cases: { op: string; step: string; opensWith: string | null }[] = [
      { op: 'change-passphrase', step: 'manifest-written', opensWith: NEW_PASS },
      { op: 'to-passphrase', step: 'manifest-written', opensWith: NEW_PASS },
    ];
    if (keychainMustRun) {
      cases.push({ op: 'to-keychain', step: 'keychain-written', opensWith: PASS }, { op: 'to-keychain', step: 'manifest-written', opensWith: null });
    }
    for (const c of cases) {
      const { tc, items } = await storeWithData(false);
      await tc.core.close();
      killAt(tc.dataDir, c.op, c.step, { HEARKEN_TEST_PASSPHRASE: PASS, HEARKEN_TEST_NEW_PASSPHRASE: NEW_PASS });
      const after = await reopenAfterKill(tc.dataDir, createSecretStore(), c.opensWith);
      expect(after, `${c.op} ${c.step}`).toEqual({ items, integrity: ['ok'] });
      if (c.opensWith === null) await createSecretStore().delete(readStoreId(tc.dataDir)!);
    }
  }, 180_000);
});
