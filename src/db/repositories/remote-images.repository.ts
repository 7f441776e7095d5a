import type { ImportTables } from "../import.schema.ts";
import type { Executor } from "./executor.ts";

export type RemoteImageRole = "inline" | "hero";

/** A photo an import found at a remote URL, to be fetched in the background. */
export interface RemoteImage {
  id: number;
  articleId: number;
  role: RemoteImageRole;
  url: string;
  /** The page's alt text: it goes to the media row. */
  alt: string;
  status: "pending" | "failed";
  attempts: number;
  error: string | null;
  notBefore: string;
  createdAt: string;
}

type Row = ImportTables["import_remote_images"];

const tables = (db: Executor) => db.withTables<ImportTables>();

const fromRow = (row: {
  [K in keyof Row]: K extends "id" ? number : Row[K];
}): RemoteImage => ({
  id: row.id,
  articleId: row.article_id,
  role: row.role === "hero" ? "hero" : "inline",
  url: row.url,
  alt: row.alt,
  status: row.status === "failed" ? "failed" : "pending",
  attempts: row.attempts,
  error: row.error,
  notBefore: row.not_before,
  createdAt: row.created_at,
});

/** The rows of `import_remote_images` (migration 016): what to fetch, who fetches it, what failed. */
export function createRemoteImagesRepository() {
  return {
    /** The remote photos an article waits for, replacing what it waited for before (a re-import). */
    async replaceForArticle(
      db: Executor,
      articleId: number,
      images: ReadonlyArray<{ role: RemoteImageRole; url: string; alt: string }>,
      at: Date,
    ): Promise<void> {
      const t = tables(db);
      await t.deleteFrom("import_remote_images").where("article_id", "=", articleId).execute();
      const seen = new Set<string>();
      const rows = images.filter((image) => {
        const key = `${image.role} ${image.url}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      if (rows.length > 0)
        await t
          .insertInto("import_remote_images")
          .values(
            rows.map((image) => ({
              article_id: articleId,
              role: image.role,
              url: image.url,
              alt: image.alt.slice(0, 500),
              status: "pending",
              attempts: 0,
              not_before: at.toISOString(),
              created_at: at.toISOString(),
            })),
          )
          .execute();
    },

    /**
     * Claims up to `limit` due rows for `owner`: pending, due, and unclaimed or claimed longer ago
     * than `staleBefore` (the claimer died). A conditional update per row: on several nodes each
     * row is claimed by one.
     */
    async claimDue(db: Executor, owner: string, now: Date, staleBefore: Date, limit: number) {
      const t = tables(db);
      const candidates = await t
        .selectFrom("import_remote_images")
        .selectAll()
        .where("status", "=", "pending")
        .where("not_before", "<=", now.toISOString())
        .where((eb) =>
          eb.or([eb("claimed_at", "is", null), eb("claimed_at", "<", staleBefore.toISOString())]),
        )
        .orderBy("id")
        .limit(limit)
        .execute();
      const claimed: RemoteImage[] = [];
      for (const row of candidates) {
        const result = await t
          .updateTable("import_remote_images")
          .set({ claimed_by: owner, claimed_at: now.toISOString() })
          .where("id", "=", row.id)
          .where((eb) =>
            row.claimed_at === null ? eb("claimed_at", "is", null) : eb("claimed_at", "=", row.claimed_at),
          )
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 1) claimed.push(fromRow(row));
      }
      return claimed;
    },

    /** A failed fetch: tried again from `retryAt`, or `failed` for good when `retryAt` is null. */
    async fail(db: Executor, image: RemoteImage, error: string, retryAt: Date | null): Promise<void> {
      await tables(db)
        .updateTable("import_remote_images")
        .set({
          status: retryAt === null ? "failed" : "pending",
          attempts: image.attempts + 1,
          error: error.slice(0, 1000),
          ...(retryAt ? { not_before: retryAt.toISOString() } : {}),
          claimed_by: null,
          claimed_at: null,
        })
        .where("id", "=", image.id)
        .execute();
    },

    async remove(db: Executor, id: number): Promise<void> {
      await tables(db).deleteFrom("import_remote_images").where("id", "=", id).execute();
    },

    async list(db: Executor, status: "pending" | "failed" | null): Promise<RemoteImage[]> {
      let query = tables(db).selectFrom("import_remote_images").selectAll().orderBy("id");
      if (status) query = query.where("status", "=", status);
      return (await query.execute()).map(fromRow);
    },

    /** Failed rows (all, or those of `ids`) go back to pending, due now; how many. */
    async retry(db: Executor, now: Date, ids: number[] | null): Promise<number> {
      let query = tables(db)
        .updateTable("import_remote_images")
        .set({
          status: "pending",
          attempts: 0,
          not_before: now.toISOString(),
          claimed_by: null,
          claimed_at: null,
        })
        .where("status", "=", "failed");
      if (ids) query = query.where("id", "in", ids.length > 0 ? ids : [-1]);
      return Number((await query.executeTakeFirst()).numUpdatedRows);
    },
  };
}

export type RemoteImagesRepository = ReturnType<typeof createRemoteImagesRepository>;
