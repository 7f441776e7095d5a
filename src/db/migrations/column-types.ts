import { PostgresAdapter, type CreateTableBuilder, type Kysely } from "kysely";

/**
 * The one place where migrations differ by dialect: an auto-incrementing integer primary key
 * (`integer primary key autoincrement` on SQLite, `serial` on PostgreSQL).
 */
export function idColumn<T extends string>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any schema
  db: Kysely<any>,
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, "id"> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return isPostgres
    ? table.addColumn("id", "serial", (c) => c.primaryKey())
    : table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
}
