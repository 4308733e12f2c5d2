/**
 * Creating a store can cost nobody a store: parallel setups of one folder leave exactly
 * one working store, a database in place is never deleted whatever the manifest says, a
 * dead setup's leftovers are recognised by what it wrote, and the files are owner-only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core';
import { KeytarSecretStore, NoSecretStore } from '../../src/main/core/secrets';
import { SETUP_LOCK } from '../../src/main/core/secrets/setup-lock';
import { readStoreId } from '../support/core';
import { expectNoStackTrace, NO_KEYCHAIN_ENV, runCli, type CliRun } from '../helpers/cli';
import { keychainForTests } from '../helpers/keychain';
import { call, callError, sha256 } from '../helpers/results';

const root = fileURLToPath(new URL('../../', import.meta.url));
const keychain = await keychainForTests();
const PASSPHRASE = 'a long enough passphrase';
const PASS_ENV = { HK_TEST_PASSPHRASE: PASSPHRASE, ...NO_KEYCHAIN_ENV };
const withPassphrase = ['--passphrase-env', 'HK_TEST_PASSPHRASE'];

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearken-setup-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) {
    const storeId = readStoreId(dir);
    if (storeId && keychain.available) await new KeytarSecretStore().delete(storeId).catch(() => false);
    rmSync(dir, { recursive: true, force: true });
  }
});

beforeAll(() => {
  // What a user's shell usually has: group and others could read new files, were it not for Hearken.
  process.umask(0o022);
});

/** The CLI as a child that runs alongside others. */
function startCli(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { cwd: root, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliRun>((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
  return { child, done };
}

/** Every file in the folder with its hash. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, statSync(join(dir, name)).isFile() ? sha256(join(dir, name)) : 'dir']),
  );
}

async function parallelInits(dir: string, count: number, extraArgs: string[], env: NodeJS.ProcessEnv): Promise<CliRun[]> {
  const runs = Array.from({ length: count }, () => startCli(['init', '--json', '--data-dir', dir, ...extraArgs], env));
  return Promise.all(runs.map((r) => r.done));
}

function expectOneStore(runs: CliRun[]): { recoveryKey: string } {
  const won = runs.filter((r) => r.status === 0);
  const lost = runs.filter((r) => r.status !== 0);
  expect(won, runs.map((r) => r.stderr).join('\n')).toHaveLength(1);
  for (const r of lost) {
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\[(STORE_EXISTS|SETUP_RUNNING)\]/);
    expectNoStackTrace(r);
  }
  return JSON.parse(won[0]!.stdout) as { recoveryKey: string };
}

describe('parallel setups of one folder', () => {
  it('ten CLI inits with passphrases: exactly one store, which unlocks and answers stats', async () => {
    const dir = join(tempDir(), 'data');
    const runs = await parallelInits(dir, 10, withPassphrase, PASS_ENV);
    const { recoveryKey } = expectOneStore(runs);

    expect(readdirSync(dir).sort()).toEqual(['hearken.db', 'hearken.json']);
    expect(JSON.parse(readFileSync(join(dir, 'hearken.json'), 'utf8'))).toMatchObject({ complete: true, keySource: 'passphrase' });
    const stats = runCli(['stats', '--json', '--data-dir', dir, ...withPassphrase], PASS_ENV);
    expect(stats.stderr).toBe('');
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ total: 0 });
    // The key the winner printed is the key of the store that stayed.
    const recovered = runCli(['stats', '--json', '--data-dir', dir, '--recovery-key-env', 'HK_TEST_RECOVERY'], { ...NO_KEYCHAIN_ENV, HK_TEST_RECOVERY: recoveryKey });
    expect(recovered.status).toBe(0);
  }, 120_000);

  it.runIf(keychain.mustRun)('four CLI inits with the keychain: exactly one store, which unlocks through the keychain', async () => {
    const dir = join(tempDir(), 'data');
    const runs = await parallelInits(dir, 4, [], {});
    expectOneStore(runs);
    expect(readdirSync(dir).sort()).toEqual(['hearken.db', 'hearken.json']);
    const stats = runCli(['stats', '--json', '--data-dir', dir]);
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ total: 0 });
  }, 120_000);
});

/** A passphrase store with the demo inbox, made and closed in this process. */
async function storeWithData(dir: string): Promise<number> {
  const core = await createCore({ dataDir: dir, secrets: new NoSecretStore() });
  await call(core, 'store.create', { passphrase: PASSPHRASE });
  await call(core, 'demo.load', {});
  const { total } = await call(core, 'feedback.stats', {});
  await core.close();
  return total;
}

function editManifest(dir: string, change: Record<string, unknown>): void {
  const file = join(dir, 'hearken.json');
  writeFileSync(file, `${JSON.stringify({ ...(JSON.parse(readFileSync(file, 'utf8')) as object), ...change }, null, 2)}\n`);
}

describe('a database in place is a store, whatever the manifest says', () => {
  it('with complete: false, init refuses and changes no byte; stats works and leaves the manifest as it was', async () => {
    const dir = tempDir();
    const total = await storeWithData(dir);
    editManifest(dir, { complete: false });
    const before = snapshot(dir);
    expect(Object.keys(before).sort()).toEqual(['hearken.db', 'hearken.json']);

    const init = runCli(['init', '--data-dir', dir, ...withPassphrase], PASS_ENV);
    expect(init.status).toBe(1);
    expect(init.stderr).toMatch(/already holds a Hearken store\. Unlock it instead.*\[STORE_EXISTS\]/);
    expectNoStackTrace(init);
    expect(snapshot(dir)).toEqual(before);

    // The app's first-run screen asks the same of the core.
    const core = await createCore({ dataDir: dir, secrets: new NoSecretStore() });
    expect((await call(core, 'store.status', {})).state).toBe('locked');
    expect((await callError(core, 'store.create', { passphrase: 'another one entirely' })).code).toBe('STORE_EXISTS');
    await core.close();
    expect(snapshot(dir)).toEqual(before);

    const stats = runCli(['stats', '--json', '--data-dir', dir, ...withPassphrase], PASS_ENV);
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ total });
    expect(readdirSync(dir).sort()).toEqual(['hearken.db', 'hearken.json']);
    expect(sha256(join(dir, 'hearken.json'))).toBe(before['hearken.json']);
  }, 60_000);

  it('a log without its database is left alone: the folder is not new, and init changes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'hearken.db-wal'), Buffer.alloc(8192, 7));
    const before = snapshot(dir);
    const init = runCli(['init', '--data-dir', dir, ...withPassphrase], PASS_ENV);
    expect(init.status).toBe(1);
    expect(init.stderr).toMatch(/\[STORE_EXISTS\]/);
    const doctor = runCli(['doctor', '--data-dir', dir, ...withPassphrase], PASS_ENV);
    expect(doctor.stdout).toMatch(/FAIL\s+database\s+.*hearken\.db-wal is in .* without its database/);
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);
});

/** The pid of a process that has ended. */
function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(done.stdout);
}

