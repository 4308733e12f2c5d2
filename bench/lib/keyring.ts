/**
 * The keychain for the open measure. Where no Secret Service answers (a headless Linux box),
 * the bench re-runs itself inside a private D-Bus session with a throwaway, unlocked
 * gnome-keyring, as scripts/with-keyring.sh does for the tests; the keyring's folder is
 * removed afterwards. Without those tools the passphrase path is used, and the output says so.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MARK = 'HEARKEN_BENCH_KEYRING';

export function insidePrivateKeyring(): boolean {
  return process.env[MARK] === '1';
}

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

export function canStartKeyring(): boolean {
  return !insidePrivateKeyring() && has('dbus-run-session') && has('gnome-keyring-daemon');
}

/** Runs this same command again inside a private keyring session; resolves to its exit code. */
export function rerunInPrivateKeyring(): Promise<number> {
  const home = mkdtempSync(join(tmpdir(), 'hearken-bench-keyring-'));
  const script = 'printf "%s" "$HEARKEN_BENCH_KEYRING_PW" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && unset HEARKEN_BENCH_KEYRING_PW && exec "$@"';
  const child = spawn('dbus-run-session', ['--', 'sh', '-c', script, 'sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, XDG_DATA_HOME: home, [MARK]: '1', HEARKEN_BENCH_KEYRING_PW: randomBytes(16).toString('hex') },
  });
  const forward = (signal: NodeJS.Signals): void => {
    child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      rmSync(home, { recursive: true, force: true });
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}
