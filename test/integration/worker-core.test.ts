/**
 * The core behind the host protocol, in a worker thread with its job thread, as the app
 * runs it: calls and events cross, dialogs are asked of the host, imports run on the job
 * thread's own connection while the core keeps answering, lock and close wait for the
 * batch in flight, a restart knows what was running, and the actor comes from the caller.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../src/shared/contract';
import { createSecretStore, NoSecretStore } from '../../src/main/core/secrets';
import { readStoreId } from '../support/core';
import { databaseKeyFromRecovery, parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import type { DB } from '../../src/main/core/store/db';
import { openEncrypted } from '../../src/main/core/store/open';
import type { Core, CoreDialogs, HostCore } from '../../src/main/core/types';
import { grantOf } from '../helpers/grants';
import { writeSyntheticCsv } from '../helpers/results';
import { startNodeCoreWorker } from '../support/worker-core';

const PASSPHRASE = 'worker tests passphrase';
const ROWS = 6_000;
const files = mkdtempSync(join(tmpdir(), 'hearken-worker-files-'));
const csvFile = join(files, 'big survey.csv');
beforeAll(() => writeSyntheticCsv(csvFile, ROWS, 11));
afterAll(() => rmSync(files, { recursive: true, force: true }));

const dirs: string[] = [];
const cores: HostCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearken-worker-'));
  dirs.push(dir);
  return dir;
}

async function start(dataDir: string, dialogs?: CoreDialogs, importBatchSize = 1_000): Promise<HostCore> {
  const core = await startNodeCoreWorker({ dataDir, importBatchSize }, { secrets: new NoSecretStore(), dialogs });
  cores.push(core);
  return core;
}

async function call<T = unknown>(core: Core, channel: string, input: unknown = {}, actor?: 'agent' | 'cli'): Promise<T> {
  const result = await core.invoke(channel, input, actor ? { actor } : undefined);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function progressEvents(core: Core): EventPayload<'import.progress'>[] {
  const seen: EventPayload<'import.progress'>[] = [];
  core.onEvent((name, payload) => {
    if (name === 'import.progress') seen.push(payload as EventPayload<'import.progress'>);
  });
  return seen;
}

async function until(test: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 3_000; i++) {
    if (test()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe('the core in a worker thread', () => {
  it('answers calls, validates input and pushes events across the thread boundary', async () => {
    const core = await start(tempDir());
    expect(await call(core, 'app.info')).toMatchObject({ platform: process.platform });
    const bad = await core.invoke('feedback.get', { id: 42 });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.code).toBe('VALIDATION');
    const events: string[] = [];
    core.onEvent((name) => events.push(name));
    await call(core, 'store.create', { passphrase: PASSPHRASE });
    await call(core, 'demo.load');
    await until(() => events.includes('feedback.changed'), 'feedback.changed');
    expect((await call<{ total: number }>(core, 'feedback.count', {})).total).toBeGreaterThan(0);
  });

  it('asks the host for dialogs: a template export goes where the host chose', async () => {
    const dataDir = tempDir();
    const target = join(dataDir, 'team templates.json');
    const asked: string[] = [];
    const dialogs: CoreDialogs = {
      chooseImportFiles: () => Promise.resolve([]),
      chooseSavePath: (name) => {
        asked.push(name);
        return Promise.resolve(target);
      },
      chooseOpenFile: () => Promise.resolve(null),
    };
    const core = await start(dataDir, dialogs);
    await call(core, 'store.create', { passphrase: PASSPHRASE });
    const exported = await call<{ fileName: string | null }>(core, 'templates.export', {});
    expect(asked).toHaveLength(1);
    expect(exported.fileName).toBe('team templates.json');
    expect(existsSync(target)).toBe(true);
  });

  it('imports on the job thread while the core keeps answering reads', async () => {
    const core = await start(tempDir());
    await call(core, 'store.create', { passphrase: PASSPHRASE });
    const progress = progressEvents(core);
    const { importId } = await call<{ importId: string }>(core, 'import.start', { grant: await grantOf(core, csvFile) });
    // Reads answered from the core's connection while the job thread was writing.
    let answeredWhileRunning = 0;
    while (!progress.some((p) => p.importId === importId && p.state !== 'running')) {
      const page = await call<{ items: unknown[] }>(core, 'feedback.list', { limit: 50 });
      const report = await call<{ state: string; counts: { imported: number } }>(core, 'import.report', { importId });
      if (report.state === 'running' && report.counts.imported > 0 && page.items.length > 0) answeredWhileRunning++;
    }
    expect(answeredWhileRunning).toBeGreaterThan(0);
    const report = await call<{ state: string; counts: Record<string, number> }>(core, 'import.report', { importId });
    expect(report).toMatchObject({ state: 'done', counts: { read: ROWS, imported: ROWS, duplicates: 0, failed: 0 } });
    expect((await call<{ total: number }>(core, 'feedback.count', {})).total).toBe(ROWS);
  });

  it('locking during an import waits for the batch in flight; nothing is half-written and a re-run completes it', async () => {
    const dataDir = tempDir();
    const core = await start(dataDir, undefined, 500);
    await call(core, 'store.create', { passphrase: PASSPHRASE });
    const progress = progressEvents(core);
    const { importId } = await call<{ importId: string }>(core, 'import.start', { grant: await grantOf(core, csvFile) });
    await until(() => progress.some((p) => p.counts.imported > 0), 'a first batch');
    expect(await call(core, 'store.lock')).toEqual({ locked: true });
    // The lock answered only after the job ended and its report was stored.
    expect(progress.at(-1)?.state).toBe('cancelled');
    await call(core, 'store.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    const report = await call<{ state: string; counts: { imported: number; read: number } }>(core, 'import.report', { importId });
    expect(report.state).toBe('cancelled');
    expect(report.counts.imported % 500).toBe(0);
    expect((await call<{ total: number }>(core, 'feedback.count', {})).total).toBe(report.counts.imported);
    const again = progressEvents(core);
    const rerun = await call<{ importId: string }>(core, 'import.start', { grant: await grantOf(core, csvFile) });
    await until(() => again.some((p) => p.importId === rerun.importId && p.state === 'done'), 'the re-run');
    expect((await call<{ total: number }>(core, 'feedback.count', {})).total).toBe(ROWS);
  });

  it("close() waits for the job thread: the store file is consistent and the import's end is recorded", async () => {
    const dataDir = tempDir();
    const core = await start(dataDir, undefined, 500);
    const { recoveryKey } = await call<{ recoveryKey: string }>(core, 'store.create', { passphrase: PASSPHRASE });
    const progress = progressEvents(core);
    const { importId } = await call<{ importId: string }>(core, 'import.start', { grant: await grantOf(core, csvFile) });
    await until(() => progress.some((p) => p.counts.imported > 0), 'a first batch');
    await core.close();
    cores.length = 0;

    const { job, stored } = inspect(dataDir, recoveryKey, (db) => ({
      job: db.prepare('SELECT kind, state, actor FROM jobs WHERE id = ?').get(importId),
      stored: (db.prepare('SELECT count(*) AS n FROM feedback').get() as { n: number }).n,
    }));
    expect(job).toEqual({ kind: 'import', state: 'cancelled', actor: 'system' });
    expect(stored % 500).toBe(0);
    expect(stored).toBeGreaterThan(0);
  });

  it('marks a job that was running when the app stopped as interrupted on the next unlock', async () => {
    const dataDir = tempDir();
    const core = await start(dataDir);
    const { recoveryKey } = await call<{ recoveryKey: string }>(core, 'store.create', { passphrase: PASSPHRASE });
    await call(core, 'store.lock');
    // What a crash mid-import leaves behind: a job the table still calls running.
    inspect(dataDir, recoveryKey, (db) => db.prepare("INSERT INTO jobs (id, kind, state, actor, params, started_at) VALUES ('cut-off', 'import', 'running', 'system', '{}', 1)").run());
    await call(core, 'store.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    await call(core, 'store.lock');
    expect(inspect(dataDir, recoveryKey, (db) => db.prepare("SELECT state FROM jobs WHERE id = 'cut-off'").get())).toEqual({ state: 'interrupted' });
  });

  it('records the actor the transport names: cli from the terminal, agent from the window, system for jobs', async () => {
    const dataDir = tempDir();
    const core = await start(dataDir);
    const { recoveryKey } = await call<{ recoveryKey: string }>(core, 'store.create', { passphrase: PASSPHRASE });
    await call(core, 'views.save', { name: 'From the terminal', filter: {} }, 'cli');
    await call(core, 'views.save', { name: 'From the window', filter: {} });
    await call(core, 'store.lock');
    const rows = inspect(dataDir, recoveryKey, (db) => db.prepare("SELECT actor, detail FROM audit_events WHERE action = 'view.created' ORDER BY at, id").all() as { actor: string; detail: string }[]);
    expect(rows.map((r) => [r.actor, (JSON.parse(r.detail) as { name: string }).name])).toEqual([
      ['cli', 'From the terminal'],
      ['agent', 'From the window'],
    ]);
  });
});

describe('the keychain behind the host protocol', () => {
  it("keeps keytar in the host's thread: a restarted worker, and another after it, unlock from the keychain", async () => {
    const dataDir = tempDir();
    const secrets = createSecretStore();
    expect(await secrets.available()).toBe(true);
    const first = await startNodeCoreWorker({ dataDir }, { secrets });
    cores.push(first);
    expect(await call(first, 'store.create', {})).toMatchObject({ keySource: 'keychain' });
    const storeId = readStoreId(dataDir);
    try {
      expect(storeId && (await secrets.get(storeId))).toMatch(/^[0-9a-f]{64}$/);
      await first.close();
      cores.length = 0;
      for (let round = 0; round < 2; round++) {
        const again = await startNodeCoreWorker({ dataDir }, { secrets });
        cores.push(again);
        expect(await call(again, 'store.status')).toMatchObject({ state: 'locked', keychainAvailable: true, keySource: 'keychain' });
        expect(await call(again, 'store.unlock', { method: 'keychain' })).toEqual({ keySource: 'keychain' });
        await again.close();
        cores.length = 0;
      }
    } finally {
      if (storeId) await secrets.delete(storeId);
    }
  });
});

/** A second connection to the store, keyed from the recovery key, to look at what the core wrote. */
function direct(dataDir: string, recoveryKey: string): DB {
  const key = databaseKeyFromRecovery(parseRecoveryKey(recoveryKey));
  return openEncrypted(join(dataDir, 'hearken.db'), { keyHex: key.toString('hex') });
}

function inspect<T>(dataDir: string, recoveryKey: string, look: (db: DB) => T): T {
  const db = direct(dataDir, recoveryKey);
  try {
    return look(db);
  } finally {
    db.close();
  }
}
