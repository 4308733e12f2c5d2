import type { DB } from '../db';

/**
 * What an import leaves behind, so the next import and a restart can use it:
 * - `import_mappings`: the column mapping last used for a file of one format with one set
 *   of columns, so the next export from the same source is proposed the same mapping.
 *   `columns_key` is the JSON array of the column names, sorted.
 * - `import_runs`: the finished report of each import (counts and the first problems, as
 *   JSON), so a report can still be read and exported after a restart. Problems carry a
 *   line number and a reason, never a row's text.
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE import_mappings (
      format TEXT NOT NULL,
      columns_key TEXT NOT NULL,
      mapping TEXT NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (format, columns_key)
    ) STRICT;

    CREATE TABLE import_runs (
      id TEXT PRIMARY KEY,
      file_name TEXT NOT NULL,
      format TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('running', 'done', 'cancelled', 'failed')),
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
    CREATE INDEX import_runs_by_start ON import_runs(started_at);
  `);
}
