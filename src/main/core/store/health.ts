import { cached, type DB } from './db';

/** `PRAGMA integrity_check` in full; "ok" when the file is sound. */
export function integrityCheck(db: DB): string[] {
  return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
}

export function ftsIntegrity(db: DB): boolean {
  try {
    cached(db, `INSERT INTO feedback_fts(feedback_fts, rank) VALUES ('integrity-check', 1)`).run();
    return true;
  } catch {
    return false;
  }
}
