/**
 * An import whose process dies (SIGKILL) leaves a record: the next command that opens the
 * store writes the run to import_runs as `interrupted`, with the counts its committed
 * batches wrote (in their own transactions), which equal the rows really in the store; and
 * a command run while another process imports leaves that import alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/index';
import { NoSecretStore } from '../../src/main/core/secrets';
import type { ImportReport } from '../../src/shared/contract';
import { createGenerator, csvHeader, itemToCsv } from '../../src/shared/synthetic';
import { expectNoStackTrace } from '../helpers/cli';
import { background, CLI_STORE_PASSPHRASE, countsOf, importedAtLeast, newCliStore, type CliStore } from '../helpers/cli-store';

const ROWS = 60_000;
const files = mkdtempSync(join(tmpdir(), 'hearken-interrupted-files-'));
const bigCsv = join(files, 'big.csv');
const smallCsv = join(files, 'small.csv');
const SMALL = 200;
beforeAll(() => {
  for (const [file, seed, count] of [
    [bigCsv, 23, ROWS],
    [smallCsv, 24, SMALL],
  ] as const) {
    const gen = createGenerator({ seed, count });
    const out: string[] = [csvHeader()];
    for (let i = 0; i < count; i++) out.push(itemToCsv(gen.item(i)));
    writeFileSync(file, out.join(''));
  }
});
afterAll(() => rmSync(files, { recursive: true, force: true }));

const stores: CliStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.remove();
});
function newStore(): CliStore {
  const store = newCliStore('hearken-interrupted-');
  stores.push(store);
  return store;
}

interface Stored {
  feedback: number;
  runs: { id: string; state: string; read: number; imported: number; duplicates: number; failed: number; started_at: number; finished_at: number | null }[];
  jobs: { id: string; state: string; progress: string | null }[];
  audit: { entity_id: string; detail: string }[];
}

function stored(store: CliStore): Stored {
  const db = store.open();
  try {
    return {
      feedback: (db.prepare('SELECT count(*) AS n FROM feedback').get() as { n: number }).n,
      runs: db.prepare('SELECT * FROM import_runs ORDER BY started_at').all() as Stored['runs'],
      jobs: db.prepare("SELECT id, state, progress FROM jobs WHERE kind = 'import' ORDER BY started_at").all() as Stored['jobs'],
      audit: db.prepare("SELECT entity_id, detail FROM audit_events WHERE action = 'import.finished'").all() as Stored['audit'],
    };
  } finally {
    db.close();
  }
}

/** Starts `import big.csv --progress`, waits until `atLeast` rows are in, then kills it with SIGKILL `after` ms later. */
async function killImport(store: CliStore, atLeast: number, after = 0): Promise<void> {
  const run = background(store.start(['import', bigCsv, '--progress']));
  await run.waitFor(importedAtLeast(atLeast));
  if (after > 0) await sleep(after);
  run.child.kill('SIGKILL');
  expect(await run.exited, 'the import finished before it was killed').toBeNull();
}

