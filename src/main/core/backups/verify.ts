/**
 * Verify: read a backup with the store's key, run integrity_check, and compare
 * its rows per table with those its side file recorded. Every way a file can be wrong (not
 * there, another store's, not a database, damaged) is an answer with ok false and a message
 * that says what to do, never a throw.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { BackupVerification } from '../../../shared/contract';
import { keyCheck } from '../secrets/key-material';
import { isPlainSqlite, readHeader } from '../store/open';
import type { Inspection } from './backup-db';
import { sideFileOf } from './names';
import { readSideFile, type SideFile } from './side-file';

export interface Verified extends BackupVerification {
  /** The side file, when there is a readable one. */
  side: SideFile | null;
  /** The backup's schema version as read from the file; null when it did not open. */
  schemaVersion: number | null;
  /** Why it is not ok, for a restore's error: FOREIGN_FILE (another store or key), CORRUPT_DATABASE, NOT_ENCRYPTED, NO_STORE. */
  problem: 'FOREIGN_FILE' | 'CORRUPT_DATABASE' | 'NOT_ENCRYPTED' | 'NO_STORE' | null;
}

const ANOTHER_KEY = (name: string): string =>
  `${name} does not open with this store's key: it is a backup of another store, or was made before the store's key was changed, or it is not a Hearken backup. Nothing was changed. Open it with the recovery key that was current when it was made, in an empty data folder.`;

/** How a backup's contents are read: through the job thread's connection, or a read-only one of its own. */
export type Inspector = (file: string) => Promise<Inspection> | Inspection;

export async function verifyBackup(file: string, key: Buffer, inspect: Inspector): Promise<Verified> {
  const name = basename(file);
  const fail = (problem: Verified['problem'], message: string, extra: Partial<Verified> = {}): Verified => ({
    ok: false,
    integrity: [],
    counts: [],
    message,
    side: null,
    schemaVersion: null,
    problem,
    ...extra,
  });

  try {
    if (!statSync(file).isFile()) return fail('NO_STORE', `${name} is not a file. Choose a backup file (hearken-backup-….db).`);
  } catch {
    return fail('NO_STORE', `There is no file ${name}. Choose a backup that exists (see backup list).`);
  }
  const sideRead = readSideFile(sideFileOf(file));
  const side = typeof sideRead === 'string' ? null : sideRead;
  if (side && side.keyCheck !== keyCheck(key)) return fail('FOREIGN_FILE', ANOTHER_KEY(name), { side });
  const header = readHeader(file);
  if (header === null) return fail('CORRUPT_DATABASE', `${name} is empty: it is not a whole backup. Use another backup.`, { side });
  if (isPlainSqlite(header)) return fail('NOT_ENCRYPTED', `${name} is a plain, unencrypted SQLite database, not a Hearken backup. Nothing was changed.`, { side });

  const read = await inspect(file);
  if (!read.opened) {
    // The fingerprint matched, so a file the key does not open is damaged (page 1 fails its tag).
    if (read.reason === 'wrong-key' && !side) return fail('FOREIGN_FILE', ANOTHER_KEY(name));
    return fail('CORRUPT_DATABASE', `${name} is damaged and cannot be read (${read.detail}). Nothing was changed. Use another backup.`, { side });
  }
  const { integrity, counts, schemaVersion: version } = read;
  const tables = [...new Set([...Object.keys(counts), ...Object.keys(side?.counts ?? {})])].sort();
  const rows = tables.map((table) => ({ table, rows: counts[table] ?? 0, expected: side ? (side.counts[table] ?? 0) : null }));
  const sound = integrity.length === 1 && integrity[0] === 'ok';
  const differ = rows.filter((r) => r.expected !== null && r.rows !== r.expected);
  const base = { integrity, counts: rows, side, schemaVersion: version };
  if (!sound) return { ...base, ok: false, problem: 'CORRUPT_DATABASE', message: `${name} is damaged (integrity_check: ${integrity.slice(0, 3).join('; ')}). Use another backup.` };
  if (differ.length > 0) {
    const list = differ.slice(0, 5).map((r) => `${r.table} ${r.rows} instead of ${r.expected}`).join(', ');
    return { ...base, ok: false, problem: 'CORRUPT_DATABASE', message: `${name} does not hold what was recorded when it was made (${list}). Use another backup.` };
  }
  if (!side) {
    const why = sideRead === 'unreadable' ? 'its side file is not readable' : 'it has no side file';
    return { ...base, ok: true, problem: null, message: `${name} opens with this store's key and passes integrity_check; its counts could not be compared because ${why} (${basename(sideFileOf(file))}).` };
  }
  return { ...base, ok: true, problem: null, message: `${name} is sound: integrity_check ok, ${rows.length} tables with the rows recorded when it was made (${side.counts.feedback ?? 0} items).` };
}
