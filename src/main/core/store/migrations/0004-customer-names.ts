import type { DB } from '../db';

/**
 * Customers known only by a name or handle (chats, social posts) are matched by name on
 * import; without this index each import row scanned the whole customers table.
 */
export function up(db: DB): void {
  db.exec('CREATE INDEX customers_by_name_without_email ON customers(name) WHERE email IS NULL');
}