/** What a setup that died after writing its manifest and part of its database leaves. */
function deadSetup(dir: string, pid: number): { storeId: string; token: string } {
  const storeId = '01JDEADSETUP0000000000000';
  const token = '0123456789abcdef';
  writeFileSync(join(dir, SETUP_LOCK), JSON.stringify({ pid, host: hostname(), token, storeId, startedAt: Date.now() - 60_000 }));
  writeFileSync(
    join(dir, 'hearken.json'),
    JSON.stringify({ format: 'hearken-store', version: 1, storeId, createdAt: 1, complete: false, keySource: 'passphrase', keyCheck: 'x', wrappedKey: null }),
  );
  writeFileSync(join(dir, `hearken.setup-${token}.db`), Buffer.alloc(4096, 1));
  writeFileSync(join(dir, `hearken.setup-${token}.db-wal`), Buffer.alloc(4096, 2));
  return { storeId, token };
}

describe('setups that did not finish', () => {
  it("a dead setup's lock is taken over and only its own leftovers are cleared", async () => {
    const dir = tempDir();
    deadSetup(dir, deadPid());
    writeFileSync(join(dir, 'notes.txt'), 'the user keeps this here');
    const init = runCli(['init', '--json', '--data-dir', dir, ...withPassphrase], PASS_ENV);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['hearken.db', 'hearken.json', 'notes.txt']);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('the user keeps this here');
    expect(JSON.parse(readFileSync(join(dir, 'hearken.json'), 'utf8'))).toMatchObject({ complete: true });
    expect(runCli(['stats', '--json', '--data-dir', dir, ...withPassphrase], PASS_ENV).status).toBe(0);
  }, 60_000);

  it('a live setup holds the folder: init says so, names the lock, and changes nothing', async () => {
    const dir = tempDir();
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      deadSetup(dir, live.pid!);
      const before = snapshot(dir);
      const init = runCli(['init', '--data-dir', dir, ...withPassphrase], PASS_ENV);
      expect(init.status).toBe(1);
      expect(init.stderr).toContain(`Another Hearken setup is creating a store in ${dir} right now (process ${live.pid}).`);
      expect(init.stderr).toContain(`delete ${join(dir, SETUP_LOCK)}`);
      expect(init.stderr).toMatch(/\[SETUP_RUNNING\]$/m);
      expect(snapshot(dir)).toEqual(before);
    } finally {
      live.kill();
    }
  }, 60_000);

  it("an older Hearken's unfinished manifest (no lock names it) is moved aside, not deleted", async () => {
    const dir = tempDir();
    const { storeId, token } = deadSetup(dir, deadPid());
    rmSync(join(dir, SETUP_LOCK));
    const leftover = readFileSync(join(dir, 'hearken.json'));
    const init = runCli(['init', '--json', '--data-dir', dir, ...withPassphrase], PASS_ENV);
    expect(init.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['hearken.db', 'hearken.json', `hearken.json.unfinished-${storeId}`]);
    expect(readFileSync(join(dir, `hearken.json.unfinished-${storeId}`)).equals(leftover)).toBe(true);
    expect(existsSync(join(dir, `hearken.setup-${token}.db`))).toBe(false);
  }, 60_000);
});

