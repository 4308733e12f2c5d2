/**
 * A backup as a job: VACUUM INTO on the job thread's own connection, so the window's
 * connection keeps answering while a large store is copied (WAL lets both read). The copy
 * is flushed to disk before the job ends; naming it is the caller's (backups/create.ts).
 */
import { closeSync, fchmodSync, fsyncSync, openSync, rmSync, statSync } from 'node:fs';
import { copyStore } from '../../backups/backup-db';
import type { BackupJobParams, BackupJobResult } from '../../backups/job-types';
import type { JobEnv } from '../types';

export function backupJob(env: JobEnv, params: BackupJobParams): Promise<BackupJobResult> {
  const { tempPath } = params;
  try {
    // Owner-only before a byte is written; VACUUM INTO accepts an empty file.
    const fd = openSync(tempPath, 'wx', 0o600);
    try {
      if (process.platform !== 'win32') fchmodSync(fd, 0o600);
    } finally {
      closeSync(fd);
    }
    const facts = copyStore(env.db(), tempPath, { id: env.jobId, finishedAt: env.now() });
    const fd2 = openSync(tempPath, 'r+');
    try {
      fsyncSync(fd2);
    } finally {
      closeSync(fd2);
    }
    rmSync(`${tempPath}-journal`, { force: true });
    return Promise.resolve({ state: 'done', ...facts, sizeBytes: statSync(tempPath).size });
  } catch (error) {
    rmSync(tempPath, { force: true });
    rmSync(`${tempPath}-journal`, { force: true });
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
