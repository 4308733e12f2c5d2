import type { DB } from '../db';

/**
 * The optional LLM, and what it needs to stay accountable:
 * - `ai_calls`: "What left this machine". Every call as sent (the redacted request body,
 *   exactly), the endpoint's host only (a URL or a header could hold a key), the model, the
 *   purpose, tokens (estimated when the server sent none), latency and outcome. Insert-only.
 *   The month's token use is summed from it (the budget), by `ai_calls_by_time`.
 * - `ai_jobs`: the LLM queue, persistent so a restart resumes it. `waiting` is a job whose
 *   next try is not before `not_before` (Retry-After, back-off). Higher `priority` goes
 *   first (a draft someone waits for, before a bulk triage). `params` is small JSON
 *   (a tone, a period), never customer text: the job reads the item when it runs.
 * - `ai_cache`: answers by (purpose, model, hash of the exact request), so the same text
 *   triaged again costs no call.
 * - `ai_triage`: each item's latest triage (the validated answer, PII restored) and what a
 *   person did with it (pending, accepted, partly, dismissed; which fields), for the
 *   AI-quality figures.
 * - `ai_drafts`: reply drafts with their sources and flagged promises, and what became of
 *   each (sent unchanged, edited, discarded).
 * - `ai_summaries`: period summaries with the local figures they were built from.
 * - `kb_articles` + `kb_fts`: the knowledge base drafts are grounded on, ranked with bm25
 *   like templates (porter stemming, per-row triggers: articles are few).
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE ai_calls (
      id TEXT PRIMARY KEY,
      at INTEGER NOT NULL,
      purpose TEXT NOT NULL CHECK (purpose IN ('triage', 'draft', 'summary', 'test')),
      host TEXT NOT NULL,
      model TEXT,
      request TEXT NOT NULL,
      response TEXT,
      outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'invalid', 'failed')),
      status INTEGER,
      error TEXT,
      prompt_tokens INTEGER,
      completion_tokens INTEGER,
      tokens_estimated INTEGER NOT NULL DEFAULT 0 CHECK (tokens_estimated IN (0, 1)),
      latency_ms INTEGER NOT NULL,
      redactions TEXT NOT NULL DEFAULT '{}',
      job_id TEXT,
      feedback_id TEXT
    ) STRICT;
    -- Covers the month's token sum, so the budget never reads the wide request rows.
    CREATE INDEX ai_calls_by_time ON ai_calls(at, prompt_tokens, completion_tokens, tokens_estimated);

    CREATE TABLE ai_jobs (
      id TEXT PRIMARY KEY,
      purpose TEXT NOT NULL CHECK (purpose IN ('triage', 'draft', 'summary')),
      feedback_id TEXT REFERENCES feedback(id) ON DELETE CASCADE,
      params TEXT NOT NULL DEFAULT '{}',
      state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'waiting', 'done', 'failed', 'cancelled')),
      attempts INTEGER NOT NULL DEFAULT 0,
      not_before INTEGER,
      error TEXT,
      cached INTEGER NOT NULL DEFAULT 0 CHECK (cached IN (0, 1)),
      priority INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    -- Failed jobs too, so the queue's counts never scan the done ones.
    CREATE INDEX ai_jobs_pending ON ai_jobs(state, priority DESC, created_at) WHERE state IN ('queued', 'running', 'waiting', 'failed');
    CREATE INDEX ai_jobs_by_item ON ai_jobs(feedback_id, purpose) WHERE feedback_id IS NOT NULL;
    CREATE INDEX ai_jobs_by_time ON ai_jobs(updated_at);

    CREATE TABLE ai_cache (
      purpose TEXT NOT NULL,
      model TEXT NOT NULL,
      input_hash TEXT NOT NULL,
      output TEXT NOT NULL,
      at INTEGER NOT NULL,
      PRIMARY KEY (purpose, model, input_hash)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE ai_triage (
      feedback_id TEXT PRIMARY KEY REFERENCES feedback(id) ON DELETE CASCADE,
      at INTEGER NOT NULL,
      model TEXT NOT NULL,
      confidence TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
      answer TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'accepted', 'partly', 'dismissed')),
      accepted TEXT NOT NULL DEFAULT '[]',
      decided_at INTEGER
    ) STRICT;

    CREATE TABLE ai_drafts (
      id TEXT PRIMARY KEY,
      feedback_id TEXT NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
      tone TEXT NOT NULL,
      language TEXT,
      model TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('streaming', 'done', 'failed', 'cancelled')),
      text TEXT NOT NULL DEFAULT '',
      sources TEXT NOT NULL DEFAULT '[]',
      cited TEXT NOT NULL DEFAULT '[]',
      promises TEXT NOT NULL DEFAULT '[]',
      tokens INTEGER NOT NULL DEFAULT 0,
      tokens_estimated INTEGER NOT NULL DEFAULT 0 CHECK (tokens_estimated IN (0, 1)),
      error TEXT,
      outcome TEXT CHECK (outcome IN ('unchanged', 'edited', 'discarded')),
      edit_distance INTEGER,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX ai_drafts_by_item ON ai_drafts(feedback_id, created_at);

    CREATE TABLE ai_summaries (
      id TEXT PRIMARY KEY,
      from_at INTEGER NOT NULL,
      to_at INTEGER NOT NULL,
      model TEXT NOT NULL,
      at INTEGER NOT NULL,
      text TEXT NOT NULL,
      figures TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    CREATE INDEX ai_summaries_by_period ON ai_summaries(from_at, to_at, at);

    CREATE TABLE kb_articles (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      tags TEXT NOT NULL DEFAULT '[]',
      source_file TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX kb_articles_by_file ON kb_articles(source_file) WHERE source_file IS NOT NULL;

    CREATE VIRTUAL TABLE kb_fts USING fts5(
      title, body, tags,
      content = 'kb_articles', content_rowid = 'rowid',
      tokenize = 'porter unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER kb_fts_insert AFTER INSERT ON kb_articles BEGIN
      INSERT INTO kb_fts(rowid, title, body, tags) VALUES (new.rowid, new.title, new.body, new.tags);
    END;
    CREATE TRIGGER kb_fts_delete AFTER DELETE ON kb_articles BEGIN
      INSERT INTO kb_fts(kb_fts, rowid, title, body, tags) VALUES ('delete', old.rowid, old.title, old.body, old.tags);
    END;
    CREATE TRIGGER kb_fts_update AFTER UPDATE ON kb_articles BEGIN
      INSERT INTO kb_fts(kb_fts, rowid, title, body, tags) VALUES ('delete', old.rowid, old.title, old.body, old.tags);
      INSERT INTO kb_fts(rowid, title, body, tags) VALUES (new.rowid, new.title, new.body, new.tags);
    END;
  `);
}
