/**
 * Decrypted pages never reach the system's temporary folder. This SQLite is built with
 * TEMP_STORE=1 (temporary files on disk unless a connection says otherwise), so a big
 * update's statement journal, a sort larger than the cache and VACUUM's copy would be
 * written there in the clear; openEncrypted sets temp_store=MEMORY on every connection.
 *
 * The work runs in a child whose SQLITE_TMPDIR and TMPDIR name a watched folder; the child
 * reads every file it holds open there while the statements run (helpers/temp-files-child.ts).
 * The control run forces temp_store=FILE, this build's default, and must find the canary:
 * that is what shows the watch would see a leak.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Seen {
  name: string;
  maxSize: number;
  canary: boolean;
}

function runWork(forceTempStore?: string): { seen: Seen[]; tempStore: number; rows: number; leftInFolder: string[]; canary: string } {
  const base = mkdtempSync(join(tmpdir(), 'hearken-temp-files-'));
  dirs.push(base);
  const watched = join(base, 'tmp');
  const dataDir = join(base, 'data');
  mkdirSync(watched);
  mkdirSync(dataDir);
  const canary = `CANARY${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/helpers/temp-files-child.ts', dataDir, canary, ...(forceTempStore ? [forceTempStore] : [])], {
    cwd: root,
    env: { ...process.env, SQLITE_TMPDIR: watched, TMPDIR: watched },
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (child.status !== 0) throw new Error(`The child failed (${child.status}): ${child.stderr}`);
  const result = JSON.parse(child.stdout) as { seen: Seen[]; tempStore: number; rows: number };
  // Whatever is still in the folder afterwards, however it got there.
  const leftInFolder: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (readFileSync(file).includes(Buffer.from(canary))) leftInFolder.push(file);
    }
  };
  walk(watched);
  return { ...result, leftInFolder, canary };
}

describe('temporary files', () => {
  it('a big update, a sort no index serves and VACUUM leave no customer text in the temporary folder', () => {
    const run = runWork();
    expect(run.rows).toBe(8000);
    expect(run.seen.filter((s) => s.canary)).toEqual([]);
    // No SQLite temporary file is made at all.
    expect(run.seen.filter((s) => s.name.startsWith('etilqs_'))).toEqual([]);
    expect(run.leftInFolder).toEqual([]);
    expect(run.tempStore).toBe(2); // MEMORY
  }, 300_000);

  it('the watch sees a leak: with temp_store=FILE, this build\'s default, the same work writes customer text there', () => {
    const run = runWork('FILE');
    expect(run.tempStore).toBe(1);
    const leaks = run.seen.filter((s) => s.canary);
    expect(leaks.length).toBeGreaterThan(0);
    expect(leaks.every((s) => s.name.startsWith('etilqs_'))).toBe(true);
  }, 300_000);
});
