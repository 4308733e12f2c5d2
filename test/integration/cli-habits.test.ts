import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { expectNoStackTrace } from '../helpers/cli';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'hearken-cli-habits-'));
  dirs.push(d);
  return d;
}

/** `npx hearken …` exactly as the README says, resolved from the project's own bin (never the registry). */
function npxHearken(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const run = spawnSync('npx', ['--no-install', 'hearken', ...args], {
    cwd: root,
    env: { ...process.env, ...options.env },
    input: options.input,
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function helpOf(args: string[]): string {
  const run = spawnSync(process.execPath, ['bin/hearken.mjs', ...args, '--help'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('the hearken command', () => {
  it('is a bin of the package, executable, so `npx hearken` works', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
    expect(pkg.bin?.hearken).toBeDefined();
    accessSync(join(root, pkg.bin!.hearken!), constants.X_OK);
  });

  it('prints clean JSON on stdout through npx (no npm banner), and its hints name a command that exists', () => {
    const dataDir = join(tempDir(), 'inbox');
    const missing = npxHearken(['stats', '--json', '--data-dir', dataDir]);
    expectNoStackTrace(missing);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`hearken init --data-dir ${dataDir}`);

    // The hint is true: the command it names creates the store, and --json output parses whole.
    const init = npxHearken(['init', '--json', '--data-dir', dataDir, '--passphrase-env', 'HK_TEST_PASS'], { env: { HK_TEST_PASS: 'correct horse battery staple' } });
    expectNoStackTrace(init);
    expect(init.status, init.stderr).toBe(0);
    expect(() => JSON.parse(init.stdout) as unknown).not.toThrow();
    const stats = npxHearken(['stats', '--json', '--data-dir', dataDir, '--passphrase-env', 'HK_TEST_PASS'], { env: { HK_TEST_PASS: 'correct horse battery staple' } });
    expect(stats.status, stats.stderr).toBe(0);
    expect((JSON.parse(stats.stdout) as { total: number }).total).toBe(0);
  });

  it('names the data folder and the unlock options in the help of every command that opens the store', () => {
    const top = helpOf([]);
    const commands = [...top.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['init', 'doctor', 'stats', 'demo', 'import', 'templates', 'generate', 'analyze']));
    const storeFree = new Set(['generate', 'analyze']);
    const helps = commands.filter((c) => !storeFree.has(c) && c !== 'templates').map((c) => [c, helpOf([c])] as const);
    helps.push(['templates export', helpOf(['templates', 'export'])], ['templates import', helpOf(['templates', 'import'])]);
    for (const [name, help] of helps) {
      for (const option of ['--data-dir', '--passphrase-env', '--recovery-key-env']) expect(help, `${name} --help`).toContain(option);
    }
    // The store-free commands say so instead of offering options they would ignore.
    for (const c of storeFree) expect(helpOf([c])).toContain('needs no store');
  });

  it('analyze reads JSON lines on stdin without a flag, and a bad line is named, not quoted', () => {
    const canary = 'CANARY-7f3a-not-json';
    const run = npxHearken(['analyze'], { input: `${JSON.stringify({ id: 'x', text: 'The refund never arrived and nobody answers.' })}\n{"id": "${canary}", \n` });
    expectNoStackTrace(run);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; sentiment?: { label: string }; error?: string });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ id: 'x', sentiment: { label: 'negative' } });
    expect(lines[1]!.error).toMatch(/line 2 is not JSON/);
    expect(run.stdout + run.stderr).not.toContain(canary);
  });
});
