/**
 * Backups as a job, on the job thread's own connection, so the window's connection keeps
 * answering while a large store is copied or a backup is checked (WAL lets both read).
 * `copy`: VACUUM INTO a temporary file, flushed before the job ends (naming it is the
 * caller's, backups/create.ts). `inspect`: integrity_check and counts of a backup file.
 */
import { closeSync, fchmodSync, openSync, rmSync, statSync } from 'node:fs';
import { copyStore, inspectAttached } from '../../backups/backup-db';
import { fsyncFile } from '../../files';
import type { BackupJobParams, BackupJobResult } from '../../backups/job-types';
import type { JobEnv } from '../types';

export function backupJob(env: JobEnv, params: BackupJobParams): Promise<BackupJobResult> {
  if (params.op === 'inspect') return Promise.resolve({ state: 'done', op: 'inspect', inspection: inspectAttached(env.db(), params.file) });
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
    fsyncFile(tempPath);
    rmSync(`${tempPath}-journal`, { force: true });
    return Promise.resolve({ state: 'done', op: 'copy', facts, sizeBytes: statSync(tempPath).size });
  } catch (error) {
    rmSync(tempPath, { force: true });
    rmSync(`${tempPath}-journal`, { force: true });
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
