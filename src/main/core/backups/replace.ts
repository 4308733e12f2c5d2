/**
 * Putting a backup's file in place of the store's database, while every connection to the
 * store is closed. The file is copied beside the database under a temporary name and
 * flushed; the old store's -shm goes only when its last connection closed cleanly (no
 * -wal left: every change is in the database file, and the copy kept aside holds them),
 * and a rename puts the copy in place. A crash before the rename leaves
 * the old store, after it the restored one; either opens.
 */
import { chmodSync, constants, copyFileSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HearkenError } from '../../../shared/errors';
import { syncDirectory } from '../files';
import { fsyncFile } from './create';
import { processRuns, tempNameFor, tempOwner } from './names';

export function replaceStoreFile(dbPath: string, backup: string): void {
  const dir = dirname(dbPath);
  removeStaleCopies(dbPath);
  const wal = `${dbPath}-wal`;
  // The last connection to close folds the -wal in and deletes it: one still there means
  // another connection (another process) has the store open.
  if (existsSync(wal)) {
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
