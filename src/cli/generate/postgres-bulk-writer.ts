import { sql } from "kysely";
import { refreshLiveLinks } from "../../db/repositories/article-links.ts";
import type { Store } from "../../db/store.ts";
import { ARTICLE_COLUMNS, type BulkWriter, CREDIT_COLUMNS, type Row, TAG_COLUMNS } from "./bulk-writer.ts";

const TABLES = [
  ["articles", ARTICLE_COLUMNS],
  ["article_tags", TAG_COLUMNS],
  ["article_credits", CREDIT_COLUMNS],
] as const;
type Batch = Parameters<BulkWriter["write"]>[0];
const ROWS_OF: Record<(typeof TABLES)[number][0], keyof Batch> = {
  articles: "articles",
  article_tags: "tags",
  article_credits: "credits",
};

interface Plan {
  /** Each table's column types, as the catalog names them (`integer`, `text`). */
  types: Map<string, string>;
  /** Secondary indexes dropped for the load (not those behind a primary key or unique constraint). */
  indexes: { name: string; definition: string }[];
}

/**
 * PostgreSQL: each batch is one INSERT … SELECT FROM unnest(…) per table (one array parameter per
 * column, so a 5 000-row batch is three statements), in one transaction that does not wait for the
 * WAL flush (a bulk load into an empty store: a crash means generating again). Secondary indexes
 * are dropped for the load and built once at the end, as on SQLite; their definitions are read
 * from the catalog, so indexes added by later migrations survive.
 */
export function createPostgresBulkWriter(store: Store): BulkWriter {
  const db = store.db;
  let planned: Promise<Plan> | null = null;
  const plan = (): Promise<Plan> =>
    (planned ??= (async () => {
      const tables = sql.join(TABLES.map(([table]) => sql`${table}::regclass`));
      const columns = await sql<{ tbl: string; col: string; type: string }>`
        SELECT a.attrelid::regclass::text AS tbl, a.attname AS col, format_type(a.atttypid, a.atttypmod) AS type
        FROM pg_attribute a WHERE a.attrelid = ANY (ARRAY[${tables}]) AND a.attnum > 0 AND NOT a.attisdropped`.execute(
        db,
      );
      const indexes = await sql<{ name: string; definition: string }>`
        SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
        FROM pg_index i WHERE i.indrelid = ANY (ARRAY[${tables}])
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`.execute(db);
      for (const index of indexes.rows) await sql`DROP INDEX ${sql.id(index.name)}`.execute(db);
      return {
        types: new Map(columns.rows.map((row) => [`${row.tbl}.${row.col}`, row.type])),
        indexes: indexes.rows,
      };
    })());

  const insert = (types: Map<string, string>, table: string, columns: readonly string[], rows: Row[]) => {
    const arrays = columns.map((column, i) => {
      const type = types.get(`${table}.${column}`);
      if (!type) throw new Error(`${table}.${column} is not in the schema`);
      return sql`${rows.map((row) => row[i] ?? null)}::${sql.raw(type)}[]`;
    });
    return sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column)))})
      SELECT * FROM unnest(${sql.join(arrays)})`;
  };

  return {
    async write(batch) {
      const { types } = await plan();
      await db.transaction().execute(async (tx) => {
        await sql`SET LOCAL synchronous_commit = off`.execute(tx);
        for (const [table, columns] of TABLES) {
          const rows = batch[ROWS_OF[table]];
          if (rows.length > 0) await insert(types, table, columns, rows).execute(tx);
        }
      });
    },
    async finish() {
      const { indexes } = await plan();
      await refreshLiveLinks(db);
      await db.transaction().execute(async (tx) => {
        await sql`SET LOCAL maintenance_work_mem = '256MB'`.execute(tx);
        for (const index of indexes) await sql.raw(index.definition).execute(tx);
      });
      await sql`SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT MAX(id) FROM articles))`.execute(
        db,
      );
      await sql`ANALYZE`.execute(db);
    },
  };
}
