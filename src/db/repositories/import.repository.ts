import type { ImportTables } from "../import.schema.ts";
import type { Executor } from "./executor.ts";

export interface PendingHero {
  url: string | null;
  caption: string;
  credit: string;
}

const importTables = (db: Executor) => db.withTables<ImportTables>();

/** The import use case's own rows: content hashes, pending Baca Juga references, pending heroes. */
export function createImportRepository() {
  return {
    async contentHash(db: Executor, articleId: number): Promise<string | null> {
      const row = await importTables(db)
        .selectFrom("import_items")
        .select("content_hash")
        .where("article_id", "=", articleId)
        .executeTakeFirst();
      return row?.content_hash ?? null;
    },

    async setContentHash(db: Executor, articleId: number, contentHash: string, at: Date): Promise<void> {
      await importTables(db)
        .insertInto("import_items")
        .values({ article_id: articleId, content_hash: contentHash, imported_at: at.toISOString() })
        .onConflict((oc) =>
          oc.column("article_id").doUpdateSet({ content_hash: contentHash, imported_at: at.toISOString() }),
        )
        .execute();
    },

    /** Replaces the headlines an article is waiting for. */
    async setPendingRelated(db: Executor, articleId: number, headlineKeys: string[]): Promise<void> {
      const t = importTables(db);
      await t.deleteFrom("import_pending_related").where("article_id", "=", articleId).execute();
      const keys = [...new Set(headlineKeys)];
      if (keys.length > 0)
        await t
          .insertInto("import_pending_related")
          .values(keys.map((key) => ({ article_id: articleId, headline_key: key })))
          .execute();
    },

    /** Articles waiting for an article with this normalised headline. */
    async waitingFor(db: Executor, headlineKey: string): Promise<number[]> {
      const rows = await importTables(db)
        .selectFrom("import_pending_related")
        .select("article_id")
        .where("headline_key", "=", headlineKey)
        .orderBy("article_id")
        .execute();
      return rows.map((r) => r.article_id);
    },

    async pendingHero(db: Executor, articleId: number): Promise<PendingHero | null> {
      const row = await importTables(db)
        .selectFrom("import_pending_media")
        .select(["url", "caption", "credit"])
        .where("article_id", "=", articleId)
        .executeTakeFirst();
      return row ? { url: row.url, caption: row.caption, credit: row.credit } : null;
    },

    async pendingHeroes(db: Executor): Promise<Map<number, PendingHero>> {
      const rows = await importTables(db)
        .selectFrom("import_pending_media")
        .select(["article_id", "url", "caption", "credit"])
        .execute();
      return new Map(rows.map((r) => [r.article_id, { url: r.url, caption: r.caption, credit: r.credit }]));
    },

    async setPendingHero(db: Executor, articleId: number, hero: PendingHero | null, at: Date): Promise<void> {
      const t = importTables(db);
      await t.deleteFrom("import_pending_media").where("article_id", "=", articleId).execute();
      if (hero)
        await t
          .insertInto("import_pending_media")
          .values({ article_id: articleId, ...hero, created_at: at.toISOString() })
          .execute();
    },
  };
}

export type ImportRepository = ReturnType<typeof createImportRepository>;
