import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Written beside the target (owner-only), flushed and renamed: a crash or a full disk never
 * leaves half a file, and the old file stays until the new one is whole. The temporary name
 * is unique per call, so two writers (two processes, or two threads of one) never share it.
 */
export function writeFileAtomic(file: string, text: string | Uint8Array): void {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      // The mode given to open is filtered by the umask; owner-only must not depend on it.
      if (process.platform !== 'win32') fchmodSync(fd, 0o600);
      if (typeof text === 'string') writeSync(fd, text);
      // A write may take fewer bytes than given; loop until the whole buffer is down.
      else for (let at = 0; at < text.length; ) at += writeSync(fd, text, at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    syncDirectory(dirname(file));
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/**
 * Flushes a folder's entries, so a rename or a new file survives a power cut. Best effort:
 * Windows cannot open a folder this way, and a file system that refuses has nothing to flush.
 */
export function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // EINVAL on file systems without directory fsync.
  } finally {
    closeSync(fd);
  }
}

/** Flushes a file's contents to disk (a copy about to be renamed into place). */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
