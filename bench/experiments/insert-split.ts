/**
 * Where an imported item's time goes: a timed copy of insertFeedbackBatch (same statements,
 * same order, same transaction per batch), run on copies of the main store, encrypted and
 * plain. The parts: id generation, customer lookup/insert, the feedback row (with its 13
 * indexes), the thread's messages, tags, the batch's FTS statement, and the commit.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cached, type DB } from '../../src/main/core/store/db';
import type { NewFeedback } from '../../src/main/core/store/feedback-write';
import { newId } from '../../src/main/core/store/ids';
import { openEncrypted } from '../../src/main/core/store/open';
import { createGenerator } from '../../src/shared/synthetic';
import type { BenchContext } from '../lib/context';
import { batch, BENCH_SEED } from '../lib/items';
import { openPlainDb } from '../lib/stores';

export const splitParts = ['ids', 'customer', 'feedback row', 'messages', 'tags', 'fts (per batch)', 'commit'] as const;
export type SplitPart = (typeof splitParts)[number];

function timedBatch(db: DB, items: readonly NewFeedback[], now: number, t: Record<SplitPart, number>): void {
  const tags = new Map<string, string>();
  const rowids: number[] = [];
  const lap = (part: SplitPart, from: number): number => {
    const at = performance.now();
    t[part] += at - from;
    return at;
  };
  db.exec('BEGIN');
  for (const item of items) {
    let at = performance.now();
    const id = newId(item.receivedAt);
    const messageIds = item.messages.map((m) => newId(m.sentAt));
    at = lap('ids', at);
    let customer: string | null = null;
    if (item.customer) {
      const c = item.customer;
      const existing = (
        c.email ? cached(db, 'SELECT id FROM customers WHERE email = ?').get(c.email) : cached(db, 'SELECT id FROM customers WHERE email IS NULL AND name = ?').get(c.name)
      ) as { id: string } | undefined;
      if (existing) customer = existing.id;
      else {
        customer = newId(now);
        cached(db, 'INSERT INTO customers (id, name, email, tier, language, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(customer, c.name, c.email, c.tier, c.language, now);
      }
    }
    at = lap('customer', at);
    const inserted = cached(
      db,
      `INSERT INTO feedback (id, source, external_id, content_hash, channel, customer_id, subject, body, product, language,
         status, sentiment, sentiment_source, rating, received_at, updated_at, unread)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ).run(
      id,
      item.source,
      item.externalId,
      item.contentHash,
      item.channel,
      customer,
      item.subject,
      item.body,
      item.product,
      item.language,
      item.status,
      item.sentiment,
      item.sentimentSource,
      item.rating,
      item.receivedAt,
      now,
      item.unread ? 1 : 0,
    );
    at = lap('feedback row', at);
    if (inserted.changes === 0) continue;
    rowids.push(Number(inserted.lastInsertRowid));
    item.messages.forEach((m, i) => {
      cached(db, 'INSERT INTO messages (id, feedback_id, direction, author, body, sent_at) VALUES (?, ?, ?, ?, ?, ?)').run(messageIds[i], id, m.direction, m.author, m.body, m.sentAt);
    });
    at = lap('messages', at);
    for (const tag of item.tags) {
      let tagId = tags.get(tag.name.toLowerCase());
      if (!tagId) {
        cached(db, 'INSERT INTO tags (id, name, kind, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO NOTHING').run(newId(now), tag.name, 'topic', now);
        tagId = (cached(db, 'SELECT id FROM tags WHERE name = ?').get(tag.name) as { id: string }).id;
        tags.set(tag.name.toLowerCase(), tagId);
      }
      cached(db, 'INSERT INTO feedback_tags (feedback_id, tag_id, source, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(id, tagId, tag.source, now);
    }
    lap('tags', at);
  }
  let at = performance.now();
  if (rowids.length > 0) {
    cached(
      db,
      `INSERT INTO feedback_fts(rowid, subject, body, customer_name)
       SELECT rowid, subject, body, customer_name FROM feedback_search_source WHERE rowid IN (SELECT value FROM json_each(?))`,
    ).run(JSON.stringify(rowids));
  }
  at = lap('fts (per batch)', at);
  db.exec('COMMIT');
  lap('commit', at);
}

export interface SplitResult {
  store: 'encrypted' | 'plain';
  items: number;
  microsPerItem: Record<SplitPart, number>;
  totalMicrosPerItem: number;
}

/** µs per item by part, on a copy of the main store and of its plain twin. */
export function runInsertSplit(ctx: BenchContext, plainPath: string | null, items: number): SplitResult[] {
  const main = ctx.main;
  if (!main) return [];
  const out: SplitResult[] = [];
  const gen = createGenerator({ seed: BENCH_SEED + 3, count: items, handles: 0 });
  for (const kind of ['encrypted', 'plain'] as const) {
    const from = kind === 'encrypted' ? main.dbPath : plainPath;
    if (!from) continue;
    const copy = join(ctx.workDir, `exp-split-${kind}.db`);
    for (const suffix of ['', '-wal']) if (existsSync(from + suffix)) copyFileSync(from + suffix, copy + suffix);
    const db = kind === 'encrypted' ? openEncrypted(copy, { keyHex: main.keyHex }) : openPlainDb(copy);
    try {
      const t = Object.fromEntries(splitParts.map((p) => [p, 0])) as Record<SplitPart, number>;
      for (let i = 0; i < items; i += ctx.args.batchSize) timedBatch(db, batch(gen, i, Math.min(items, i + ctx.args.batchSize)), gen.end, t);
      const micros = Object.fromEntries(splitParts.map((p) => [p, Math.round((t[p] * 1000 * 10) / items) / 10])) as Record<SplitPart, number>;
      out.push({ store: kind, items, microsPerItem: micros, totalMicrosPerItem: Math.round(Object.values(micros).reduce((a, b) => a + b, 0)) });
    } finally {
      db.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
    }
  }
  return out;
}
