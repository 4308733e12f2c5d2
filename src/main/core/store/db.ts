import Database from 'better-sqlite3-multiple-ciphers';

/** A connection to an unlocked, migrated store. */
export type DB = Database.Database;
export type Statement = Database.Statement;
export { Database };

const statementCache = new WeakMap<DB, Map<string, Statement>>();

/**
 * Prepared statements are compiled once per connection and reused: repositories call
 * this with their SQL text instead of holding statements themselves.
 */
export function cached(db: DB, sql: string): Statement {
  let perDb = statementCache.get(db);
  if (!perDb) {
    perDb = new Map();
    statementCache.set(db, perDb);
  }
  let stmt = perDb.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    perDb.set(sql, stmt);
  }
  return stmt;
}
