import Database from 'better-sqlite3-multiple-ciphers';

/** A connection to an unlocked, migrated store. */
export type DB = Database.Database;
export type Statement = Database.Statement;
export { Database };

/** Per connection: its compiled statements, and the calls that want to know which ran. */
interface Connection {
  readonly statements: Map<string, Statement>;
  /** Usually empty or one; a Set per handler call in flight (see recordStatements). */
  readonly recorders: Set<string>[];
}

const connections = new WeakMap<DB, Connection>();

function connection(db: DB): Connection {
  let found = connections.get(db);
  if (!found) {
    found = { statements: new Map(), recorders: [] };
    connections.set(db, found);
  }
  return found;
}

/**
 * Prepared statements are compiled once per connection and reused: repositories call
 * this with their SQL text instead of holding statements themselves.
 */
export function cached(db: DB, sql: string): Statement {
  const conn = connection(db);
  let stmt = conn.statements.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    conn.statements.set(sql, stmt);
  }
  // Only the SQL text is kept, never the values bound to it, and no closure per row: a
  // Set.add of a string whose hash the Map lookup above has just computed.
  const { recorders } = conn;
  for (let i = 0; i < recorders.length; i++) recorders[i]!.add(sql);
  return stmt;
}

/**
 * Notes the SQL text of every cached statement fetched on db until the returned function
 * is called, which hands back the texts in first-use order. Calls that overlap (an async
 * handler awaiting while another runs) each see the other's statements too: a slow-call
 * log may list a few extra plans, never fewer.
 */
export function recordStatements(db: DB): () => ReadonlySet<string> {
  const { recorders } = connection(db);
  const seen = new Set<string>();
  recorders.push(seen);
  return () => {
    const at = recorders.indexOf(seen);
    if (at >= 0) recorders.splice(at, 1);
    return seen;
  };
}

/**
 * The plan SQLite chooses for sql, one line per step, indented under its parent as the
 * sqlite3 shell shows it. Every parameter is bound to NULL: the plan is what matters,
 * and no value a caller used is ever read here.
 */
export function explainQueryPlan(db: DB, sql: string): string[] {
  try {
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...nullArguments(sql)) as { id: number; parent: number; detail: string }[];
    const depth = new Map<number, number>([[0, -1]]);
    return rows.map((r) => {
      const d = (depth.get(r.parent) ?? -1) + 1;
      depth.set(r.id, d);
      return `${'  '.repeat(d)}${r.detail}`;
    });
  } catch (error) {
    return [`(no plan: ${error instanceof Error ? error.message : String(error)})`];
  }
}

/** NULL for each `?`, and an object of NULLs for named parameters, skipping quoted text and comments. */
export function nullArguments(sql: string): unknown[] {
  let anonymous = 0;
  const named: Record<string, null> = {};
  let hasNamed = false;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"' || c === '`' || c === '[') {
      const end = sql.indexOf(c === '[' ? ']' : c, i + 1);
      if (end < 0) break;
      i = end;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      if (end < 0) break;
      i = end;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) break;
      i = end + 1;
    } else if (c === '?') {
      anonymous++;
    } else if (c === ':' || c === '@' || c === '$') {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))?.[0];
      if (name) {
        named[name] = null;
        hasNamed = true;
        i += name.length;
      }
    }
  }
  const args: unknown[] = new Array<null>(anonymous).fill(null);
  if (hasNamed) args.push(named);
  return args;
}
