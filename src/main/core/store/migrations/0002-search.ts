import type { DB } from '../db';

/**
 * Full-text search over subject, body and customer name. The index is external-content
 * (it reads text from a view instead of storing a second copy) so a million items do not
 * double the file, while snippet() and bm25() still work. Triggers keep it in step with
 * feedback and with renamed customers.
 */
export function up(db: DB): void {
  db.exec(`
    CREATE VIEW feedback_search_source AS
      SELECT f.rowid AS rowid, f.subject AS subject, f.body AS body, c.name AS customer_name
      FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id;

    CREATE VIRTUAL TABLE feedback_fts USING fts5(
      subject, body, customer_name,
      content = 'feedback_search_source',
      content_rowid = 'rowid',
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );

    CREATE TRIGGER feedback_fts_insert AFTER INSERT ON feedback BEGIN
      INSERT INTO feedback_fts(rowid, subject, body, customer_name)
      VALUES (new.rowid, new.subject, new.body, (SELECT name FROM customers WHERE id = new.customer_id));
    END;

    CREATE TRIGGER feedback_fts_delete AFTER DELETE ON feedback BEGIN
      INSERT INTO feedback_fts(feedback_fts, rowid, subject, body, customer_name)
      VALUES ('delete', old.rowid, old.subject, old.body, (SELECT name FROM customers WHERE id = old.customer_id));
    END;

    CREATE TRIGGER feedback_fts_update AFTER UPDATE OF subject, body, customer_id ON feedback BEGIN
      INSERT INTO feedback_fts(feedback_fts, rowid, subject, body, customer_name)
      VALUES ('delete', old.rowid, old.subject, old.body, (SELECT name FROM customers WHERE id = old.customer_id));
      INSERT INTO feedback_fts(rowid, subject, body, customer_name)
      VALUES (new.rowid, new.subject, new.body, (SELECT name FROM customers WHERE id = new.customer_id));
    END;

    -- A renamed customer is re-indexed under the new name on every item of theirs.
    CREATE TRIGGER customers_fts_rename AFTER UPDATE OF name ON customers BEGIN
      INSERT INTO feedback_fts(feedback_fts, rowid, subject, body, customer_name)
        SELECT 'delete', f.rowid, f.subject, f.body, old.name FROM feedback f WHERE f.customer_id = old.id;
      INSERT INTO feedback_fts(rowid, subject, body, customer_name)
        SELECT f.rowid, f.subject, f.body, new.name FROM feedback f WHERE f.customer_id = new.id;
    END;

    INSERT INTO feedback_fts(feedback_fts) VALUES ('rebuild');
  `);
}
