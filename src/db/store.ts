import type { Kysely } from "kysely";
import type { DatabaseSync } from "node:sqlite";
import type { Database } from "./schema.ts";
import { openSqlite } from "./dialects/sqlite.ts";
import { openPostgres } from "./dialects/postgres.ts";
import { migrateToLatest } from "./migrate.ts";
import { createStoreMetrics, type StoreMetrics } from "./store-metrics.ts";

export type DialectName = "sqlite" | "postgres";

/** An open database: the Kysely instance every repository uses, and what it runs on. */
export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The raw SQLite connection (search adapter); null on PostgreSQL. */
  sqlite: DatabaseSync | null;
  /** Statements, their time and lock waits since the store opened (for /metrics). */
  metrics(): StoreMetrics;
  close(): Promise<void>;
}

export type DatabaseUrl = { dialect: "sqlite"; path: string } | { dialect: "postgres"; url: string };

/** `sqlite:path/to/file.db`, `sqlite::memory:`, or `postgres://…` / `postgresql://…`. */
export function parseDatabaseUrl(value: string): DatabaseUrl | null {
  if (value.startsWith("sqlite:")) {
    const path = value.slice("sqlite:".length);
    return path.length > 0 ? { dialect: "sqlite", path } : null;
  }
  if (/^postgres(ql)?:\/\//.test(value) && URL.canParse(value)) return { dialect: "postgres", url: value };
  return null;
}

export async function openStore(
  url: DatabaseUrl,
  options: { migrate?: boolean; busyBudgetMs?: number } = {},
): Promise<Store> {
  let store: Store;
  const counter = createStoreMetrics();
  const metrics = () => counter.snapshot();
  if (url.dialect === "sqlite") {
    const { db, raw } = openSqlite(url.path, {
      log: counter.log,
      ...(options.busyBudgetMs === undefined ? {} : { busyBudgetMs: options.busyBudgetMs }),
    });
    store = { db, dialect: "sqlite", sqlite: raw, metrics, close: () => db.destroy() };
  } else {
    const { db } = openPostgres(url.url, 10, counter.log);
    store = { db, dialect: "postgres", sqlite: null, metrics, close: () => db.destroy() };
  }
  if (options.migrate !== false) await migrateToLatest(store.db);
  return store;
}
