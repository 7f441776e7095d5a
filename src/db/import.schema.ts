/** Tables of the import use case (migration 005-import). */
export interface ImportItemTable {
  article_id: number;
  /** sha256 of the mapped article input: an identical re-import is skipped. */
  content_hash: string;
  imported_at: string;
}

export interface ImportPendingRelatedTable {
  article_id: number;
  /** `normalizeHeadline` of the Baca Juga headline the article is waiting for. */
  headline_key: string;
}

export interface ImportPendingMediaTable {
  article_id: number;
  url: string | null;
  caption: string;
  credit: string;
  created_at: string;
}

// A type alias (not an interface) so Kysely's withTables<T> accepts it.
export type ImportTables = {
  import_items: ImportItemTable;
  import_pending_related: ImportPendingRelatedTable;
  import_pending_media: ImportPendingMediaTable;
};
