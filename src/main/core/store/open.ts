import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { HearkenError } from '../../../shared/errors';
import { Database, type DB } from './db';

const PLAIN_SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenOptions {
  /** 32-byte key as 64 hex characters. */
  keyHex: string;
  /** Create the file; otherwise it must already exist. */
  create?: boolean;
  nativeBinding?: string;
}

/** The first bytes of a file, or null when it does not exist or is empty. */
export function readHeader(file: string, length = 16): Buffer | null {
  if (!existsSync(file)) return null;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, 0);
    return n === 0 ? null : buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export function isPlainSqlite(header: Buffer | null): boolean {
  return header !== null && header.length >= PLAIN_SQLITE_HEADER.length && header.subarray(0, 16).equals(PLAIN_SQLITE_HEADER);
}

export function assertKeyHex(keyHex: string): void {
  if (!/^[0-9a-f]{64}$/.test(keyHex)) throw new HearkenError('INTERNAL', 'A database key must be 32 bytes as 64 lower-case hex characters.');
}

/**
 * Opens the encrypted store: SQLCipher v4 with a raw 256-bit key before any other
 * statement, then WAL and the usual pragmas. Nothing is
 * written until the key has been proven by a read, so a wrong key, a plain SQLite file or
 * a damaged file are reported and left byte-for-byte as they were.
 */
export function openEncrypted(file: string, options: OpenOptions): DB {
  assertKeyHex(options.keyHex);
  const header = readHeader(file);
  if (!options.create && header === null) {
    throw new HearkenError('NO_STORE', `There is no Hearken database at ${file}.`);
  }
  if (isPlainSqlite(header)) {
    throw new HearkenError(
      'NOT_ENCRYPTED',
      `${file} is a plain, unencrypted SQLite database, not a Hearken store. Hearken left it untouched. Move it out of the data folder, or choose another data folder.`,
    );
  }

  const db = new Database(file, {
    fileMustExist: !options.create,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${options.keyHex}'"`);
    // The first read proves the key; SQLITE_NOTADB means wrong key or not a database.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    db.close();
    throw translateOpenError(error, file);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 64 MB of page cache (the default is 16 MB): imports and deep pages of a million-item
    // inbox stay in memory, well inside the 400 MB the process may use.
    db.pragma('cache_size = -65536');
  } catch (error) {
    db.close();
    throw translateOpenError(error, file);
  }
  return db;
}

function translateOpenError(error: unknown, file: string): HearkenError {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_NOTADB') {
    return new HearkenError('WRONG_KEY', `The key does not open ${file}. The file was left untouched.`, { cause: error });
  }
  if (code === 'SQLITE_CORRUPT') {
    return new HearkenError('CORRUPT_DATABASE', damagedMessage(file), { cause: error });
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new HearkenError('DATABASE_LOCKED', `${file} is in use by another program (another Hearken window or a CLI command). Close it and try again.`, { cause: error });
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM' || code === 'SQLITE_READONLY') {
    return new HearkenError('INTERNAL', `Hearken cannot open ${file} (${code}). Check that the folder exists and that you may write to it.`, { cause: error });
  }
  return new HearkenError('INTERNAL', `Opening ${file} failed: ${(error as Error).message}`, { cause: error });
}

export function damagedMessage(file: string): string {
  return `${file} is damaged or is not a Hearken database, although the key is right. Hearken left it untouched. Restore a backup, or move the file aside to start again.`;
}
