import type { DB } from '../db';

/**
 * Suggested replies, ranked from the team's own templates and earlier replies (nothing
 * leaves the machine), and what became of each suggestion:
 * - `templates`: saved replies with placeholders, an optional language, the topics they
 *   answer and extra keywords. `templates_fts` (external content, porter stemming so
 *   "refunded" finds "refund") ranks them with bm25; triggers keep it in step (templates
 *   are few, so per-row triggers cost nothing).
 * - `reply_fts`: for each reply an agent sent (a message with direction 'out'), the
 *   customer's text it answered, keyed by the message's rowid. Contentless: the text is
 *   already in `feedback`; past replies to similar feedback are found by bm25 over it.
 *   Filled here for existing replies, by `insertFeedbackBatch` for imported ones, and by
 *   `replies.send`; a trigger forgets a deleted message.
 * - `reply_outcomes`: what became of each suggestion: sent unchanged, edited (with the
 *   edit distance), discarded, or a reply written without one. Template and message ids
 *   are plain text, not foreign keys: the record outlives a deleted template.
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE templates (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      language TEXT,
      topics TEXT NOT NULL DEFAULT '[]',
      keywords TEXT NOT NULL DEFAULT '',
      body TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX templates_by_name ON templates(name COLLATE NOCASE);

    CREATE VIRTUAL TABLE templates_fts USING fts5(
      name, keywords, body,
      content = 'templates_search_source', content_rowid = 'rowid',
      tokenize = 'porter unicode61 remove_diacritics 2'
    );
    CREATE VIEW templates_search_source AS
      SELECT rowid, name, keywords || ' ' || replace(replace(topics, '"', ' '), ',', ' ') AS keywords, body FROM templates;
    CREATE TRIGGER templates_fts_insert AFTER INSERT ON templates BEGIN
      INSERT INTO templates_fts(rowid, name, keywords, body)
        SELECT rowid, name, keywords, body FROM templates_search_source WHERE rowid = new.rowid;
    END;
    CREATE TRIGGER templates_fts_delete AFTER DELETE ON templates BEGIN
      INSERT INTO templates_fts(templates_fts, rowid, name, keywords, body)
        VALUES ('delete', old.rowid, old.name, old.keywords || ' ' || replace(replace(old.topics, '"', ' '), ',', ' '), old.body);
    END;
    CREATE TRIGGER templates_fts_update AFTER UPDATE ON templates BEGIN
      INSERT INTO templates_fts(templates_fts, rowid, name, keywords, body)
        VALUES ('delete', old.rowid, old.name, old.keywords || ' ' || replace(replace(old.topics, '"', ' '), ',', ' '), old.body);
      INSERT INTO templates_fts(rowid, name, keywords, body)
        SELECT rowid, name, keywords, body FROM templates_search_source WHERE rowid = new.rowid;
    END;

    CREATE VIRTUAL TABLE reply_fts USING fts5(
      prompt,
      content = '', contentless_delete = 1,
      tokenize = 'porter unicode61 remove_diacritics 2'
    );
    INSERT INTO reply_fts(rowid, prompt)
      SELECT m.rowid, coalesce(f.subject, '') || ' ' || f.body
      FROM messages m JOIN feedback f ON f.id = m.feedback_id
      WHERE m.direction = 'out';
    CREATE TRIGGER reply_fts_forget AFTER DELETE ON messages WHEN old.direction = 'out' BEGIN
      DELETE FROM reply_fts WHERE rowid = old.rowid;
    END;

    CREATE TABLE reply_outcomes (
      id TEXT PRIMARY KEY,
      feedback_id TEXT NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
      message_id TEXT,
      outcome TEXT NOT NULL CHECK (outcome IN ('unchanged', 'edited', 'discarded', 'written')),
      source_kind TEXT CHECK (source_kind IN ('template', 'reply')),
      template_id TEXT,
      source_message_id TEXT,
      suggested_text TEXT,
      rank INTEGER,
      edit_distance INTEGER,
      agent TEXT,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX reply_outcomes_by_template ON reply_outcomes(template_id) WHERE template_id IS NOT NULL;
    CREATE INDEX reply_outcomes_by_source_message ON reply_outcomes(source_message_id) WHERE source_message_id IS NOT NULL;
    CREATE INDEX reply_outcomes_by_feedback ON reply_outcomes(feedback_id);
  `);
}
