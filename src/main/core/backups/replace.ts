/**
 * Putting a backup's file in place of the store's database, while every connection to the
 * store is closed. The file is copied beside the database under a temporary name and
 * flushed, then renamed over the store (store/install.ts: refused while another program
 * holds the store). A crash before the rename leaves the old store, after it the restored
 * one; either opens.
 */
import { chmodSync, constants, copyFileSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fsyncFile } from '../files';
import { assertStoreClosed, installDatabaseFile } from '../store/install';
import { processRuns, tempNameFor, tempOwner } from './names';

export function replaceStoreFile(dbPath: string, backup: string): void {
  removeStaleCopies(dbPath);
  assertStoreClosed(dbPath, 'restore');
  const temp = tempNameFor(`${dbPath}.restore`);
  try {
    copyFileSync(backup, temp, constants.COPYFILE_EXCL);
    if (process.platform !== 'win32') chmodSync(temp, 0o600);
    fsyncFile(temp);
    installDatabaseFile(dbPath, temp, 'restore');
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
