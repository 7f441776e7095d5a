import type { Executor } from "./executor.ts";

/** A row of edit_presence joined with its user (migration 018). */
export interface PresenceRow {
  articleId: number;
  userId: number;
  name: string;
  personId: number | null;
  state: string;
  since: string;
  seenAt: string;
}

/**
 * Edit presence in the store (services/presence.service.ts), so that every app node sees every
 * editor. Instants are ISO strings, compared as text like everywhere in the store.
 */
export function createPresenceRepository() {
  return {
    /** Records a heartbeat: `since` is kept from an earlier row of the same editor. */
    async upsert(
      db: Executor,
      row: { articleId: number; userId: number; state: string; at: string },
    ): Promise<void> {
      await db
        .insertInto("edit_presence")
        .values({
          article_id: row.articleId,
          user_id: row.userId,
          state: row.state,
          since: row.at,
          seen_at: row.at,
        })
        .onConflict((oc) =>
          oc.columns(["article_id", "user_id"]).doUpdateSet({ state: row.state, seen_at: row.at }),
        )
        .execute();
    },

    /** Deletes rows last seen before `cutoff`. */
    async expire(db: Executor, cutoff: string): Promise<void> {
      await db.deleteFrom("edit_presence").where("seen_at", "<", cutoff).execute();
    },

    /** How many editors were seen on the article at or after `seenAfter`. */
    async count(db: Executor, articleId: number, seenAfter: string): Promise<number> {
      const row = await db
        .selectFrom("edit_presence")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("article_id", "=", articleId)
        .where("seen_at", ">=", seenAfter)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    /** Whether this editor has a row (fresh or not) on the article. */
    async exists(db: Executor, articleId: number, userId: number): Promise<boolean> {
      const row = await db
        .selectFrom("edit_presence")
        .select("user_id")
        .where("article_id", "=", articleId)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Rows seen at or after `seenAfter` on these articles (one query), longest-present first. */
    async fresh(db: Executor, articleIds: readonly number[], seenAfter: string): Promise<PresenceRow[]> {
      if (articleIds.length === 0) return [];
      const rows = await db
        .selectFrom("edit_presence as p")
        .innerJoin("users as u", "u.id", "p.user_id")
        .select(["p.article_id", "p.user_id", "u.name", "u.person_id", "p.state", "p.since", "p.seen_at"])
        .where("p.article_id", "in", [...articleIds])
        .where("p.seen_at", ">=", seenAfter)
        .orderBy("p.since")
        .orderBy("p.user_id")
        .execute();
      return rows.map((r) => ({
        articleId: Number(r.article_id),
        userId: Number(r.user_id),
        name: r.name,
        personId: r.person_id === null ? null : Number(r.person_id),
        state: r.state,
        since: r.since,
        seenAt: r.seen_at,
      }));
    },
  };
}

export type PresenceRepository = ReturnType<typeof createPresenceRepository>;
