import { chmodSync, closeSync, existsSync, fchmodSync, fsyncSync, linkSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statfsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HearkenError } from '../../../shared/errors';
import { diskFullError, isDiskFull } from '../errors';
import { syncDirectory, writeFileAtomic } from '../files';
import { log } from '../log';
import { Database, type DB } from './db';
import { applyCipher, assertKeyHex, readHeader, SQLCIPHER_V4, STORE_CIPHER, type CipherConfig } from './open';

/**
 * Converting a store made before AEGIS (SQLCipher v4), on its first open, by copying it into
 * a new AEGIS file and swapping the two. An in-place rekey cannot work in bounded memory:
 * AEGIS-256 reserves 64 bytes a page where SQLCipher v4 reserves 80, so the library rebuilds
 * the file with a VACUUM whose temporary copy of the whole store is kept in memory (on disk
 * it would hold decrypted pages): 3 GB at a million items.
 *
 * 1. The key is proven on the old format. One connection, on the new file `<db>.aegis-new`
 *    (owner-only, created exclusively), attaches the old store and locks it for itself:
 *    its WAL is checkpointed into the file and it is switched to a rollback journal, which
 *    also holds the lock and leaves the file whole on its own. Every table is counted, and a
 *    marker `<db>.cipher-conversion` (state "building", the counts) written atomically.
 *    The old file is never written again.
 * 2. The new file is built the way sqlcipher_export does: the schema, then every table
 *    (FTS5's shadow tables copied as they are, so the search index is the same bytes), then
 *    indexes, views and triggers last, so none fires during the copy. It has no journal and
 *    no syncs while it is built: it only counts once it has been flushed and verified.
 * 3. The new file, opened alone as AEGIS, is verified (integrity_check, the same counts, the
 *    search indexes' own check), set to WAL, and the marker set to "verified".
 * 4. The old file becomes `<db>.sqlcipher-backup` (a hard link, so `<db>` never goes
 *    missing; a rename where links are not supported), the new file is renamed over `<db>`,
 *    and the marker removed.
 *
 * Memory stays bounded by the page cache and the largest index's sort, whatever the store's
 * size. A crash anywhere leaves a store that opens: while the marker says "building", `<db>`
 * is the untouched old store and the partial file is deleted and built again; once it says
 * "verified", the next open finishes whichever rename is missing.
 */

export const BACKUP_SUFFIX = '.sqlcipher-backup';
const MARKER_SUFFIX = '.cipher-conversion';
const NEW_SUFFIX = '.aegis-new';
/** Room beyond the new file's own copy (which is about the old file's size, a little smaller). */
const SPACE_MARGIN_BYTES = 32 * 1024 * 1024;
/** The build connection's page cache, in KiB: index builds sort in it. */
const BUILD_CACHE_KB = 65_536;

export type ConversionStep =
  | 'checkpointed'
  | 'counted'
  | 'marker'
  | 'built'
  | 'synced'
  | 'verified'
  | 'marker-verified'
  | 'backup'
  | 'swapped'
  | 'done';

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
  version: 2;
  state: 'building' | 'verified';
  counts: Record<string, number>;
}

export function conversionBackupPath(file: string): string {
  return file + BACKUP_SUFFIX;
}

export function conversionMarkerPath(file: string): string {
  return file + MARKER_SUFFIX;
}

/** Where the AEGIS copy is built before it replaces the store. */
export function conversionNewPath(file: string): string {
  return file + NEW_SUFFIX;
}

