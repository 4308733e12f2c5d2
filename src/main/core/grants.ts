/**
 * File grants: the only way a file path reaches a file channel. The window is the least
 * trusted caller (a compromised page could name any path), so it never sends one: the
 * host, which alone shows dialogs and sees drops, hands a path to the core, and the window
 * gets back an opaque id that opens that one file, for that one purpose, until the store
 * is locked or the core closes. Ids are random (no path, counter or time in them) and live
 * only in this process's memory.
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { FileGrant, FileGrantPurpose } from '../../shared/contract';
import { HearkenError } from '../../shared/errors';

/** Enough for every file a person picks in a session; the oldest goes first beyond it. */
const MAX_GRANTS = 256;
const ID_BYTES = 24;

interface Held {
  readonly path: string;
  readonly purpose: FileGrantPurpose;
}

const notGranted = (): HearkenError =>
  new HearkenError(
    'FILE_NOT_GRANTED',
    'Hearken opens only files chosen in its file dialog or dropped on its window, and only until it is locked. Choose the file again.',
  );

const unreadable = (path: string, error: unknown): HearkenError => {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission was refused' : 'it could not be read';
  return new HearkenError('NOT_FOUND', `Could not open ${basename(path)}: ${why}.`);
};

export class FileGrants {
  private readonly held = new Map<string, Held>();

  /**
   * A grant for `path`. Reading needs a file or folder that exists now; writing needs a
   * place that is not a folder. Only hosts call this: the transports the window reaches
   * forward channels, never this.
   */
  mint(path: string, purpose: FileGrantPurpose): FileGrant {
    if (typeof path !== 'string' || path.length === 0 || path.length > 4096 || path.includes('\0')) {
      throw new HearkenError('VALIDATION', 'A file to grant needs a path.');
    }
    const full = resolve(path);
    let kind: FileGrant['kind'] = 'file';
    let size: number | null = null;
    try {
      const stat = statSync(full);
      if (stat.isDirectory()) {
        if (purpose === 'write') throw new HearkenError('VALIDATION', `${basename(full)} is a folder; choose a file to write.`);
        kind = 'folder';
      } else if (purpose === 'write-folder') {
        throw new HearkenError('VALIDATION', `${basename(full)} is a file; choose a folder to write into.`);
      } else if (stat.isFile()) {
        size = stat.size;
      } else {
        throw new HearkenError('VALIDATION', `${basename(full)} is not a regular file.`);
      }
    } catch (error) {
      if (error instanceof HearkenError) throw error;
      // A file (or folder) an export is about to create does not exist yet.
      if (purpose === 'read' || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw unreadable(full, error);
      if (purpose === 'write-folder') kind = 'folder';
    }
    const grant = randomBytes(ID_BYTES).toString('base64url');
    this.held.set(grant, { path: full, purpose });
    if (this.held.size > MAX_GRANTS) this.held.delete(this.held.keys().next().value as string);
    return { grant, name: basename(full), size, kind };
  }

  /** The path behind a grant, if it was minted for this purpose; FILE_NOT_GRANTED for anything else. */
  path(grant: string, purpose: FileGrantPurpose): string {
    // Own keys only: an id like "__proto__" or "constructor" is simply not a grant.
    const held = this.held.get(grant);
    if (held === undefined || held.purpose !== purpose) throw notGranted();
    return held.path;
  }

  /** On lock and close: every id handed out stops opening anything. */
  clear(): void {
    this.held.clear();
  }
}
