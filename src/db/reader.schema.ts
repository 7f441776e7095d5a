import type { Generated } from "kysely";
import type { FactCheckVerdict } from "../core/fact-check.ts";
import type { LiveEntryKind } from "../core/live-blog.ts";

/** Tables of migration 007-reader-features (rows as stored; see schema.ts for the conventions). */
export interface FactCheckTable {
  article_id: number;
  claim: string;
  claimant: string;
  /** Where the claim appeared ("Unggahan Facebook", "Pidato di DPR"). */
  appearance: string;
  appearance_url: string | null;
  /** ISO date-time the claim was made, if known. */
  claim_date: string | null;
  verdict: FactCheckVerdict;
  updated_at: string;
}

export interface TopicTable {
  id: Generated<number>;
  slug: string;
  title: string;
  intro: string;
  pinned_article_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface TopicArticleTable {
  topic_id: number;
  article_id: number;
  added_at: string;
}

export interface ArticleViewTable {
  article_id: number;
  /** UTC hour bucket, `2026-11-26T05`. */
  hour: string;
  views: number;
}

export interface LiveBlogTable {
  article_id: number;
  coverage_start: string;
  /** Set when the live blog is closed. */
  coverage_end: string | null;
  updated_at: string;
}

export interface LiveEntryTable {
  id: Generated<number>;
  article_id: number;
  kind: LiveEntryKind;
  /** JSON of the entry's content (core/live-blog.ts). */
  content: string;
  /** An image entry's photo (migration 014), also in `content`. */
  media_id: number | null;
  pinned: number;
  correction: string | null;
  published_at: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ReaderTables {
  fact_checks: FactCheckTable;
  topics: TopicTable;
  topic_articles: TopicArticleTable;
  article_views: ArticleViewTable;
  live_blogs: LiveBlogTable;
  live_entries: LiveEntryTable;
}
