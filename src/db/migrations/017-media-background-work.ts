import type { Kysely } from "kysely";
import { idColumn } from "./column-types.ts";

// Frozen once released: change the schema with a new migration, never by editing this one.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  // Photos an import found at remote URLs (services/import/remote-images.service.ts): fetched in the
  // background by whichever node claims the row (`claimed_by`/`claimed_at`, taken over after a
  // lease), then stored as media and put where the body's `pendingImage` block (or the pending
  // hero) stands. A failed fetch stays here with its reason (`warta import-images` lists and retries).
  await idColumn(db, db.schema.createTable("import_remote_images"))
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull()) // inline | hero
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("alt", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // pending | failed
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("error", "text")
    .addColumn("not_before", "text", (c) => c.notNull())
    .addColumn("claimed_by", "text")
    .addColumn("claimed_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("import_remote_images_item")
    .on("import_remote_images")
    .columns(["article_id", "role", "url"])
    .unique()
    .execute();
  await db.schema
    .createIndex("import_remote_images_due")
    .on("import_remote_images")
    .columns(["status", "not_before"])
    .execute();

  // Which node makes an image version's prewarmed derivatives (media/derivative-prewarm.ts): every
  // node hears `media.changed`, the first to insert the row does the encodes; a claim older than
  // its lease (the node died) is taken over.
  await db.schema
    .createTable("media_prewarm_claims")
    .addColumn("media_id", "integer", (c) => c.notNull().references("media.id").onDelete("cascade"))
    .addColumn("version", "text", (c) => c.notNull())
    .addColumn("claimed_by", "text", (c) => c.notNull())
    .addColumn("claimed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("media_prewarm_claims_pk", ["media_id", "version"])
    .execute();
}
