import type { DB } from '../db';

/**
 * Live counts by (status, unread, escalated), kept by triggers. The views pane shows a
 * count per view and refreshes after every agent action; counted from the indexes, the
 * built-in views took seconds at a million items. Views whose filter uses only these
 * columns are answered from here (countFeedback). Updates and deletes are counted by
 * triggers; new rows by insertFeedbackBatch, once per batch, because a per-row insert
 * trigger cost about a fifth of the import's time (35 CPU-µs per item).
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE feedback_counts (
      status TEXT NOT NULL,
      unread INTEGER NOT NULL,
      escalated INTEGER NOT NULL,
      n INTEGER NOT NULL,
      PRIMARY KEY (status, unread, escalated)
    ) STRICT, WITHOUT ROWID;

    INSERT INTO feedback_counts (status, unread, escalated, n)
      SELECT status, unread, escalated, count(*) FROM feedback GROUP BY status, unread, escalated;

    CREATE TRIGGER feedback_counts_delete AFTER DELETE ON feedback BEGIN
      UPDATE feedback_counts SET n = n - 1 WHERE status = old.status AND unread = old.unread AND escalated = old.escalated;
    END;

    CREATE TRIGGER feedback_counts_update AFTER UPDATE OF status, unread, escalated ON feedback
      WHEN old.status IS NOT new.status OR old.unread IS NOT new.unread OR old.escalated IS NOT new.escalated
    BEGIN
      UPDATE feedback_counts SET n = n - 1 WHERE status = old.status AND unread = old.unread AND escalated = old.escalated;
      INSERT INTO feedback_counts (status, unread, escalated, n) VALUES (new.status, new.unread, new.escalated, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
    END;
  `);
}