/** Whether an earlier conversion was cut off: the next open must finish or redo it. */
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
 * Converts a SQLCipher v4 store to AEGIS-256 (see the top of this file), or finishes or redoes
 * a conversion a crash cut off. A key that opens the file in neither format is WRONG_KEY, and
 * nothing was written. Without room for the new copy it is DISK_FULL, before anything changed.
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
  const backup = conversionBackupPath(file);

  let resumed = false;
  if (conversionPending(file)) {
    resumed = true;
    const finished = resume(file, keyHex, options.nativeBinding, step);
    if (finished) return { converted: true, resumed, backup, counts: finished, steps };
  }

  const probe = tryOpen(file, keyHex, SQLCIPHER_V4, options.nativeBinding);
  if (!probe) {
    if (detectCipher(file, keyHex, options.nativeBinding) === 'aegis') return { converted: false, resumed, backup: null, counts: {}, steps };
    throw new HearkenError('WRONG_KEY', `The key does not open ${file} in either format. The file was left untouched.`);
  }
  try {
    assertRoom(file);
  } finally {
    probe.close();
  }

  const fresh = conversionNewPath(file);
  let db: DB | null = null;
  let counts: Record<string, number>;
  try {
    removeBuildFiles(file);
    createOwnerOnly(fresh);
    db = openBuild(fresh, file, keyHex, options.nativeBinding);
    // From here on this connection keeps the old file to itself: nothing another program
    // writes can fall between the copy and the swap and be lost.
    db.pragma('old.locking_mode = EXCLUSIVE');
    const [checkpoint] = db.pragma('old.wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (checkpoint && checkpoint.busy !== 0) throw lockedError(file);
    // A rollback journal leaves the old file whole on its own (no WAL beside it), and in
    // exclusive locking mode the lock taken below is kept until this connection closes.
    if (db.pragma('old.journal_mode = DELETE', { simple: true }) !== 'delete') throw lockedError(file);
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    step('checkpointed');
    counts = countRows(db, 'old');
    step('counted');
    writeMarker(file, 'building', counts);
    step('marker');
    copyStore(db);
    step('built');
    syncFile(fresh);
    step('synced');
    verify(fresh, keyHex, counts, options.nativeBinding);
    step('verified');
    writeMarker(file, 'verified', counts);
    step('marker-verified');
  } catch (error) {
    // The old store is whole: only the partial copy and its marker go.
    db?.close();
    db = null;
    removeBuildFiles(file);
    rmSync(conversionMarkerPath(file), { force: true });
    throw isDiskFull(error) && !(error instanceof HearkenError) ? diskFullError(dirname(file), error) : busyAsLocked(error, file);
  } finally {
    db?.close();
  }
  swap(file, step);
  finish(file, step);
  log.info('the store was converted to AEGIS-256; the SQLCipher backup may be deleted once the store has been checked', { backup: basename(backup) });
  return { converted: true, resumed, backup, counts, steps };
}

/**
 * After a cut-off conversion. "building": null, and the caller builds again from the old
 * store, which was not written. "verified": the swap is finished and the counts returned.
 */
function resume(file: string, keyHex: string, nativeBinding: string | undefined, step: (name: ConversionStep) => void): Record<string, number> | null {
  const markerFile = conversionMarkerPath(file);
  let marker: Marker;
  try {
    marker = JSON.parse(readFileSync(markerFile, 'utf8')) as Marker;
  } catch {
    marker = { format: null } as unknown as Marker;
  }
  if (marker.format !== 'hearken-cipher-conversion' || marker.version !== 2 || (marker.state !== 'building' && marker.state !== 'verified') || typeof marker.counts !== 'object') {
    throw new HearkenError('INTERNAL', `${markerFile} is not a conversion marker Hearken wrote. Hearken left the store untouched; move that file aside and try again.`);
  }
  removeStaleTemps(file);
  if (marker.state === 'building') return null;

  const fresh = conversionNewPath(file);
  if (existsSync(fresh)) {
    // The key must open the verified copy before any file is renamed.
    const db = tryOpen(fresh, keyHex, STORE_CIPHER, nativeBinding);
    if (!db) {
      if (!existsSync(file)) throw new HearkenError('WRONG_KEY', `The key does not open ${fresh}, the converted store. Nothing was changed.`);
      return null;
    }
    let whole: boolean;
    try {
      whole = sameCounts(countRows(db, 'main'), marker.counts);
    } finally {
      db.close();
    }
    if (existsSync(file)) {
      // `<db>` is still the old store. A WAL with pages in it means it changed after the copy.
      if (!whole || fileSize(`${file}-wal`) > 0) return null;
      swap(file, step);
    } else {
      if (!whole) {
        throw new HearkenError('CORRUPT_DATABASE', `A conversion of ${file} was cut off and its new copy ${fresh} does not hold the rows it was made with. Hearken changed nothing; the old store is ${conversionBackupPath(file)}: rename it to ${basename(file)}.`);
      }
      renameSync(fresh, file);
      syncDirectory(dirname(file));
      step('swapped');
    }
  } else if (detectCipher(file, keyHex, nativeBinding) !== 'aegis') {
    if (existsSync(file) && detectCipher(file, keyHex, nativeBinding) === 'sqlcipher') return null;
    throw new HearkenError('WRONG_KEY', `The key does not open ${file} as a converted store. Nothing was changed.`);
  }
  finish(file, step);
  log.info('a cut-off conversion to AEGIS-256 was finished', {});
  return marker.counts;
}

