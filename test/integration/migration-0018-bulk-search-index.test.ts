/**
 * Migration 0018 on a real AEGIS-256 store: the search indexes' bulk-load settings are
 * stored, rows indexed before it are still found, and index leaves written after it fit
 * their encrypted page instead of spilling onto overflow pages (counted with dbstat).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../src/main/core/ingest/content-hash';
import type { NewFeedback } from '../../src/main/core/ingest/types';
import type { DB } from '../../src/main/core/store/db';
import { insertFeedbackBatch } from '../../src/main/core/store/feedback-write';
import { migrate } from '../../src/main/core/store/migrate';
import { migrations } from '../../src/main/core/store/migrations';
import { openEncrypted } from '../../src/main/core/store/open';
import { createGenerator } from '../../src/shared/synthetic';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function store(): DB {
  const dir = mkdtempSync(join(tmpdir(), 'hearken-0018-'));
  dirs.push(dir);
  return openEncrypted(join(dir, 'hearken.db'), { keyHex: '5c'.repeat(32), create: true });
}

function items(seed: number, count: number): NewFeedback[] {
  const gen = createGenerator({ seed, count, handles: 0 });
  return Array.from({ length: count }, (_, i) => {
    const item = gen.item(i);
    return {
      ...item,
      contentHash: contentHash({ customer: item.customer?.email ?? item.customer?.name ?? null, at: item.receivedAt, body: item.body }),
      customer: item.customer ? { name: item.customer.name, email: item.customer.email, tier: item.customer.tier, language: item.customer.language } : null,
    };
  });
}

function bulkInsert(db: DB, all: readonly NewFeedback[]): void {
  for (let from = 0; from < all.length; from += 1000) insertFeedbackBatch(db, all.slice(from, from + 1000), Date.UTC(2026, 11, 1));
}

const config = (db: DB, table: string): Record<string, number> =>
  Object.fromEntries((db.prepare(`SELECT k, v FROM ${table}_config WHERE k IN ('pgsz', 'automerge', 'crisismerge')`).all() as { k: string; v: number }[]).map((r) => [r.k, r.v]));

const overflowPages = (db: DB, table: string): number =>
  (db.prepare(`SELECT count(*) AS n FROM dbstat WHERE name = ? AND pagetype = 'overflow'`).get(`${table}_data`) as { n: number }).n;

const leafPages = (db: DB, table: string): number =>
  (db.prepare(`SELECT count(*) AS n FROM dbstat WHERE name = ? AND pagetype = 'leaf'`).get(`${table}_data`) as { n: number }).n;

describe('0018-bulk-search-index', () => {
  it('stores the bulk-load settings of every search index and keeps rows indexed before it searchable', () => {
    const db = store();
    try {
      migrate(db, migrations, 17);
      const before = items(7, 300);
      bulkInsert(db, before);
      const probe = before[17]!;
      const word = probe.body.split(/\W+/).filter((w) => w.length > 6)[0]!;
      const hits = (q: string): number => (db.prepare('SELECT count(*) AS n FROM feedback_fts WHERE feedback_fts MATCH ?').get(q) as { n: number }).n;
      const found = hits(word);
      expect(found).toBeGreaterThan(0);
      expect(config(db, 'feedback_fts')).toEqual({});

      migrate(db, migrations, 18);
      expect(config(db, 'feedback_fts')).toEqual({ pgsz: 3960, automerge: 16, crisismerge: 64 });
      expect(config(db, 'reply_fts')).toEqual({ pgsz: 3960, automerge: 16, crisismerge: 64 });
      expect(config(db, 'templates_fts')).toEqual({ pgsz: 3960 });
      expect(config(db, 'kb_fts')).toEqual({ pgsz: 3960 });
      expect(hits(word)).toBe(found);
      const id = (db.prepare('SELECT f.id FROM feedback_fts JOIN feedback f ON f.rowid = feedback_fts.rowid WHERE feedback_fts MATCH ? AND f.external_id = ?').get(word, probe.externalId) as { id: string } | undefined)?.id;
      expect(id).toBeDefined();

      bulkInsert(db, items(8, 300));
      expect(hits(word)).toBeGreaterThanOrEqual(found);
      expect(() => db.prepare("INSERT INTO feedback_fts(feedback_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    } finally {
      db.close();
    }
  });

  it('keeps every index leaf of a bulk load on its own encrypted page, where the default page size spilled them onto overflow pages', () => {
    const old = store();
    const tuned = store();
    try {
      migrate(old, migrations, 17);
      migrate(tuned, migrations, 18);
      const load = items(9, 4000);
      bulkInsert(old, load);
      bulkInsert(tuned, load);
      // Without the setting most leaves take two pages.
      expect(leafPages(old, 'feedback_fts')).toBeGreaterThan(50);
      expect(overflowPages(old, 'feedback_fts')).toBeGreaterThan(leafPages(old, 'feedback_fts') / 2);
      expect(leafPages(tuned, 'feedback_fts')).toBeGreaterThan(50);
      expect(overflowPages(tuned, 'feedback_fts')).toBe(0);
      expect(overflowPages(tuned, 'reply_fts')).toBe(0);
      const count = (db: DB, q: string): number => (db.prepare('SELECT count(*) AS n FROM feedback_fts WHERE feedback_fts MATCH ?').get(q) as { n: number }).n;
      expect(count(tuned, 'refund')).toBeGreaterThan(0);
      for (const q of ['refund', 'deliv*', '"not arrived"', 'parcel OR order']) expect(count(tuned, q)).toBe(count(old, q));
    } finally {
      old.close();
      tuned.close();
    }
  });
});
