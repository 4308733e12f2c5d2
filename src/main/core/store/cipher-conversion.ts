import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fchmodSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statfsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HearkenError } from '../../../shared/errors';
import { diskFullError, isDiskFull } from '../errors';
import { syncDirectory, writeFileAtomic } from '../files';
import { log } from '../log';
import { Database, type DB } from './db';
import { applyCipher, assertKeyHex, readHeader, SQLCIPHER_V4, STORE_CIPHER, type CipherConfig } from './open';

/**
 * Converting a store made before AEGIS (SQLCipher v4) in place, on its first open:
 *
 * 1. the key is proven on the old format, the WAL checkpointed into the file, the file
 *    switched to a rollback journal (SQLite3MultipleCiphers refuses to rekey in WAL mode)
 *    and locked for this connection alone; every table is counted;
 * 2. the file is copied to `<db>.sqlcipher-backup` (temp, fsync, rename);
 * 3. a marker `<db>.cipher-conversion` names the backup and the counts (written atomically);
 * 4. the file is rekeyed to AEGIS-256. AEGIS-256 reserves 64 bytes a page where SQLCipher
 *    v4 reserves 80; the library rebuilds the file with a VACUUM for that, inside the
 *    rekey's own transaction (its temporary copy is kept in memory: on disk it would hold
 *    decrypted pages);
 * 5. the file is reopened as AEGIS and verified (integrity_check, the same counts), put back
 *    in WAL mode, and the marker removed.
 *
 * A crash anywhere leaves a store that opens: before the marker the file is untouched; with
 * the marker, the next open either finds a verified AEGIS file (and finishes) or puts the
 * backup back and converts again. The backup is only ever restored once it opened with the
 * key and gave the counts the marker holds.
 */

export const BACKUP_SUFFIX = '.sqlcipher-backup';
const MARKER_SUFFIX = '.cipher-conversion';
/** Room for the rekey's rollback journal and the WAL beyond the backup's own copy. */
const SPACE_MARGIN_BYTES = 16 * 1024 * 1024;

export type ConversionStep = 'checkpointed' | 'journal-delete' | 'counted' | 'backup-written' | 'backup' | 'marker' | 'rekeyed' | 'verified' | 'wal' | 'done' | 'restore-written' | 'restored';

export interface ConversionReport {
  /** False when the store was already AEGIS and nothing was done. */
  converted: boolean;
  /** True when an earlier, cut-off conversion was found through its marker. */
  resumed: boolean;
  backup: string | null;
  /** Rows of every table, the same before and after. */
  counts: Record<string, number>;
  /** Milliseconds each step took, in order. */
  steps: { step: ConversionStep; ms: number }[];
}

export interface ConversionOptions {
  nativeBinding?: string | undefined;
  /** Called after each step (the bench times them; tests stop the process there). */
  onStep?: ((step: ConversionStep) => void) | undefined;
}

interface Marker {
  format: 'hearken-cipher-conversion';
  version: 1;
  backup: string;
  counts: Record<string, number>;
}

export function conversionBackupPath(file: string): string {
  return file + BACKUP_SUFFIX;
}

export function conversionMarkerPath(file: string): string {
  return file + MARKER_SUFFIX;
}

/** Whether an earlier conversion was cut off: the next open must finish or undo it. */
export function conversionPending(file: string): boolean {
  return existsSync(conversionMarkerPath(file));
}

/**
 * The format the key opens the file in: 'aegis', 'sqlcipher' (a store from before AEGIS), or
 * null when it opens in neither (a wrong key or a damaged file). Only reads.
 */
export function detectCipher(file: string, keyHex: string, nativeBinding?: string): 'aegis' | 'sqlcipher' | null {
  assertKeyHex(keyHex);
  for (const config of [STORE_CIPHER, SQLCIPHER_V4]) {
    const db = tryOpen(file, keyHex, config, nativeBinding);
    if (db) {
      db.close();
      return config.cipher;
    }
  }
  return null;
}

