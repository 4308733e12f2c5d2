import { cached, type DB } from './db';
import { newId } from './ids';

/**
 * The id of the tag with this name, made (as a topic) when it does not exist yet. Names
 * are case-insensitive (tags.name is COLLATE NOCASE); `known` caches ids across one batch.
 */
export function ensureTagId(db: DB, name: string, now: number, known?: Map<string, string>): string {
  const key = name.toLowerCase();
  const seen = known?.get(key);
  if (seen) return seen;
  cached(db, "INSERT INTO tags (id, name, kind, created_at) VALUES (?, ?, 'topic', ?) ON CONFLICT(name) DO NOTHING").run(newId(now), name, now);
  const id = (cached(db, 'SELECT id FROM tags WHERE name = ?').get(name) as { id: string }).id;
  known?.set(key, id);
  return id;
}
