import type { Kysely } from "kysely";

// Frozen once released: change the schema with a new migration, never by editing this one.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  // What the importer last wrote for an article: an unchanged re-import is skipped by hash.
  await db.schema
    .createTable("import_items")
    .addColumn("article_id", "integer", (c) => c.primaryKey().references("articles.id").onDelete("cascade"))
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .execute();

  // "Baca Juga" references whose target was not in the store yet, keyed by the normalised headline,
  // so importing the target later finds the articles waiting for it with one indexed lookup.
  await db.schema
    .createTable("import_pending_related")
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("headline_key", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("import_pending_related_pk", ["article_id", "headline_key"])
    .execute();
  await db.schema
    .createIndex("import_pending_related_key")
    .on("import_pending_related")
    .columns(["headline_key", "article_id"])
    .execute();

  // A hero photo the importer could not store (remote URL, no network; or no file at all): the
  // caption and credit are shown on the page, the URL is kept for an operator to fetch later.
  await db.schema
    .createTable("import_pending_media")
    .addColumn("article_id", "integer", (c) => c.primaryKey().references("articles.id").onDelete("cascade"))
    .addColumn("url", "text")
    .addColumn("caption", "text", (c) => c.notNull())
    .addColumn("credit", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}