/** A connection on the new file, keyed as AEGIS, with the old store attached as `old`. */
function openBuild(fresh: string, file: string, keyHex: string, nativeBinding: string | undefined): DB {
  const db = new Database(fresh, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    applyCipher(db, STORE_CIPHER);
    db.pragma(`key="x'${keyHex}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    // Sorts for the index builds stay in memory: temporary files would hold decrypted rows.
    db.pragma('temp_store = MEMORY');
    db.pragma(`cache_size = -${BUILD_CACHE_KB}`);
    // A file that counts only once verified and flushed needs no journal and no syncs.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    // Defensive mode (better-sqlite3's default) forbids writing FTS5's shadow tables, which
    // the copy fills as they are. Only this connection, on a file not yet in use, drops it.
    db.unsafeMode(true);
    // ATTACH takes the connection's default cipher: SQLCipher v4 for the old store only.
    db.prepare("SELECT sqlite3mc_config('default:cipher', 'sqlcipher')").get();
    db.prepare("SELECT sqlite3mc_config('sqlcipher', 'legacy', 4)").get();
    try {
      db.prepare('ATTACH DATABASE ? AS old KEY ?').run(file, `x'${keyHex}'`);
    } finally {
      applyCipher(db, STORE_CIPHER);
      db.prepare("SELECT sqlite3mc_config('default:cipher', 'aegis')").get();
    }
    db.prepare('SELECT count(*) FROM old.sqlite_schema').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Copies the attached `old` store into main: what sqlcipher_export does, in its order. */
function copyStore(db: DB): void {
  const kinds = new Map((db.prepare("SELECT name, type FROM pragma_table_list WHERE schema = 'old'").all() as { name: string; type: string }[]).map((r) => [r.name, r.type]));
  const schema = db.prepare("SELECT type, name, sql FROM old.sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid").all() as { type: string; name: string; sql: string }[];
  const ordinary = schema.filter((s) => s.type === 'table' && kinds.get(s.name) === 'table');
  const virtual = schema.filter((s) => s.type === 'table' && kinds.get(s.name) === 'virtual');
  const shadow = schema.filter((s) => s.type === 'table' && kinds.get(s.name) === 'shadow');
  const pragma = (name: string): number => db.pragma(`old.${name}`, { simple: true }) as number;

  db.pragma(`main.auto_vacuum = ${pragma('auto_vacuum')}`);
  db.exec('BEGIN');
  try {
    db.pragma(`main.user_version = ${pragma('user_version')}`);
    db.pragma(`main.application_id = ${pragma('application_id')}`);
    for (const table of ordinary) db.exec(table.sql);
    // Each makes its shadow tables, which are then filled with the old ones' rows as they are.
    for (const table of virtual) db.exec(table.sql);
    for (const table of [...ordinary, ...shadow]) copyTable(db, table.name);
    const has = (name: string): boolean => db.prepare('SELECT 1 FROM old.sqlite_schema WHERE name = ?').get(name) !== undefined;
    if (has('sqlite_sequence')) db.exec('DELETE FROM main.sqlite_sequence; INSERT INTO main.sqlite_sequence SELECT * FROM old.sqlite_sequence');
    if (has('sqlite_stat1')) {
      // The statistics table cannot be created by name; ANALYZE of the schema table makes it.
      db.exec('ANALYZE main.sqlite_schema; DELETE FROM main.sqlite_stat1; INSERT INTO main.sqlite_stat1 SELECT * FROM old.sqlite_stat1');
      if (has('sqlite_stat4') && db.prepare("SELECT 1 FROM main.sqlite_schema WHERE name = 'sqlite_stat4'").get() !== undefined) {
        db.exec('DELETE FROM main.sqlite_stat4; INSERT INTO main.sqlite_stat4 SELECT * FROM old.sqlite_stat4');
      }
    }
    // Indexes after the rows (one sort each instead of a tree grown row by row), then views
    // and triggers, which no copied row may fire.
    for (const type of ['index', 'view', 'trigger']) for (const entry of schema) if (entry.type === type) db.exec(entry.sql);
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Copies one table's rows, keeping every rowid: the search indexes and other rows refer to
 * them. `INSERT ... SELECT *` between identical tables is SQLite's transfer optimization,
 * which copies each record as it is (about a third of the CPU of decoding and encoding it);
 * it keeps the rowids of a table without an INTEGER PRIMARY KEY only when the new table
 * already has an index (its PRIMARY KEY or UNIQUE constraint), so the statement's program
 * is read to see that it takes each rowid from the old row. Otherwise the rowid is named.
 */
function copyTable(db: DB, table: string): void {
  const q = `"${table.replaceAll('"', '""')}"`;
  const star = `INSERT INTO main.${q} SELECT * FROM old.${q}`;
  db.exec(`DELETE FROM main.${q}`);
  const info = db.prepare('SELECT name, type, pk, hidden FROM pragma_table_xinfo(?, ?)').all(table, 'old') as { name: string; type: string; pk: number; hidden: number }[];
  const [listed] = db.prepare("SELECT wr FROM pragma_table_list WHERE schema = 'old' AND name = ?").all(table) as { wr: number }[];
  const keys = info.filter((c) => c.pk > 0);
  const rowidIsColumn = listed?.wr === 1 || (keys.length === 1 && keys[0]!.type.toUpperCase() === 'INTEGER');
  const opcodes = rowidIsColumn ? [] : (db.prepare(`EXPLAIN ${star}`).all() as { opcode: string }[]).map((r) => r.opcode);
  const raw = opcodes.indexOf('RowCell');
  if (rowidIsColumn || (raw > 0 && opcodes[raw - 1] === 'Rowid')) {
    db.exec(star);
    return;
  }
  // Generated columns are computed again, so only stored ones are written.
  const columns = ['rowid', ...info.filter((c) => c.hidden === 0).map((c) => `"${c.name.replaceAll('"', '""')}"`)].join(', ');
  db.exec(`INSERT INTO main.${q} (${columns}) SELECT ${columns} FROM old.${q}`);
}

/** Opens the new file alone as AEGIS and checks it against the counts; then sets WAL. */
function verify(fresh: string, keyHex: string, counts: Record<string, number>, nativeBinding: string | undefined): void {
  const db = tryOpen(fresh, keyHex, STORE_CIPHER, nativeBinding);
  if (!db) throw new HearkenError('CORRUPT_DATABASE', `${fresh}, the converted copy, does not open as AEGIS-256.`);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (integrity.length !== 1 || integrity[0] !== 'ok') {
      throw new HearkenError('CORRUPT_DATABASE', `${fresh} failed its integrity check after the conversion: ${integrity.slice(0, 3).join('; ')}`);
    }
    if (!sameCounts(countRows(db, 'main'), counts)) throw new HearkenError('CORRUPT_DATABASE', `${fresh} does not hold the same rows as the store it was converted from.`);
    // Each search index checks its own structure (not against its content: that is the old store's, copied as it was).
    const fts = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'").pluck().all() as string[];
    for (const name of fts) {
      const q = `"${name.replaceAll('"', '""')}"`;
      db.prepare(`INSERT INTO ${q} (${q}, rank) VALUES ('integrity-check', 0)`).run();
    }
    if (db.pragma('journal_mode = WAL', { simple: true }) !== 'wal') throw new HearkenError('INTERNAL', `${fresh} could not be put in WAL mode.`);
  } finally {
    db.close();
  }
}

/** The old file becomes the backup and the new one takes its name; `<db>` exists throughout where the file system has hard links. */
function swap(file: string, step: (name: ConversionStep) => void): void {
  // Checkpointed and switched to a rollback journal, the old store has no WAL with pages in
  // it; one would be replayed into the new file, so a non-empty WAL stops the swap.
  const wal = `${file}-wal`;
  if (fileSize(wal) > 0) throw lockedError(file);
  rmSync(wal, { force: true });
  rmSync(`${file}-shm`, { force: true });
  rmSync(`${file}-journal`, { force: true });
  const backup = conversionBackupPath(file);
  // An older Hearken may have left the store readable by others; the backup is owner-only.
  if (process.platform !== 'win32') chmodSync(file, 0o600);
  rmSync(backup, { force: true });
  try {
    linkSync(file, backup);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    renameSync(file, backup);
  }
  syncDirectory(dirname(file));
  step('backup');
  renameSync(conversionNewPath(file), file);
  syncDirectory(dirname(file));
  step('swapped');
}

function finish(file: string, step: (name: ConversionStep) => void): void {
  rmSync(conversionMarkerPath(file), { force: true });
  syncDirectory(dirname(file));
  step('done');
}

function writeMarker(file: string, state: Marker['state'], counts: Record<string, number>): void {
  writeFileAtomic(conversionMarkerPath(file), `${JSON.stringify({ format: 'hearken-cipher-conversion', version: 2, state, counts } satisfies Marker)}\n`);
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
    db.pragma('temp_store = MEMORY');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') return null;
    throw error;
  }
}

