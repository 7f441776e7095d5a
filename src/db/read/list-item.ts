import type { ArticleSummary } from "../../core/article.ts";
import type { SectionDirectory } from "../../core/section.ts";
import { articlePath } from "../../core/urls.ts";
import type { MediaView } from "../../content/body-html.renderer.ts";
import type { ArticleListItem } from "./reading.models.ts";

/** What a list item is made of: an article summary without its status (the caller read it live). */
export type ListItemSource = Omit<ArticleSummary, "status" | "heroMediaId">;

/**
 * The one place an article becomes a list item (site lists, content API, Berita Terkait, search
 * results, Baca Juga targets in pages and feeds). Null when it cannot be shown: its section is gone
 * from the tree, or it has no publication time. Callers pass only live articles (`live.ts`).
 */
export function listItemOf(
  summary: ListItemSource,
  directory: SectionDirectory,
  image: MediaView | null = null,
): ArticleListItem | null {
  const path = directory.pathOf(summary.sectionId);
  if (!path || !summary.publishedAt) return null;
  return {
    id: summary.id,
    headline: summary.headline,
    lede: summary.lede,
    url: articlePath(path, summary.id, summary.slug),
    publishedAt: summary.publishedAt,
    updatedAt: summary.updatedAt,
    timeZone: summary.timeZone,
    section: path.section,
    image,
  };
}
