import type { ImportReport } from '../../../shared/contract';
import { columnMappingSchema, importFormats, type ColumnMapping, type ImportFormat } from '../../../shared/import';
import { cached, type DB } from './db';

/** A set of columns as a key: the order of columns in a file does not make it another source. */
export function columnsKey(columns: readonly string[]): string {
  return JSON.stringify([...new Set(columns)].sort());
}

/** The mapping last used for files of this format with exactly these columns, if any. */
export function savedMapping(db: DB, format: ImportFormat, columns: readonly string[]): ColumnMapping | null {
  const row = cached(db, 'SELECT mapping FROM import_mappings WHERE format = ? AND columns_key = ?').get(format, columnsKey(columns)) as
    | { mapping: string }
    | undefined;
  if (!row) return null;
  // A mapping saved by a newer Hearken may name fields this one does not know: guess again.
  const parsed = columnMappingSchema.safeParse(JSON.parse(row.mapping));
  return parsed.success ? parsed.data : null;
}

export function saveMapping(db: DB, format: ImportFormat, columns: readonly string[], mapping: ColumnMapping, now: number): void {
  cached(
    db,
    `INSERT INTO import_mappings (format, columns_key, mapping, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (format, columns_key) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
  ).run(format, columnsKey(columns), JSON.stringify(mapping), now);
}

/** Keeps a finished import's report (insert or replace: a report is written once, at the end). */
export function saveImportRun(db: DB, report: ImportReport): void {
  cached(
    db,
    `INSERT OR REPLACE INTO import_runs (id, file_name, format, state, read, imported, duplicates, failed, started_at, finished_at,
       rows_per_s, error, problems, problems_total)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    report.importId,
    report.fileName,
    report.format,
    report.state,
    report.counts.read,
    report.counts.imported,
    report.counts.duplicates,
    report.counts.failed,
    report.startedAt,
    report.finishedAt,
    report.rowsPerS,
    report.error ? JSON.stringify(report.error) : null,
    JSON.stringify(report.problems),
    report.problemsTotal,
  );
}

interface RunRow {
  id: string;
  file_name: string;
  format: string;
  state: ImportReport['state'];
  read: number;
  imported: number;
  duplicates: number;
  failed: number;
  started_at: number;
  finished_at: number | null;
  rows_per_s: number;
  error: string | null;
  problems: string;
  problems_total: number;
}

/** Skipped rows have no column of their own: read counts them, so they are what read has beyond the rest. */
function withSkipped(row: Pick<RunRow, 'read' | 'imported' | 'duplicates' | 'failed'>): ImportReport['counts'] {
  const counts = { read: row.read, imported: row.imported, duplicates: row.duplicates, failed: row.failed };
  const skipped = row.read - row.imported - row.duplicates - row.failed;
  return skipped > 0 ? { ...counts, skipped } : counts;
}

export function loadImportRun(db: DB, importId: string): ImportReport | null {
  const row = cached(db, 'SELECT * FROM import_runs WHERE id = ?').get(importId) as RunRow | undefined;
  if (!row || !(importFormats as readonly string[]).includes(row.format)) return null;
  return {
    importId: row.id,
    fileName: row.file_name,
    format: row.format as ImportFormat,
    state: row.state,
    counts: withSkipped(row),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    rowsPerS: row.rows_per_s,
    error: row.error ? (JSON.parse(row.error) as ImportReport['error']) : null,
    problems: JSON.parse(row.problems) as ImportReport['problems'],
    problemsTotal: row.problems_total,
  };
}