/** Rows of every ordinary table of `schema` (FTS5's shadow tables included; the virtual tables themselves are read through them). */
function countRows(db: DB, schema: 'main' | 'old'): Record<string, number> {
  const tables = db.prepare(`SELECT name FROM ${schema}.sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`).pluck().all() as string[];
  const counts: Record<string, number> = {};
  for (const name of tables) counts[name] = db.prepare(`SELECT count(*) FROM ${schema}."${name.replaceAll('"', '""')}"`).pluck().get() as number;
  return counts;
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The new copy of the whole store (the WAL checkpointed into it) must fit, or nothing starts. */
function assertRoom(file: string): void {
  let free: number;
  try {
    const fs = statfsSync(dirname(file));
    free = fs.bavail * fs.bsize;
  } catch {
    return;
  }
  const needed = fileSize(file) + fileSize(`${file}-wal`) + SPACE_MARGIN_BYTES;
  if (free < needed) {
    throw new HearkenError(
      'DISK_FULL',
      `Hearken must convert ${file} to its new encryption format, which needs ${Math.ceil(needed / 1048576)} MB free on its disk for a converted copy; only ${Math.floor(free / 1048576)} MB are free. Free some space, then unlock again; the store was not changed.`,
    );
  }
}

/** An owner-only file for the new copy; never one that exists. */
function createOwnerOnly(file: string): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    if (process.platform !== 'win32') fchmodSync(fd, 0o600);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a file SQLite wrote without syncs: closed, opened again, fsynced. */
function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A partial copy a killed or failed build left, with its journal files. */
function removeBuildFiles(file: string): void {
  const fresh = conversionNewPath(file);
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(fresh + suffix, { force: true });
}

/** Temporary files a killed conversion left: the marker's. */
function removeStaleTemps(file: string): void {
  const dir = dirname(file);
  const prefix = `${basename(conversionMarkerPath(file))}.tmp-`;
  for (const name of readdirSync(dir)) {
    if (name.startsWith(prefix) && /\.tmp-\d+-[0-9a-f]{8}$/.test(name)) rmSync(join(dir, name), { force: true });
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
