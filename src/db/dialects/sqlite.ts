import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync, type StatementSync, type SQLInputValue } from "node:sqlite";
import { Kysely, SqliteDialect, type LogEvent, type SqliteDatabase, type SqliteStatement } from "kysely";
import type { Database } from "../schema.ts";
import { BUSY_TIMEOUT_MS } from "./sqlite-busy.ts";
import { SqliteBusyDriver } from "./sqlite-driver.ts";

/** Prepared statements kept per connection; the oldest prepared is dropped beyond this. */
export const STATEMENT_CACHE_SIZE = 500;
const WAL_CHECKPOINT_PAGES = 8_192;

/**
 * SQLite's page cache per connection, in KiB. 32 MB: on the 1M-article store (5 GB file) cold
 * renders measured the same within noise at 16, 32 and 64 MB (docs/performance.md), and each
 * halving keeps ~16-25 MB less resident.
 */
export const SQLITE_CACHE_KIB = 32_768;

function toSqliteValue(value: unknown): SQLInputValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value as SQLInputValue;
}

function toParameters(parameters: ReadonlyArray<unknown>): SQLInputValue[] {
  return parameters.map(toSqliteValue);
}

/**
 * Adapts `node:sqlite` to the interface Kysely's SqliteDialect expects, with a prepared-statement
 * cache (exported for its tests: sqlite.test.ts).
 */
export function adaptDatabase(database: DatabaseSync): SqliteDatabase {
  const cache = new Map<string, { statement: StatementSync; reader: boolean }>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      let entry = cache.get(sql);
      if (!entry) {
        const statement = database.prepare(sql);
        entry = { statement, reader: statement.columns().length > 0 };
        if (cache.size >= STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
        cache.set(sql, entry);
      }
      const { statement, reader } = entry;
      return {
        reader,
        all: (parameters) => statement.all(...toParameters(parameters)),
        run: (parameters) => statement.run(...toParameters(parameters)),
        iterate: (parameters) => statement.iterate(...toParameters(parameters)),
      };
    },
  };
}

export interface SqliteHandle {
  db: Kysely<Database>;
  /** The raw connection, for the FTS5 search adapter and maintenance commands. */
  raw: DatabaseSync;
}

export interface OpenSqliteOptions {
  /** How long a statement may wait, asynchronously, for another process's write lock (sqlite-busy.ts). */
  busyBudgetMs?: number;
  /** Hears every statement (store-metrics.ts). */
  log?: (event: LogEvent) => void;
}

/** Kysely's SQLite dialect over our driver (separate reader, asynchronous busy waits). */
class WartaSqliteDialect extends SqliteDialect {
  readonly #driver: SqliteBusyDriver;
  constructor(driver: SqliteBusyDriver) {
    super({ database: driver.connections().writer });
    this.#driver = driver;
  }
  override createDriver(): SqliteBusyDriver {
    return this.#driver;
  }
}

function connect(path: string, cacheKib: number): DatabaseSync {
  const raw = new DatabaseSync(path);
  // Never wait long inside SQLite: that wait blocks the event loop (see sqlite-busy.ts).
  raw.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  raw.exec("PRAGMA foreign_keys = ON");
  raw.exec(`PRAGMA cache_size = -${cacheKib}`);
  return raw;
}

/**
 * Opens (creating if needed) a SQLite file in WAL mode with foreign keys enforced: one connection
 * for writes (and the search adapter), one for reads outside transactions.
 */
export function openSqlite(path: string, options: OpenSqliteOptions = {}): SqliteHandle {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  // Reads go to their own connection; the writer keeps a smaller cache of its own.
  const raw = connect(path, path === ":memory:" ? SQLITE_CACHE_KIB : SQLITE_CACHE_KIB / 4);
  raw.exec("PRAGMA journal_mode = WAL");
  raw.exec("PRAGMA synchronous = NORMAL");
  // Checkpoint every 8 192 WAL pages (32 MiB) instead of 1 000: each checkpoint syncs the database
  // file, and a burst of small commits (an import: one transaction per article) paid for one every
  // ~50 articles. Measured on the import benchmark: 20–35 % less time in COMMIT (docs/import.md).
  raw.exec(`PRAGMA wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  const reader = path === ":memory:" ? null : connect(path, SQLITE_CACHE_KIB);
  const driver = new SqliteBusyDriver({
    writer: adaptDatabase(raw),
    reader: reader ? adaptDatabase(reader) : null,
    ...(options.busyBudgetMs !== undefined ? { busyBudgetMs: options.busyBudgetMs } : {}),
  });
  const db = new Kysely<Database>({
    dialect: new WartaSqliteDialect(driver),
    ...(options.log ? { log: options.log } : {}),
  });
  return { db, raw };
}
