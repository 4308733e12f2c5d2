import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npx hearken …` the way a person would, minus npm's own start-up cost. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A D-Bus address where nothing listens: a machine with no keychain at all. */
export const NO_KEYCHAIN_ENV = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/hearken-no-bus' };

export function expectNoStackTrace(run: CliRun): void {
  if (/\n\s+at .+:\d+:\d+/.test(run.stderr) || /node:internal/.test(run.stderr)) {
    throw new Error(`The CLI printed a stack trace:\n${run.stderr}`);
  }
}