describe('an import cut off by SIGKILL', () => {
  it('is recorded as interrupted by the next command, with exactly the rows it added, and a re-run completes it', async () => {
    const store = newStore();
    await killImport(store, 10_000);
    expect(stored(store).runs).toEqual([]);

    const stats = store.run(['stats', '--json']);
    expectNoStackTrace(stats);
    expect(stats.status, stats.stderr).toBe(0);
    const after = stored(store);
    expect(after.runs).toHaveLength(1);
    const [run] = after.runs;
    expect(run).toMatchObject({ state: 'interrupted', imported: after.feedback, read: after.feedback, duplicates: 0, failed: 0 });
    expect(after.feedback).toBeGreaterThanOrEqual(10_000);
    expect(after.feedback).toBeLessThan(ROWS);
    expect(run!.finished_at).toBeGreaterThanOrEqual(run!.started_at);
    expect(after.jobs).toEqual([expect.objectContaining({ id: run!.id, state: 'interrupted' })]);
    expect(after.audit.map((a) => [a.entity_id, (JSON.parse(a.detail) as { state: string }).state])).toEqual([[run!.id, 'interrupted']]);

    // What the window (or any client) reads through the contract.
    const core = await createCore({ dataDir: store.dir, secrets: new NoSecretStore() });
    try {
      expect((await core.invoke('store.unlock', { method: 'passphrase', passphrase: CLI_STORE_PASSPHRASE })).ok).toBe(true);
      const report = await core.invoke('import.report', { importId: run!.id });
      expect(report.ok).toBe(true);
      expect((report as { value: ImportReport }).value).toMatchObject({
        importId: run!.id,
        fileName: 'big.csv',
        format: 'csv',
        state: 'interrupted',
        counts: { read: after.feedback, imported: after.feedback, duplicates: 0, failed: 0 },
        error: null,
      });
    } finally {
      await core.close();
    }

    const rerun = store.run(['import', bigCsv, '--json']);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(countsOf(rerun.stdout)).toEqual({ read: ROWS, imported: ROWS - after.feedback, duplicates: after.feedback, failed: 0 });
    const done = stored(store);
    expect(done.feedback).toBe(ROWS);
    expect(done.runs.map((r) => [r.state, r.imported])).toEqual([
      ['interrupted', after.feedback],
      ['done', ROWS - after.feedback],
    ]);
  }, 300_000);

  it('records what is in the store whenever the kill lands, mid-batch included', async () => {
    const store = newStore();
    for (const [atLeast, after] of [
      [5_000, 700],
      [20_000, 1_900],
    ] as const) {
      await killImport(store, atLeast, after);
      const run = store.run(['stats', '--json']);
      expect(run.status, run.stderr).toBe(0);
      const now = stored(store);
      expect(now.runs.every((r) => r.state === 'interrupted')).toBe(true);
      // Every interrupted run's own count of added rows, together, is what the store holds.
      expect(now.runs.reduce((sum, r) => sum + r.imported, 0)).toBe(now.feedback);
      for (const job of now.jobs) {
        const progress = JSON.parse(job.progress ?? 'null') as { counts: { imported: number } } | null;
        expect(progress?.counts.imported).toBe(now.runs.find((r) => r.id === job.id)?.imported);
      }
    }
    expect(stored(store).runs).toHaveLength(2);
  }, 300_000);

  it('is not what a command sees while another process imports: that import stays running', async () => {
    const store = newStore();
    const importing = background(store.start(['import', bigCsv, '--progress']));
    await importing.waitFor(importedAtLeast(5_000));
    const stats = store.run(['stats', '--json']);
    expect(stats.status, stats.stderr).toBe(0);
    expect(importing.child.exitCode, 'the import ended before the check').toBeNull();
    const during = stored(store);
    expect(during.jobs.map((j) => j.state)).toEqual(['running']);
    expect(during.runs).toEqual([]);
    expect(stats.stderr).not.toMatch(/interrupted/);

    expect(await importing.exited, importing.stderr()).toBe(0);
    const done = stored(store);
    expect(done.runs.map((r) => [r.state, r.imported])).toEqual([['done', ROWS]]);
    expect(done.jobs.map((j) => j.state)).toEqual(['done']);
  }, 300_000);

  it('is recorded by the next import of a core that was unlocked while it still ran', async () => {
    const store = newStore();
    const importing = background(store.start(['import', bigCsv, '--progress']));
    await importing.waitFor(importedAtLeast(5_000));
    const core = await createCore({ dataDir: store.dir, secrets: new NoSecretStore() });
    try {
      // Unlocked while the CLI imports: its job is alive, so the unlock leaves it running.
      expect((await core.invoke('store.unlock', { method: 'passphrase', passphrase: CLI_STORE_PASSPHRASE })).ok).toBe(true);
      importing.child.kill('SIGKILL');
      expect(await importing.exited).toBeNull();
      const killed = stored(store);
      expect(killed.jobs.map((j) => j.state)).toEqual(['running']);

      const grant = await core.grantFile(smallCsv, 'read');
      if (!grant.ok) throw new Error(grant.error.message);
      const done = new Promise<void>((resolve) => core.onEvent((name, p) => name === 'import.progress' && (p as { state: string }).state !== 'running' && resolve()));
      const started = await core.invoke('import.start', { grant: grant.value.grant });
      expect(started.ok).toBe(true);
      await done;
    } finally {
      await core.close();
    }
    const after = stored(store);
    expect(after.runs.map((r) => r.state)).toEqual(['interrupted', 'done']);
    expect(after.runs[0]!.imported + SMALL).toBe(after.feedback);
    expect(after.runs[1]!.imported).toBe(SMALL);
  }, 300_000);
});
