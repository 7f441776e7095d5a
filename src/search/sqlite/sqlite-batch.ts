import type { DatabaseSync } from "node:sqlite";
import { retryWhileBusy } from "../../db/dialects/sqlite-busy.ts";

/** How long a batch waits (asynchronously) for another process's write lock before failing. */
const LOCK_WAIT_MS = 60_000;

/**
 * One write transaction of a long job on a raw connection. On its own it starts with
 * `BEGIN IMMEDIATE`, retried asynchronously while another process writes (never a blocking
 * wait); inside a transaction someone else opened it is a savepoint of that transaction.
 */
export function sqliteBatch(db: DatabaseSync, name: string) {
  let own = false;
  let open = false;
  return {
    async begin(): Promise<void> {
      own = !db.isTransaction;
      if (own) await retryWhileBusy(() => db.exec("BEGIN IMMEDIATE"), LOCK_WAIT_MS);
      db.exec(`SAVEPOINT ${name}`);
      open = true;
    },
    commit(): void {
      if (!open) return;
      db.exec(`RELEASE ${name}`);
      if (own) db.exec("COMMIT");
      open = false;
    },
    rollback(): void {
      if (!open) return;
      db.exec(`ROLLBACK TO ${name}`);
      db.exec(`RELEASE ${name}`);
      if (own) db.exec("ROLLBACK");
      open = false;
    },
  };
}
