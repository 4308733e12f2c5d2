/**
 * A backup opens with the recovery key alone. A keychain store is made by the CLI, backed
 * up into a folder of its own, then the store is lost entirely (its folder, its manifest,
 * its keychain entry). The backup, put as hearken.db into an empty data folder, unlocks with
 * nothing but the recovery key, and holds every item and row its side file recorded.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core';
import { createSecretStore } from '../../src/main/core/secrets';
import { databaseKeyFromRecovery, parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import { openEncrypted } from '../../src/main/core/store/open';
import { expectNoStackTrace, runCli } from '../helpers/cli';
import { call } from '../helpers/results';
import { readStoreId } from '../support/core';

const secrets = createSecretStore();
const root = mkdtempSync(join(tmpdir(), 'hearken-backup-recovery-'));
const lost = join(root, 'lost');
const fresh = join(root, 'fresh');
const out = join(root, 'kept-elsewhere');
const storeIds: string[] = [];

afterAll(async () => {
  for (const id of storeIds) await secrets.delete(id).catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
});

describe('a backup and the recovery key alone', () => {
  it('restores into an empty data folder and unlocks with only the recovery key, counts equal', async () => {
    expect(await secrets.available()).toBe(true);
    const init = runCli(['init', '--json', '--data-dir', lost]);
    expect(init.status, init.stderr).toBe(0);
    const { recoveryKey, keySource } = JSON.parse(init.stdout) as { recoveryKey: string; keySource: string };
    expect(keySource).toBe('keychain');
    storeIds.push(readStoreId(lost)!);
    // The demo inbox, loaded in-process (a CLI start costs seconds on a busy machine).
    const core = await createCore({ dataDir: lost, secrets, scheduledExports: false });
    try {
      await call(core, 'store.unlock', { method: 'keychain' });
      await call(core, 'demo.load', {});
    } finally {
      await core.close();
    }
    const made = runCli(['backup', 'create', '--out', out, '--json', '--data-dir', lost]);
    expect(made.status, made.stderr).toBe(0);
    const backup = JSON.parse(made.stdout) as { file: string; items: number };
    expect(backup.items).toBeGreaterThan(100);

    // The store is gone: its folder with the manifest, and its key in the keychain.
    await secrets.delete(storeIds[0]!);
    rmSync(lost, { recursive: true, force: true });

    mkdirSync(fresh, { mode: 0o700 });
    copyFileSync(backup.file, join(fresh, 'hearken.db'));
    const env = { HEARKEN_TEST_RECOVERY: recoveryKey };
    const stats = runCli(['stats', '--json', '--data-dir', fresh, '--recovery-key-env', 'HEARKEN_TEST_RECOVERY'], env);
    expect(stats.status, stats.stderr).toBe(0);
    const id = readStoreId(fresh);
    if (id) storeIds.push(id);
    expect((JSON.parse(stats.stdout) as { total: number }).total).toBe(backup.items);

    // Every table holds what the backup recorded (the unlock's SLA sweep adds breaches and their audit rows).
    const side = JSON.parse(readFileSync(`${backup.file}.json`, 'utf8')) as { counts: Record<string, number> };
    const db = openEncrypted(join(fresh, 'hearken.db'), { keyHex: databaseKeyFromRecovery(parseRecoveryKey(recoveryKey)).toString('hex') });
    try {
      for (const [table, rows] of Object.entries(side.counts)) {
        if (table === 'sla_breaches' || table === 'audit_events') continue;
        expect([table, db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get()]).toEqual([table, rows]);
      }
    } finally {
      db.close();
    }

    // The CLI's verify exits 1 on a damaged copy, and restore says what it kept aside.
    const damaged = join(root, 'damaged.db');
    const bytes = readFileSync(backup.file);
    bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 4096);
    writeFileSync(damaged, bytes);
    copyFileSync(`${backup.file}.json`, `${damaged}.json`);
    const recovery = ['--data-dir', fresh, '--recovery-key-env', 'HEARKEN_TEST_RECOVERY'];
    const bad = runCli(['backup', 'verify', damaged, ...recovery], env);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^NOT OK: damaged\.db is damaged/);
    expectNoStackTrace(bad);
    const restored = runCli(['backup', 'restore', backup.file, ...recovery], env);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(new RegExp(`kept aside as ${join(fresh, 'backups')}/hearken-backup-\\d{8}T\\d{9}Z-before-restore\\.db`));
  }, 120_000);
});
