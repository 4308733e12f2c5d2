/**
 * SIGKILL during a backup: the CLI's `backup create` (the copy runs on its job thread) is
 * killed while the copy is being written. Afterwards the store passes integrity_check with
 * its counts unchanged, no half backup is listed, the next backup removes what the killed
 * one left, and every listed backup verifies.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/cli/commands/generate';
import { createCore, type HostCore } from '../../src/main/core';
import { NoSecretStore } from '../../src/main/core/secrets';
import { integrityCheck } from '../../src/main/core/store/health';
import { CLI_STORE_PASSPHRASE, background, countsOf, newCliStore, type CliStore } from '../helpers/cli-store';
import { call } from '../helpers/results';

const ITEMS = 2_000;
/** Audit rows of ~1.5 KB that make the store ~60 MB, so the copy takes long enough to be cut off. */
const PADDING = 40_000;
let store: CliStore;

function counts(): Record<string, number> {
  const db = store.open();
  try {
    expect(integrityCheck(db)).toEqual(['ok']);
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'").pluck().all() as string[];
    return Object.fromEntries(names.map((n) => [n, db.prepare(`SELECT count(*) FROM "${n}"`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  store = newCliStore('hearken-backup-kill-');
  const csv = join(store.dir, 'generated.csv');
  await generate({ count: String(ITEMS), out: csv, seed: '7', format: 'csv', days: '365', handles: '1' });
  const imported = store.run(['import', csv, '--json']);
  expect(imported.status, imported.stderr).toBe(0);
  expect(countsOf(imported.stdout).imported).toBe(ITEMS);
  rmSync(csv);
  const db = store.open();
  try {
    const insert = db.prepare("INSERT INTO audit_events (id, at, actor, action, detail) VALUES (?, ?, 'system', 'test.padding', ?)");
    db.transaction(() => {
      for (let i = 0; i < PADDING; i++) insert.run(`pad-${i}`, i, randomBytes(1100).toString('base64'));
    })();
  } finally {
    db.close();
  }
}, 120_000);
afterAll(() => store.remove());

describe('SIGKILL during a backup', () => {
  it('leaves the store intact and no half backup, and the next backup cleans up', async () => {
    const before = counts();
    const folder = join(store.dir, 'backups');
    const child = background(store.start(['backup', 'create', '--json']));
    // Killed as soon as the copy has bytes under its temporary name.
    let seen: string[] = [];
    for (let i = 0; i < 6_000 && seen.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 5));
      try {
        seen = readdirSync(folder).filter((n) => n.includes('.tmp-'));
      } catch {
        // The folder is made when the backup starts.
      }
    }
    child.child.kill('SIGKILL');
    expect(await child.exited).toBeNull();
    expect(seen.length).toBeGreaterThan(0);
    const left = readdirSync(folder);
    // Killed midway: nothing carries a finished backup's name.
    expect(left.filter((n) => n.endsWith('.db'))).toEqual([]);

    // The killed job's row is still "running", and the command's unlock ran the SLA sweep
    // (breaches due by now, each with an audit row); every other table is exactly as before.
    const stable = ({ jobs: _j, sla_breaches: _s, audit_events: _a, ...rest }: Record<string, number>): Record<string, number> => rest;
    const after = counts();
    expect(stable(after)).toEqual(stable(before));
    expect(after.audit_events).toBeGreaterThanOrEqual(before.audit_events!);

    const core: HostCore = await createCore({ dataDir: store.dir, secrets: new NoSecretStore(), scheduledExports: false });
    try {
      await call(core, 'store.unlock', { method: 'passphrase', passphrase: CLI_STORE_PASSPHRASE });
      expect((await call(core, 'backup.list', {})).backups).toEqual([]);
      const made = await call(core, 'backup.create', {});
      expect(made.items).toBe(ITEMS);
      expect(readdirSync(folder).filter((n) => n.includes('.tmp-'))).toEqual([]);
      const listed = (await call(core, 'backup.list', {})).backups;
      expect(listed.map((b) => b.name)).toEqual([made.name]);
      for (const backup of listed) expect(await call(core, 'backup.verify', { name: backup.name })).toMatchObject({ ok: true, integrity: ['ok'] });
    } finally {
      await core.close();
    }
    expect(counts().feedback).toBe(ITEMS);
  }, 90_000);
});
