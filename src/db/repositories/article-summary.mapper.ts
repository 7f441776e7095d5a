import type { ArticleSummary } from "../../core/article.ts";
import type { ArticleRow } from "../schema.ts";
import { fromIso } from "./executor.ts";

/** The columns of an article summary (lists: no body, no credits). */
export const SUMMARY_COLUMNS = [
  "articles.id",
  "articles.slug",
  "articles.headline",
  "articles.lede",
  "articles.section_id",
  "articles.time_zone",
  "articles.hero_media_id",
  "articles.published_at",
  "articles.updated_at",
  "articles.status",
] as const;

export type SummaryRow = Pick<
  ArticleRow,
  | "id"
  | "slug"
  | "headline"
  | "lede"
  | "section_id"
  | "time_zone"
  | "hero_media_id"
  | "published_at"
  | "updated_at"
  | "status"
>;

export function summaryFromRow(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    lede: row.lede,
    sectionId: row.section_id,
    timeZone: row.time_zone,
    heroMediaId: row.hero_media_id,
    publishedAt: fromIso(row.published_at),
    updatedAt: fromIso(row.updated_at),
    status: row.status,
  };
}
