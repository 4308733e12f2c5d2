/**
 * Putting a finished database file in place of the store's, for a restore and a key
 * rotation, while every connection of this process to the store is closed.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { HearkenError } from '../../../shared/errors';
import { syncDirectory } from '../files';

/**
 * The last connection to close folds the -wal into the database and deletes it, so a -wal
 * still there means another program (another Hearken window, a CLI command) has the store
 * open; its frames would also be replayed into a new file put in place. Refused before
 * anything is replaced.
 */
export function assertStoreClosed(dbPath: string, what: string): void {
  if (existsSync(`${dbPath}-wal`)) {
    throw new HearkenError(
      'DATABASE_LOCKED',
      `${basename(dbPath)} is still open in another program (another Hearken window or a CLI command): its write-ahead log was not folded in. Close it and try the ${what} again; nothing was replaced.`,
    );
  }
}

/** `ready` (complete and flushed, beside the store) renamed over it: a crash leaves the old file or the new one. */
export function installDatabaseFile(dbPath: string, ready: string, what: string): void {
  assertStoreClosed(dbPath, what);
  rmSync(`${dbPath}-shm`, { force: true });
  renameSync(ready, dbPath);
  syncDirectory(dirname(dbPath));
}
