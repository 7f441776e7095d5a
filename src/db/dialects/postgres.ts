import { Kysely, PostgresDialect, type LogEvent } from "kysely";
import pg from "pg";
import type { Database } from "../schema.ts";

/** A pooled PostgreSQL connection for Kysely. */
export function openPostgres(
  url: string,
  poolSize = 10,
  log?: (event: LogEvent) => void,
): { db: Kysely<Database>; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) });
  return { db, pool };
}
