import type { Executor } from "../db/repositories/executor.ts";

/** The `related_stories` rows (migrations 006 and 014) of services/related-stories.service.ts. */
export function createRelatedStoriesStore(db: Executor) {
  /** Live stories whose list is missing or stale, optionally among `ids`. */
  function toFill(now: Date, ids?: number[]) {
    let query = db
      .selectFrom("articles")
      .leftJoin("related_stories", "related_stories.article_id", "articles.id")
      .where("articles.status", "=", "published")
      .where("articles.published_at", "<=", now.toISOString())
      .where((eb) =>
        eb.or([eb("related_stories.article_id", "is", null), eb("related_stories.stale", "=", 1)]),
      );
    if (ids) query = query.where("articles.id", "in", ids.length > 0 ? ids : [-1]);
    return query;
  }

  return {
    async read(articleId: number): Promise<{ ids: number[]; stale: boolean } | null> {
      const row = await db
        .selectFrom("related_stories")
        .select(["related_ids", "stale"])
        .where("article_id", "=", articleId)
        .executeTakeFirst();
      return row ? { ids: JSON.parse(row.related_ids) as number[], stale: row.stale === 1 } : null;
    },

    async write(articleId: number, ids: number[], at: Date): Promise<void> {
      const row = { related_ids: JSON.stringify(ids), computed_at: at.toISOString(), stale: 0 };
      await db
        .insertInto("related_stories")
        .values({ article_id: articleId, ...row })
        .onConflict((oc) => oc.column("article_id").doUpdateSet(row))
        .execute();
    },

    async drop(articleId: number): Promise<void> {
      await db.deleteFrom("related_stories").where("article_id", "=", articleId).execute();
    },

    async markStale(articleIds: number[]): Promise<void> {
      if (articleIds.length === 0) return;
      await db
        .updateTable("related_stories")
        .set({ stale: 1 })
        .where("article_id", "in", articleIds)
        .execute();
    },

    async staleIds(limit: number): Promise<number[]> {
      const rows = await db
        .selectFrom("related_stories")
        .select("article_id")
        .where("stale", "=", 1)
        .orderBy("article_id")
        .limit(limit)
        .execute();
      return rows.map((r) => r.article_id);
    },

    async countToFill(now: Date, ids?: number[]): Promise<number> {
      const row = await toFill(now, ids)
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** The next `limit` ids to fill after `after`, ascending (a stopped run resumes from the store). */
    async idsToFill(now: Date, after: number, limit: number, ids?: number[]): Promise<number[]> {
      const rows = await toFill(now, ids)
        .select("articles.id")
        .where("articles.id", ">", after)
        .orderBy("articles.id")
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
