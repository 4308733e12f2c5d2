/**
 * The knowledge base drafts are grounded on: articles written here or imported from a folder
 * of Markdown files (one article per file, matched again by its file name on re-import),
 * and their bm25 search over kb_fts (migration 0015).
 */
import type { KbArticle, KbArticleInput } from '../../../shared/ai/schema';
import { HearkenError } from '../../../shared/errors';
import { cached, type DB } from './db';
import { newId } from './ids';

interface KbRow {
  rowid: number;
  id: string;
  title: string;
  body: string;
  tags: string;
  source_file: string | null;
  created_at: number;
  updated_at: number;
}

const COLUMNS = 'rowid, id, title, body, tags, source_file, created_at, updated_at';

function toArticle(row: KbRow): KbArticle {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    tags: JSON.parse(row.tags) as string[],
    sourceFile: row.source_file,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listKbArticles(db: DB): KbArticle[] {
  return (cached(db, `SELECT ${COLUMNS} FROM kb_articles ORDER BY title COLLATE NOCASE, id`).all() as KbRow[]).map(toArticle);
}

export function getKbArticle(db: DB, id: string): KbArticle | null {
  const row = cached(db, `SELECT ${COLUMNS} FROM kb_articles WHERE id = ?`).get(id) as KbRow | undefined;
  return row ? toArticle(row) : null;
}

/**
 * Articles matching an FTS query, best first: a word in the title counts three times one in
 * the body, a tag twice.
 */
export function searchKb(db: DB, match: string, limit: number): { article: KbArticle; rank: number }[] {
  const hits = cached(db, 'SELECT rowid, bm25(kb_fts, 3.0, 1.0, 2.0) AS rank FROM kb_fts WHERE kb_fts MATCH ? ORDER BY rank LIMIT ?').all(match, limit) as {
    rowid: number;
    rank: number;
  }[];
  if (hits.length === 0) return [];
  const rows = cached(db, `SELECT ${COLUMNS} FROM kb_articles WHERE rowid IN (SELECT value FROM json_each(?))`).all(JSON.stringify(hits.map((h) => h.rowid))) as KbRow[];
  const byRowid = new Map(rows.map((r) => [r.rowid, r]));
  return hits.flatMap((h) => {
    const row = byRowid.get(h.rowid);
    return row ? [{ article: toArticle(row), rank: h.rank }] : [];
  });
}

/** Creates an article, or replaces the one with `id` (NOT_FOUND when it is gone). */
export function saveKbArticle(db: DB, input: { id?: string | undefined; article: KbArticleInput }, now: number): KbArticle {
  const { title, body, tags } = input.article;
  if (input.id === undefined) {
    const id = newId(now);
    cached(db, 'INSERT INTO kb_articles (id, title, body, tags, source_file, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?)').run(id, title, body, JSON.stringify(tags), now, now);
    return getKbArticle(db, id)!;
  }
  const changed = cached(db, 'UPDATE kb_articles SET title = ?, body = ?, tags = ?, updated_at = ? WHERE id = ?').run(title, body, JSON.stringify(tags), now, input.id).changes;
  if (changed === 0) throw new HearkenError('NOT_FOUND', 'That article no longer exists; save it as a new one.');
  return getKbArticle(db, input.id)!;
}

export function deleteKbArticle(db: DB, id: string): boolean {
  return cached(db, 'DELETE FROM kb_articles WHERE id = ?').run(id).changes > 0;
}

/** An article read from a Markdown file; `sourceFile` is its path within the imported folder. */
export interface KbFileArticle extends KbArticleInput {
  sourceFile: string;
}

/**
 * Imported articles by file: a file seen before replaces its article (keeping its id, so
 * drafts that cited it still resolve), one whose text has not changed is left alone. The
 * caller holds the transaction: a folder is imported whole or not at all.
 */
export function importKbArticles(db: DB, articles: readonly KbFileArticle[], now: number): { added: number; updated: number; unchanged: number } {
  const counts = { added: 0, updated: 0, unchanged: 0 };
  for (const a of articles) {
    const tags = JSON.stringify(a.tags);
    const existing = cached(db, 'SELECT id, title, body, tags FROM kb_articles WHERE source_file = ?').get(a.sourceFile) as
      | { id: string; title: string; body: string; tags: string }
      | undefined;
    if (!existing) {
      cached(db, 'INSERT INTO kb_articles (id, title, body, tags, source_file, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(newId(now), a.title, a.body, tags, a.sourceFile, now, now);
      counts.added++;
    } else if (existing.title === a.title && existing.body === a.body && existing.tags === tags) {
      counts.unchanged++;
    } else {
      cached(db, 'UPDATE kb_articles SET title = ?, body = ?, tags = ?, updated_at = ? WHERE id = ?').run(a.title, a.body, tags, now, existing.id);
      counts.updated++;
    }
  }
  return counts;
}
