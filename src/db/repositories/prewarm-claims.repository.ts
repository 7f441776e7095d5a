import type { Executor } from "./executor.ts";

/** Table of migration 016: which node makes an image version's prewarmed derivatives. */
export type PrewarmClaimTables = {
  media_prewarm_claims: { media_id: number; version: string; claimed_by: string; claimed_at: string };
};

const tables = (db: Executor) => db.withTables<PrewarmClaimTables>();

export function createPrewarmClaimsRepository() {
  return {
    /**
     * Claims the prewarm of `version` of image `mediaId` for `owner`: true for the first node to
     * ask, and for a node taking over a claim older than `staleBefore` (its claimer died); false
     * otherwise — another node makes (or made) those files on the shared storage.
     */
    async claim(
      db: Executor,
      mediaId: number,
      version: string,
      owner: string,
      now: Date,
      staleBefore: Date,
    ): Promise<boolean> {
      const t = tables(db);
      const inserted = await t
        .insertInto("media_prewarm_claims")
        .values({ media_id: mediaId, version, claimed_by: owner, claimed_at: now.toISOString() })
        .onConflict((oc) => oc.columns(["media_id", "version"]).doNothing())
        .returning("media_id")
        .executeTakeFirst();
      if (inserted !== undefined) return true;
      const taken = await t
        .updateTable("media_prewarm_claims")
        .set({ claimed_by: owner, claimed_at: now.toISOString() })
        .where("media_id", "=", mediaId)
        .where("version", "=", version)
        .where("claimed_at", "<", staleBefore.toISOString())
        .executeTakeFirst();
      return Number(taken.numUpdatedRows) === 1;
    },

    /** Claims of the image's other versions are of no use any more (its file or focal point changed). */
    async forgetOthers(db: Executor, mediaId: number, version: string): Promise<void> {
      await tables(db)
        .deleteFrom("media_prewarm_claims")
        .where("media_id", "=", mediaId)
        .where("version", "!=", version)
        .execute();
    },
  };
}
