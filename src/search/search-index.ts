import type { ArticleStatus } from "../core/article.ts";

/**
 * The index adapter contract. The index holds only live articles (published, time come); adapters
 * also re-check `publishedAt <= now` at query time as a second guard. Documents arrive already
 * analyzed (stems), so every adapter (SQLite FTS5, PostgreSQL tsvector) matches the same way.
 */

/** One live article, analyzed: each text field is the space-separated stems of that field. */
export interface SearchDocument {
  id: number;
  headline: string;
  lede: string;
  body: string;
  /** Stems of credit names and tag names. */
  extra: string;
  /** The section and its ancestors. */
  sectionIds: number[];
  tagIds: number[];
  personIds: number[];
  /** The newsroom index's date: the story's last activity (index-layout.ts). */
  publishedAt: Date;
  /** The story's status: the newsroom index only (the public one holds live stories alone). */
  status?: ArticleStatus;
}

/** What to match, over stems. Adapters compile it to their own syntax. */
export type MatchNode =
  | { kind: "term"; term: string }
  | { kind: "phrase"; terms: string[] }
  | { kind: "any"; nodes: MatchNode[] }
  | { kind: "all"; nodes: MatchNode[] };

export interface SearchFilters {
  /** Any of these sections (a section matches its whole subtree). */
  sectionIds?: number[];
  tagIds?: number[];
  personIds?: number[];
  /** Any of these statuses (the newsroom index only). */
  statuses?: ArticleStatus[];
  from?: Date;
  to?: Date;
}

export type SearchSort = "relevance" | "date";

export interface IndexQuery {
  match: MatchNode;
  exclude?: MatchNode[];
  filters?: SearchFilters;
  sort?: SearchSort;
  limit: number;
  offset?: number;
  /** Documents published after `now` are never returned. */
  now: Date;
  excludeIds?: number[];
  /** "related": tags, people and sections count towards the score too (Berita Terkait). */
  mode?: "search" | "related";
  /** Skip counting all matches (related lists). */
  count?: boolean;
}

export interface IndexHit {
  id: number;
  /** Higher is better. */
  score: number;
}

export interface IndexResult {
  /** How many match, up to the adapter's counting cap. */
  total: number;
  /** False when `total` is a lower bound (more matched than were counted). */
  exhaustive: boolean;
  hits: IndexHit[];
}

export interface IndexStats {
  documents: number;
  terms: number;
  /** Bytes used by the index tables, when the adapter can tell. */
  bytes: number | null;
}

export type ProgressCallback = (done: number, total: number | undefined) => void;

export interface SearchIndex {
  readonly name: string;
  /** True when the index is new or its layout changed: rebuild it before trusting it. */
  needsRebuild?: boolean;
  /** Creates or checks the adapter's own tables (async stores); `needsRebuild` is known after it. */
  ready?(): Promise<void>;
  upsert(doc: SearchDocument): Promise<void>;
  remove(id: number): Promise<void>;
  /**
   * Upserts and removes a batch atomically, in one write transaction where the store allows (the
   * index sync's batches: many small transactions cost far more, on FTS5 each one a new segment).
   */
  writeBatch(batch: { upsert: SearchDocument[]; remove: number[] }): Promise<void>;
  search(query: IndexQuery): Promise<IndexResult>;
  /**
   * Ids of the newest `limit` documents matching the query (match, exclusions, filters, excluded
   * ids and the time guard applied), ids descending, unranked: the candidates of a relaxed search,
   * which the service ranks itself so every adapter orders them the same way.
   */
  matchingIds(query: Omit<IndexQuery, "sort" | "offset" | "mode" | "count">): Promise<number[]>;
  /** Replaces the whole index with `documents`; returns how many were indexed. */
  rebuild(
    documents: AsyncIterable<SearchDocument> | Iterable<SearchDocument>,
    options?: { total?: number; progress?: ProgressCallback },
  ): Promise<number>;
  stats(): Promise<IndexStats>;
  /** How many documents are indexed, cheaply (stats() may walk the whole file); optional. */
  documentCount?(): Promise<number>;
  /** In how many documents a stem occurs (0: unknown to the index), counted up to `cap`. */
  documentFrequency(term: string, cap?: number): Promise<number>;
  /**
   * documentFrequency of many stems at once (an article's words for "more like this"): the same
   * counts, in one round trip on a server store. Every stem asked is in the map.
   */
  documentFrequencies(terms: string[], cap?: number): Promise<Map<string, number>>;
  /** Indexed stems within `maxDistance` edits of `term`, best first (fewest edits, then most documents). */
  similarTerms(
    term: string,
    maxDistance: number,
    limit?: number,
  ): Promise<{ term: string; documents: number }[]>;
  /** Every indexed article id (consistency checks and tests). */
  ids(): Promise<number[]>;
}
