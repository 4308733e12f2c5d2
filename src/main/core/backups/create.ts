/**
 * Writing a backup so that only a whole one ever carries a backup's name: the copy goes to
 * a temporary name, is flushed, gets its side file, and only then is renamed (and the
 * folder flushed). A crash at any step leaves the store untouched and, at most, a
 * temporary file that is not listed and is removed by the next backup.
 */
import { closeSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupInfo, BackupReason } from '../../../shared/contract';
import { HearkenError } from '../../../shared/errors';
import { fsyncFile, syncDirectory } from '../files';
import { keyCheck } from '../secrets/key-material';
import { openEncrypted } from '../store/open';
import { copyStore, inspectReadOnly, type CopyFacts } from './backup-db';
import { describeBackup } from './folder';
import { backupName, sideFileOf, tempNameFor } from './names';
import { writeSideFile } from './side-file';
import { verifyBackup } from './verify';

/** A free final name in `dir` for a backup made at `at`. */
export function freeBackupPath(dir: string, at: number, reason: BackupReason): string {
  for (let attempt = 0; ; attempt += 1) {
    const file = join(dir, backupName(at, reason, attempt));
    try {
      statSync(file);
    } catch {
      return file;
    }
  }
}

/** Gives a flushed, whole copy its side file and then its final name. */
export function finishBackup(temp: string, final: string, facts: CopyFacts, made: { createdAt: number; reason: BackupReason; key: Buffer }): BackupInfo {
  writeSideFile(sideFileOf(final), {
    format: 'hearken-backup',
    version: 1,
    createdAt: made.createdAt,
    reason: made.reason,
    schemaVersion: facts.schemaVersion,
    keyCheck: keyCheck(made.key),
    counts: facts.counts,
  });
  renameSync(temp, final);
  syncDirectory(dirname(final));
  const info = describeBackup(final, basename(final));
  if (!info) throw new HearkenError('INTERNAL', `The backup ${final} was written but cannot be read back.`);
  return info;
}

/**
 * The copy a restore keeps of the store it replaces, made while every connection is
 * closed (inside the store swap), on a connection of its own, and verified before it is
 * named: a restore never replaces the store without a sound copy of it set aside.
 */
export async function keepAside(dbPath: string, dir: string, key: Buffer, createdAt: number, nativeBinding?: string): Promise<BackupInfo> {
  const final = freeBackupPath(dir, createdAt, 'before-restore');
  const temp = tempNameFor(final);
  try {
    closeSync(openSync(temp, 'wx', 0o600));
    const db = openEncrypted(dbPath, { keyHex: key.toString('hex'), ...(nativeBinding ? { nativeBinding } : {}) });
    let facts: CopyFacts;
    try {
      facts = copyStore(db, temp, { id: undefined, finishedAt: createdAt });
    } finally {
      db.close();
    }
    fsyncFile(temp);
    const check = await verifyBackup(temp, key, (file) => inspectReadOnly(file, key.toString('hex'), nativeBinding));
    const same = check.counts.every((row) => facts.counts[row.table] === row.rows);
    if (!check.ok || !same) throw new HearkenError('CORRUPT_DATABASE', `The copy of the current store did not verify (${check.message}); nothing was restored.`);
    return finishBackup(temp, final, facts, { createdAt, reason: 'before-restore', key });
  } catch (error) {
    rmSync(temp, { force: true });
    rmSync(`${temp}-journal`, { force: true });
    throw error;
  }
}
