/**
 * Edit presence: "who else has this article open". A hint, not a lock (saves are guarded by the
 * version number). Kept in memory with a TTL: each open editor sends a heartbeat every ~20 s and
 * disappears ~60 s after its last one. One process only — on several app nodes (PostgreSQL
 * deployments) each node sees only its own editors; the multi-node story is a `presence` table
 * (UPSERT on heartbeat, `WHERE seen_at > now() - 60 s` on read) or PostgreSQL LISTEN/NOTIFY,
 * see docs/workflow.md.
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

export function createPresence(deps: { clock: () => Date; ttlMs?: number }) {
  const ttl = deps.ttlMs ?? PRESENCE_TTL_MS;
  const byArticle = new Map<number, Map<number, PresenceEntry>>();

  function fresh(articleId: number): Map<number, PresenceEntry> {
    const entries = byArticle.get(articleId) ?? new Map<number, PresenceEntry>();
    const cutoff = deps.clock().getTime() - ttl;
    for (const [userId, entry] of entries) if (entry.seenAt.getTime() < cutoff) entries.delete(userId);
    if (entries.size === 0) byArticle.delete(articleId);
    return entries;
  }

  return {
    /** Records a heartbeat and returns the others who have the article open. */
    heartbeat(
      articleId: number,
      who: { userId: number; name: string; personId: number | null },
      state = "editing",
    ): PresenceEntry[] {
      const entries = fresh(articleId);
      const now = deps.clock();
      const existing = entries.get(who.userId);
      if (!existing && entries.size >= MAX_PER_ARTICLE) return this.others(articleId, who.userId);
      entries.set(who.userId, { ...who, state, since: existing?.since ?? now, seenAt: now });
      byArticle.set(articleId, entries);
      return this.others(articleId, who.userId);
    },

    leave(articleId: number, userId: number): void {
      fresh(articleId).delete(userId);
    },

    /** Everyone present except `userId` (pass null for everyone), longest-present first. */
    others(articleId: number, userId: number | null): PresenceEntry[] {
      return [...fresh(articleId).values()]
        .filter((e) => e.userId !== userId)
        .sort((a, b) => a.since.getTime() - b.since.getTime());
    },

    /** Drops every expired entry (called by the heartbeat route; cheap). */
    sweep(): void {
      for (const articleId of [...byArticle.keys()]) fresh(articleId);
    },
  };
}

export type Presence = ReturnType<typeof createPresence>;