/**
 * Converts a SQLCipher v4 store to AEGIS-256 (see the top of this file), or finishes or undoes
 * a conversion a crash cut off. A key that opens the file in neither format is WRONG_KEY, and
 * nothing was written. Without room for the backup it is DISK_FULL, before anything changed.
 */
export function convertToAegis(file: string, keyHex: string, options: ConversionOptions = {}): ConversionReport {
  assertKeyHex(keyHex);
  const steps: ConversionReport['steps'] = [];
  let last = performance.now();
  const step = (name: ConversionStep): void => {
    const now = performance.now();
    steps.push({ step: name, ms: now - last });
    last = now;
    options.onStep?.(name);
  };

  let resumed = false;
  if (conversionPending(file)) {
    resumed = true;
    const finished = resume(file, keyHex, options.nativeBinding, step);
    if (finished) return { converted: true, resumed, backup: conversionBackupPath(file), counts: finished, steps };
  }

  const old = tryOpen(file, keyHex, SQLCIPHER_V4, options.nativeBinding);
  if (!old) {
    if (detectCipher(file, keyHex, options.nativeBinding) === 'aegis') return { converted: false, resumed, backup: null, counts: {}, steps };
    throw new HearkenError('WRONG_KEY', `The key does not open ${file} in either format. The file was left untouched.`);
  }
  const backup = conversionBackupPath(file);
  let counts: Record<string, number>;
  let marked = false;
  try {
    removeStaleTemps(file);
    // From its first lock on, this connection keeps the file to itself: nothing another
    // program writes can fall between the backup and the rekey and be lost by a restore.
    old.pragma('locking_mode = EXCLUSIVE');
    assertRoom(file);
    const [checkpoint] = old.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (checkpoint && checkpoint.busy !== 0) throw lockedError(file);
    step('checkpointed');
    // The rekey refuses WAL mode; a rollback journal also lets the lock be kept.
    if (old.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw lockedError(file);
    old.exec('BEGIN EXCLUSIVE');
    old.exec('COMMIT');
    step('journal-delete');
    counts = countRows(old);
    step('counted');
    copyDurably(file, backup, () => step('backup-written'));
    step('backup');
    writeFileAtomic(conversionMarkerPath(file), `${JSON.stringify({ format: 'hearken-cipher-conversion', version: 1, backup: basename(backup), counts } satisfies Marker)}\n`);
    marked = true;
    step('marker');
    applyCipher(old, STORE_CIPHER);
    old.pragma(`rekey="x'${keyHex}'"`);
    step('rekeyed');
  } catch (error) {
    // Before the marker the old store is whole: it goes back to WAL, as an older Hearken left it.
    if (!marked) {
      try {
        old.pragma('journal_mode = WAL');
      } catch {
        // Another program holds it; the next open sets WAL again.
      }
    }
    throw isDiskFull(error) && !(error instanceof HearkenError) ? diskFullError(dirname(file), error) : busyAsLocked(error, file);
  } finally {
    old.close();
  }
  finish(file, keyHex, counts, options.nativeBinding, step);
  log.info('the store was converted to AEGIS-256; the SQLCipher backup may be deleted once the store has been checked', { backup: basename(backup) });
  return { converted: true, resumed, backup, counts, steps };
}

/**
 * After a cut-off conversion: the counts when the file already opens as AEGIS and verifies
 * (the conversion is then finished); otherwise the backup is put back and null returned, so
 * the caller converts again.
 */
function resume(file: string, keyHex: string, nativeBinding: string | undefined, step: (name: ConversionStep) => void): Record<string, number> | null {
  const markerFile = conversionMarkerPath(file);
  let marker: Marker;
  try {
    marker = JSON.parse(readFileSync(markerFile, 'utf8')) as Marker;
  } catch {
    marker = { format: null } as unknown as Marker;
  }
  if (marker.format !== 'hearken-cipher-conversion' || typeof marker.backup !== 'string' || basename(marker.backup) !== marker.backup) {
    throw new HearkenError('INTERNAL', `${markerFile} is not a conversion marker Hearken wrote. Hearken left the store untouched; move that file aside and try again.`);
  }
  removeStaleTemps(file);
  // A rollback journal means the rekey itself was cut off: the file is part old, part new.
  if (!existsSync(`${file}-journal`)) {
    try {
      finish(file, keyHex, marker.counts, nativeBinding, step);
      log.info('a cut-off conversion to AEGIS-256 was finished', {});
      return marker.counts;
    } catch (error) {
      // A busy file may be in use by another Hearken that finished this conversion, and a
      // failing disk needs a person: only a file that is not a whole AEGIS store is replaced.
      if (!notWholeAegis(error)) throw busyAsLocked(error, file);
    }
  }
  const backup = join(dirname(file), marker.backup);
  const db = existsSync(backup) ? tryOpen(backup, keyHex, SQLCIPHER_V4, nativeBinding) : null;
  if (!db) {
    if (detectCipher(file, keyHex, nativeBinding) === null && existsSync(backup)) {
      throw new HearkenError('WRONG_KEY', `The key opens neither ${file} nor its conversion backup. Nothing was changed.`);
    }
    throw new HearkenError(
      'CORRUPT_DATABASE',
      `A conversion of ${file} to the new format was cut off, and its backup ${backup} does not open with this key. Hearken changed nothing; keep both files and restore an earlier backup.`,
    );
  }
  try {
    const counts = countRows(db);
    if (!sameCounts(counts, marker.counts)) {
      throw new HearkenError('CORRUPT_DATABASE', `The conversion backup ${backup} does not hold the rows it was made with. Hearken changed nothing; keep both files and restore an earlier backup.`);
    }
  } finally {
    db.close();
  }
  // The journal and WAL belong to the half-converted file: they go just before it is replaced.
  copyDurably(backup, file, () => {
    for (const suffix of ['-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    step('restore-written');
  });
  rmSync(markerFile, { force: true });
  syncDirectory(dirname(file));
  step('restored');
  log.warn('a cut-off conversion to AEGIS-256 was undone from its backup; converting again', {});
  return null;
}

/** Opens the rekeyed file as AEGIS, verifies it against the counts, sets WAL and drops the marker. */
function finish(file: string, keyHex: string, counts: Record<string, number>, nativeBinding: string | undefined, step: (name: ConversionStep) => void): void {
  const db = tryOpen(file, keyHex, STORE_CIPHER, nativeBinding);
  if (!db) throw new HearkenError('WRONG_KEY', `${file} does not open as AEGIS-256 after the conversion.`);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (integrity.length !== 1 || integrity[0] !== 'ok') {
      throw new HearkenError('CORRUPT_DATABASE', `${file} failed its integrity check after the conversion: ${integrity.slice(0, 3).join('; ')}`);
    }
    const after = countRows(db);
    if (!sameCounts(after, counts)) throw new HearkenError('CORRUPT_DATABASE', `${file} does not hold the same rows after the conversion.`);
    step('verified');
    db.pragma('journal_mode = WAL');
    step('wal');
  } finally {
    db.close();
  }
  rmSync(conversionMarkerPath(file), { force: true });
  syncDirectory(dirname(file));
  step('done');
}

function notWholeAegis(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return !(code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code === 'DATABASE_LOCKED' || isDiskFull(error) || code.startsWith('SQLITE_IOERR'));
}

function lockedError(file: string): HearkenError {
  return new HearkenError('DATABASE_LOCKED', `${file} is in use by another program (another Hearken window or a CLI command). Close it and try again; the store was not converted.`);
}

function busyAsLocked(error: unknown, file: string): unknown {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' ? lockedError(file) : error;
}

/** A keyed connection whose key was proven by a read, or null when the key does not open the file as `config`. */
function tryOpen(file: string, keyHex: string, config: CipherConfig, nativeBinding: string | undefined): DB | null {
  if (readHeader(file) === null) throw new HearkenError('NO_STORE', `There is no Hearken database at ${file}.`);
  const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    applyCipher(db, config);
    db.pragma(`key="x'${keyHex}'"`);
    // Temporary files would hold decrypted pages, the rekey's VACUUM among them.
    db.pragma('temp_store = MEMORY');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') return null;
    throw error;
  }
}

/** Rows of every ordinary table (FTS5's shadow tables included; the virtual tables themselves are read through them). */
function countRows(db: DB): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").pluck().all() as string[];
  const counts: Record<string, number> = {};
  for (const name of tables) counts[name] = db.prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`).pluck().get() as number;
  return counts;
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** The backup's copy plus the rekey's journal of the whole file (the WAL checkpointed into it) must fit, or nothing starts. */
function assertRoom(file: string): void {
  let free: number;
  try {
    const fs = statfsSync(dirname(file));
    free = fs.bavail * fs.bsize;
  } catch {
    return;
  }
  const wal = existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
  const needed = 2 * (statSync(file).size + wal) + SPACE_MARGIN_BYTES;
  if (free < needed) {
    throw new HearkenError(
      'DISK_FULL',
      `Hearken must convert ${file} to its new encryption format, which needs ${Math.ceil(needed / 1048576)} MB free on its disk for a backup and a journal; only ${Math.floor(free / 1048576)} MB are free. Free some space, then unlock again; the store was not changed.`,
    );
  }
}

/** Copies through an owner-only temporary file, flushed, then renamed over `to`. */
function copyDurably(from: string, to: string, afterWrite?: () => void): void {
  const tmp = `${to}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    copyFileSync(from, tmp);
    const fd = openSync(tmp, 'r+');
    try {
      if (process.platform !== 'win32') fchmodSync(fd, 0o600);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    afterWrite?.();
    renameSync(tmp, to);
    syncDirectory(dirname(to));
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** Temporary files a killed conversion left: the backup's copy, the restore's copy, the marker's. */
function removeStaleTemps(file: string): void {
  const dir = dirname(file);
  const base = basename(file);
  const ours = [base, basename(conversionBackupPath(file)), basename(conversionMarkerPath(file))].map((name) => `${name}.tmp-`);
  for (const name of readdirSync(dir)) {
    if (ours.some((prefix) => name.startsWith(prefix)) && /\.tmp-\d+-[0-9a-f]{8}$/.test(name)) rmSync(join(dir, name), { force: true });
  }
}

/** What `doctor` shows of the store's encryption: the cipher, the page size and the bytes each page reserves. */
export interface CipherInfo {
  cipher: string;
  pageSize: number;
  /** From the file's header, which AEGIS leaves readable; null when it cannot be read there. */
  reservedBytes: number | null;
}

export function cipherInfo(db: DB, file: string): CipherInfo {
  const cipher = String(db.pragma('cipher', { simple: true }));
  const algorithm = cipher === 'aegis' ? String(db.pragma('algorithm', { simple: true })) : '';
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const header = readHeader(file, 24);
  // Bytes 16-17 are the page size (1 stands for 65536); byte 20 the reserved bytes per page.
  const headerPageSize = header && header.length >= 24 ? (header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16)) : 0;
  return {
    cipher: cipher === 'aegis' ? algorithm.toUpperCase() : cipher === 'sqlcipher' ? 'SQLCipher' : cipher,
    pageSize,
    reservedBytes: header && headerPageSize === pageSize ? header[20]! : null,
  };
}

/** The backup a conversion left beside the store, or null. */
export function leftoverBackup(file: string): { path: string; bytes: number } | null {
  const path = conversionBackupPath(file);
  try {
    return { path, bytes: statSync(path).size };
  } catch {
    return null;
  }
}
