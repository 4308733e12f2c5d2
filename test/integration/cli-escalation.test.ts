/**
 * Escalation from a terminal, as a script would use it: list a view's ids, escalate one to
 * a team by name, read the queue and the SLA counts, and the rules with their counts; a
 * team that does not exist is one line saying which teams do.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoStackTrace } from '../helpers/cli';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hearken-cli-escalation-'));
const dataDir = join(dir, 'inbox');
const env = { ...process.env, HK_PASS: 'correct horse battery staple', HEARKEN_NO_KEYCHAIN: '1' };

function hearken(args: string[]) {
  const run = spawnSync(process.execPath, ['bin/hearken.mjs', ...args, '--data-dir', dataDir, '--passphrase-env', 'HK_PASS'], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
  expectNoStackTrace({ status: run.status, stdout: run.stdout, stderr: run.stderr });
  return run;
}
function json<T>(args: string[]): T {
  const run = hearken([...args, '--json']);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

beforeAll(() => {
  expect(hearken(['init']).status).toBe(0);
  expect(hearken(['demo']).status).toBe(0);
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ListOut {
  view: string;
  total: number;
  items: { id: string; escalated: boolean; sla: unknown; flag: { explanation: string } | null }[];
}

describe('hearken escalate, escalations, rules, sla, list', () => {
  it('lists a view with ids, escalates one by team name, and the queue shows it', () => {
    const inbox = json<ListOut>(['list', '--view', 'inbox', '--limit', '5']);
    expect(inbox.view).toBe('Inbox');
    expect(inbox.items).toHaveLength(5);
    const id = inbox.items.find((i) => !i.escalated)!.id;

    const done = json<{ escalated: number; target: string; priority: string }>(['escalate', id, '--to', 'billing', '--reason', 'Refund dispute over 500 EUR', '--priority', 'high']);
    expect(done).toMatchObject({ escalated: 1, target: 'Billing', priority: 'high' });

    const queue = json<{ total: number; groups: { target: string; items: { feedbackId: string; reason: string; priority: string }[] }[] }>(['escalations']);
    const billing = queue.groups.find((g) => g.target === 'Billing');
    expect(billing?.items).toContainEqual(expect.objectContaining({ feedbackId: id, reason: 'Refund dispute over 500 EUR', priority: 'high' }));
    expect(json<ListOut>(['list', '--view', 'escalated']).items.map((i) => i.id)).toContain(id);
  }, 120_000);

  it('names the teams there are when the one asked for is not one of them', () => {
    const id = json<ListOut>(['list', '--limit', '1']).items[0]!.id;
    const run = hearken(['escalate', id, '--to', 'Accounting', '--reason', 'x']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/No team is called "Accounting"\. Teams: .*Billing/);
  }, 60_000);

  it('prints the rules with their counts, the same whether stored or evaluated afresh, and the SLA counts', () => {
    const listed = json<{ id: string; name: string; matches: number }[]>(['rules', 'list']);
    expect(listed.length).toBeGreaterThan(3);
    const preview = json<{ id: string; matches: number; flagged: number }[]>(['rules', 'preview']);
    expect(preview.map((r) => r.id)).toEqual(listed.map((r) => r.id));
    for (const r of preview) expect(r.matches, r.id).toBe(r.flagged);
    expect(preview.some((r) => r.matches > 0)).toBe(true);

    const sla = json<{ dueSoon: number; breached: number; running: number; paused: number }>(['sla']);
    expect(sla.breached + sla.dueSoon + sla.running + sla.paused).toBeGreaterThan(0);
    const breached = json<ListOut>(['list', '--view', 'breached', '--limit', '500']);
    expect(breached.total).toBe(sla.breached);
  }, 120_000);
});
