import type { Executor } from "../db/repositories/executor.ts";
import { createPresenceRepository, type PresenceRow } from "../db/repositories/presence.repository.ts";

/**
 * Edit presence: "who else has this article open". A hint, not a lock (saves are guarded by the
 * version number). Kept in the store (table edit_presence, migration 018), so every app node sees
 * every editor: each open editor sends a heartbeat every ~20 s (an UPSERT) and disappears ~60 s
 * after its last one (reads skip older rows; the next heartbeat deletes them). The desk asks for a
 * whole page of stories in one query (`othersOn`).
 */
export interface PresenceEntry {
  userId: number;
  name: string;
  personId: number | null;
  /** What the editor is doing, e.g. "editing" or "viewing". */
  state: string;
  since: Date;
  seenAt: Date;
}

export const PRESENCE_TTL_MS = 60_000;
const MAX_PER_ARTICLE = 50;

const entryOf = (row: PresenceRow): PresenceEntry => ({
  userId: row.userId,
  name: row.name,
  personId: row.personId,
  state: row.state,
  since: new Date(row.since),
  seenAt: new Date(row.seenAt),
});

export function createPresence(deps: { db: Executor; clock: () => Date; ttlMs?: number }) {
  const ttl = deps.ttlMs ?? PRESENCE_TTL_MS;
  const repo = createPresenceRepository();
  const cutoff = () => new Date(deps.clock().getTime() - ttl).toISOString();

  /** Everyone present on these articles except `userId` (null: everyone), longest-present first. */
  async function othersOn(
    articleIds: readonly number[],
    userId: number | null,
  ): Promise<Map<number, PresenceEntry[]>> {
    const byArticle = new Map<number, PresenceEntry[]>();
    for (const row of await repo.fresh(deps.db, articleIds, cutoff())) {
      if (row.userId === userId) continue;
      const list = byArticle.get(row.articleId) ?? [];
      list.push(entryOf(row));
      byArticle.set(row.articleId, list);
    }
    return byArticle;
  }

  async function others(articleId: number, userId: number | null): Promise<PresenceEntry[]> {
    return (await othersOn([articleId], userId)).get(articleId) ?? [];
  }

  return {
    /** Records a heartbeat and returns the others who have the article open. */
    async heartbeat(articleId: number, userId: number, state = "editing"): Promise<PresenceEntry[]> {
      const seenAfter = cutoff();
      await repo.expire(deps.db, seenAfter);
      const full =
        (await repo.count(deps.db, articleId, seenAfter)) >= MAX_PER_ARTICLE &&
        !(await repo.exists(deps.db, articleId, userId));
      if (!full) await repo.upsert(deps.db, { articleId, userId, state, at: deps.clock().toISOString() });
      return others(articleId, userId);
    },

    others,
    othersOn,
  };
}

export type Presence = ReturnType<typeof createPresence>;
