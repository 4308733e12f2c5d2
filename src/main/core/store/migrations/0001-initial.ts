import type { DB } from '../db';

/** The first tables: feedback with its thread, customers, tags, settings and the audit log. */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE customers (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      email TEXT COLLATE NOCASE,
      tier TEXT NOT NULL DEFAULT 'standard' CHECK (tier IN ('standard', 'premium', 'vip')),
      language TEXT,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX customers_by_email ON customers(email) WHERE email IS NOT NULL;

    CREATE TABLE feedback (
      id TEXT PRIMARY KEY,
      source TEXT NOT NULL,
      external_id TEXT,
      content_hash TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('email', 'chat', 'survey', 'review', 'social')),
      customer_id TEXT REFERENCES customers(id),
      subject TEXT,
      body TEXT NOT NULL,
      product TEXT,
      language TEXT,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'replied', 'resolved', 'closed')),
      sentiment TEXT CHECK (sentiment IN ('negative', 'neutral', 'positive')),
      sentiment_score REAL,
      sentiment_source TEXT CHECK (sentiment_source IN ('human', 'local', 'llm', 'import')),
      rating INTEGER CHECK (rating BETWEEN 1 AND 5),
      assignee TEXT,
      escalated INTEGER NOT NULL DEFAULT 0 CHECK (escalated IN (0, 1)),
      unread INTEGER NOT NULL DEFAULT 1 CHECK (unread IN (0, 1)),
      received_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    -- Idempotent imports: the same source row or the same content never lands twice.
    CREATE UNIQUE INDEX feedback_by_source_id ON feedback(source, external_id) WHERE external_id IS NOT NULL;
    CREATE UNIQUE INDEX feedback_by_hash ON feedback(content_hash);
    -- The inbox pages newest first by (received_at, id); each common filter gets an
    -- index that already yields that order, so a page never sorts the whole table.
    CREATE INDEX feedback_by_received ON feedback(received_at, id);
    CREATE INDEX feedback_by_status ON feedback(status, received_at, id);
    CREATE INDEX feedback_by_sentiment ON feedback(sentiment, received_at, id);
    CREATE INDEX feedback_by_channel ON feedback(channel, received_at, id);
    CREATE INDEX feedback_by_customer ON feedback(customer_id, received_at, id);

    CREATE TABLE messages (
      id TEXT PRIMARY KEY,
      feedback_id TEXT NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
      direction TEXT NOT NULL CHECK (direction IN ('in', 'out', 'note')),
      author TEXT,
      body TEXT NOT NULL,
      sent_at INTEGER NOT NULL,
      external_id TEXT
    ) STRICT;
    CREATE INDEX messages_by_feedback ON messages(feedback_id, sent_at);

    CREATE TABLE tags (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL COLLATE NOCASE UNIQUE,
      kind TEXT NOT NULL DEFAULT 'topic' CHECK (kind IN ('topic', 'label')),
      color TEXT,
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE feedback_tags (
      feedback_id TEXT NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
      tag_id TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      source TEXT NOT NULL CHECK (source IN ('human', 'local', 'llm', 'import')),
      created_at INTEGER NOT NULL,
      PRIMARY KEY (feedback_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX feedback_tags_by_tag ON feedback_tags(tag_id, feedback_id);

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE audit_events (
      id TEXT PRIMARY KEY,
      at INTEGER NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      entity_type TEXT,
      entity_id TEXT,
      detail TEXT
    ) STRICT;
    CREATE INDEX audit_events_by_time ON audit_events(at);
  `);
}
