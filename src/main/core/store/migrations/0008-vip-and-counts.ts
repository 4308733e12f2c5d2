import type { DB } from '../db';

/**
 * The VIP flag on feedback, and live counts.
 *
 * - `feedback.vip` mirrors the customer's tier, so the VIP view pages from its own ordered
 *   partial index instead of testing every row's customer (33 ms a page at a million
 *   items, with the VIP test per row). Triggers keep it when a customer's tier changes or
 *   an item moves to another customer; insertFeedbackBatch sets it for new rows.
 * - `feedback_counts` counts by (status, unread, escalated, vip). The views pane shows a
 *   count per view and refreshes after every agent action; counted from the indexes, the
 *   built-in views took seconds at a million items. Views whose filter uses only these
 *   columns are answered from here (countFeedback). Updates and deletes are counted by
 *   triggers; new rows by insertFeedbackBatch, once per batch, because a per-row insert
 *   trigger cost about a fifth of the import's time (35 CPU-µs per item).
 */
export function up(db: DB): void {
  db.exec(`
    ALTER TABLE feedback ADD COLUMN vip INTEGER NOT NULL DEFAULT 0 CHECK (vip IN (0, 1));
    UPDATE feedback SET vip = 1 WHERE customer_id IN (SELECT id FROM customers WHERE tier = 'vip');
    CREATE INDEX feedback_vip ON feedback(received_at, id) WHERE vip = 1;

    CREATE TRIGGER customers_vip_tier AFTER UPDATE OF tier ON customers
      WHEN (old.tier = 'vip') != (new.tier = 'vip')
    BEGIN
      UPDATE feedback SET vip = (new.tier = 'vip') WHERE customer_id = new.id;
    END;

    CREATE TRIGGER feedback_vip_customer AFTER UPDATE OF customer_id ON feedback BEGIN
      UPDATE feedback SET vip = coalesce((SELECT tier = 'vip' FROM customers WHERE id = new.customer_id), 0) WHERE rowid = new.rowid;
    END;

    CREATE TABLE feedback_counts (
      status TEXT NOT NULL,
      unread INTEGER NOT NULL,
      escalated INTEGER NOT NULL,
      vip INTEGER NOT NULL,
      n INTEGER NOT NULL,
      PRIMARY KEY (status, unread, escalated, vip)
    ) STRICT, WITHOUT ROWID;

    INSERT INTO feedback_counts (status, unread, escalated, vip, n)
      SELECT status, unread, escalated, vip, count(*) FROM feedback GROUP BY status, unread, escalated, vip;

    CREATE TRIGGER feedback_counts_delete AFTER DELETE ON feedback BEGIN
      UPDATE feedback_counts SET n = n - 1
        WHERE status = old.status AND unread = old.unread AND escalated = old.escalated AND vip = old.vip;
    END;

    CREATE TRIGGER feedback_counts_update AFTER UPDATE OF status, unread, escalated, vip ON feedback
      WHEN old.status IS NOT new.status OR old.unread IS NOT new.unread OR old.escalated IS NOT new.escalated OR old.vip IS NOT new.vip
    BEGIN
      UPDATE feedback_counts SET n = n - 1
        WHERE status = old.status AND unread = old.unread AND escalated = old.escalated AND vip = old.vip;
      INSERT INTO feedback_counts (status, unread, escalated, vip, n) VALUES (new.status, new.unread, new.escalated, new.vip, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
    END;
  `);
}
