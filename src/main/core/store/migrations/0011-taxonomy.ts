import type { DB } from '../db';

/**
 * The topic taxonomy in the store, so a team can edit it, and topic rejections, so that
 * re-analysis respects a person's decision:
 * - `topics`: one row per topic: its keywords and phrases for every language, and
 *   additions per language (`languages`: JSON `{ "de": { "keywords": [], "phrases": [] } }`).
 *   The shipped defaults are put in by the core once (setting `taxonomy.seeded`), so a
 *   team's edits and deletions stay.
 * - `feedback_tag_rejections`: a topic an agent removed from an item after local analysis
 *   (or an AI model) put it there. Re-analysis does not put it back; a person adding the
 *   tag again lifts it. Also a count for the AI-quality figures.
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE topics (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      keywords TEXT NOT NULL DEFAULT '[]',
      phrases TEXT NOT NULL DEFAULT '[]',
      languages TEXT NOT NULL DEFAULT '{}',
      position INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX topics_by_name ON topics(name COLLATE NOCASE);

    CREATE TABLE feedback_tag_rejections (
      feedback_id TEXT NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
      tag_id TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      source TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (feedback_id, tag_id)
    ) STRICT, WITHOUT ROWID;
  `);
}
