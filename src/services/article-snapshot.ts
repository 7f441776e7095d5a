import { isLive, type Article } from "../core/article.ts";
import type { ArticleSnapshot } from "../core/events.ts";
import type { SectionDirectory } from "../core/section.ts";
import { articlePath } from "../core/urls.ts";
import { mediaIds } from "../content/body-html.renderer.ts";

/** How an article looks to readers right now: the input of every subscriber's decision. */
export function snapshotOf(article: Article, directory: SectionDirectory, now: Date): ArticleSnapshot {
  const path = directory.pathOf(article.sectionId);
  return {
    articleId: article.id,
    urlPath: path ? articlePath(path, article.id, article.slug) : "",
    sectionIds: path ? [...path.ancestors.map((s) => s.id), path.section.id] : [article.sectionId],
    tagIds: [...article.tagIds],
    personIds: [...new Set(article.credits.map((c) => c.personId))],
    mediaIds: [...new Set([...(article.hero ? [article.hero.mediaId] : []), ...mediaIds(article.body)])],
    live: isLive(article, now),
  };
}
