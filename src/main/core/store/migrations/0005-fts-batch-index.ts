import type { DB } from '../db';

/**
 * New feedback is indexed for search once per import batch (see insertFeedbackBatch), not
 * by a per-row trigger. Every INSERT that fires a trigger opens a statement journal, and
 * FTS5 flushes its pending terms at each one, so the trigger made one tiny index segment
 * per item and kept the merger busy: imports ran at about 3,000 items/s. Updates, deletes
 * and customer renames keep their triggers.
 */
export function up(db: DB): void {
  db.exec('DROP TRIGGER feedback_fts_insert');
}
