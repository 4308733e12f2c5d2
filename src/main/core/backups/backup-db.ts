/**
 * The SQL of backups, in one place: the copy (VACUUM INTO), what a copy holds, and a
 * read-only connection to a backup file. VACUUM INTO writes the copy with the connection's
 * own cipher and key (SQLite3MultipleCiphers), and an ATTACH without a key clause opens a
 * file with them too, so neither the key nor the cipher is named here.
 */
import { Database, type DB } from '../store/db';
import { applyCipher, assertKeyHex, STORE_CIPHER } from '../store/open';

const COPY = 'hearken_backup_copy';

/** Rows per ordinary table (FTS virtual tables are counted through their shadow tables). */
export function tableCounts(db: DB, schema = 'main'): Record<string, number> {
  const tables = db
    .prepare(`SELECT name FROM "${schema}".sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const name of tables) counts[name] = db.prepare(`SELECT count(*) FROM "${schema}"."${name.replace(/"/g, '""')}"`).pluck().get() as number;
  return counts;
}

export interface CopyFacts {
  counts: Record<string, number>;
  schemaVersion: number;
}

/**
 * Copies the store into `target` (an empty file) as one consistent snapshot, marks the
 * job that made it as done in the copy (a restore would otherwise find it "running" and
 * report it as cut off), and reads what the copy holds through the same connection.
 */
export function copyStore(db: DB, target: string, job: { id: string | undefined; finishedAt: number }): CopyFacts {
  db.prepare('VACUUM INTO ?').run(target);
  db.prepare(`ATTACH DATABASE ? AS ${COPY}`).run(target);
  try {
    if (job.id !== undefined) {
      db.prepare(`UPDATE ${COPY}.jobs SET state = 'done', finished_at = ? WHERE id = ? AND state = 'running'`).run(job.finishedAt, job.id);
    }
    return { counts: tableCounts(db, COPY), schemaVersion: db.pragma(`${COPY}.user_version`, { simple: true }) as number };
  } finally {
    db.prepare(`DETACH DATABASE ${COPY}`).run();
  }
}

/**
 * A backup opened read-only with a key: nothing is written to it or beside it (a copy is
 * a rollback-journal database, so no -wal or -shm appears). Throws SQLite's own error
 * (SQLITE_NOTADB for a wrong key or not a database) for the caller to put in words.
 */
export function openBackupReadOnly(file: string, keyHex: string, nativeBinding?: string): DB {
  assertKeyHex(keyHex);
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    applyCipher(db, STORE_CIPHER);
    db.pragma(`key="x'${keyHex}'"`);
    db.pragma('temp_store = MEMORY');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** What a backup file holds, or why it could not be read: a key that does not open it, or damage. */
export type Inspection =
  | { opened: true; integrity: string[]; counts: Record<string, number>; schemaVersion: number }
  | { opened: false; reason: 'wrong-key' | 'damaged'; detail: string };

function unreadable(error: unknown): Inspection {
  const code = (error as { code?: string }).code;
  return { opened: false, reason: code === 'SQLITE_NOTADB' ? 'wrong-key' : 'damaged', detail: error instanceof Error ? error.message : String(error) };
}

function inspectSchema(db: DB, schema: string): Inspection {
  try {
    const integrity = (db.pragma(`"${schema}".integrity_check`) as { integrity_check: string }[]).map((r) => r.integrity_check);
    return { opened: true, integrity, counts: tableCounts(db, schema), schemaVersion: db.pragma(`"${schema}".user_version`, { simple: true }) as number };
  } catch (error) {
    return unreadable(error);
  }
}

/**
 * Inspects a backup through a store connection (the job thread's): ATTACHed without a key
 * clause, it is read with the connection's cipher and key. Only read: no statement writes to it.
 */
export function inspectAttached(db: DB, file: string): Inspection {
  try {
    db.prepare(`ATTACH DATABASE ? AS ${COPY}`).run(file);
  } catch (error) {
    return unreadable(error);
  }
  try {
    db.prepare(`SELECT count(*) FROM ${COPY}.sqlite_master`).get();
    return inspectSchema(db, COPY);
  } catch (error) {
    return unreadable(error);
  } finally {
    db.prepare(`DETACH DATABASE ${COPY}`).run();
  }
}

/** Inspects a backup on a read-only connection of its own, for when no store connection is open (a restore's swap). */
export function inspectReadOnly(file: string, keyHex: string, nativeBinding?: string): Inspection {
  let db: DB;
  try {
    db = openBackupReadOnly(file, keyHex, nativeBinding);
  } catch (error) {
    return unreadable(error);
  }
  try {
    return inspectSchema(db, 'main');
  } finally {
    db.close();
  }
}
