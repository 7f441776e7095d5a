import {
  CompiledQuery,
  SelectQueryNode,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type SqliteDatabase,
} from "kysely";
import { retryWhileBusy } from "./sqlite-busy.ts";

/**
 * Kysely's SQLite driver, made safe against a second process holding the write lock:
 * - reads outside a transaction go to their own connection and never queue behind a write
 *   (WAL readers are not blocked by writers), so a slow or waiting write never stalls pages;
 * - writes are serialised by a mutex on the write connection; a transaction starts with
 *   `BEGIN IMMEDIATE` (takes the write lock up front: no mid-transaction "busy" that cannot be
 *   retried) and every busy wait is asynchronous (sqlite-busy.ts), ending in `unavailable`.
 * With no separate reader (`:memory:`), reads share the write connection and its mutex.
 */
export interface SqliteConnections {
  writer: SqliteDatabase;
  /** Null when the database cannot have a second connection (`:memory:`). */
  reader: SqliteDatabase | null;
  busyBudgetMs?: number;
}

class Mutex {
  #tail: Promise<void> = Promise.resolve();

  /** Resolves with the unlock function once every earlier holder has unlocked. */
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
}

function run(db: SqliteDatabase, query: CompiledQuery): QueryResult<unknown> {
  const statement = db.prepare(query.sql);
  if (statement.reader) return { rows: statement.all(query.parameters) as unknown[] };
  const { changes, lastInsertRowid } = statement.run(query.parameters);
  return {
    numAffectedRows: changes === undefined || changes === null ? undefined : BigInt(changes),
    insertId: lastInsertRowid === undefined || lastInsertRowid === null ? undefined : BigInt(lastInsertRowid),
    rows: [],
  };
}

class RoutingConnection implements DatabaseConnection {
  readonly #driver: SqliteBusyDriver;
  /** Set while this connection holds a transaction (and so the write mutex). */
  unlock: (() => void) | null = null;

  constructor(driver: SqliteBusyDriver) {
    this.#driver = driver;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { writer, reader, budget } = this.#driver.connections();
    if (this.unlock) return retryWhileBusy(() => run(writer, query), budget) as Promise<QueryResult<R>>;
    if (reader && SelectQueryNode.is(query.query))
      return retryWhileBusy(() => run(reader, query), budget) as Promise<QueryResult<R>>;
    const unlock = await this.#driver.writeMutex.lock();
    try {
      return (await retryWhileBusy(() => run(writer, query), budget)) as QueryResult<R>;
    } finally {
      unlock();
    }
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error("SQLite streams only select queries");
    const { writer, reader } = this.#driver.connections();
    const unlock = reader || this.unlock ? null : await this.#driver.writeMutex.lock();
    try {
      const db = this.unlock ? writer : (reader ?? writer);
      for (const row of db.prepare(query.sql).iterate(query.parameters)) yield { rows: [row as R] };
    } finally {
      unlock?.();
    }
  }
}

export class SqliteBusyDriver implements Driver {
  readonly writeMutex = new Mutex();
  readonly #config: SqliteConnections;

  constructor(config: SqliteConnections) {
    this.#config = config;
  }

  connections() {
    return { writer: this.#config.writer, reader: this.#config.reader, budget: this.#config.busyBudgetMs };
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutingConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const routing = connection as RoutingConnection;
    const unlock = await this.writeMutex.lock();
    try {
      await retryWhileBusy(
        () => run(this.#config.writer, CompiledQuery.raw("begin immediate")),
        this.#config.busyBudgetMs,
      );
    } catch (error) {
      unlock();
      throw error;
    }
    routing.unlock = unlock;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#end(connection as RoutingConnection, "commit");
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#end(connection as RoutingConnection, "rollback");
  }

  async #end(connection: RoutingConnection, command: "commit" | "rollback"): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw(command));
    } catch (error) {
      // A failed COMMIT leaves the transaction open: roll it back so the lock is not kept.
      if (command === "commit")
        try {
          run(this.#config.writer, CompiledQuery.raw("rollback"));
        } catch {
          // SQLite had already rolled it back.
        }
      throw error;
    } finally {
      const unlock = connection.unlock;
      connection.unlock = null;
      unlock?.();
    }
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint "${name}"`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to "${name}"`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release "${name}"`));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const routing = connection as RoutingConnection;
    const unlock = routing.unlock;
    routing.unlock = null;
    unlock?.();
  }

  async destroy(): Promise<void> {
    const unlock = await this.writeMutex.lock();
    try {
      this.#config.reader?.close();
      this.#config.writer.close();
    } finally {
      unlock();
    }
  }
}
