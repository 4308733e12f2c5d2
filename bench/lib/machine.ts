/** The machine and the versions a run used, for the JSON. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus, freemem, release, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Database } from '../../src/main/core/store/db';

const require = createRequire(import.meta.url);

function pkgVersion(name: string): string | null {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return null;
  }
}

export function machineInfo(): Record<string, unknown> {
  const list = cpus();
  let loadavg: string | null = null;
  try {
    loadavg = readFileSync('/proc/loadavg', 'utf8').trim();
  } catch {
    loadavg = null;
  }
  return {
    cpu: list[0]?.model ?? 'unknown',
    cores: list.length,
    cpuMhz: list[0]?.speed ?? null,
    memoryMb: Math.round(totalmem() / 2 ** 20),
    freeMemoryMbAtStart: Math.round(freemem() / 2 ** 20),
    platform: process.platform,
    arch: process.arch,
    kernel: release(),
    loadavgAtStart: loadavg,
  };
}

export function chromiumVersion(path: string): string | null {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function versions(repoRoot: string, chromiumPath: string): Record<string, string | null> {
  const db = new Database(':memory:');
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  let cipher: string | null = null;
  try {
    cipher = (db.prepare('SELECT sqlite3mc_version() AS v').get() as { v: string }).v;
  } catch {
    cipher = null;
  }
  db.close();
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const rendererIndex = join(repoRoot, 'out', 'renderer', 'index.html');
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['-C', repoRoot, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    commit = null;
  }
  return {
    hearken: pkg.version,
    gitCommit: commit,
    node: process.versions.node,
    v8: process.versions.v8,
    sqlite,
    sqlite3mc: cipher,
    'better-sqlite3-multiple-ciphers': pkgVersion('better-sqlite3-multiple-ciphers'),
    'better-sqlite3': pkgVersion('better-sqlite3'),
    keytar: pkgVersion('keytar'),
    'playwright-core': pkgVersion('playwright-core'),
    chromium: chromiumVersion(chromiumPath),
    rendererBuiltAt: existsSync(rendererIndex) ? statSync(rendererIndex).mtime.toISOString() : null,
  };
}
