import { sql } from "kysely";
import type { Executor } from "./executor.ts";
import { liveAt } from "../read/live.ts";

export interface ViewCount {
  articleId: number;
  hour: string;
  views: number;
}

/**
 * Hourly read totals per article (table `article_views`, migration 007). Every node adds its batch
 * to the same rows (`views = views + excluded.views`), so several nodes' counts add up.
 */
export function createArticleViewsRepository() {
  return {
    /** Adds a batch; ids that are not (or no longer) articles are dropped, not an error. */
    async add(db: Executor, counts: ViewCount[]): Promise<number> {
      if (counts.length === 0) return 0;
      const ids = [...new Set(counts.map((c) => c.articleId))];
      const known = new Set<number>();
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await db
          .selectFrom("articles")
          .select("id")
          .where("id", "in", ids.slice(i, i + 500))
          .execute();
        for (const row of rows) known.add(row.id);
      }
      const rows = counts
        .filter((c) => known.has(c.articleId) && c.views > 0)
        .map((c) => ({ article_id: c.articleId, hour: c.hour, views: c.views }));
      for (let i = 0; i < rows.length; i += 200) {
        await db
          .insertInto("article_views")
          .values(rows.slice(i, i + 200))
          .onConflict((oc) =>
            oc.columns(["article_id", "hour"]).doUpdateSet({
              views: sql<number>`article_views.views + excluded.views`,
            }),
          )
          .execute();
      }
      return rows.length;
    },

    /**
     * The most read live stories since `sinceHour` (inclusive), optionally within some sections,
     * most views first (newest id on a tie).
     */
    async top(
      db: Executor,
      options: { sinceHour: string; now: Date; sectionIds: number[] | null; limit: number },
    ): Promise<{ articleId: number; views: number }[]> {
      let query = db
        .selectFrom("article_views")
        .innerJoin("articles", "articles.id", "article_views.article_id")
        .select(["article_views.article_id as articleId", sql<number>`sum(article_views.views)`.as("views")])
        .where("article_views.hour", ">=", options.sinceHour)
        .where(liveAt(options.now));
      if (options.sectionIds) {
        if (options.sectionIds.length === 0) return [];
        query = query.where("articles.section_id", "in", options.sectionIds);
      }
      const rows = await query
        .groupBy("article_views.article_id")
        .orderBy(sql`sum(article_views.views)`, "desc")
        .orderBy("article_views.article_id", "desc")
        .limit(options.limit)
        .execute();
      return rows.map((row) => ({ articleId: row.articleId, views: Number(row.views) }));
    },

    /** Total views of one article since `sinceHour` (tests and the API). */
    async totalOf(db: Executor, articleId: number, sinceHour = ""): Promise<number> {
      const row = await db
        .selectFrom("article_views")
        .select(sql<number>`coalesce(sum(views), 0)`.as("views"))
        .where("article_id", "=", articleId)
        .where("hour", ">=", sinceHour)
        .executeTakeFirst();
      return Number(row?.views ?? 0);
    },
  };
}
