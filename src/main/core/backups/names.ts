/**
 * Backup file names. A finished backup is `hearken-backup-<UTC time>-<reason>.db` with its
 * side file `<name>.json`; while it is written it has a temporary name that ends in
 * `.tmp-<pid>-<random>`, which nothing lists, so a backup cut off midway can never be
 * taken for a good one.
 */
import { randomBytes } from 'node:crypto';
import { backupReasons, type BackupReason } from '../../../shared/contract';

const NAME = /^hearken-backup-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-([a-z-]+?)(?:-(\d+))?\.db$/;
/** A temporary copy (ours or writeFileAtomic's), or the rollback journal of one. */
const TEMP = /\.tmp-(\d+)-[0-9a-f]+(?:-journal)?$/;

export function backupName(at: number, reason: BackupReason, attempt = 0): string {
  const stamp = new Date(at).toISOString().replace(/[-:]/g, '').replace('.', '');
  return `hearken-backup-${stamp}-${reason}${attempt > 0 ? `-${attempt}` : ''}.db`;
}

/** The time and reason a backup's name says, or null for any other name (temporary ones included). */
export function parseBackupName(name: string): { createdAt: number; reason: BackupReason } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const reason = m[8] as BackupReason;
  if (!backupReasons.includes(reason)) return null;
  const createdAt = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), Number(m[7]));
  return Number.isFinite(createdAt) ? { createdAt, reason } : null;
}

export function sideFileOf(file: string): string {
  return `${file}.json`;
}

/** Where a copy is written until it is whole: unique per call, carrying the writer's pid. */
export function tempNameFor(file: string): string {
  return `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** The pid that writes a temporary file, or null when the name is not a temporary one. */
export function tempOwner(name: string): number | null {
  const m = TEMP.exec(name);
  return m ? Number(m[1]) : null;
}

/** Whether a process with this pid runs (on this machine); a pid we may not signal runs too. */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
