import type { Kysely } from "kysely";

// Frozen once released: change the schema with a new migration, never by editing this one.
// Live-blog entries with a photo (issue 17): the media id beside the entry's JSON content, so the
// image is public while a live entry of a live story shows it (media.repository `isPublic`) and
// the media library lists the entry's story among the image's uses. Deleting the image keeps the
// entry (its text, caption and credit still show).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("live_entries")
    .addColumn("media_id", "integer", (c) => c.references("media.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("live_entries_media").on("live_entries").columns(["media_id"]).execute();
}
