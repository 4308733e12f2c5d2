import { describe, expect, it } from 'vitest';
import { Database, type DB } from '../../src/main/core/store/db';
import { migrate, schemaVersion, type Migration } from '../../src/main/core/store/migrate';
import { migrations } from '../../src/main/core/store/migrations';
import { listJobs, markInterruptedJobs, recordJobEnd, recordJobProgress, recordJobStart } from '../../src/main/core/store/jobs-repo';

function memory(): DB {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
}

const tables = (db: DB): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'feedback_fts_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('the migration runner', () => {
  it('numbers migrations 1..N with no gaps, in file order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations.map((m) => m.name)).toEqual([...migrations.map((m) => m.name)].sort());
    for (const m of migrations) expect(m.name.startsWith(String(m.version).padStart(4, '0'))).toBe(true);
  });

  it('applies pending migrations in order and records user_version', () => {
    const seen: number[] = [];
    const tracked: Migration[] = migrations.map((m) => ({ ...m, up: (db) => (seen.push(m.version), m.up(db)) }));
    const db = memory();
    expect(migrate(db, tracked, 1)).toEqual({ from: 0, to: 1 });
    expect(migrate(db, tracked)).toEqual({ from: 1, to: migrations.length });
    expect(seen).toEqual(migrations.map((m) => m.version));
    expect(migrate(db, tracked)).toEqual({ from: migrations.length, to: migrations.length });
    expect(seen).toHaveLength(migrations.length);
  });

  it('rolls back every step of a failed run', () => {
    const db = memory();
    const broken: Migration[] = [...migrations, { version: migrations.length + 1, name: 'broken', up: (d) => d.exec('CREATE TABLE half(x); SELECT * FROM nowhere') }];
    expect(() => migrate(db, broken)).toThrow(/nowhere/);
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
  });

  it('refuses an out-of-order list', () => {
    const db = memory();
    const shuffled = [migrations[1]!, migrations[0]!];
    expect(() => migrate(db, shuffled)).toThrow(/out of order/);
    expect(schemaVersion(db)).toBe(0);
  });

  it('refuses a database from a newer Hearken and changes nothing', () => {
    const db = memory();
    migrate(db, migrations);
    db.pragma(`user_version = ${migrations.length + 5}`);
    const before = tables(db);
    expect(() => migrate(db, migrations)).toThrow(expect.objectContaining({ code: 'NEWER_SCHEMA' }));
    expect(schemaVersion(db)).toBe(migrations.length + 5);
    expect(tables(db)).toEqual(before);
  });
});

describe('0001-initial', () => {
  it('creates the first tables as STRICT tables', () => {
    const db = memory();
    migrate(db, migrations, 1);
    expect(tables(db)).toEqual(['audit_events', 'customers', 'feedback', 'feedback_tags', 'messages', 'settings', 'tags']);
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1 ORDER BY name").all() as { name: string }[];
    expect(strict.map((r) => r.name)).toEqual(['audit_events', 'customers', 'feedback', 'feedback_tags', 'messages', 'settings', 'tags']);
    expect(() => db.prepare("INSERT INTO feedback (id, source, content_hash, channel, body, received_at, updated_at) VALUES ('a', 's', 'h', 'fax', 'b', 1, 1)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO feedback (id, source, content_hash, channel, body, received_at, updated_at) VALUES ('a', 's', 'h', 'email', 'b', 'soon', 1)").run()).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
  });
});

