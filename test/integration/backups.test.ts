/**
 * Backups through the core on real encrypted stores (passphrase-protected, so no keychain
 * is needed): create and list (owner-only, nothing secret in the side file), keep-N,
 * verify (sound, damaged, without a side file, another store's), restore (counts back to
 * the backup's, the store kept aside and verifiable), a damaged or foreign backup refused
 * with the store's files unchanged, and the schedule making a backup when due at unlock.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoSecretStore } from '../../src/main/core/secrets';
import { databaseKeyFromRecovery, parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import { latestVersion, migrate } from '../../src/main/core/store/migrate';
import { migrations } from '../../src/main/core/store/migrations';
import { openEncrypted } from '../../src/main/core/store/open';
import { grantOf } from '../helpers/grants';
import { call, callError } from '../helpers/results';
import { makeTempCore, type TempCore } from '../support/core';

const PASSPHRASE = 'backups test passphrase';
const HOUR = 3_600_000;
let now = Date.parse('2026-11-30T08:00:00Z');
const clock = (): number => now;
const out = mkdtempSync(join(tmpdir(), 'hearken-backups-'));
let temp: TempCore;
let other: TempCore;
let recoveryKey: string;

/** Rows per table of the store, read directly with the recovery key (every table the backup counts). */
function storeCounts(): Record<string, number> {
  const db = openEncrypted(join(temp.dataDir, 'hearken.db'), { keyHex: databaseKeyFromRecovery(parseRecoveryKey(recoveryKey)).toString('hex') });
  try {
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'").pluck().all() as string[];
    return Object.fromEntries(names.map((n) => [n, db.prepare(`SELECT count(*) FROM "${n}"`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

/** Counts without what every reopen may add: the SLA sweep's breaches due by now and their audit rows. */
function stable(counts: Record<string, number>): Record<string, number> {
  const { audit_events: _a, sla_breaches: _s, ...rest } = counts;
  return rest;
}

function storeHash(): string {
  const hash = createHash('sha256');
  for (const suffix of ['', '-wal']) {
    const file = join(temp.dataDir, `hearken.db${suffix}`);
    hash.update(existsSync(file) ? readFileSync(file) : Buffer.alloc(0));
  }
  return hash.digest('hex');
}

beforeAll(async () => {
  temp = await makeTempCore({ secrets: new NoSecretStore(), core: { clock } });
  ({ recoveryKey } = await call(temp.core, 'store.create', { passphrase: PASSPHRASE }));
  await call(temp.core, 'demo.load', {});
  other = await makeTempCore({ secrets: new NoSecretStore(), core: { clock } });
  await call(other.core, 'store.create', { passphrase: 'another store entirely' });
}, 120_000);
afterAll(async () => {
  await temp.cleanup();
  await other.cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe('backups', () => {
  it('creates an owner-only backup with a side file that holds counts and no secret, and lists it', async () => {
    const made = await call(temp.core, 'backup.create', {});
    expect(made.reason).toBe('manual');
    expect(made.items).toBe(storeCounts().feedback);
    expect(made.items).toBeGreaterThan(100);
    const folder = join(temp.dataDir, 'backups');
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(made.file).mode & 0o777).toBe(0o600);
    const side = readFileSync(`${made.file}.json`, 'utf8');
    const key = databaseKeyFromRecovery(parseRecoveryKey(recoveryKey));
    for (const secret of [PASSPHRASE, recoveryKey, key.toString('hex'), key.toString('base64')]) expect(side).not.toContain(secret);
    expect(JSON.parse(side)).toMatchObject({ reason: 'manual', counts: { feedback: made.items } });
    const listed = await call(temp.core, 'backup.list', {});
    expect(listed.folder).toBe(folder);
    expect(listed.backups).toEqual([made]);
    expect(listed.lastBackupAt).toBe(made.createdAt);
    expect(listed.schedule).toEqual({ enabled: true, everyHours: 24, keep: 7 });
  });

  it('keeps the newest N, manual and scheduled together', async () => {
    expect(await call(temp.core, 'backup.schedule', { keep: 2 })).toEqual({ enabled: true, everyHours: 24, keep: 2 });
    const made = [];
    for (let i = 0; i < 3; i++) {
      now += 1000;
      made.push(await call(temp.core, 'backup.create', {}));
    }
    const listed = (await call(temp.core, 'backup.list', {})).backups;
    expect(listed.map((b) => b.name)).toEqual([made[2]!.name, made[1]!.name]);
    expect(existsSync(made[0]!.file)).toBe(false);
    expect(existsSync(`${made[0]!.file}.json`)).toBe(false);
    await call(temp.core, 'backup.schedule', { keep: 7 });
  });

  it('verifies a sound backup, and says what is wrong with a damaged one, one without its side file and another store\'s', async () => {
    const [newest] = (await call(temp.core, 'backup.list', {})).backups;
    const sound = await call(temp.core, 'backup.verify', { name: newest!.name });
    expect(sound.ok).toBe(true);
    expect(sound.integrity).toEqual(['ok']);
    expect(sound.counts.find((c) => c.table === 'feedback')).toEqual({ table: 'feedback', rows: newest!.items, expected: newest!.items });

    const damaged = join(out, 'damaged.db');
    const bytes = readFileSync(newest!.file);
    for (let at = Math.floor(bytes.length / 2); at < Math.floor(bytes.length / 2) + 64; at++) bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(damaged, bytes);
    copyFileSync(`${newest!.file}.json`, `${damaged}.json`);
    const bad = await call(temp.core, 'backup.verify', { grant: await grantOf(temp.core, damaged) });
    expect(bad.ok).toBe(false);
    expect(bad.message).toMatch(/damaged/);

    const bare = join(out, 'bare.db');
    copyFileSync(newest!.file, bare);
    const noSide = await call(temp.core, 'backup.verify', { grant: await grantOf(temp.core, bare) });
    expect(noSide).toMatchObject({ ok: true, integrity: ['ok'] });
    expect(noSide.counts.every((c) => c.expected === null)).toBe(true);
    expect(noSide.message).toMatch(/no side file/);

    const foreign = await call(other.core, 'backup.create', {});
    const verdict = await call(temp.core, 'backup.verify', { grant: await grantOf(temp.core, foreign.file) });
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(/another store/);
    copyFileSync(foreign.file, join(out, 'foreign-bare.db'));
    const bareForeign = await call(temp.core, 'backup.verify', { grant: await grantOf(temp.core, join(out, 'foreign-bare.db')) });
    expect(bareForeign.ok).toBe(false);
    expect(bareForeign.message).toMatch(/does not open with this store's key/);
  });

  it('refuses to restore a damaged or foreign backup and changes nothing', async () => {
    const before = storeHash();
    const damaged = await callError(temp.core, 'backup.restore', { grant: await grantOf(temp.core, join(out, 'damaged.db')) });
    expect(damaged).toMatchObject({ code: 'CORRUPT_DATABASE' });
    expect(damaged.message).toMatch(/^Not restored/);
    const foreign = await callError(temp.core, 'backup.restore', { grant: await grantOf(temp.core, join(out, 'foreign-bare.db')) });
    expect(foreign).toMatchObject({ code: 'FOREIGN_FILE' });
    expect(storeHash()).toBe(before);
    expect((await call(temp.core, 'backup.list', {})).backups.some((b) => b.reason === 'before-restore')).toBe(false);
  });

  it('refuses to restore while another connection holds the store, and the store stays as it was', async () => {
    const [newest] = (await call(temp.core, 'backup.list', {})).backups;
    const held = openEncrypted(join(temp.dataDir, 'hearken.db'), { keyHex: databaseKeyFromRecovery(parseRecoveryKey(recoveryKey)).toString('hex') });
    try {
      const before = storeCounts();
      const refused = await callError(temp.core, 'backup.restore', { name: newest!.name });
      expect(refused).toMatchObject({ code: 'DATABASE_LOCKED' });
      expect(refused.message).toMatch(/still open in another program/);
      expect(stable(storeCounts())).toEqual(stable(before));
    } finally {
      held.close();
    }
    expect((await call(temp.core, 'store.status', {})).state).toBe('unlocked');
    // The copy kept aside before the refusal is a sound backup of its own.
    const aside = (await call(temp.core, 'backup.list', {})).backups.find((b) => b.reason === 'before-restore');
    expect((await call(temp.core, 'backup.verify', { name: aside!.name })).ok).toBe(true);
  });

  it('restores a backup: counts equal the backup\'s, and the store it replaced is kept aside and verifies', async () => {
    const backup = await call(temp.core, 'backup.create', {});
    const atBackup = storeCounts();
    await call(temp.core, 'views.save', { name: 'After the backup', filter: { status: ['open'] } });
    expect(storeCounts().saved_views).toBe(atBackup.saved_views! + 1);
    now += 1000;
    const { restored, keptAside } = await call(temp.core, 'backup.restore', { name: backup.name });
    expect(restored.name).toBe(backup.name);
    expect(keptAside.reason).toBe('before-restore');
    // The reopen's SLA sweep records the breaches due by now, with their audit rows, and the restore is audited.
    expect(stable(storeCounts())).toEqual(stable(atBackup));
    expect(stable(storeCounts())).toEqual(stable(Object.fromEntries((await call(temp.core, 'backup.verify', { name: backup.name })).counts.map((c) => [c.table, c.rows]))));
    expect((await call(temp.core, 'views.list', {})).some((v) => v.name === 'After the backup')).toBe(false);
    const aside = await call(temp.core, 'backup.verify', { name: keptAside.name });
    expect(aside.ok).toBe(true);
    expect(aside.counts.find((c) => c.table === 'saved_views')?.rows).toBe(atBackup.saved_views! + 1);
    // The store still works after the swap.
    expect((await call(temp.core, 'store.status', {})).state).toBe('unlocked');
  });

  it('makes a scheduled backup when one is due at unlock, and not before', async () => {
    const last = (await call(temp.core, 'backup.list', {})).lastBackupAt!;
    await call(temp.core, 'store.lock', {});
    now = last + 23 * HOUR;
    await call(temp.core, 'store.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    await new Promise((r) => setTimeout(r, 500));
    expect((await call(temp.core, 'backup.list', {})).backups.some((b) => b.reason === 'scheduled')).toBe(false);
    await call(temp.core, 'store.lock', {});
    now = last + 25 * HOUR;
    await call(temp.core, 'store.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    let scheduled;
    for (let i = 0; i < 200 && !scheduled; i++) {
      await new Promise((r) => setTimeout(r, 50));
      scheduled = (await call(temp.core, 'backup.list', {})).backups.find((b) => b.reason === 'scheduled');
    }
    expect(scheduled?.createdAt).toBe(now);
    expect((await call(temp.core, 'backup.verify', { name: scheduled!.name })).ok).toBe(true);
  });

  it('restores a copy from an older schema (a plain store file in WAL mode, no side file), migrated by the reopen', async () => {
    const older = join(out, 'older.db');
    const db = openEncrypted(older, { keyHex: databaseKeyFromRecovery(parseRecoveryKey(recoveryKey)).toString('hex'), create: true });
    migrate(db, migrations, latestVersion(migrations) - 1);
    db.close();
    const grant = await grantOf(temp.core, older);
    const checked = await call(temp.core, 'backup.verify', { grant });
    expect(checked).toMatchObject({ ok: true, integrity: ['ok'] });
    const { restored } = await call(temp.core, 'backup.restore', { grant });
    expect(restored).toMatchObject({ schemaVersion: latestVersion(migrations) - 1, items: 0 });
    const health = await call(temp.core, 'store.health', {});
    expect(health.schemaVersion).toBe(latestVersion(migrations));
    expect(health.integrity).toEqual(['ok']);
    expect(storeCounts().feedback).toBe(0);
  });
});
