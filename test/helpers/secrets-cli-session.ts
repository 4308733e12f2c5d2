/**
 * The same kind of session through the real CLI, one child process per command, with the
 * core's log at debug on each child's stderr. Secrets come from environment variables, as
 * the CLI asks. The two stdouts that exist to print a recovery key (init, keys rotate)
 * are returned apart; everything else each command printed is in `said`.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeOpenAi } from '../support/fake-openai';
import type { CliRun } from './cli';
import { writeSyntheticCsv } from './results';

const root = fileURLToPath(new URL('../../', import.meta.url));
const RECOVERY_KEY = /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){7}/;

export interface CliSecrets {
  apiKey: string;
  passphrase: string;
  nextPassphrase: string;
}

export interface CliSessionRecord {
  recoveryKeys: { first: string; rotated: string };
  /** The stdout of `init` and of `keys rotate --yes`, as printed. */
  shown: { init: string; rotate: string };
  said: { what: string; text: string }[];
  /** Exit codes by command, for the test to check that the errors really happened. */
  statuses: Record<string, number | null>;
  /** Whether the fake server saw the key (so it was really used). */
  sentKey: boolean;
}

/** Async, because the fake LLM server answers from this process's event loop. */
function hearken(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

export async function runCliSession(secrets: CliSecrets, dataDir: string, outDir: string): Promise<CliSessionRecord> {
  const said: { what: string; text: string }[] = [];
  const statuses: Record<string, number | null> = {};
  const env = { HEARKEN_NO_KEYCHAIN: '1', HEARKEN_LOG_LEVEL: 'debug', HK_PASS: secrets.passphrase, HK_NEW: secrets.nextPassphrase, LLM_KEY: secrets.apiKey };
  const run = async (name: string, args: string[], extra: NodeJS.ProcessEnv = {}, unlock: string[] = ['--passphrase-env', 'HK_PASS']): Promise<CliRun> => {
    const result = await hearken([...args, '--data-dir', dataDir, ...unlock], { ...env, ...extra });
    statuses[name] = result.status;
    said.push({ what: `${name} stderr`, text: result.stderr });
    if (name !== 'init' && name !== 'keys rotate') said.push({ what: `${name} stdout`, text: result.stdout });
    return result;
  };
  const keyIn = (run: CliRun, what: string): string => {
    const key = RECOVERY_KEY.exec(run.stdout)?.[0];
    if (!key) throw new Error(`${what} printed no recovery key (${run.status}):\n${run.stdout}\n${run.stderr}`);
    return key;
  };
  // Its own server, closed midway: from then on the endpoint is dead.
  const fake = await startFakeOpenAi({ models: ['fake-model'] });
  let sentKey = false;
  try {
    const init = await run('init', ['init']);
    const first = keyIn(init, 'init');
    await run('ai set', ['ai', 'set', '--base-url', fake.baseUrl, '--model', 'fake-model', '--api-key-env', 'LLM_KEY', '--redact', 'off', '--enable', '--json']);
    const csv = join(outDir, 'feedback.csv');
    writeSyntheticCsv(csv, 12, 23);
    await run('import', ['import', csv, '--json']);
    // The server echoes the key it refused, once, then answers.
    fake.enqueue({ kind: 'status', status: 401, body: JSON.stringify({ error: { message: `Incorrect API key provided: ${secrets.apiKey}` } }) });
    await run('ai triage', ['ai', 'triage', '--all', '--wait', '--json']);
    sentKey = fake.requests.some((r) => r.headers.authorization === `Bearer ${secrets.apiKey}`);
    await fake.close();
    const rotate = await run('keys rotate', ['keys', 'rotate', '--yes']);
    const rotated = keyIn(rotate, 'keys rotate');
    await run('passphrase change', ['passphrase', 'change', '--new-passphrase-env', 'HK_NEW', '--json']);
    // Side by side, as none changes the store: the old recovery key, the dead endpoint, an export.
    await Promise.all([
      run('old recovery key', ['stats', '--json'], { HK_RECOVERY: first }, ['--recovery-key-env', 'HK_RECOVERY']),
      run('ai test dead', ['ai', 'test'], {}, ['--passphrase-env', 'HK_NEW']),
      run('export', ['export', '--out', join(outDir, 'cli-rows.csv'), '--json'], {}, ['--passphrase-env', 'HK_NEW']),
    ]);
    return { recoveryKeys: { first, rotated }, shown: { init: init.stdout, rotate: rotate.stdout }, said, statuses, sentKey };
  } finally {
    await fake.close().catch(() => undefined);
  }
}
