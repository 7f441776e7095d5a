import type { Executor } from "./repositories/executor.ts";

/**
 * The unit of work, Kysely's way: `fn` runs in a transaction on `db`. When `db` already is a
 * transaction (services made over one by createServices), `fn` joins it, so everything commits or
 * rolls back together; otherwise a transaction is opened and committed here.
 */
export function inTransaction<T>(db: Executor, fn: (tx: Executor) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}
