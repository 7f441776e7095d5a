import type { DatabaseSync, SQLInputValue, StatementSync } from "node:sqlite";
import { SQLITE_CACHE_KIB } from "../../db/dialects/sqlite.ts";
import { refreshLiveLinks } from "../../db/repositories/article-links.ts";
import type { Store } from "../../db/store.ts";

export const ARTICLE_COLUMNS = [
  "id",
  "slug",
  "headline",
  "lede",
  "section_id",
  "dateline_place",
  "dateline_outlet",
  "time_zone",
  "body",
  "hero_media_id",
  "hero_caption",
  "hero_credit",
  "sources",
  "status",
  "published_at",
  "first_published_at",
  "updated_at",
  "created_at",
  "modified_at",
  "version",
] as const;
export const TAG_COLUMNS = ["article_id", "tag_id", "position"] as const;
export const CREDIT_COLUMNS = ["article_id", "role", "person_id", "position"] as const;

export type Row = SQLInputValue[];

/** Writes many rows fast, one transaction per batch (SQLite here; PostgreSQL: postgres-bulk-writer.ts). */
export interface BulkWriter {
  write(batch: { articles: Row[]; tags: Row[]; credits: Row[] }): Promise<void>;
  /** Statistics and sequences after the load. */
  finish(): Promise<void>;
}

const ROWS_PER_STATEMENT = 64;

/** SQLite: raw prepared multi-row statements on the node:sqlite connection (no query building). */
export function createSqliteBulkWriter(store: Store, raw: DatabaseSync): BulkWriter {
  const statements = new Map<string, StatementSync>();
  const statement = (table: string, columns: readonly string[], rows: number): StatementSync => {
    const key = `${table}:${rows}`;
    let found = statements.get(key);
    if (!found) {
      const tuple = `(${columns.map(() => "?").join(",")})`;
      found = raw.prepare(
        `INSERT INTO ${table} (${columns.join(",")}) VALUES ${Array.from({ length: rows }, () => tuple).join(",")}`,
      );
      statements.set(key, found);
    }
    return found;
  };
  const insert = (table: string, columns: readonly string[], rows: Row[]) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
      statement(table, columns, chunk.length).run(...chunk.flat());
    }
  };
  // A bulk load into a fresh store: no rollback journal, no fsync, and secondary indexes built
  // once at the end (much faster than keeping random-order B-trees up to date row by row).
  // Their definitions are read from the schema, so indexes added by later migrations survive.
  const indexes = raw
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
       AND tbl_name IN ('articles', 'article_tags', 'article_credits')`,
    )
    .all() as { name: string; sql: string }[];
  raw.exec("PRAGMA journal_mode = OFF");
  raw.exec("PRAGMA synchronous = OFF");
  raw.exec("PRAGMA cache_size = -262144");
  for (const index of indexes) raw.exec(`DROP INDEX IF EXISTS "${index.name}"`);
  return {
    async write(batch) {
      raw.exec("BEGIN");
      try {
        insert("articles", ARTICLE_COLUMNS, batch.articles);
        insert("article_tags", TAG_COLUMNS, batch.tags);
        insert("article_credits", CREDIT_COLUMNS, batch.credits);
        raw.exec("COMMIT");
      } catch (error) {
        raw.exec("ROLLBACK");
        throw error;
      }
    },
    async finish() {
      // The link tables' copy of each article's live date (migration 006, db/read/live.ts), before
      // indexing; the same statement as on PostgreSQL, on this connection.
      await refreshLiveLinks(store.db);
      for (const index of indexes) raw.exec(index.sql);
      raw.exec("ANALYZE");
      raw.exec("PRAGMA journal_mode = WAL");
      raw.exec("PRAGMA synchronous = NORMAL");
      raw.exec(`PRAGMA cache_size = -${SQLITE_CACHE_KIB}`);
    },
  };
}
