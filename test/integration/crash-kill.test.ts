/**
 * The CLI killed with SIGKILL in the middle of its work: an import, a re-analysis and a run
 * of LLM jobs against the fake server. After each kill the file passes integrity_check, the
 * counts are exact (what the jobs table says was committed is what the store holds) and the
 * next run picks up what was left, without doing anything twice. A clean close leaves no
 * write-ahead log behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/index';
import { NoSecretStore } from '../../src/main/core/secrets';
import type { DB } from '../../src/main/core/store/db';
import { ftsIntegrity, integrityCheck } from '../../src/main/core/store/health';
import { expectNoStackTrace } from '../helpers/cli';
import { writeSyntheticCsv } from '../helpers/results';
import { background, CLI_STORE_PASSPHRASE, countsOf, importedAtLeast, newCliStore, type CliStore } from '../helpers/cli-store';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';

/** Two import batches (5,000 rows each commit), several re-analysis batches (1,000). */
const ROWS = 8_000;
const files = mkdtempSync(join(tmpdir(), 'hearken-crash-files-'));
const csv = join(files, 'crash.csv');
const small = join(files, 'small.csv');
const reanalysisChild = fileURLToPath(new URL('../helpers/reanalysis-child.ts', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));
const LLM_KEY_VAR = 'HEARKEN_CRASH_TEST_LLM_KEY';
const savedEnv = { key: process.env[LLM_KEY_VAR], noKeychain: process.env.HEARKEN_NO_KEYCHAIN };
let store: CliStore;

