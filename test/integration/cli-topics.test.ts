/**
 * `hearken topics suggest` as a script runs it: --json names each proposal's items by the
 * ids they were imported with, the run is stored so the window shows the same proposals,
 * the readable table lists them, and mistakes (an unknown view, --view with --all, a bad
 * --min-size) are answered with a line saying what to write.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoStackTrace } from '../helpers/cli';
import { writeDiscoveryCsv, type DiscoveryRow } from '../helpers/discovery-csv';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hearken-cli-topics-'));
const dataDir = join(dir, 'inbox');
const env = { ...process.env, HK_PASS: 'correct horse battery staple', HEARKEN_NO_KEYCHAIN: '1' };

function hearken(args: string[]) {
  const run = spawnSync(process.execPath, ['bin/hearken.mjs', ...args, '--data-dir', dataDir, '--passphrase-env', 'HK_PASS'], { cwd: root, env, encoding: 'utf8', timeout: 180_000 });
  expectNoStackTrace({ status: run.status, stdout: run.stdout, stderr: run.stderr });
  return run;
}

interface SuggestJson {
  run: { scope: { kind: string }; considered: number; grouped: number; at: string };
  proposals: { name: string; keywords: string[]; size: number; externalIds: string[]; ids: string[] }[];
}

let rows: DiscoveryRow[];
/** What the --all run read: every conversation. */
let allConsidered = 0;

beforeAll(() => {
  const csv = join(dir, 'queries.csv');
  rows = writeDiscoveryCsv(csv);
  expect(hearken(['init']).status).toBe(0);
  // Discovery keeps the words a minority of texts share: the queries need an inbox around them.
  expect(hearken(['demo']).status).toBe(0);
  const imported = hearken(['import', csv, '--json']);
  expect(imported.status, imported.stderr).toBe(0);
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hearken topics suggest', () => {
  it('prints each proposal with its name, keywords, size and the external ids of its items', () => {
    const run = hearken(['topics', 'suggest', '--all', '--min-size', '4', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as SuggestJson;
    expect(out.run.scope).toEqual({ kind: 'all' });
    expect(out.run.considered).toBeGreaterThan(rows.length);
    allConsidered = out.run.considered;
    expect(Number.isNaN(Date.parse(out.run.at))).toBe(false);
    expect(out.proposals.length).toBeGreaterThan(0);
    for (const p of out.proposals) {
      expect(p.name.length).toBeGreaterThan(0);
      expect(p.keywords.length).toBeGreaterThan(0);
      expect(p.size).toBeGreaterThanOrEqual(4);
      // Every item is named once: by its external id, or by its Hearken id when it has none.
      expect(p.externalIds.length + p.ids.length).toBe(p.size);
    }
    // The sprinkler questions came with ids of their own (`sprinkler-<n>`): a script finds them by those.
    const mine = new Set(rows.filter((r) => r.intent === 'sprinkler').map((r) => r.externalId));
    const best = Math.max(...out.proposals.map((p) => p.externalIds.filter((id) => mine.has(id)).length));
    expect(best).toBeGreaterThanOrEqual(Math.ceil(mine.size * 0.75));
    // No item is in two proposals.
    const all = out.proposals.flatMap((p) => [...p.externalIds, ...p.ids]);
    expect(new Set(all).size).toBe(all.length);

    // Without --json: the same run, readable.
    const table = hearken(['topics', 'suggest', '--all', '--min-size', '4']);
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/Grouped \d+ of \d+ all conversations into \d+ proposed topics/);
    expect(table.stdout).toMatch(/Topic\s+Items\s+Keywords/);
    for (const p of out.proposals) expect(table.stdout).toContain(p.name.slice(0, 32));
  });

  it('groups the conversations without a topic by default', () => {
    const run = hearken(['topics', 'suggest', '--json', '--min-size', '4']);
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as SuggestJson;
    expect(out.run.scope).toEqual({ kind: 'untagged' });
    // The refund questions (and many demo conversations) carry a shipped topic: they are not read.
    expect(out.run.considered).toBeGreaterThan(0);
    expect(out.run.considered).toBeLessThan(allConsidered);
    for (const p of out.proposals) for (const id of p.externalIds) expect(id).not.toMatch(/^refund-/);
  });

  it('answers an unknown view with the names of the views, and usage mistakes with exit 2', () => {
    const unknown = hearken(['topics', 'suggest', '--view', 'No such view', '--json']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/No view is called "No such view"\. Views: Inbox, Unread/);
    expect(unknown.stdout).toBe('');

    const both = hearken(['topics', 'suggest', '--view', 'Inbox', '--all']);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/--view NAME or --all, not both/);

    const size = hearken(['topics', 'suggest', '--min-size', 'one']);
    expect(size.status).toBe(2);
    expect(size.stderr).toMatch(/--min-size must be a whole number of 2 or more/);

    const view = hearken(['topics', 'suggest', '--view', 'inbox', '--json', '--min-size', '4']);
    expect(view.status, view.stderr).toBe(0);
    expect((JSON.parse(view.stdout) as SuggestJson).run).toMatchObject({ scope: { kind: 'view' }, viewName: 'Inbox' });
  });

  it('says in --help that items without an external id are listed by their Hearken id', () => {
    const help = hearken(['topics', 'suggest', '--help']);
    expect(help.status).toBe(0);
    const text = help.stdout.replace(/\s+/g, ' ');
    expect(text).toMatch(/externalIds/);
    expect(text).toMatch(/imported without one are in "ids" by their Hearken id/);
  });
});
