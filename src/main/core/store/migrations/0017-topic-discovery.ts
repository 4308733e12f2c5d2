import type { DB } from '../db';

/**
 * Why an item's language is what it is, and topic discovery's proposals.
 *
 * - `feedback.language_reason`: how the language was decided (the shared `languageReasons`:
 *   function words, character n-grams, the customer's earlier language, the store's usual
 *   one, or "too short to tell"), so the detail can say why it reads "unknown" or a guess.
 * - `topic_discovery_runs`: one row per "Suggest topics" run: what it grouped and how long
 *   it took.
 * - `topic_proposals`: a proposed topic with its keywords, size, sample items and every
 *   member item. A proposal that was rejected is kept: later runs read the rejected
 *   keyword sets and do not propose the same group again. An accepted one records the topic
 *   it became.
 */
export function up(db: DB): void {
  db.exec(`
    ALTER TABLE feedback ADD COLUMN language_reason TEXT;

    CREATE TABLE topic_discovery_runs (
      id TEXT PRIMARY KEY,
      at INTEGER NOT NULL,
      scope TEXT NOT NULL,
      considered INTEGER NOT NULL,
      grouped INTEGER NOT NULL,
      took_ms INTEGER NOT NULL
    );

    CREATE TABLE topic_proposals (
      id TEXT PRIMARY KEY,
      run_id TEXT NOT NULL REFERENCES topic_discovery_runs(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      keywords TEXT NOT NULL,
      phrases TEXT NOT NULL DEFAULT '[]',
      language TEXT,
      size INTEGER NOT NULL,
      sample_ids TEXT NOT NULL,
      member_ids TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
      decided_at INTEGER,
      topic_id TEXT REFERENCES topics(id) ON DELETE SET NULL
    );
    CREATE INDEX topic_proposals_by_status ON topic_proposals(status, size DESC);
  `);
}
