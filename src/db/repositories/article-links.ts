import { sql } from "kysely";
import type { Credit } from "../../core/article.ts";
import { mediaIds } from "../../content/body-html.renderer.ts";
import { LIVE_STATUS, livePublishedAt } from "../read/live.ts";
import type { ArticleWrite } from "./articles.repository.ts";
import type { Executor } from "./executor.ts";

/**
 * An article's link rows: tags, credits and the media it shows. The tag and credit links carry a
 * copy of the publication time (`live_published_at`, db/read/live.ts), written in the same
 * transaction as the article row so the two never disagree.
 */

export async function loadRelations(db: Executor, ids: number[]) {
  const [tags, credits] = await Promise.all([
    db
      .selectFrom("article_tags")
      .select(["article_id", "tag_id"])
      .where("article_id", "in", ids)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("article_credits")
      .select(["article_id", "role", "person_id", "position"])
      .where("article_id", "in", ids)
      .orderBy("position")
      .orderBy("role")
      .execute(),
  ]);
  return { tags, credits };
}

export async function writeRelations(
  db: Executor,
  articleId: number,
  input: Pick<ArticleWrite, "tagIds" | "credits" | "status" | "publishedAt" | "hero" | "body">,
): Promise<void> {
  await db.deleteFrom("article_tags").where("article_id", "=", articleId).execute();
  await db.deleteFrom("article_media").where("article_id", "=", articleId).execute();
  // The images it shows (hero and body): a file is public while a live story uses it.
  const wanted = [...new Set([...(input.hero ? [input.hero.mediaId] : []), ...mediaIds(input.body)])];
  const existing =
    wanted.length === 0 ? [] : await db.selectFrom("media").select("id").where("id", "in", wanted).execute();
  if (existing.length > 0)
    await db
      .insertInto("article_media")
      .values(existing.map((m) => ({ article_id: articleId, media_id: m.id })))
      .execute();
  await db.deleteFrom("article_credits").where("article_id", "=", articleId).execute();
  const live = livePublishedAt(input);
  const tagIds = [...new Set(input.tagIds)];
  if (tagIds.length > 0)
    await db
      .insertInto("article_tags")
      .values(
        tagIds.map((tagId, position) => ({
          article_id: articleId,
          tag_id: tagId,
          position,
          live_published_at: live,
        })),
      )
      .execute();
  if (input.credits.length > 0)
    await db
      .insertInto("article_credits")
      .values(
        input.credits.map((c: Credit) => ({
          article_id: articleId,
          role: c.role,
          person_id: c.personId,
          position: c.position,
          live_published_at: live,
        })),
      )
      .execute();
}

/** After a workflow step: the links' copy of the publication time follows the article row. */
export async function updateLiveLinks(db: Executor, articleId: number, live: string | null): Promise<void> {
  await db
    .updateTable("article_tags")
    .set({ live_published_at: live })
    .where("article_id", "=", articleId)
    .execute();
  await db
    .updateTable("article_credits")
    .set({ live_published_at: live })
    .where("article_id", "=", articleId)
    .execute();
}

/**
 * Fills the link tables' `live_published_at` from the articles (after a bulk load that wrote the
 * link rows without it, e.g. `warta generate`).
 */
export async function refreshLiveLinks(db: Executor): Promise<void> {
  for (const table of ["article_tags", "article_credits"] as const)
    await sql`UPDATE ${sql.table(table)} SET live_published_at = (
        SELECT a.published_at FROM articles a
        WHERE a.id = ${sql.ref(`${table}.article_id`)} AND a.status = ${LIVE_STATUS})`.execute(db);
}
