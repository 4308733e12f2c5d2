/**
 * Upkeep of the search indexes that imports fill. With the bulk-load settings of migration
 * 0018, FTS5 merges segments rarely during an import, so a large import leaves many segments
 * and every search walks each of them: measured at 1,000,000 items, the slowest search went
 * from 457 ms to 128 ms and a one-word search from 236 ms to 36 ms once the index was merged
 * into one segment (bench/README.md). FTS5's `merge` with a negative page count does what
 * `optimize` does, in steps, so each step is a short write transaction and other writers
 * (the window marking an item read) get the store between two steps.
 */
import { cached, type DB } from './db';

const IMPORTED_INDEXES = ['feedback_fts', 'reply_fts'] as const;

/** Leaf pages merged per step: about a tenth of a second of work on a busy 2-core machine. */
export const MERGE_STEP_PAGES = 500;

/** One step of merging each import-filled index into a single segment; false once nothing is left to merge. */
export function mergeSearchIndexStep(db: DB): boolean {
  for (const table of IMPORTED_INDEXES) {
    const before = totalChanges(db);
    db.exec(`INSERT INTO ${table}(${table}, rank) VALUES ('merge', -${MERGE_STEP_PAGES})`);
    // FTS5's documented test: fewer than two changed rows means it found nothing to merge.
    if (totalChanges(db) - before >= 2) return true;
  }
  return false;
}

/** Items in the inbox, from the live counts (no scan of feedback). */
export function inboxSize(db: DB): number {
  return (cached(db, 'SELECT coalesce(sum(n), 0) AS n FROM feedback_counts').get() as { n: number }).n;
}

function totalChanges(db: DB): number {
  return (cached(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
}
