/**
 * The two indexes behind the one SearchIndex port, each in its own tables on the same store:
 *
 * - "search": the public index. Live stories only (published, time come); readers' search,
 *   Berita Terkait and Baca Juga read it.
 * - "newsroom": every story of the newsroom, drafts and scheduled ones included, with its status;
 *   only the staff's search (newsroom-search.service.ts, behind `article.search` in core/policy.ts)
 *   reads it. Its documents carry the story's last activity as their date, so its time guard
 *   never hides a story and its date order is the desk's "last modified" order.
 */
export type IndexLayout = "search" | "newsroom";

/** The key of the layout version in the shared `search_meta` table. */
const formatKey = (layout: IndexLayout): string => (layout === "search" ? "format" : `${layout}_format`);

/** SQLite FTS5 tables (sqlite/fts5.index.ts). */
export const fts5Tables = (layout: IndexLayout) => ({
  ftsTable: `${layout}_fts`,
  docsTable: `${layout}_docs`,
  termsTable: `${layout}_terms`,
  formatKey: formatKey(layout),
});

/** PostgreSQL tables (postgres/tsvector.*.ts). */
export const tsvectorTables = (layout: IndexLayout) => ({
  documents: `${layout}_documents`,
  terms: `${layout}_terms`,
  formatKey: formatKey(layout),
  /** pg_advisory_xact_lock key, so two processes starting together create the tables once. */
  schemaLock: layout === "search" ? 58_125_005 : 58_125_014,
  /** pg_advisory_xact_lock(documentLock, article id): one writer at a time per indexed story. */
  documentLock: layout === "search" ? 58_125_006 : 58_125_015,
});

export type TsvectorTables = ReturnType<typeof tsvectorTables>;
