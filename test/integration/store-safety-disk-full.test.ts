/**
 * A full disk must not lock anyone out of reading: on a small real tmpfs filled to the last
 * byte, the store unlocks, `stats`, `doctor`, list, search and detail work, and writes
 * fail with DISK_FULL, changing nothing; once there is room again everything works.
 *
 * Mounting needs root (as here and in CI). Without it this file fails, saying so: a test
 * of the full disk that quietly skips would let the lock-out come back unnoticed.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core';
import { NoSecretStore } from '../../src/main/core/secrets';
import { databaseKeyFromRecovery, parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import { listJobs, recordJobStart } from '../../src/main/core/store/jobs-repo';
import { openEncrypted } from '../../src/main/core/store/open';
import { getSetting } from '../../src/main/core/store/settings';
import { nodeJobWorker } from '../support/worker-core';
import { expectNoStackTrace, NO_KEYCHAIN_ENV, runCli } from '../helpers/cli';
import { call, callError } from '../helpers/results';

const PASSPHRASE = 'full disk passphrase';
const ENV = { HK_TEST_PASSPHRASE: PASSPHRASE, ...NO_KEYCHAIN_ENV };
const unlockArgs = ['--passphrase-env', 'HK_TEST_PASSPHRASE'];

const mountPoint = mkdtempSync(join(tmpdir(), 'hearken-full-disk-'));
const outside = mkdtempSync(join(tmpdir(), 'hearken-full-disk-out-'));
const dataDir = join(mountPoint, 'store');
const filler = join(mountPoint, 'filler');
let mounted = false;

beforeAll(() => {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error('store-safety-disk-full.test.ts needs root: it mounts a small tmpfs (mount -t tmpfs) to fill a real disk. Run it as root, as CI does.');
  }
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m,mode=0700', 'tmpfs', mountPoint], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`store-safety-disk-full.test.ts needs root and mount(8) to mount a tmpfs at ${mountPoint}: ${(error as Error).message}`);
  }
  mounted = true;
});

afterAll(() => {
  if (mounted) {
    try {
      execFileSync('umount', [mountPoint], { stdio: 'pipe' });
    } catch {
      execFileSync('umount', ['-l', mountPoint], { stdio: 'pipe' });
    }
  }
  rmSync(mountPoint, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

/** Writes until the file system refuses even one more byte. */
function fillDisk(): void {
  const fd = openSync(filler, 'w');
  try {
    for (const size of [1 << 20, 4096, 1]) {
      const chunk = Buffer.alloc(size, 0x5a);
      for (;;) {
        try {
          writeSync(fd, chunk);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  const fs = statfsSync(mountPoint);
  expect(fs.bavail).toBe(0);
}

async function openCore(): Promise<Core> {
  const core = await createCore({ dataDir, secrets: new NoSecretStore() });
  await call(core, 'store.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
  return core;
}

const diskFull = `The disk holding ${dataDir} is full. Free some space, then try again; nothing was changed.`;

describe('a full disk', () => {
  let total = 0;
  let templateFile = '';
  let keyHex = '';

  it('is set up: a store with data, a job cut off, seeding pending; then the disk is filled', async () => {
    const core = await createCore({ dataDir, secrets: new NoSecretStore() });
    const { recoveryKey } = await call(core, 'store.create', { passphrase: PASSPHRASE });
    await call(core, 'demo.load', {});
    total = (await call(core, 'feedback.stats', {})).total;
    await core.close();
    expect(total).toBeGreaterThan(100);

    templateFile = join(outside, 'more-templates.json');
    const exported = runCli(['templates', 'export', templateFile, '--data-dir', dataDir, ...unlockArgs], ENV);
    expect(exported.status).toBe(0);
    const file = JSON.parse(readFileSync(templateFile, 'utf8')) as { templates: { name: string }[] };
    file.templates = file.templates.map((t) => ({ ...t, name: `${t.name} (copy)` }));
    writeFileSync(templateFile, JSON.stringify(file));

    // What makes an unlock want to write: a job the last run left running, and (as in a
    // store made before templates existed) the shipped templates not seeded yet.
    keyHex = databaseKeyFromRecovery(parseRecoveryKey(recoveryKey)).toString('hex');
    const db = openEncrypted(join(dataDir, 'hearken.db'), { keyHex });
    recordJobStart(db, { id: '01JFULLDISKJOB000000000000', kind: 'import', actor: 'cli', params: {}, startedAt: 1 });
    db.prepare("DELETE FROM settings WHERE key = 'templates.seeded'").run();
    db.close();

    fillDisk();
  }, 120_000);

  it('stats works', () => {
    const stats = runCli(['stats', '--json', '--data-dir', dataDir, ...unlockArgs], ENV);
    expectNoStackTrace(stats);
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ total });
  }, 60_000);

  it('doctor finds the store sound and says the disk is full', () => {
    const doctor = runCli(['doctor', '--data-dir', dataDir, ...unlockArgs], ENV);
    expectNoStackTrace(doctor);
    expect(doctor.stdout).toMatch(/ok\s+unlock\s+the key opens the database/);
    expect(doctor.stdout).toMatch(/ok\s+integrity\s+integrity_check: ok/);
    expect(doctor.stdout).toMatch(/ok\s+search index\s+full-text index matches/);
    expect(doctor.stdout).toMatch(/FAIL\s+disk\s+only 0 B free on the disk holding .*Free some space/);
    expect(doctor.status).toBe(1);
  }, 60_000);

  it('list and search work; a tag change fails with DISK_FULL and changes nothing', async () => {
    const core = await openCore();
    try {
      const page = await call(core, 'feedback.list', { limit: 50 });
      expect(page.items).toHaveLength(50);
      const found = await call(core, 'feedback.list', { filter: { query: 'refund' } });
      expect(found.items.length).toBeGreaterThan(0);
      await call(core, 'feedback.get', { id: found.items[0]!.id });

      const ids = page.items.map((i) => i.id);
      const refused = await callError(core, 'feedback.update', { ids, change: { addTags: ['full-disk-tag'], status: 'pending' } });
      expect(refused).toEqual({ code: 'DISK_FULL', message: diskFull });
      expect((await call(core, 'feedback.count', { filter: { tags: ['full-disk-tag'] } })).total).toBe(0);
      expect((await call(core, 'feedback.stats', {})).total).toBe(total);
    } finally {
      await core.close();
    }
  }, 60_000);

  it('a templates import fails with DISK_FULL from the CLI, and the store still opens', () => {
    const run = runCli(['templates', 'import', templateFile, '--data-dir', dataDir, ...unlockArgs], ENV);
    expectNoStackTrace(run);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`hearken: ${diskFull} [DISK_FULL]`);
    const stats = runCli(['stats', '--json', '--data-dir', dataDir, ...unlockArgs], ENV);
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ total });
  }, 60_000);

  it('a new store cannot be set up, and nothing of the attempt is left', () => {
    const other = join(mountPoint, 'second');
    const init = runCli(['init', '--data-dir', other, ...unlockArgs], ENV);
    expectNoStackTrace(init);
    expect(init.status).toBe(1);
    expect(init.stderr).toMatch(/The disk holding .* is full\. Free some space, then try again; nothing was changed\. \[DISK_FULL\]/);
    expect(existsSync(other) ? readdirSync(other) : []).toEqual([]);
  }, 60_000);

  it('background work on a store opened while the disk was full asks for a new unlock; with room again everything works', async () => {
    const core = await createCore({ dataDir, secrets: new NoSecretStore(), jobWorker: nodeJobWorker });
    const ended = new Map<string, { state: string; error: string | null }>();
    core.onEvent((name, payload) => {
      const p = payload as { jobId: string; state: string; error: string | null };
      if (name === 'analysis.progress' && p.state !== 'running') ended.set(p.jobId, p);
    });
    const analysed = async (): Promise<{ state: string; error: string | null }> => {
      const { jobId } = await call(core, 'analysis.run', { filter: { status: ['open'] } });
      await expect.poll(() => ended.get(jobId), { timeout: 30_000 }).toBeDefined();
      return ended.get(jobId)!;
    };
    try {
      await call(core, 'store.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
      rmSync(filler);
      const first = await analysed();
      expect(first.state).toBe('failed');
      expect(first.error).toContain(`The disk holding ${dataDir} was full when the store was unlocked`);
      expect(first.error).toContain('Free some space, then lock and unlock the store');

      await call(core, 'store.lock', {});
      await call(core, 'store.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
      expect((await analysed()).state).toBe('done');
      const page = await call(core, 'feedback.list', { limit: 5 });
      await call(core, 'feedback.update', { ids: page.items.map((i) => i.id), change: { addTags: ['after-the-disk-filled'] } });
      expect((await call(core, 'feedback.count', { filter: { tags: ['after-the-disk-filled'] } })).total).toBe(5);
    } finally {
      await core.close();
    }
    // The writes the full disk held back were done by the unlock with room.
    const db = openEncrypted(join(dataDir, 'hearken.db'), { keyHex });
    try {
      expect(listJobs(db).find((j) => j.id === '01JFULLDISKJOB000000000000')?.state).toBe('interrupted');
      expect(getSetting(db, 'templates.seeded')).not.toBeNull();
    } finally {
      db.close();
    }
    const run = runCli(['templates', 'import', templateFile, '--data-dir', dataDir, ...unlockArgs], ENV);
    expect(run.status).toBe(0);
  }, 120_000);
});
