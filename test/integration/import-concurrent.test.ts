/**
 * Two imports into one store at once: the second is refused with DATABASE_LOCKED before it
 * writes anything (two CLI processes; the app's core asked twice; the app and the CLI), and
 * the store holds exactly what the winner reports. An import whose batch waits past
 * busy_timeout behind another writer stops with DATABASE_LOCKED, keeping its batches.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NoSecretStore } from '../../src/main/core/secrets';
import type { HostCore } from '../../src/main/core/types';
import type { EventPayload } from '../../src/shared/contract';
import { createGenerator, csvHeader, itemToCsv } from '../../src/shared/synthetic';
import { expectNoStackTrace } from '../helpers/cli';
import { background, CLI_STORE_PASSPHRASE, countsOf, importedAtLeast, newCliStore, type CliStore } from '../helpers/cli-store';
import { startNodeCoreWorker } from '../support/worker-core';

const BIG = 60_000;
const SMALL = 300;
const files = mkdtempSync(join(tmpdir(), 'hearken-concurrent-files-'));
const bigCsv = join(files, 'big.csv');
const smallCsv = join(files, 'small.csv');
function writeCsv(file: string, seed: number, count: number): void {
  const gen = createGenerator({ seed, count });
  const out: string[] = [csvHeader()];
  for (let i = 0; i < count; i++) out.push(itemToCsv(gen.item(i)));
  writeFileSync(file, out.join(''));
}
beforeAll(() => {
  writeCsv(bigCsv, 31, BIG);
  writeCsv(smallCsv, 32, SMALL);
});
afterAll(() => rmSync(files, { recursive: true, force: true }));

const stores: CliStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.remove();
});
function newStore(): CliStore {
  const store = newCliStore('hearken-concurrent-');
  stores.push(store);
  return store;
}

function stored(store: CliStore): { feedback: number; runs: { state: string; imported: number; error: string | null }[]; importJobs: number } {
  const db = store.open();
  try {
    return {
      feedback: (db.prepare('SELECT count(*) AS n FROM feedback').get() as { n: number }).n,
      runs: db.prepare('SELECT state, imported, error FROM import_runs ORDER BY started_at').all() as { state: string; imported: number; error: string | null }[],
      importJobs: (db.prepare("SELECT count(*) AS n FROM jobs WHERE kind = 'import'").get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

const ANOTHER_IMPORT = /^hearken: Another import into this inbox is running \(in another Hearken window or a CLI command\)\. Wait for it to finish, then run this import again\. \[DATABASE_LOCKED\]$/m;

describe('imports into one store at once', () => {
  it('refuses a second CLI import with DATABASE_LOCKED; the store holds exactly what the first reports', async () => {
    const store = newStore();
    const first = background(store.start(['import', bigCsv, '--progress']));
    await first.waitFor(importedAtLeast(5_000));
    const second = store.run(['import', smallCsv, '--json']);
    expectNoStackTrace(second);
    expect(second.status, second.stderr).toBe(1);
    expect(second.stderr).toMatch(ANOTHER_IMPORT);
    expect(second.stdout).toBe('');
    expect(first.child.exitCode, 'the first import ended before the second started').toBeNull();

    expect(await first.exited, first.stderr()).toBe(0);
    expect(first.stdout()).toMatch(/60,000 rows read, 60,000 added, 0 already in the inbox, 0 failed/);
    // Nothing of the second: no rows, no job, no report.
    expect(stored(store)).toEqual({ feedback: BIG, runs: [{ state: 'done', imported: BIG, error: null }], importJobs: 1 });
  }, 300_000);

  it("refuses the app's import.start while a CLI import runs, and a second import.start while its own runs", async () => {
    const store = newStore();
    const core: HostCore = await startNodeCoreWorker({ dataDir: store.dir, appVersion: 'test', importBatchSize: 1_000 }, { secrets: new NoSecretStore() });
    try {
      expect((await core.invoke('store.unlock', { method: 'passphrase', passphrase: CLI_STORE_PASSPHRASE })).ok).toBe(true);
      const grant = async (path: string): Promise<string> => {
        const minted = await core.grantFile(path, 'read');
        if (!minted.ok) throw new Error(minted.error.message);
        return minted.value.grant;
      };
      const ended = new Map<string, EventPayload<'import.progress'>>();
      core.onEvent((name, payload) => {
        const p = payload as EventPayload<'import.progress'>;
        if (name === 'import.progress' && p.state !== 'running') ended.set(p.importId, p);
      });

      // The app (its core worker and job thread) and a CLI process: two processes, two connections.
      const cli = background(store.start(['import', bigCsv, '--progress']));
      await cli.waitFor(importedAtLeast(5_000));
      expect(await core.invoke('import.start', { grant: await grant(smallCsv) })).toEqual({
        ok: false,
        error: { code: 'DATABASE_LOCKED', message: 'Another import into this inbox is running (in another Hearken window or a CLI command). Wait for it to finish, then run this import again.' },
      });
      expect(cli.child.exitCode, 'the CLI import ended before the app tried').toBeNull();
      expect(await cli.exited, cli.stderr()).toBe(0);

      // The app's own second import.start while its first runs.
      const started = await core.invoke('import.start', { grant: await grant(bigCsv) });
      if (!started.ok) throw new Error(started.error.message);
      const { importId } = started.value as { importId: string };
      expect(await core.invoke('import.start', { grant: await grant(smallCsv) })).toEqual({
        ok: false,
        error: { code: 'DATABASE_LOCKED', message: 'An import is already running (big.csv). Wait for it to finish, or cancel it, then start this one.' },
      });
      expect(ended.has(importId), 'the first import ended before the second was asked for').toBe(false);
      while (!ended.has(importId)) await sleep(50);
      expect(ended.get(importId)).toMatchObject({ state: 'done', counts: { read: BIG, imported: 0, duplicates: BIG } });

      // Once it has ended, the next import goes through.
      const small = await core.invoke('import.start', { grant: await grant(smallCsv) });
      if (!small.ok) throw new Error(small.error.message);
      const smallId = (small.value as { importId: string }).importId;
      while (!ended.has(smallId)) await sleep(50);
      expect(ended.get(smallId)).toMatchObject({ state: 'done', counts: { imported: SMALL } });
    } finally {
      await core.close();
    }
    expect(stored(store)).toMatchObject({ feedback: BIG + SMALL, importJobs: 3 });
  }, 300_000);

  it('stops with DATABASE_LOCKED when a batch waits past busy_timeout behind another writer, keeping the batches before it', async () => {
    const store = newStore();
    const importing = background(store.start(['import', bigCsv, '--json']));
    const db = store.open();
    try {
      const count = db.prepare('SELECT count(*) AS n FROM feedback');
      while ((count.get() as { n: number }).n < 5_000) {
        if (importing.child.exitCode !== null) throw new Error(`the import ended early: ${importing.stderr()}`);
        await sleep(50);
      }
      // Longer than the store's busy_timeout (5 s): another window's long write, say.
      db.exec('BEGIN IMMEDIATE');
      await sleep(7_000);
      db.exec('COMMIT');
    } finally {
      db.close();
    }
    expect(await importing.exited, importing.stderr()).toBe(1);
    expect(importing.stderr()).toMatch(
      /^hearken: The store stayed busy in another program \(another Hearken window or a CLI command\), so the import stopped after its last complete batch\. Run the same import again when that program is done: the rows already added are recognised and skipped\. \([\d,]+ rows before the problem were added\) \[DATABASE_LOCKED\]$/m,
    );
    const counts = countsOf(importing.stdout());
    const after = stored(store);
    expect(counts.imported).toBeGreaterThanOrEqual(5_000);
    expect(after.feedback).toBe(counts.imported);
    expect(after.runs).toHaveLength(1);
    expect(after.runs[0]).toMatchObject({ state: 'failed', imported: counts.imported });
    expect(JSON.parse(after.runs[0]!.error!)).toMatchObject({ code: 'DATABASE_LOCKED' });

    const rerun = store.run(['import', bigCsv, '--json']);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(countsOf(rerun.stdout)).toEqual({ read: BIG, imported: BIG - counts.imported, duplicates: counts.imported, failed: 0 });
  }, 300_000);
});
