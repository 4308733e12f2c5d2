/**
 * Pending jobs resume: an import or a re-analysis cut off by SIGKILL starts again when the
 * app next unlocks the store. The import adds exactly the rows the cut-off run had not
 * committed; the re-analysis runs to the end. A CLI command leaves them to the app.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/index';
import { NoSecretStore } from '../../src/main/core/secrets';
import type { EventPayload } from '../../src/shared/contract';
import { background, CLI_STORE_PASSPHRASE, importedAtLeast, newCliStore, type CliStore } from '../helpers/cli-store';
import { writeSyntheticCsv } from '../helpers/results';

const ROWS = 16_000;
const root = fileURLToPath(new URL('../../', import.meta.url));
const reanalysisChild = fileURLToPath(new URL('../helpers/reanalysis-child.ts', import.meta.url));
const files = mkdtempSync(join(tmpdir(), 'hearken-resume-files-'));
const csv = join(files, 'rows.csv');
let store: CliStore;

beforeAll(() => {
  writeSyntheticCsv(csv, ROWS, 77);
  store = newCliStore('hearken-resume-');
});
afterAll(() => {
  store?.remove();
  rmSync(files, { recursive: true, force: true });
});

function count(sql: string): number {
  const db = store.open();
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}

/** The app's core on the store, unlocked; resolves once an event matching `ended` arrives. */
async function appUntil<E extends 'import.progress' | 'analysis.progress'>(event: E, ended: (p: EventPayload<E>) => boolean): Promise<EventPayload<E>> {
  const core = await createCore({ dataDir: store.dir, secrets: new NoSecretStore() });
  try {
    const seen = new Promise<EventPayload<E>>((resolve) =>
      core.onEvent((name, payload) => {
        if (name === event && ended(payload as EventPayload<E>)) resolve(payload as EventPayload<E>);
      }),
    );
    const unlocked = await core.invoke('store.unlock', { method: 'passphrase', passphrase: CLI_STORE_PASSPHRASE });
    expect(unlocked.ok).toBe(true);
    return await seen;
  } finally {
    await core.close();
  }
}

describe('pending jobs resume at the next unlock', () => {
  it('an import killed mid-way is started again on the same file and adds exactly the rest', async () => {
    const run = background(store.start(['import', csv, '--progress']));
    await run.waitFor(importedAtLeast(5_000));
    run.child.kill('SIGKILL');
    expect(await run.exited, 'the import finished before it was killed').toBeNull();
    const committed = count('SELECT count(*) FROM feedback');
    expect(committed).toBeGreaterThanOrEqual(5_000);
    expect(committed).toBeLessThan(ROWS);

    const final = await appUntil('import.progress', (p) => p.state !== 'running');
    expect(final.state).toBe('done');
    expect(final.counts).toEqual({ read: ROWS, imported: ROWS - committed, duplicates: committed, failed: 0 });
    expect(count('SELECT count(*) FROM feedback')).toBe(ROWS);
    expect(count("SELECT count(*) FROM jobs WHERE kind = 'import' AND state = 'interrupted'")).toBe(1);
    expect(count("SELECT count(*) FROM jobs WHERE kind = 'import' AND state = 'done'")).toBe(1);
  }, 240_000);

  it('a re-analysis killed mid-way runs again to the end', async () => {
    const child = background(
      spawn(process.execPath, ['--import', 'tsx', reanalysisChild, store.dir, 'HEARKEN_RESUME_PASS'], {
        cwd: root,
        env: { ...process.env, HEARKEN_RESUME_PASS: CLI_STORE_PASSPHRASE },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    await child.waitFor((stderr) => /"state":"running","done":[1-9]/.test(stderr));
    child.child.kill('SIGKILL');
    expect(await child.exited).toBeNull();

    const final = await appUntil('analysis.progress', (p) => p.state !== 'running');
    expect(final).toMatchObject({ state: 'done', done: ROWS, total: ROWS });
    expect(count("SELECT count(*) FROM jobs WHERE kind = 'analysis' AND state = 'interrupted'")).toBe(1);
    expect(count("SELECT count(*) FROM jobs WHERE kind = 'analysis' AND state = 'done'")).toBe(1);
  }, 240_000);

  it('a CLI command leaves a cut-off import to the app: marked interrupted, not started again', async () => {
    const other = newCliStore('hearken-resume-cli-');
    try {
      const run = background(other.start(['import', csv, '--progress']));
      await run.waitFor(importedAtLeast(5_000));
      run.child.kill('SIGKILL');
      expect(await run.exited).toBeNull();
      const inStore = (sql: string): number => {
        const db = other.open();
        try {
          return db.prepare(sql).pluck().get() as number;
        } finally {
          db.close();
        }
      };
      const committed = inStore('SELECT count(*) FROM feedback');
      const stats = other.run(['stats', '--json']);
      expect(stats.status, stats.stderr).toBe(0);
      expect(inStore('SELECT count(*) FROM feedback')).toBe(committed);
      expect(inStore("SELECT group_concat(state) FROM jobs WHERE kind = 'import'")).toBe('interrupted');
    } finally {
      other.remove();
    }
  }, 240_000);
});
