import type { DB } from '../db';

/**
 * `jobs`: every long job (imports, re-analysis, and the LLM queue later) with its state,
 * so a restart knows what was running when the app stopped. `params` and `progress` are
 * small JSON (a file name, a filter, counts), never customer text.
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE jobs (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('running', 'done', 'cancelled', 'failed', 'interrupted')),
      actor TEXT NOT NULL,
      params TEXT NOT NULL DEFAULT '{}',
      progress TEXT,
      error TEXT,
      started_at INTEGER NOT NULL,
      finished_at INTEGER
    ) STRICT;
    CREATE INDEX jobs_running ON jobs(state) WHERE state = 'running';
  `);
}
