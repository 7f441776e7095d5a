import type { Executor } from "./executor.ts";

/**
 * Which tags and people readers may see: those with at least one live article. A tag carried only
 * by a draft or an embargoed (scheduled) story is nobody's business yet — not its page, its feed,
 * its name in a list or a search filter. Reads the link tables' `live_published_at` (migration
 * 006), so each answer is an index lookup.
 */
export function createLiveTaxonomyRepository() {
  return {
    async tagIsLive(db: Executor, tagId: number, now: Date): Promise<boolean> {
      const row = await db
        .selectFrom("article_tags")
        .select("article_id")
        .where("tag_id", "=", tagId)
        .where("live_published_at", "<=", now.toISOString())
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    async personIsLive(db: Executor, personId: number, now: Date): Promise<boolean> {
      const row = await db
        .selectFrom("article_credits")
        .select("article_id")
        .where("person_id", "=", personId)
        .where("live_published_at", "<=", now.toISOString())
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    async liveTagIds(db: Executor, now: Date): Promise<Set<number>> {
      const rows = await db
        .selectFrom("article_tags")
        .select("tag_id")
        .distinct()
        .where("live_published_at", "<=", now.toISOString())
        .execute();
      return new Set(rows.map((r) => r.tag_id));
    },

    async livePersonIds(db: Executor, now: Date): Promise<Set<number>> {
      const rows = await db
        .selectFrom("article_credits")
        .select("person_id")
        .distinct()
        .where("live_published_at", "<=", now.toISOString())
        .execute();
      return new Set(rows.map((r) => r.person_id));
    },
  };
}

export type LiveTaxonomyRepository = ReturnType<typeof createLiveTaxonomyRepository>;
