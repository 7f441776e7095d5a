import type { Generated } from "kysely";

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

export interface ImportRemoteImageTable {
  id: Generated<number>;
  article_id: number;
  /** `inline`: a body `pendingImage` block; `hero`: the article's pending hero. */
  role: string;
  url: string;
  alt: string;
  /** `pending` (to fetch, from `not_before`) or `failed` (reported; `warta import-images --retry`). */
  status: string;
  attempts: number;
  error: string | null;
  not_before: string;
  claimed_by: string | null;
  claimed_at: string | null;
  created_at: string;
}

// A type alias (not an interface) so Kysely's withTables<T> accepts it.
export type ImportTables = {
  import_items: ImportItemTable;
  import_pending_related: ImportPendingRelatedTable;
  import_pending_media: ImportPendingMediaTable;
  import_remote_images: ImportRemoteImageTable;
};