describe('0002-search', () => {
  it('indexes rows written before it and keeps new ones in sync', () => {
    const db = memory();
    migrate(db, migrations, 1);
    db.exec(`
      INSERT INTO customers (id, name, email, tier, created_at) VALUES ('c1', 'Ingrid Olsen', 'ingrid@example.com', 'vip', 1);
      INSERT INTO feedback (id, source, content_hash, channel, customer_id, subject, body, received_at, updated_at)
        VALUES ('f1', 'test', 'h1', 'email', 'c1', 'Refund request', 'The parcel arrived broken', 10, 10);
    `);
    migrate(db, migrations, 2);
    const search = (q: string): string[] =>
      (db.prepare('SELECT f.id FROM feedback_fts JOIN feedback f ON f.rowid = feedback_fts.rowid WHERE feedback_fts MATCH ? ORDER BY bm25(feedback_fts)').all(q) as { id: string }[]).map(
        (r) => r.id,
      );
    expect(search('parcel')).toEqual(['f1']);
    expect(search('ingrid')).toEqual(['f1']);
    expect(search('ref*')).toEqual(['f1']);

    db.exec("INSERT INTO feedback (id, source, content_hash, channel, subject, body, received_at, updated_at) VALUES ('f2', 'test', 'h2', 'chat', NULL, 'Die Lieferung ist verspätet', 20, 20)");
    expect(search('verspatet')).toEqual(['f2']); // diacritics folded
    db.exec("UPDATE feedback SET body = 'Everything fine now' WHERE id = 'f1'");
    expect(search('parcel')).toEqual([]);
    expect(search('fine')).toEqual(['f1']);
    db.exec("UPDATE customers SET name = 'Ingrid Berg' WHERE id = 'c1'");
    expect(search('olsen')).toEqual([]);
    expect(search('berg')).toEqual(['f1']);
    db.exec("DELETE FROM feedback WHERE id = 'f2'");
    expect(search('lieferung')).toEqual([]);
    expect(() => db.prepare("INSERT INTO feedback_fts(feedback_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
  });
});

describe('0003-views', () => {
  it('adds saved views and the flag indexes, keeping existing rows', () => {
    const db = memory();
    migrate(db, migrations, 2);
    db.exec(`INSERT INTO feedback (id, source, content_hash, channel, body, received_at, updated_at, unread) VALUES ('f1', 't', 'h', 'chat', 'hi', 1, 1, 1)`);
    migrate(db, migrations, 3);
    expect(tables(db)).toContain('saved_views');
    const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT id FROM feedback WHERE unread = 1 ORDER BY received_at DESC, id DESC').all() as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan).toMatch(/feedback_unread/);
    expect(db.prepare('SELECT id FROM feedback').all()).toEqual([{ id: 'f1' }]);
    db.prepare("INSERT INTO saved_views (id, name, filter, position, created_at, updated_at) VALUES ('v1', 'Mine', '{}', 1, 1, 1)").run();
    expect(() => db.prepare("INSERT INTO saved_views (id, name, filter, position, created_at, updated_at) VALUES ('v2', 'MINE', '{}', 2, 1, 1)").run()).toThrow(/UNIQUE/);
  });
});

describe('0004-customer-names', () => {
  it('lets an import find a name-only customer by index', () => {
    const db = memory();
    migrate(db, migrations, 3);
    db.exec("INSERT INTO customers (id, name, email, tier, created_at) VALUES ('c1', '@sam', NULL, 'standard', 1)");
    migrate(db, migrations, 4);
    const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT id FROM customers WHERE email IS NULL AND name = ?').all('@sam') as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan).toMatch(/customers_by_name_without_email/);
    expect(db.prepare('SELECT id FROM customers WHERE email IS NULL AND name = ?').get('@sam')).toEqual({ id: 'c1' });
  });
});

describe('0005-fts-batch-index', () => {
  it('drops the per-row insert trigger; a batch insert indexes its rows itself', async () => {
    const { insertFeedbackBatch } = await import('../../src/main/core/store/feedback-write');
    const db = memory();
    migrate(db, migrations, 4);
    db.exec("INSERT INTO feedback (id, source, content_hash, channel, body, received_at, updated_at) VALUES ('f1', 't', 'h1', 'chat', 'old parcel', 1, 1)");
    migrate(db, migrations, 5);
    const triggers = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(triggers).toEqual(['customers_fts_rename', 'feedback_fts_delete', 'feedback_fts_update']);
    // Today's insertFeedbackBatch writes to tables of later migrations too.
    migrate(db, migrations);
    insertFeedbackBatch(
      db,
      [1, 2].map((i) => ({
        source: 't', externalId: `e${i}`, contentHash: `n${i}`, channel: 'email' as const, customer: { name: 'Zoë Quill', email: null, tier: 'standard' as const, language: 'en' },
        subject: `Subject ${i}`, body: `fresh parcel ${i}`, product: null, language: 'en', status: 'open' as const, sentiment: null, sentimentSource: null,
        rating: null, receivedAt: 10 + i, unread: true, tags: [], messages: [],
      })),
      20,
    );
    const hits = (q: string): number => (db.prepare('SELECT count(*) AS n FROM feedback_fts WHERE feedback_fts MATCH ?').get(q) as { n: number }).n;
    expect(hits('parcel')).toBe(3);
    expect(hits('fresh')).toBe(2);
    expect(hits('quill')).toBe(2);
    expect(() => db.prepare("INSERT INTO feedback_fts(feedback_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
  });
});

describe('0006-store-speed', () => {
  it('keys content hashes by time, rebuilds search with 3-letter prefixes, and indexes assignees', () => {
    const db = memory();
    migrate(db, migrations, 5);
    db.exec(`INSERT INTO customers (id, name, email, tier, created_at) VALUES ('c1', 'Ada Vance', 'ada@example.com', 'vip', 1);
      INSERT INTO feedback (id, source, content_hash, channel, customer_id, body, received_at, updated_at, assignee) VALUES
        ('f1', 't', 'h1', 'chat', 'c1', 'refund please', 1, 1, 'Rosa'),
        ('f2', 't', 'h2', 'chat', NULL, 'delivery late', 2, 2, NULL);
      INSERT INTO feedback_fts(feedback_fts) VALUES ('rebuild');`);
    migrate(db, migrations, 6);
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'feedback'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['feedback_by_time_hash', 'feedback_by_assignee']));
    expect(indexes).not.toContain('feedback_by_hash');
    // Same hash and time: still refused.
    expect(() => db.exec("INSERT INTO feedback (id, source, content_hash, channel, body, received_at, updated_at) VALUES ('f3', 'u', 'h1', 'chat', 'x', 1, 1)")).toThrow(/UNIQUE/);
    const hits = (q: string): string[] =>
      (db.prepare('SELECT f.id FROM feedback_fts JOIN feedback f ON f.rowid = feedback_fts.rowid WHERE feedback_fts MATCH ? ORDER BY f.id').all(q) as { id: string }[]).map((r) => r.id);
    expect(hits('ref*')).toEqual(['f1']);
    expect(hits('ada')).toEqual(['f1']);
    expect(hits('late')).toEqual(['f2']);
    expect((db.prepare("SELECT sql FROM sqlite_master WHERE name = 'feedback_fts'").get() as { sql: string }).sql).toMatch(/prefix = '3'/);
    expect(() => db.prepare("INSERT INTO feedback_fts(feedback_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT DISTINCT assignee FROM feedback WHERE assignee IS NOT NULL").all() as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan).toMatch(/feedback_by_assignee/);
  });
});

describe('0007-imports', () => {
  it('adds saved mappings and import reports, keeping existing rows', () => {
    const db = memory();
    migrate(db, migrations, 6);
    db.exec(`INSERT INTO feedback (id, source, content_hash, channel, body, received_at, updated_at, unread) VALUES ('f1', 't', 'h', 'chat', 'hi', 1, 1, 1)`);
    migrate(db, migrations, 7);
    expect(tables(db)).toEqual(expect.arrayContaining(['import_mappings', 'import_runs']));
    expect(db.prepare('SELECT id FROM feedback').all()).toEqual([{ id: 'f1' }]);
    const insertMapping = db.prepare('INSERT INTO import_mappings (format, columns_key, mapping, updated_at) VALUES (?, ?, ?, 1)');
    insertMapping.run('csv', '["body","date"]', '{}');
    insertMapping.run('tsv', '["body","date"]', '{}');
    expect(() => insertMapping.run('csv', '["body","date"]', '{}')).toThrow(/UNIQUE/);
    const insertRun = db.prepare(
      `INSERT INTO import_runs (id, file_name, format, state, read, imported, duplicates, failed, started_at, finished_at, rows_per_s, error, problems, problems_total)
       VALUES (?, 'a.csv', 'csv', ?, 3, 2, 1, 0, 1, 2, 1.5, NULL, '[]', 1)`,
    );
    insertRun.run('r1', 'done');
    expect(() => insertRun.run('r2', 'exploded')).toThrow(/CHECK/);
  });
});

describe('0008-vip-and-counts', () => {
  it('flags VIP items, seeds live counts from existing rows and keeps both through updates and deletes', () => {
    const db = memory();
    migrate(db, migrations, 7);
    db.exec(`INSERT INTO customers (id, name, email, tier, created_at) VALUES ('c1', 'Ada', 'ada@example.com', 'vip', 1), ('c2', 'Bo', 'bo@example.com', 'standard', 1);
      INSERT INTO feedback (id, source, content_hash, channel, customer_id, body, status, unread, escalated, received_at, updated_at) VALUES
      ('f1', 't', 'h1', 'chat', 'c1', 'a', 'open', 1, 0, 1, 1), ('f2', 't', 'h2', 'chat', 'c2', 'b', 'open', 1, 0, 2, 2), ('f3', 't', 'h3', 'chat', NULL, 'c', 'closed', 0, 1, 3, 3);
      INSERT INTO feedback_fts(feedback_fts) VALUES ('rebuild');`);
    migrate(db, migrations, 8);
    const vips = (): unknown => db.prepare('SELECT id FROM feedback WHERE vip = 1 ORDER BY id').all();
    const counts = (): unknown => db.prepare('SELECT status, unread, escalated, vip, n FROM feedback_counts WHERE n > 0 ORDER BY status, unread, vip').all();
    expect(vips()).toEqual([{ id: 'f1' }]);
    expect(counts()).toEqual([
      { status: 'closed', unread: 0, escalated: 1, vip: 0, n: 1 },
      { status: 'open', unread: 1, escalated: 0, vip: 0, n: 1 },
      { status: 'open', unread: 1, escalated: 0, vip: 1, n: 1 },
    ]);
    db.exec("UPDATE customers SET tier = 'vip' WHERE id = 'c2'; UPDATE customers SET tier = 'premium' WHERE id = 'c1'; UPDATE feedback SET customer_id = 'c2' WHERE id = 'f3'");
    expect(vips()).toEqual([{ id: 'f2' }, { id: 'f3' }]);
    db.exec("UPDATE feedback SET status = 'pending', unread = 0, escalated = 1 WHERE id = 'f1'; DELETE FROM feedback WHERE id = 'f3'");
    expect(counts()).toEqual([
      { status: 'open', unread: 1, escalated: 0, vip: 1, n: 1 },
      { status: 'pending', unread: 0, escalated: 1, vip: 0, n: 1 },
    ]);
    const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT id FROM feedback WHERE vip = 1 ORDER BY received_at DESC, id DESC').all() as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan).toMatch(/feedback_vip/);
  });
});

describe('0009-analysis', () => {
  it('adds the analysis columns, keeps existing rows and checks the urgency level', () => {
    const db = memory();
    migrate(db, migrations, 8);
    db.exec(`INSERT INTO feedback (id, source, content_hash, channel, body, status, sentiment, sentiment_source, received_at, updated_at)
      VALUES ('f1', 't', 'h1', 'chat', 'still waiting', 'open', 'negative', 'human', 1, 1)`);
    const before = db.prepare('SELECT id, body, sentiment, sentiment_source FROM feedback').all();
    migrate(db, migrations, 9);
    expect(db.prepare('SELECT id, body, sentiment, sentiment_source FROM feedback').all()).toEqual(before);
    expect(db.prepare('SELECT sentiment_cues, urgency, urgency_reasons, analyzed_at, analysis_version FROM feedback').get()).toEqual({
      sentiment_cues: null,
      urgency: null,
      urgency_reasons: null,
      analyzed_at: null,
      analysis_version: null,
    });
    db.exec(`UPDATE feedback SET urgency = 'urgent', urgency_reasons = '["legal threat"]', sentiment_cues = '[]', analyzed_at = 2, analysis_version = 1`);
    expect(() => db.exec("UPDATE feedback SET urgency = 'whenever'")).toThrow(/CHECK/);
    // Analysis updates touch neither the search index nor the live counts.
    const triggers = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger'").all() as { sql: string }[]).map((r) => r.sql).join('\n');
    expect(triggers).not.toMatch(/urgency|sentiment_cues|analyzed_at/);
  });
});

describe('0010-replies', () => {
  it('indexes existing sent replies by the text they answered, and keeps template search in step', () => {
    const db = memory();
    migrate(db, migrations, 9);
    db.exec(`INSERT INTO feedback (id, source, content_hash, channel, subject, body, status, received_at, updated_at)
      VALUES ('f1', 't', 'h1', 'email', 'Refund please', 'my headphones came back broken', 'replied', 1, 1)`);
    db.exec(`INSERT INTO messages (id, feedback_id, direction, author, body, sent_at) VALUES
      ('m1', 'f1', 'in', 'A', 'my headphones came back broken', 1),
      ('m2', 'f1', 'out', 'B', 'Refund issued.', 2),
      ('m3', 'f1', 'note', 'B', 'internal', 3)`);
    migrate(db, migrations, 10);
    const outRowid = (db.prepare("SELECT rowid FROM messages WHERE id = 'm2'").get() as { rowid: number }).rowid;
    const hits = (q: string) => (db.prepare('SELECT rowid FROM reply_fts WHERE reply_fts MATCH ?').all(q) as { rowid: number }[]).map((r) => r.rowid);
    // Only the reply, found by the customer's words in another form (porter: "headphone").
    expect(hits('headphone')).toEqual([outRowid]);
    expect(hits('refunds')).toEqual([outRowid]);
    db.exec("DELETE FROM messages WHERE id = 'm2'");
    expect(hits('headphone')).toEqual([]);

    const find = (q: string) => (db.prepare('SELECT t.name FROM templates_fts JOIN templates t ON t.rowid = templates_fts.rowid WHERE templates_fts MATCH ?').all(q) as { name: string }[]).map((r) => r.name);
    db.exec(`INSERT INTO templates (id, name, language, topics, keywords, body, created_at, updated_at) VALUES ('t1', 'Late parcel', 'en', '["delivery"]', 'tracking', 'Sorry it is late', 1, 1)`);
    expect(find('delivery')).toEqual(['Late parcel']);
    expect(find('tracking')).toEqual(['Late parcel']);
    db.exec(`UPDATE templates SET keywords = 'courier', topics = '[]' WHERE id = 't1'`);
    expect(find('tracking')).toEqual([]);
    expect(find('delivery')).toEqual([]);
    expect(find('courier')).toEqual(['Late parcel']);
    db.exec(`DELETE FROM templates WHERE id = 't1'`);
    expect(find('courier')).toEqual([]);
    expect(() => db.exec(`INSERT INTO templates (id, name, body, created_at, updated_at) VALUES ('t2', 'A', 'x', 1, 1), ('t3', 'a', 'y', 1, 1)`)).toThrow(/UNIQUE/);
    expect(() => db.exec(`INSERT INTO reply_outcomes (id, feedback_id, outcome, created_at) VALUES ('o1', 'f1', 'maybe', 1)`)).toThrow(/CHECK/);
  });
});

describe('0011-taxonomy', () => {
  it('adds topics with unique names regardless of case, and topic rejections tied to their item and tag', () => {
    const db = memory();
    migrate(db, migrations, 10);
    db.exec(`INSERT INTO feedback (id, source, content_hash, channel, body, status, received_at, updated_at) VALUES ('f1', 't', 'h1', 'email', 'b', 'open', 1, 1)`);
    db.exec(`INSERT INTO tags (id, name, kind, created_at) VALUES ('t1', 'audio', 'topic', 1)`);
    migrate(db, migrations, 11);
    db.exec(`INSERT INTO topics (id, name, keywords, position, created_at, updated_at) VALUES ('p1', 'Audio', '["headphones"]', 1, 1, 1)`);
    expect(() => db.exec(`INSERT INTO topics (id, name, position, created_at, updated_at) VALUES ('p2', 'audio', 2, 1, 1)`)).toThrow(/UNIQUE/);
    db.exec(`INSERT INTO feedback_tag_rejections (feedback_id, tag_id, source, created_at) VALUES ('f1', 't1', 'local', 1)`);
    expect(() => db.exec(`INSERT INTO feedback_tag_rejections (feedback_id, tag_id, source, created_at) VALUES ('nope', 't1', 'local', 1)`)).toThrow(/FOREIGN KEY/);
    db.exec(`DELETE FROM tags WHERE id = 't1'`);
    expect(db.prepare('SELECT count(*) AS n FROM feedback_tag_rejections').get()).toEqual({ n: 0 });
  });
});

describe('0012-jobs', () => {
  it('adds the jobs table, keeps existing rows, checks the state and lets the repository find running and interrupted jobs', () => {
    const db = memory();
    migrate(db, migrations, 11);
    db.exec(`INSERT INTO feedback (id, source, content_hash, channel, body, status, received_at, updated_at) VALUES ('f1', 't', 'h1', 'email', 'b', 'open', 1, 1)`);
    migrate(db, migrations, 12);
    expect(db.prepare('SELECT id FROM feedback').all()).toEqual([{ id: 'f1' }]);
    recordJobStart(db, { id: 'j1', kind: 'import', actor: 'system', params: { fileName: 'a.csv' }, startedAt: 5 });
    recordJobStart(db, { id: 'j2', kind: 'analysis', actor: 'system', params: {}, startedAt: 6 });
    recordJobEnd(db, 'j2', { state: 'done', progress: { done: 3 }, error: null, finishedAt: 7 });
    expect(() => db.exec(`INSERT INTO jobs (id, kind, state, actor, started_at) VALUES ('j3', 'import', 'exploded', 'system', 1)`)).toThrow(/CHECK/);
    expect(markInterruptedJobs(db, 9)).toEqual([{ id: 'j1', kind: 'import', actor: 'system', state: 'interrupted', startedAt: 5, params: { fileName: 'a.csv' }, progress: null }]);
    expect(listJobs(db).map((j) => [j.id, j.state])).toEqual([
      ['j2', 'done'],
      ['j1', 'interrupted'],
    ]);
    expect(markInterruptedJobs(db, 10)).toEqual([]);
  });
});

describe('0013-import-interrupted', () => {
  it("rebuilds import_runs with its rows and index, now allowing 'interrupted'; the repository keeps a job's progress and leaves kinds it is told to keep", () => {
    const db = memory();
    migrate(db, migrations, 12);
    const run = (id: string, state: string): string =>
      `INSERT INTO import_runs (id, file_name, format, state, read, imported, duplicates, failed, started_at, finished_at, rows_per_s, error, problems, problems_total) VALUES ('${id}', 'a.csv', 'csv', '${state}', 3, 2, 1, 0, 1, 2, 1.5, NULL, '[]', 1)`;
    db.exec(run('r1', 'done'));
    expect(() => db.exec(run('r2', 'interrupted'))).toThrow(/CHECK/);
    migrate(db, migrations, 13);
    expect(db.prepare('SELECT id, state, read, imported, duplicates, rows_per_s AS r FROM import_runs').all()).toEqual([{ id: 'r1', state: 'done', read: 3, imported: 2, duplicates: 1, r: 1.5 }]);
    db.exec(run('r2', 'interrupted'));
    expect(() => db.exec(run('r3', 'exploded'))).toThrow(/CHECK/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'import_runs' AND name NOT LIKE 'sqlite_%'").all()).toEqual([{ name: 'import_runs_by_start' }]);

    recordJobStart(db, { id: 'j1', kind: 'import', actor: 'system', params: { fileName: 'a.csv', format: 'csv' }, startedAt: 5 });
    recordJobStart(db, { id: 'j2', kind: 'analysis', actor: 'system', params: {}, startedAt: 6 });
    recordJobProgress(db, 'j1', { counts: { read: 10, imported: 9, duplicates: 1, failed: 0 }, at: 8 });
    expect(markInterruptedJobs(db, 9, ['import'])).toEqual([{ id: 'j2', kind: 'analysis', actor: 'system', state: 'interrupted', startedAt: 6, params: {}, progress: null }]);
    expect(markInterruptedJobs(db, 10)).toEqual([
      { id: 'j1', kind: 'import', actor: 'system', state: 'interrupted', startedAt: 5, params: { fileName: 'a.csv', format: 'csv' }, progress: { counts: { read: 10, imported: 9, duplicates: 1, failed: 0 }, at: 8 } },
    ]);
  });
});

describe('0014-escalation', () => {
  it('keeps items and adds targets, escalations (one open per item), rules and their matches, priority and deadline columns, status history, breaches and the outbound log', () => {
    const db = memory();
    migrate(db, migrations, 13);
    db.exec(`INSERT INTO feedback (id, source, content_hash, channel, body, status, received_at, updated_at) VALUES ('f1', 't', 'h1', 'email', 'b', 'open', 1, 1), ('f2', 't', 'h2', 'chat', 'c', 'resolved', 2, 2)`);
    const before = db.prepare('SELECT id, status, received_at FROM feedback ORDER BY id').all();
    migrate(db, migrations, 14);
    expect(db.prepare('SELECT id, status, received_at FROM feedback ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT id, priority, priority_source, sla_due_at, sla_clock FROM feedback ORDER BY id').all()).toEqual([
      { id: 'f1', priority: null, priority_source: null, sla_due_at: null, sla_clock: null },
      { id: 'f2', priority: null, priority_source: null, sla_due_at: null, sla_clock: null },
    ]);
    expect(() => db.exec(`UPDATE feedback SET priority = 'critical' WHERE id = 'f1'`)).toThrow(/CHECK/);

    db.exec(`INSERT INTO escalation_targets (id, name, position, created_at, updated_at) VALUES ('t1', 'Billing', 0, 1, 1), ('t2', 'Legal', 1, 1, 1)`);
    expect(() => db.exec(`INSERT INTO escalation_targets (id, name, position, created_at, updated_at) VALUES ('t3', 'billing', 2, 1, 1)`)).toThrow(/UNIQUE/);
    const escalation = (id: string, feedback: string, state: string): string =>
      `INSERT INTO escalations (id, feedback_id, target_id, reason, priority, state, source, actor, created_at) VALUES ('${id}', '${feedback}', 't1', 'r', 'high', '${state}', 'person', 'agent', 5)`;
    db.exec(escalation('e1', 'f1', 'open'));
    expect(() => db.exec(escalation('e2', 'f1', 'open'))).toThrow(/UNIQUE/);
    db.exec(escalation('e2', 'f1', 'resolved'));
    expect(() => db.exec(escalation('e3', 'f1', 'lost'))).toThrow(/CHECK/);
    expect(() => db.exec(escalation('e3', 'nope', 'resolved'))).toThrow(/FOREIGN KEY/);

    db.exec(`INSERT INTO rules (id, name, enabled, definition, position, shipped_key, created_at, updated_at) VALUES ('r1', 'Legal threat', 1, '{}', 0, 'legal-threat', 1, 1)`);
    db.exec(`INSERT INTO rule_matches (feedback_id, rule_id, explanation, matched_at) VALUES ('f1', 'r1', 'lawyer', 5), ('f2', 'r1', 'lawyer', 5)`);
    db.exec(`DELETE FROM rules WHERE id = 'r1'`);
    expect(db.prepare('SELECT count(*) AS n FROM rule_matches').get()).toEqual({ n: 0 });

    db.exec(`INSERT INTO status_changes (feedback_id, at, status) VALUES ('f1', 1, 'open'), ('f1', 3, 'pending')`);
    expect(() => db.exec(`INSERT INTO status_changes (feedback_id, at, status) VALUES ('f1', 4, 'snoozed')`)).toThrow(/CHECK/);
    db.exec(`INSERT INTO sla_breaches (feedback_id, clock, due_at, logged_at) VALUES ('f1', 'first-response', 10, 11)`);
    expect(() => db.exec(`INSERT INTO sla_breaches (feedback_id, clock, due_at, logged_at) VALUES ('f1', 'first-response', 10, 12)`)).toThrow(/UNIQUE|PRIMARY/);
    db.exec(`INSERT INTO outbound_log (id, at, kind, target, host, payload, outcome, status, error, latency_ms) VALUES ('o1', 1, 'webhook', 'Billing', 'hooks.example.com', '{}', 'sent', 200, NULL, 12)`);
    expect(() => db.exec(`INSERT INTO outbound_log (id, at, kind, target, host, payload, outcome, latency_ms) VALUES ('o2', 1, 'email', 'Billing', 'h', '{}', 'sent', 1)`)).toThrow(/CHECK/);

    db.exec(`UPDATE feedback SET sla_due_at = 100, sla_clock = 'first-response' WHERE id = 'f1'`);
    const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT id FROM feedback WHERE sla_due_at <= 200').all() as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan).toContain('feedback_sla_due');
    // Indexed for search as a batch insert would, so the delete trigger finds it there.
    db.exec(`INSERT INTO feedback_fts(rowid, subject, body, customer_name) SELECT rowid, subject, body, customer_name FROM feedback_search_source WHERE rowid = (SELECT rowid FROM feedback WHERE id = 'f1')`);
    db.exec(`DELETE FROM feedback WHERE id = 'f1'`);
    expect(db.prepare('SELECT (SELECT count(*) FROM escalations) AS e, (SELECT count(*) FROM status_changes) AS s, (SELECT count(*) FROM sla_breaches) AS b').get()).toEqual({ e: 0, s: 0, b: 0 });
  });
});

describe('0015-ai', () => {
  it('keeps items and adds the call log, the persistent queue, the cache, triages, drafts, summaries and a searchable knowledge base', () => {
    const db = memory();
    migrate(db, migrations, 14);
    db.exec(`INSERT INTO feedback (id, source, content_hash, channel, body, status, received_at, updated_at) VALUES ('f1', 't', 'h1', 'email', 'b', 'open', 1, 1)`);
    const before = db.prepare('SELECT * FROM feedback').all();
    migrate(db, migrations, 15);
    expect(db.prepare('SELECT * FROM feedback').all()).toEqual(before);

    db.exec(`INSERT INTO ai_calls (id, at, purpose, host, model, request, outcome, latency_ms) VALUES ('c1', 5, 'triage', '127.0.0.1', 'm', '{}', 'ok', 3)`);
    expect(() => db.exec(`INSERT INTO ai_calls (id, at, purpose, host, request, outcome, latency_ms) VALUES ('c2', 5, 'chat', 'h', '{}', 'ok', 3)`)).toThrow(/CHECK/);
    const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT sum(prompt_tokens) FROM ai_calls WHERE at >= 1').all() as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan).toContain('ai_calls_by_time');

    db.exec(`INSERT INTO ai_jobs (id, purpose, feedback_id, state, created_at, updated_at) VALUES ('j1', 'triage', 'f1', 'queued', 1, 1), ('j2', 'summary', NULL, 'waiting', 1, 1)`);
    expect(() => db.exec(`INSERT INTO ai_jobs (id, purpose, state, created_at, updated_at) VALUES ('j3', 'triage', 'paused', 1, 1)`)).toThrow(/CHECK/);
    db.exec(`INSERT INTO ai_cache (purpose, model, input_hash, output, at) VALUES ('triage', 'm', 'h', '{}', 1)`);
    expect(() => db.exec(`INSERT INTO ai_cache (purpose, model, input_hash, output, at) VALUES ('triage', 'm', 'h', '{}', 2)`)).toThrow(/UNIQUE|PRIMARY/);
    db.exec(`INSERT INTO ai_triage (feedback_id, at, model, confidence, answer, state) VALUES ('f1', 1, 'm', 'high', '{}', 'pending')`);
    expect(() => db.exec(`UPDATE ai_triage SET confidence = 'certain'`)).toThrow(/CHECK/);
    db.exec(`INSERT INTO ai_drafts (id, feedback_id, tone, model, state, created_at) VALUES ('d1', 'f1', 'formal', 'm', 'done', 1)`);

    db.exec(`INSERT INTO kb_articles (id, title, body, source_file, created_at, updated_at) VALUES ('k1', 'Refund policy', 'Refunds are issued within 14 days of a return.', 'refunds.md', 1, 1)`);
    expect(() => db.exec(`INSERT INTO kb_articles (id, title, body, source_file, created_at, updated_at) VALUES ('k2', 'x', 'y', 'refunds.md', 1, 1)`)).toThrow(/UNIQUE/);
    const found = (q: string): unknown[] => db.prepare('SELECT a.id FROM kb_fts JOIN kb_articles a ON a.rowid = kb_fts.rowid WHERE kb_fts MATCH ?').all(q);
    expect(found('refunded')).toEqual([{ id: 'k1' }]);
    db.exec(`UPDATE kb_articles SET body = 'Exchanges only.' WHERE id = 'k1'`);
    expect(found('issued')).toEqual([]);
    expect(found('exchanges')).toEqual([{ id: 'k1' }]);

    db.exec(`INSERT INTO feedback_fts(rowid, subject, body, customer_name) SELECT rowid, subject, body, customer_name FROM feedback_search_source WHERE rowid = (SELECT rowid FROM feedback WHERE id = 'f1')`);
    db.exec(`DELETE FROM feedback WHERE id = 'f1'`);
    expect(db.prepare('SELECT (SELECT count(*) FROM ai_jobs) AS j, (SELECT count(*) FROM ai_triage) AS t, (SELECT count(*) FROM ai_drafts) AS d, (SELECT count(*) FROM ai_calls) AS c').get()).toEqual({ j: 1, t: 0, d: 0, c: 1 });
  });
});

describe('0016-report-times', () => {
  it('fills first-response and resolution times from the thread and status history, checks the SLA outcomes and covers the report scan with one index', () => {
    const db = memory();
    migrate(db, migrations, 15);
    db.exec(`
      INSERT INTO feedback (id, source, content_hash, channel, body, status, received_at, updated_at) VALUES
        ('f1', 't', 'h1', 'email', 'b', 'resolved', 100, 900),
        ('f2', 't', 'h2', 'chat', 'b', 'closed', 200, 700),
        ('f3', 't', 'h3', 'chat', 'b', 'open', 300, 300);
      INSERT INTO messages (id, feedback_id, direction, body, sent_at) VALUES
        ('m1', 'f1', 'in', 'q', 100), ('m2', 'f1', 'note', 'n', 110), ('m3', 'f1', 'out', 'a', 150), ('m4', 'f1', 'out', 'b', 400),
        ('m5', 'f3', 'out', 'a', 350);
      INSERT INTO status_changes (feedback_id, at, status) VALUES ('f1', 500, 'resolved'), ('f1', 600, 'open'), ('f1', 800, 'resolved');
    `);
    migrate(db, migrations, 16);
    expect(db.prepare('SELECT id, first_response_at, resolved_at, first_response_bms, sla_first_response FROM feedback ORDER BY id').all()).toEqual([
      { id: 'f1', first_response_at: 150, resolved_at: 800, first_response_bms: null, sla_first_response: null },
      // No history: resolved since its last update.
      { id: 'f2', first_response_at: null, resolved_at: 700, first_response_bms: null, sla_first_response: null },
      { id: 'f3', first_response_at: 350, resolved_at: null, first_response_bms: null, sla_first_response: null },
    ]);
    expect(() => db.exec(`UPDATE feedback SET sla_resolution = 'late' WHERE id = 'f1'`)).toThrow(/CHECK/);
    const plan = (db.prepare(
      `EXPLAIN QUERY PLAN SELECT received_at, channel, sentiment, status, escalated, product, language, assignee, customer_id,
         first_response_at, resolved_at, first_response_bms, resolution_bms, sla_first_response, sla_resolution
       FROM feedback WHERE received_at >= ? AND received_at < ? ORDER BY received_at`,
    ).all(0, 1000) as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan).toContain('COVERING INDEX feedback_report');
  });
});

describe('0017-topic-discovery', () => {
  it('adds the language reason, discovery runs and proposals (checked status, cascading with their run) and keeps items', () => {
    const db = memory();
    migrate(db, migrations, 16);
    db.exec(`INSERT INTO feedback (id, source, content_hash, channel, body, status, received_at, updated_at, language) VALUES ('f1', 't', 'h1', 'email', 'b', 'open', 100, 100, 'de')`);
    migrate(db, migrations, 17);
    expect(db.prepare('SELECT id, language, language_reason FROM feedback').all()).toEqual([{ id: 'f1', language: 'de', language_reason: null }]);
    db.exec(`
      INSERT INTO topic_discovery_runs (id, at, scope, considered, grouped, took_ms) VALUES ('r1', 1, '{"kind":"untagged"}', 10, 6, 5);
      INSERT INTO topic_proposals (id, run_id, name, keywords, size, sample_ids, member_ids) VALUES ('p1', 'r1', 'card delivery', '["card","arrive"]', 6, '["f1"]', '["f1"]');
    `);
    expect(db.prepare('SELECT status, phrases, decided_at FROM topic_proposals').get()).toEqual({ status: 'open', phrases: '[]', decided_at: null });
    expect(() => db.exec(`UPDATE topic_proposals SET status = 'maybe'`)).toThrow(/CHECK/);
    db.exec(`DELETE FROM topic_discovery_runs WHERE id = 'r1'`);
    expect(db.prepare('SELECT count(*) AS n FROM topic_proposals').get()).toEqual({ n: 0 });
  });
});
