import { dirname } from 'node:path';
import { HearkenError, type ErrorInfo } from '../../shared/errors';

/**
 * SQLite's SQLITE_FULL, and the file system's ENOSPC / EDQUOT (a manifest, a report, an
 * export). SQLITE_IOERR_SHMSIZE is a failed write that grows the -shm file, which on a
 * local disk only a full disk causes.
 */
export function isDiskFull(error: unknown): boolean {
  if (error instanceof HearkenError) return error.code === 'DISK_FULL';
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE' || code === 'ENOSPC' || code === 'EDQUOT';
}

export function diskFullMessage(dataDir?: string): string {
  return `The disk holding ${dataDir ?? "Hearken's data folder"} is full. Free some space, then try again; nothing was changed.`;
}

/** A file system error names the file it failed on: the full disk may be another than the store's (an export). */
function folderOf(error: unknown): string | undefined {
  const path = (error as { path?: unknown } | null)?.path;
  return typeof path === 'string' ? dirname(path) : undefined;
}

export function diskFullError(dataDir: string | undefined, cause: unknown): HearkenError {
  return new HearkenError('DISK_FULL', diskFullMessage(folderOf(cause) ?? dataDir), { cause });
}

/**
 * Any failure as the contract's error: stable codes for what the store says, INTERNAL for
 * the rest. `dataDir` names the folder in a DISK_FULL message (a bare SQLite error does not
 * say which file it was writing).
 */
export function toErrorInfo(error: unknown, dataDir?: string): ErrorInfo {
  if (error instanceof HearkenError) return error.toInfo();
  if (isDiskFull(error)) return { code: 'DISK_FULL', message: diskFullMessage(folderOf(error) ?? dataDir) };
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { code: 'DATABASE_LOCKED', message: 'The store is busy in another program (another Hearken window or a CLI command). Try again in a moment.' };
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return { code: 'CORRUPT_DATABASE', message: 'The store is damaged. Hearken stopped before changing it; run `doctor`, then restore a backup.' };
  }
  return { code: 'INTERNAL', message: `Hearken's core failed: ${error instanceof Error ? error.message : String(error)}` };
}
