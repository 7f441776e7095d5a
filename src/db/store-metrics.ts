import type { LogEvent } from "kysely";
import { busyWaits } from "./dialects/sqlite-busy.ts";

/** What the store did since the process started (for /metrics). */
export interface StoreMetrics {
  /** Statements run (including failed ones). */
  queries: number;
  failed: number;
  /** Time spent in statements: on SQLite this is event-loop time, the store's busy time. */
  querySeconds: number;
  /** SQLite: time spent waiting (asynchronously) for another process's write lock. */
  lockWaitSeconds: number;
}

/** Counts every statement through Kysely's `log` hook. */
export function createStoreMetrics() {
  const totals = { queries: 0, failed: 0, querySeconds: 0 };
  return {
    log(event: LogEvent): void {
      totals.queries++;
      if (event.level === "error") totals.failed++;
      totals.querySeconds += event.queryDurationMillis / 1000;
    },
    snapshot(): StoreMetrics {
      return { ...totals, lockWaitSeconds: busyWaits.seconds };
    },
  };
}
