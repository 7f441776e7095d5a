/**
 * The FTS5 adapter's tables for one layout (index-layout.ts): the contentless FTS5 table, the docs
 * table (publication time per article), the vocabulary, and the layout version in `search_meta`.
 */
import type { DatabaseSync } from "node:sqlite";
import type { IndexStats } from "../search-index.ts";
import { fts5Tables, type IndexLayout } from "../index-layout.ts";

/** Creates the tables when missing; drops and recreates them when `format` changed. True: rebuild. */
export function createFts5Schema(db: DatabaseSync, layout: IndexLayout, FORMAT: string): boolean {
  const { ftsTable, docsTable, termsTable, formatKey } = fts5Tables(layout);
  db.exec("CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  const format = db.prepare("SELECT value FROM search_meta WHERE key = ?").get(formatKey) as
    { value: string } | undefined;
  // A fresh or outdated index starts empty and asks to be rebuilt (articles may predate it).
  const needsRebuild = format?.value !== FORMAT;
  if (needsRebuild)
    db.exec(`
      DROP TABLE IF EXISTS ${ftsTable};
      DROP TABLE IF EXISTS ${docsTable};
      DROP TABLE IF EXISTS ${termsTable};
    `);
  db.exec(`
    CREATE VIRTUAL TABLE IF NOT EXISTS ${ftsTable} USING fts5(
      headline, lede, body, extra, facets,
      content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
    );
    CREATE TABLE IF NOT EXISTS ${docsTable} (
      article_id INTEGER PRIMARY KEY,
      published_at TEXT NOT NULL,
      published_sec INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS ${docsTable}_published ON ${docsTable} (published_at);
    CREATE TABLE IF NOT EXISTS ${termsTable} (term TEXT PRIMARY KEY) WITHOUT ROWID;
  `);
  db.prepare("INSERT OR REPLACE INTO search_meta (key, value) VALUES (?, ?)").run(formatKey, FORMAT);
  return needsRebuild;
}

/** Documents, vocabulary size and bytes used (dbstat, where SQLite was built with it). */
export function fts5Stats(db: DatabaseSync, layout: IndexLayout): IndexStats {
  const { ftsTable, docsTable, termsTable } = fts5Tables(layout);
  const count = (table: string) =>
    Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
  let bytes: number | null;
  try {
    const row = db
      .prepare(
        `SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE '${ftsTable}%' OR name LIKE '${docsTable}%'`,
      )
      .get() as { bytes: number | null };
    bytes = row.bytes === null ? 0 : Number(row.bytes);
  } catch {
    bytes = null; // dbstat is not compiled in everywhere
  }
  return { documents: count(docsTable), terms: count(termsTable), bytes };
}
