/**
 * Profiling help: a second connection to the encrypted store that records the SQL the
 * repositories run (expanded, with the bound values), so a slow query can be shown with
 * its EXPLAIN QUERY PLAN and timed without the core's validation around it.
 */
import { Database, type DB } from '../../src/main/core/store/db';
import { applyCipher, STORE_CIPHER } from '../../src/main/core/store/open';
import type { BenchStore } from './stores';

export interface TracedDb {
  db: DB;
  /** SQL statements run since the last take(), EXPLAINs excluded. */
  take(): string[];
  close(): void;
}

/** Opened with the same pragmas, in the same order, as store/open.ts. */
export function openTraced(store: BenchStore): TracedDb {
  let seen: string[] = [];
  const db = new Database(store.dbPath, {
    fileMustExist: true,
    verbose: (sql: unknown) => {
      if (typeof sql === 'string' && !/^\s*EXPLAIN/i.test(sql) && !/^\s*PRAGMA/i.test(sql)) seen.push(sql);
    },
  });
  applyCipher(db, STORE_CIPHER);
  db.pragma(`key="x'${store.keyHex}'"`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return {
    db,
    take() {
      const out = seen;
      seen = [];
      return out;
    },
    close: () => db.close(),
  };
}

/** Each statement with its plan (a list call runs two: the page's keys, then its rows). */
export function explainAll(db: DB, statements: readonly string[]): { sql: string; plan: string[] }[] {
  return statements.map((sql) => ({ sql: sql.replace(/\s+/g, ' ').slice(0, 400), plan: explain(db, sql) }));
}

/** EXPLAIN QUERY PLAN as indented lines. */
export function explain(db: DB, sql: string): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { id: number; parent: number; detail: string }[];
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? -1) + 1;
    depth.set(r.id, d);
    return `${'  '.repeat(d)}${r.detail}`;
  });
}
