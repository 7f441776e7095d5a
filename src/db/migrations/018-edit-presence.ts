import type { Kysely } from "kysely";

// Frozen once released: change the schema with a new migration, never by editing this one.
// Edit presence ("Sedang disunting oleh …", services/presence.service.ts) in the store, so that every
// app node sees every editor: one row per (article, user), written by each heartbeat (UPSERT), read
// with `seen_at` newer than the expiry. Rows are a hint, not a lock; expired ones are deleted by
// the next heartbeat. No foreign keys: a row may outlive its article by a minute, harmlessly.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("edit_presence")
    .addColumn("article_id", "integer", (c) => c.notNull())
    .addColumn("user_id", "integer", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("since", "text", (c) => c.notNull())
    .addColumn("seen_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("edit_presence_pk", ["article_id", "user_id"])
    .execute();
  await db.schema.createIndex("edit_presence_seen").on("edit_presence").columns(["seen_at"]).execute();
}
