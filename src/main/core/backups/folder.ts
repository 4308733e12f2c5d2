/**
 * The backup folder: made owner-only, listed newest first (only finished backups: a file
 * with a backup's name and its side file), cleaned of what a cut-off backup left, and
 * trimmed to the last N.
 */
import { chmodSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../../../shared/contract';
import { log } from '../log';
import { parseBackupName, processRuns, sideFileOf, tempOwner } from './names';
import { readSideFile } from './side-file';

/** A side file without its backup is left this long: another process may be about to rename its copy. */
const ORPHAN_GRACE_MS = 60 * 60_000;

export function ensureFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32' && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
}

/** The backup described by `file` and its side file, or null when it is not a finished backup. */
export function describeBackup(file: string, name: string): BackupInfo | null {
  const named = parseBackupName(name);
  const side = readSideFile(sideFileOf(file));
  if (!named || typeof side === 'string') return null;
  let sizeBytes: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return null;
    sizeBytes = stat.size;
  } catch {
    return null;
  }
  return { name, file, createdAt: side.createdAt, sizeBytes, reason: side.reason, items: side.counts.feedback ?? 0, schemaVersion: side.schemaVersion };
}

/** Finished backups, newest first; temporary copies and backups without a side file are not listed. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const found: BackupInfo[] = [];
  for (const name of names) {
    if (!name.endsWith('.db')) continue;
    const info = describeBackup(join(dir, name), name);
    if (info) found.push(info);
  }
  return found.sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name));
}

/**
 * Removes what cut-off backups left: temporary copies (and their journals) whose writer no
 * longer runs, and side files whose backup never got its name. `mine`: this process's
 * copies in flight, which are not stale.
 */
export function cleanStale(dir: string, mine: ReadonlySet<string>, now: number): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const file = join(dir, name);
    const owner = tempOwner(name);
    const stale =
      owner !== null
        ? !mine.has(file.replace(/-journal$/, '')) && (owner === process.pid ? !inFlightSide(file, mine) : !processRuns(owner))
        : name.endsWith('.db.json') && parseBackupName(name.slice(0, -5)) !== null && !exists(file.slice(0, -5)) && olderThan(file, now - ORPHAN_GRACE_MS);
    if (!stale) continue;
    try {
      rmSync(file, { force: true });
      log.info('removed what a cut-off backup left', { name });
    } catch (error) {
      log.warn('a cut-off backup left a file that could not be removed', { name, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

/** A side file's temporary copy (writeFileAtomic's) for a backup this process is writing. */
function inFlightSide(file: string, mine: ReadonlySet<string>): boolean {
  for (const copy of mine) if (file.startsWith(copy.replace(/\.tmp-\d+-[0-9a-f]+$/, '.json.tmp-'))) return true;
  return false;
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

function olderThan(file: string, at: number): boolean {
  try {
    return statSync(file).mtimeMs < at;
  } catch {
    return false;
  }
}

/**
 * Keeps the newest `keep` backups (every reason counts) and deletes the rest, the backup
 * before its side file, so a crash midway leaves no listed half. `protect`: names this pass
 * made or used (a restore's `before-restore` copy, the backup it restored), never deleted now.
 */
export function pruneBackups(dir: string, keep: number, protect: ReadonlySet<string> = new Set()): string[] {
  const removed: string[] = [];
  const backups = listBackups(dir);
  let kept = 0;
  for (const backup of backups) {
    if (protect.has(backup.name) || kept < keep) {
      kept += 1;
      continue;
    }
    rmSync(backup.file, { force: true });
    rmSync(sideFileOf(backup.file), { force: true });
    removed.push(backup.name);
  }
  return removed;
}
