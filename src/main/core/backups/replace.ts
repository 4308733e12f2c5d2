/**
 * Putting a backup's file in place of the store's database, while every connection to the
 * store is closed. The file is copied beside the database under a temporary name and
 * flushed; the old store's -wal and -shm go only when its last connection closed cleanly
 * (an empty or absent -wal: every change is in the database file, and the copy kept
 * aside holds them), and a rename puts the copy in place. A crash before the rename leaves
 * the old store, after it the restored one; either opens.
 */
import { chmodSync, constants, copyFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HearkenError } from '../../../shared/errors';
import { syncDirectory } from '../files';
import { fsyncFile } from './create';
import { processRuns, tempNameFor, tempOwner } from './names';

export function replaceStoreFile(dbPath: string, backup: string): void {
  const dir = dirname(dbPath);
  removeStaleCopies(dbPath);
  const wal = `${dbPath}-wal`;
  if (size(wal) > 0) {
    throw new HearkenError(
      'DATABASE_LOCKED',
      `${basename(dbPath)} is still open in another program (another Hearken window or a CLI command): its write-ahead log was not folded in. Close it and restore again; nothing was replaced.`,
    );
  }
  const temp = tempNameFor(`${dbPath}.restore`);
  try {
    copyFileSync(backup, temp, constants.COPYFILE_EXCL);
    if (process.platform !== 'win32') chmodSync(temp, 0o600);
    fsyncFile(temp);
    // A -wal left beside the new file would be replayed into it: only an empty one is dropped.
    rmSync(wal, { force: true });
    rmSync(`${dbPath}-shm`, { force: true });
    renameSync(temp, dbPath);
    syncDirectory(dir);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Copies a cut-off restore left beside the database (their writer no longer runs). */
function removeStaleCopies(dbPath: string): void {
  const prefix = `${basename(dbPath)}.restore.tmp-`;
  for (const name of readdirSync(dirname(dbPath))) {
    const owner = name.startsWith(prefix) ? tempOwner(name) : null;
    if (owner !== null && (owner === process.pid || !processRuns(owner))) rmSync(join(dirname(dbPath), name), { force: true });
  }
}

function size(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