beforeAll(() => {
  writeSyntheticCsv(csv, ROWS, 41);
  writeSyntheticCsv(small, 300, 42);
  // The LLM key is saved in the store (not the keychain): nothing is left behind on the machine.
  process.env[LLM_KEY_VAR] = 'sk-crash-test-0123456789';
  process.env.HEARKEN_NO_KEYCHAIN = '1';
  store = newCliStore('hearken-crash-');
});
afterAll(() => {
  store?.remove();
  rmSync(files, { recursive: true, force: true });
  for (const [name, value] of [
    [LLM_KEY_VAR, savedEnv.key],
    ['HEARKEN_NO_KEYCHAIN', savedEnv.noKeychain],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** Opens the store directly, checks the file, runs `read`, closes. */
function inspect<T>(s: CliStore, read: (db: DB) => T): T {
  const db = s.open();
  try {
    expect(integrityCheck(db)).toEqual(['ok']);
    expect(ftsIntegrity(db), 'the search index matches the items').toBe(true);
    return read(db);
  } finally {
    db.close();
  }
}
const count = (db: DB, sql: string, ...params: unknown[]): number => (db.prepare(sql).get(...params) as { n: number }).n;
const jobsOf = (db: DB, kind: string) =>
  db.prepare('SELECT id, state, progress, started_at FROM jobs WHERE kind = ? ORDER BY started_at, id').all(kind) as { id: string; state: string; progress: string | null; started_at: number }[];

/** The CLI (or the re-analysis child), without blocking this process: the fake server answers from its event loop. */
async function finish(child: ChildProcess): Promise<{ status: number | null; stdout: string; stderr: string }> {
  // 'exit' can come before the pipes are drained; 'close' comes after both.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const run = background(child);
  const status = await run.exited;
  await closed;
  const result = { status, stdout: run.stdout(), stderr: run.stderr() };
  expectNoStackTrace(result);
  return result;
}
function startReanalysis(s: CliStore): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', reanalysisChild, s.dir, 'HEARKEN_CRASH_PASS'], {
    cwd: root,
    env: { ...process.env, HEARKEN_CRASH_PASS: CLI_STORE_PASSPHRASE },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Whether the WAL is gone or empty: what a clean close must leave. */
function walIsEmpty(dir: string): boolean {
  const wal = join(dir, 'hearken.db-wal');
  return !existsSync(wal) || statSync(wal).size === 0;
}

describe('SIGKILL during an import', () => {
  it('leaves a sound file holding exactly the committed batches; a re-run records them and adds exactly the rest', async () => {
    const run = background(store.start(['import', csv, '--progress']));
    // The first progress line with rows in it comes after the first batch committed, while
    // the second is read and written: even a fast machine needs a few hundred ms for it.
    await run.waitFor(importedAtLeast(1));
    run.child.kill('SIGKILL');
    expect(await run.exited, 'the import finished before it was killed').toBeNull();

    const killed = inspect(store, (db) => ({ feedback: count(db, 'SELECT count(*) AS n FROM feedback'), jobs: jobsOf(db, 'import') }));
    expect(killed.feedback).toBeGreaterThan(0);
    expect(killed.feedback).toBeLessThan(ROWS);
    expect(killed.jobs.map((j) => j.state)).toEqual(['running']);
    // Each batch wrote the job's counts in its own transaction: they are what the store holds.
    const progress = JSON.parse(killed.jobs[0]!.progress ?? 'null') as { counts: { imported: number } } | null;
    expect(progress?.counts.imported).toBe(killed.feedback);

    const rerun = store.run(['import', csv, '--json']);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(countsOf(rerun.stdout)).toEqual({ read: ROWS, imported: ROWS - killed.feedback, duplicates: killed.feedback, failed: 0 });
    const done = inspect(store, (db) => ({
      feedback: count(db, 'SELECT count(*) AS n FROM feedback'),
      distinct: count(db, 'SELECT count(DISTINCT content_hash) AS n FROM feedback'),
      fts: count(db, 'SELECT count(*) AS n FROM feedback_fts'),
      jobs: jobsOf(db, 'import').map((j) => j.state),
      runs: db.prepare('SELECT id, state, imported FROM import_runs ORDER BY started_at').all() as { id: string; state: string; imported: number }[],
    }));
    expect(done).toMatchObject({ feedback: ROWS, distinct: ROWS, fts: ROWS, jobs: ['interrupted', 'done'] });
    // The re-run, taking the import lock, recorded the cut-off run with the committed counts.
    expect(done.runs).toEqual([
      { id: killed.jobs[0]!.id, state: 'interrupted', imported: killed.feedback },
      { id: expect.any(String) as string, state: 'done', imported: ROWS - killed.feedback },
    ]);
    expect(walIsEmpty(store.dir), 'a clean CLI command checkpoints and empties the WAL').toBe(true);
  }, 120_000);
});

interface Signature {
  id: string;
  sentiment: string | null;
  topics: string | null;
}
/** What re-analysis decides per item that does not depend on the order items are analysed in. */
const signatures = (db: DB): Signature[] =>
  db
    .prepare(
      `SELECT f.id, f.sentiment,
         (SELECT group_concat(name, '|') FROM (SELECT t.name FROM feedback_tags ft JOIN tags t ON t.id = ft.tag_id WHERE ft.feedback_id = f.id AND ft.source = 'local' ORDER BY t.name)) AS topics
       FROM feedback f ORDER BY f.rowid`,
    )
    .all() as Signature[];

describe('SIGKILL during a re-analysis', () => {
  // The CLI has no re-analysis command: the child runs `analysis.run` on the CLI's own core.
  it('leaves whole batches analysed once and nothing half-written; the next run marks the job interrupted and analyses each item once', async () => {
    const before = inspect(store, (db) => signatures(db));
    expect(before).toHaveLength(ROWS);

    const run = background(startReanalysis(store));
    await run.waitFor((err) => /"state":"running","done":[1-9]/.test(err));
    await sleep(50);
    run.child.kill('SIGKILL');
    expect(await run.exited, 'the re-analysis finished before it was killed').toBeNull();

    const killed = inspect(store, (db) => {
      const [job] = jobsOf(db, 'analysis');
      const analysed = db.prepare('SELECT rowid AS r FROM feedback WHERE analyzed_at >= ? ORDER BY rowid').all(job!.started_at) as { r: number }[];
      const firstLeft = count(db, 'SELECT coalesce(min(rowid), 0) AS n FROM feedback WHERE analyzed_at < ?', job!.started_at);
      return { job: job!, analysed: analysed.map((a) => a.r), firstLeft, now: signatures(db) };
    });
    expect(killed.job.state).toBe('running');
    // Whole batches of 1,000 by rowid, each in its own transaction: a prefix, no half batch.
    expect(killed.analysed.length).toBeGreaterThan(0);
    expect(killed.analysed.length).toBeLessThan(ROWS);
    expect(killed.analysed.length % 1_000).toBe(0);
    expect(killed.analysed.at(-1)!).toBeLessThan(killed.firstLeft);
    // Analysed or not, every item still has its sentiment and topics (none left without tags).
    expect(killed.now).toEqual(before);

    // The next run's unlock marks the cut-off job interrupted; its re-analysis starts again from the first item.
    const resumed = await finish(startReanalysis(store));
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toEqual({ jobId: expect.any(String) as string, state: 'done', done: ROWS, total: ROWS, error: null });
    const after = inspect(store, (db) => {
      const jobs = jobsOf(db, 'analysis');
      return {
        states: jobs.map((j) => j.state),
        notAnalysed: count(db, 'SELECT count(*) AS n FROM feedback WHERE analyzed_at < ?', jobs[1]!.started_at),
        now: signatures(db),
      };
    });
    expect(after.states).toEqual(['interrupted', 'done']);
    expect(after.notAnalysed).toBe(0);
    expect(after.now).toEqual(before);
    expect(walIsEmpty(store.dir)).toBe(true);
  }, 120_000);
});

describe('SIGKILL during LLM jobs', () => {
  const TRIAGED = 40;
  let fake: FakeOpenAi;
  let llm: CliStore;
  beforeAll(async () => {
    fake = await startFakeOpenAi({ models: ['fake-model'] });
    llm = newCliStore('hearken-crash-llm-');
    for (const args of [['demo'], ['ai', 'set', '--base-url', fake.baseUrl, '--model', 'fake-model', '--api-key-env', LLM_KEY_VAR, '--concurrency', '2']]) {
      const run = llm.run(args);
      expect(run.status, run.stderr).toBe(0);
    }
  }, 120_000);
  afterAll(async () => {
    llm?.remove();
    await fake?.close();
  });
  const chats = (): number => fake.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
  const aiState = (db: DB) => ({
    items: count(db, 'SELECT count(*) AS n FROM feedback'),
    jobs: Object.fromEntries((db.prepare("SELECT state, count(*) AS n FROM ai_jobs WHERE purpose = 'triage' GROUP BY state").all() as { state: string; n: number }[]).map((r) => [r.state, r.n])),
    perItem: count(db, "SELECT count(*) AS n FROM (SELECT feedback_id FROM ai_jobs WHERE purpose = 'triage' GROUP BY feedback_id HAVING count(*) > 1)"),
    triaged: count(db, 'SELECT count(*) AS n FROM ai_triage'),
  });

  it('loses no job: done ones keep their answer, the rest are pending and the next waiting run sends exactly those', async () => {
    const db = llm.open();
    const ids = (db.prepare('SELECT id FROM feedback ORDER BY rowid LIMIT ?').all(TRIAGED) as { id: string }[]).flatMap((r) => ['--id', r.id]);
    db.close();
    // Slow answers, so calls are in flight when the process dies.
    fake.latencyMs = 250;
    const run = background(llm.start(['ai', 'triage', ...ids, '--wait', '--json']));
    while (chats() - fake.inFlight < 4 || fake.inFlight === 0) {
      if (run.child.exitCode !== null) throw new Error(`ai triage ended before the kill:\n${run.stderr()}`);
      await sleep(20);
    }
    run.child.kill('SIGKILL');
    expect(await run.exited, 'ai triage finished before it was killed').toBeNull();

    const killed = inspect(llm, aiState);
    const { done = 0, running = 0, queued = 0, ...other } = killed.jobs;
    expect(other, 'no job failed, waited or was cancelled').toEqual({});
    expect(done + running + queued, 'one job per item, none lost').toBe(TRIAGED);
    expect(killed.perItem).toBe(0);
    // An answer the server sent may not be stored yet: that job is still running, and is sent again.
    expect(done).toBeGreaterThan(0);
    expect(running + queued).toBeGreaterThan(0);
    // A job is done in the transaction that stores its answer.
    expect(killed.triaged).toBe(done);

    fake.latencyMs = 0;
    const sentBefore = chats();
    const resumed = await finish(llm.start(['ai', 'triage', ...ids, '--wait', '--json']));
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ queued: 0, cached: done, alreadyQueued: running + queued, failed: 0 });
    // The jobs cut off in flight were sent again; no finished one was.
    expect(chats() - sentBefore).toBe(running + queued);
    const after = inspect(llm, aiState);
    expect(after).toEqual({ items: killed.items, jobs: { done: TRIAGED }, perItem: 0, triaged: TRIAGED });
  }, 180_000);
});

describe('a clean close', () => {
  it('leaves no write-ahead log after the core closes with its job thread', async () => {
    const closing = store;
    const items = inspect(closing, (db) => count(db, 'SELECT count(*) AS n FROM feedback'));
    {
      const core = await createCore({
        dataDir: closing.dir,
        secrets: new NoSecretStore(),
        jobWorker: { file: fileURLToPath(new URL('../../src/cli/job-worker.mjs', import.meta.url)) },
      });
      try {
        expect((await core.invoke('store.unlock', { method: 'passphrase', passphrase: CLI_STORE_PASSPHRASE })).ok).toBe(true);
        const grant = await core.grantFile(small, 'read');
        if (!grant.ok) throw new Error(grant.error.message);
        const ended = new Promise<string>((resolve) => core.onEvent((name, p) => name === 'import.progress' && (p as { state: string }).state !== 'running' && resolve((p as { state: string }).state)));
        expect((await core.invoke('import.start', { grant: grant.value.grant })).ok).toBe(true);
        expect(await ended).toBe('done');
        // Both connections wrote: the WAL is in use until the close.
        expect(walIsEmpty(closing.dir)).toBe(false);
      } finally {
        await core.close();
      }
      expect(walIsEmpty(closing.dir)).toBe(true);
      expect(inspect(closing, (db) => count(db, 'SELECT count(*) AS n FROM feedback'))).toBe(items + 300);
    }
  }, 60_000);
});
