import type { DB } from '../db';

/**
 * Saved views (named filter sets) and the indexes the inbox's flag filters need: the
 * unread and escalated sets are small, so partial indexes keep them cheap to page.
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE saved_views (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL COLLATE NOCASE UNIQUE,
      filter TEXT NOT NULL,
      position INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE INDEX feedback_unread ON feedback(received_at, id) WHERE unread = 1;
    CREATE INDEX feedback_escalated ON feedback(received_at, id) WHERE escalated = 1;
    CREATE INDEX feedback_by_product ON feedback(product, received_at, id);
    CREATE INDEX feedback_by_language ON feedback(language, received_at, id);
    CREATE INDEX customers_by_tier ON customers(tier) WHERE tier != 'standard';
  `);
}
