import type { ExpressionBuilder } from "kysely";
import type { ArticleStatus } from "../../core/article.ts";
import type { Executor } from "../repositories/executor.ts";
import type { Database } from "../schema.ts";

/**
 * The live read model's one rule, "live at T", as SQL: the article is published and its time has
 * come (a scheduled or embargoed story, a draft, an unpublished one are not). `core/article.ts`
 * `isLive` is the same rule for an article already in memory; `live.test.ts` holds the two to each
 * other on both stores. Every reader-facing query (site, content API, feeds, sitemaps, search
 * hydration, reader features) filters with this and nothing else.
 *
 * Usage: `.where(liveAt(now))` on any query that has `articles` in scope (joins included).
 */
export const liveAt = (now: Date) => (eb: ExpressionBuilder<Database, "articles">) =>
  eb.and([eb("articles.status", "=", LIVE_STATUS), eb("articles.published_at", "<=", now.toISOString())]);

/** The status of a story readers may see once its publication time has come. */
export const LIVE_STATUS = "published" satisfies ArticleStatus;

/** The live articles at `now`: the base of every reader-facing query that starts from `articles`. */
export const liveArticles = (db: Executor, now: Date) => db.selectFrom("articles").where(liveAt(now));

/**
 * What the link tables (`article_tags`, `article_credits`) keep of an article's publication
 * (migration 006): its publication time while it is published, else null. A list filtered by tag
 * or person then reads `live_published_at <= now` from the link table alone, the same rule.
 */
export function livePublishedAt(article: { status: ArticleStatus; publishedAt: Date | null }): string | null {
  return article.status === LIVE_STATUS && article.publishedAt ? article.publishedAt.toISOString() : null;
}
