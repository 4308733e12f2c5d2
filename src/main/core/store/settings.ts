/** Small values in the `settings` table (0001): the agent's name, what was seeded once. */
import { cached, type DB } from './db';

export function getSetting(db: DB, key: string): string | null {
  return (cached(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
}

export function setSetting(db: DB, key: string, value: string, now: number): void {
  cached(db, 'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(
    key,
    value,
    now,
  );
}

/**
 * Runs `work` once per store, remembered under `key`, in one transaction with the mark:
 * shipped defaults a team may later delete must not come back on the next start.
 * Returns whether it ran.
 */
export function oncePerStore(db: DB, key: string, now: number, work: () => void): boolean {
  if (getSetting(db, key) !== null) return false;
  db.transaction(() => {
    work();
    setSetting(db, key, '1', now);
  }).immediate();
  return true;
}
