import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { AccountsTables } from "./accounts.schema.ts";
import type { NewsroomTables } from "./newsroom.schema.ts";
import type { SearchTables } from "./search.schema.ts";
import type { ReaderTables } from "./reader.schema.ts";
import type { ArticleStatus, CreditRole } from "../core/article.ts";
import type { IndonesianTimeZone } from "../core/time-zones.ts";
import type { OutboxTables } from "./outbox.schema.ts";

/**
 * Table rows as stored (DESIGN.md §5.5: rows, domain objects and API shapes are distinct types).
 * Instants are ISO 8601 UTC strings (`2024-10-25T01:08:00.000Z`) on every dialect, so they sort
 * and compare as text the same way in SQLite and PostgreSQL. JSON columns are text.
 */
export interface SectionTable {
  id: Generated<number>;
  slug: string;
  name: string;
  parent_id: number | null;
  position: number;
  description: string;
}

export interface PersonTable {
  id: Generated<number>;
  slug: string;
  name: string;
  bio: string;
  photo_media_id: number | null;
}

export interface MediaTable {
  id: Generated<number>;
  file: string;
  mime_type: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  created_at: string;
  /** Migration 008: content hash of the uploaded bytes, size, focal point (percent), embedded fields. */
  sha256: Generated<string>;
  byte_size: Generated<number>;
  focal_x: Generated<number>;
  focal_y: Generated<number>;
  creator: Generated<string>;
  keywords: Generated<string>;
}

/** Which article (hero or body) uses which image (migration 008). */
export interface ArticleMediaTable {
  article_id: number;
  media_id: number;
}

export interface TagTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface ArticleTable {
  id: Generated<number>;
  slug: string;
  headline: string;
  lede: string;
  section_id: number;
  dateline_place: string;
  dateline_outlet: string | null;
  time_zone: IndonesianTimeZone;
  /** JSON of BodyDocument. */
  body: string;
  hero_media_id: number | null;
  hero_caption: string;
  hero_credit: string;
  /** JSON of Source[]. */
  sources: string;
  status: ArticleStatus;
  published_at: string | null;
  first_published_at: string | null;
  updated_at: string | null;
  created_at: string;
  modified_at: string;
  version: number;
  /** Where an imported article came from (source URL or content hash): makes re-imports idempotent. */
  import_key: string | null;
}

export interface ArticleTagTable {
  article_id: number;
  tag_id: number;
  position: number;
  /** The article's `published_at` while it is `published`, else null (migration 006). */
  live_published_at: string | null;
}

export interface ArticleCreditTable {
  article_id: number;
  role: CreditRole;
  person_id: number;
  position: number;
  /** The article's `published_at` while it is `published`, else null (migration 006). */
  live_published_at: string | null;
}

/** Berita Terkait computed at publish/update (migration 006). */
export interface RelatedStoriesTable {
  article_id: number;
  /** JSON array of article ids, best first. */
  related_ids: string;
  computed_at: string;
  /** 1: a story published or changed since may belong on this list (recomputed in the background). */
  stale: Generated<number>;
}

export interface Database extends NewsroomTables, AccountsTables, SearchTables, ReaderTables, OutboxTables {
  sections: SectionTable;
  people: PersonTable;
  media: MediaTable;
  article_media: ArticleMediaTable;
  tags: TagTable;
  articles: ArticleTable;
  article_tags: ArticleTagTable;
  article_credits: ArticleCreditTable;
  related_stories: RelatedStoriesTable;
}

export type SectionRow = Selectable<SectionTable>;
export type PersonRow = Selectable<PersonTable>;
export type MediaRow = Selectable<MediaTable>;
export type TagRow = Selectable<TagTable>;
export type ArticleRow = Selectable<ArticleTable>;
export type NewArticleRow = Insertable<ArticleTable>;
export type ArticleRowUpdate = Updateable<ArticleTable>;
