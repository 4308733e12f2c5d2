import type { DB } from '../db';

/**
 * The search indexes tuned for bulk loads. These are FTS5's persistent settings (rows of each
 * index's _config table), so every connection and every later import uses them; segments
 * already written keep their layout until a merge rewrites them.
 *
 * - `pgsz`: an encrypted page keeps bytes of every 4,096 for the cipher (AEGIS-256: a 32-byte
 *   nonce and a 32-byte tag, so 4,032 usable). A table row holds at most usable - 35 = 3,997
 *   bytes on its page; an index leaf is stored as a row of 4 header bytes plus the leaf, and
 *   FTS5 closes a leaf a few bytes past pgsz (3 here). FTS5's default of 4,050 therefore
 *   spilled almost every leaf onto an overflow page: two pages to read, decrypt, encrypt and
 *   write for one leaf. 3,960 fits with room to spare, also under AEGIS-128L (48 reserved
 *   bytes) and SQLCipher v4 (80), so a store still being converted gets no overflow either.
 * - `automerge` 16 and `crisismerge` 64 (defaults 4 and 16) on the two indexes an import
 *   fills (items, and past replies from imported threads): FTS5 merges segments less often
 *   and in bigger steps, so each term's list is rewritten fewer times during a bulk load.
 *   The small template and knowledge-base indexes only get the page size.
 *
 * bench/README.md has what each setting bought.
 */
export const SEARCH_PAGE_SIZE = 3960;
export const BULK_AUTOMERGE = 16;
export const BULK_CRISISMERGE = 64;

export function up(db: DB): void {
  // FTS5 accepts only integers here, and a number bound from JS arrives as a REAL.
  const set = (table: string, key: string, value: number): void => {
    db.exec(`INSERT INTO ${table}(${table}, rank) VALUES ('${key}', ${Math.trunc(value)})`);
  };
  for (const table of ['feedback_fts', 'reply_fts', 'templates_fts', 'kb_fts']) set(table, 'pgsz', SEARCH_PAGE_SIZE);
  for (const table of ['feedback_fts', 'reply_fts']) {
    set(table, 'automerge', BULK_AUTOMERGE);
    set(table, 'crisismerge', BULK_CRISISMERGE);
  }
}
