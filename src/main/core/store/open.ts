import { closeSync, existsSync, fchmodSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import { HearkenError } from '../../../shared/errors';
import { diskFullError, isDiskFull } from '../errors';
import { log } from '../log';
import { Database, type DB } from './db';

const PLAIN_SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenOptions {
  /** 32-byte key as 64 hex characters. */
  keyHex: string;
  /**
   * Create a new database: the file must not exist yet. It is made owner-only before
   * SQLite writes a byte, and SQLite gives the -wal and -shm files the database's mode.
   * Otherwise the file must already exist.
   */
  create?: boolean;
  nativeBinding?: string;
  /** The page cache in KiB; the thread's default (64 MB unless setDefaultCacheSizeKb) otherwise. */
  cacheSizeKb?: number;
}

/**
 * How a store's pages are encrypted, set before the key. New stores use AEGIS-256
 * (authenticated, AES-NI; a random nonce and a tag on every page). Every parameter is
 * pinned so that a new default in SQLite3MultipleCiphers can never change the format.
 */
export interface CipherConfig {
  readonly cipher: 'aegis' | 'sqlcipher';
  /** The pragmas after `cipher`, in order; each is `name=value`. */
  readonly params: readonly string[];
}

export const STORE_CIPHER: CipherConfig = { cipher: 'aegis', params: ["algorithm='aegis-256'"] };

/** The format of stores made before AEGIS: SQLCipher v4 (HMAC-SHA512, 4 KB pages). */
export const SQLCIPHER_V4: CipherConfig = { cipher: 'sqlcipher', params: ['legacy=4'] };

/** Sets the cipher of the connection's main database; must run before the key. */
export function applyCipher(db: DB, config: CipherConfig): void {
  db.pragma(`cipher='${config.cipher}'`);
  for (const param of config.params) db.pragma(param);
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

/**
 * Whether the file's first page carries a readable SQLite header past its 16-byte salt, as an
 * AEGIS store's does (SQLite3MultipleCiphers leaves bytes 16-23 unencrypted): the page size,
 * and the payload fractions SQLite always writes as 64, 32, 32. SQLCipher v4 encrypts those
 * bytes too, so a store from before AEGIS answers false. Read without the key.
 */
export function hasCurrentCipherHeader(header: Buffer | null): boolean {
  if (header === null || header.length < 24) return false;
  const pageSize = header.readUInt16BE(16);
  const validPageSize = pageSize === 1 || (pageSize >= 512 && (pageSize & (pageSize - 1)) === 0);
  return validPageSize && header[21] === 64 && header[22] === 32 && header[23] === 32;
}

export function isPlainSqlite(header: Buffer | null): boolean {
  return header !== null && header.length >= PLAIN_SQLITE_HEADER.length && header.subarray(0, 16).equals(PLAIN_SQLITE_HEADER);
}

export function assertKeyHex(keyHex: string): void {
  if (!/^[0-9a-f]{64}$/.test(keyHex)) throw new HearkenError('INTERNAL', 'A database key must be 32 bytes as 64 lower-case hex characters.');
}

/**
 * Opens the encrypted store: AEGIS-256 (STORE_CIPHER) with a raw 256-bit key before any other
 * statement, then WAL and the usual pragmas. Nothing is written until the key has been
 * proven by a read, so a wrong key, a plain SQLite file or a damaged file are reported and
 * left byte-for-byte as they were.
 *
 * A full disk still lets the store be read. In WAL mode the first connection maps the
 * -shm file and writes 32 KB into it; with no free space that fails
 * (SQLITE_IOERR_SHMSIZE), so the store is opened again in exclusive locking mode, which
 * keeps the WAL index in memory and needs no -shm. Such a connection shuts out every
 * other (another window, the CLI, the job thread) until it closes; see
 * `withoutSharedMemory`.
 */
/** The page cache of connections opened in this thread, in KiB (see openEncrypted). */
let defaultCacheSizeKb = 65_536;

/**
 * Sets the page cache of the connections this thread opens from now on. The CLI's job thread
 * (src/cli/job-worker.mjs) sets 16 MB before it opens its connection: a full 64 MB
 * cache was a fifth of the CLI import's peak memory (bench `mbox_peak_rss_mb`), and 16, 32
 * and 64 MB imported a 100,000-message mbox equally fast (within the noise).
 */
export function setDefaultCacheSizeKb(kb: number): void {
  defaultCacheSizeKb = kb;
}

export function openEncrypted(file: string, options: OpenOptions): DB {
  assertKeyHex(options.keyHex);
  if (options.create) createOwnerOnly(file);
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

  let db: DB;
  try {
    db = keyed(file, options, false);
  } catch (error) {
    if (options.create || !isDiskFull(error)) throw translateOpenError(error, file);
    log.warn('the disk is full: the store is opened without shared memory, so no other connection can use it until it closes', {});
    try {
      db = keyed(file, options, true);
    } catch (again) {
      throw translateOpenError(again, file);
    }
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // This SQLite is built with TEMP_STORE=1: without this, statement journals, sorts too
    // big for the cache, VACUUM's copy and temporary indexes go to files in the system's
    // temporary folder, holding decrypted pages of customer text.
    db.pragma('temp_store = MEMORY');
    // 64 MB of page cache (the default is 16 MB): imports and deep pages of a million-item
    // inbox stay in memory, well inside the 400 MB the process may use. A thread that only
    // writes (the CLI's job thread) may ask for less: setDefaultCacheSizeKb.
    db.pragma(`cache_size = -${options.cacheSizeKb ?? defaultCacheSizeKb}`);
  } catch (error) {
    db.close();
    throw translateOpenError(error, file);
  }
  return db;
}

/** A connection opened in exclusive locking mode because the disk was full. */
export function withoutSharedMemory(db: DB): boolean {
  return db.pragma('locking_mode', { simple: true }) === 'exclusive';
}

/** The connection, keyed, with the key proven by a read (SQLITE_NOTADB means wrong key or not a database). */
function keyed(file: string, options: OpenOptions, exclusive: boolean): DB {
  const db = new Database(file, {
    fileMustExist: !options.create,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    applyCipher(db, STORE_CIPHER);
    db.pragma(`key="x'${options.keyHex}'"`);
    if (exclusive) db.pragma('locking_mode = EXCLUSIVE');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** An empty, owner-only file where the new database goes; an existing file is never taken over. */
function createOwnerOnly(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new HearkenError('STORE_EXISTS', `${file} already exists. Hearken never replaces a database; it was left untouched.`, { cause: error });
    }
    if (isDiskFull(error)) throw diskFullError(dirname(file), error);
    throw error;
  }
  try {
    if (process.platform !== 'win32') fchmodSync(fd, 0o600);
  } finally {
    closeSync(fd);
  }
}

function translateOpenError(error: unknown, file: string): HearkenError {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_NOTADB') {
    return new HearkenError('WRONG_KEY', `The key does not open ${file}. The file was left untouched.`, { cause: error });
  }
  if (code === 'SQLITE_CORRUPT') {
    return new HearkenError('CORRUPT_DATABASE', damagedMessage(file), { cause: error });
  }
  if (isDiskFull(error)) return diskFullError(dirname(file), error);
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