function mode(file: string): string {
  return (statSync(file).mode & 0o777).toString(8);
}

describe('owner-only files', () => {
  it('the folder is 0700 and the database, -wal, -shm and manifest 0600 after setup and after a write (umask 022)', async () => {
    const dir = join(tempDir(), 'new', 'data');
    const core = await createCore({ dataDir: dir, secrets: new NoSecretStore() });
    try {
      await call(core, 'store.create', { passphrase: PASSPHRASE });
      const files = ['hearken.db', 'hearken.db-wal', 'hearken.db-shm', 'hearken.json'];
      expect(mode(dir)).toBe('700');
      for (const f of files) expect([f, mode(join(dir, f))]).toEqual([f, '600']);
      await call(core, 'demo.load', {});
      expect(statSync(join(dir, 'hearken.db-wal')).size).toBeGreaterThan(0);
      for (const f of files) expect([f, mode(join(dir, f))]).toEqual([f, '600']);
    } finally {
      await core.close();
    }
  });

  it('an existing folder others can read is made owner-only by setup; an older store is made owner-only on unlock', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    await storeWithData(dir);
    expect(mode(dir)).toBe('700');
    chmodSync(join(dir, 'hearken.db'), 0o644);
    chmodSync(join(dir, 'hearken.json'), 0o644);
    const core = await createCore({ dataDir: dir, secrets: new NoSecretStore() });
    try {
      await call(core, 'store.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
      for (const f of ['hearken.db', 'hearken.db-wal', 'hearken.db-shm', 'hearken.json']) expect([f, mode(join(dir, f))]).toEqual([f, '600']);
    } finally {
      await core.close();
    }
  });
});
