import { HearkenError } from '../../../shared/errors';
import type { DB } from './db';

export interface Migration {
  version: number;
  name: string;
  up(db: DB): void;
}

export function schemaVersion(db: DB): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/**
 * Applies every pending migration in one transaction and records the schema version in
 * `PRAGMA user_version`. A database from a newer Hearken is refused untouched, because
 * this version cannot know what its tables mean.
 */
export function migrate(db: DB, migrations: readonly Migration[], target = latestVersion(migrations)): { from: number; to: number } {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new HearkenError('INTERNAL', `Migration ${m.name} is out of order: expected version ${i + 1}, found ${m.version}.`);
  });
  const from = schemaVersion(db);
  const latest = latestVersion(migrations);
  if (from > latest) {
    throw new HearkenError(
      'NEWER_SCHEMA',
      `This inbox was written by a newer version of Hearken (schema ${from}; this version knows up to ${latest}). Update Hearken to open it. Nothing was changed.`,
    );
  }
  const pending = migrations.filter((m) => m.version > from && m.version <= target);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return { from, to: schemaVersion(db) };
}
