/**
 * A passphrase-protected store in a temp folder, driven by the CLI as a child process, and
 * the same database opened directly (by its recovery key) to check what really landed.
 * Passphrase stores need no keychain, so these tests run on any machine.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseKeyFromRecovery, parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import type { DB } from '../../src/main/core/store/db';
import { openEncrypted } from '../../src/main/core/store/open';
import type { CliRun } from './cli';

const root = fileURLToPath(new URL('../../', import.meta.url));
const peakRssHook = fileURLToPath(new URL('./peak-rss.mjs', import.meta.url));
const PASSPHRASE_VAR = 'HEARKEN_TEST_PASSPHRASE';
/** The passphrase of every CliStore, for a core opened on the same folder. */
export const CLI_STORE_PASSPHRASE = 'correct horse battery staple';
const passphrase = CLI_STORE_PASSPHRASE;

export interface CliStoreRun extends CliRun {
  /** The child's peak RSS in MiB (Linux), else null. */
  peakRssMb: number | null;
}

export interface CliStore {
  dir: string;
  recoveryKey: string;
  /** `hearken <args> --data-dir dir --passphrase-env …`, waited for. */
  run(args: string[], timeoutMs?: number): CliStoreRun;
  /** The same, in the background. */
  start(args: string[]): ChildProcess;
  /** The store's database, opened directly; close it before the next CLI command. */
  open(): DB;
  remove(): void;
}

function cliArgs(dir: string, args: string[]): string[] {
  return ['--import', 'tsx', '--import', peakRssHook, 'src/cli/index.ts', ...args, '--data-dir', dir, '--passphrase-env', PASSPHRASE_VAR];
}

export function newCliStore(prefix = 'hearken-cli-store-'): CliStore {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ ...process.env, [PASSPHRASE_VAR]: passphrase, ...extra });
  const run = (args: string[], timeoutMs = 120_000): CliStoreRun => {
    const rssFile = join(dir, `.peak-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
    const result = spawnSync(process.execPath, cliArgs(dir, args), { cwd: root, env: env({ HEARKEN_PEAK_RSS_FILE: rssFile }), encoding: 'utf8', timeout: timeoutMs });
    let peakRssMb: number | null = null;
    if (existsSync(rssFile)) {
      const kb = Number(readFileSync(rssFile, 'utf8'));
      peakRssMb = Number.isFinite(kb) && kb > 0 ? kb / 1024 : null;
      rmSync(rssFile, { force: true });
    }
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, peakRssMb };
  };
  const init = run(['init', '--json']);
  if (init.status !== 0) throw new Error(`init failed: ${init.stderr}`);
  const recoveryKey = (JSON.parse(init.stdout) as { recoveryKey: string }).recoveryKey;
  return {
    dir,
    recoveryKey,
    run,
    start: (args) => spawn(process.execPath, cliArgs(dir, args), { cwd: root, env: env(), stdio: ['ignore', 'pipe', 'pipe'] }),
    open: () => openEncrypted(join(dir, 'hearken.db'), { keyHex: databaseKeyFromRecovery(parseRecoveryKey(recoveryKey)).toString('hex') }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Counts {
  read: number;
  imported: number;
  duplicates: number;
  failed: number;
}

/** The counts of `import --json` (which also prints the mapping and origin it used). */
export function countsOf(stdout: string): Counts {
  const { read, imported, duplicates, failed } = JSON.parse(stdout) as Counts;
  return { read, imported, duplicates, failed };
}

/** A child started with CliStore.start(), with what it printed so far and its exit. */
export interface Background {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
  /** Resolves once `seen(stderr so far)` holds; rejects if the child ends first. */
  waitFor(seen: (stderr: string) => boolean): Promise<void>;
}

export function background(child: ChildProcess): Background {
  let out = '';
  let err = '';
  let waiters: { seen: (stderr: string) => boolean; resolve: () => void }[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
    waiters = waiters.filter((w) => (w.seen(err) ? (w.resolve(), false) : true));
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor: (seen) =>
      new Promise<void>((resolve, reject) => {
        if (seen(err)) return resolve();
        waiters.push({ seen, resolve });
        void exited.then((code) => reject(new Error(`the command ended (${code}) before the awaited output:\n${err}`)));
      }),
  };
}

/** For waitFor: a progress line ("12,000 imported") with at least `n` rows imported. */
export function importedAtLeast(n: number): (stderr: string) => boolean {
  return (stderr) => [...stderr.matchAll(/([\d,]+) imported/g)].some((m) => Number(m[1]!.replace(/,/g, '')) >= n);
}
