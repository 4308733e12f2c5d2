/**
 * One import at a time per store, across threads and processes (the app's job thread, a
 * second window, the CLI). Two imports into one store would take turns batch by batch, and
 * the loser's batch would wait past busy_timeout behind the winner's and stop halfway;
 * with the lock the second import is refused before it writes anything.
 *
 * The lock is an exclusive SQLite lock on `import.lock` beside the database, held by a
 * connection of its own for as long as the import runs. SQLite's file locks are released by
 * the operating system when a process dies, so a killed import never leaves a stale lock,
 * and they work between connections of one process too. The file holds no data (it stays
 * empty: journal_mode=MEMORY, nothing is ever written), so it needs no key.
 */
import { closeSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Database, type DB } from './db';

export const IMPORT_LOCK_FILE = 'import.lock';

export class ImportLock {
  private constructor(private db: DB | null) {}

  /** Takes the store's import lock, or returns null at once when another import holds it. */
  static take(dbPath: string, nativeBinding?: string): ImportLock | null {
    const file = join(dirname(dbPath), IMPORT_LOCK_FILE);
    // Owner-only like the rest of the data folder; opening for append leaves an existing file as it is.
    closeSync(openSync(file, 'a', 0o600));
    const db = new Database(file, { timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      db.pragma('journal_mode = MEMORY');
      db.exec('BEGIN EXCLUSIVE');
      return new ImportLock(db);
    } catch (error) {
      db.close();
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return null;
      throw error;
    }
  }

  /** Idempotent. */
  release(): void {
    const db = this.db;
    this.db = null;
    if (!db) return;
    try {
      db.exec('ROLLBACK');
    } finally {
      db.close();
    }
  }
}
