import type { DB } from '../db';

/**
 * `import_runs.state` may be 'interrupted': an import whose process was killed (or
 * crashed) is recorded when the store next opens, with the counts of its committed batches
 * (kept in its jobs row), so the history shows it and says how far it got. A CHECK
 * constraint cannot be altered in place, so the table is rebuilt with its rows and index.
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE import_runs_0013 (
      id TEXT PRIMARY KEY,
      file_name TEXT NOT NULL,
      format TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('running', 'done', 'cancelled', 'failed', 'interrupted')),
      read INTEGER NOT NULL,
      imported INTEGER NOT NULL,
      duplicates INTEGER NOT NULL,
      failed INTEGER NOT NULL,
      started_at INTEGER NOT NULL,
      finished_at INTEGER,
      rows_per_s REAL NOT NULL,
      error TEXT,
      problems TEXT NOT NULL,
      problems_total INTEGER NOT NULL
    ) STRICT;
    INSERT INTO import_runs_0013 SELECT * FROM import_runs;
    DROP TABLE import_runs;
    ALTER TABLE import_runs_0013 RENAME TO import_runs;
    CREATE INDEX import_runs_by_start ON import_runs(started_at);
  `);
}
