import type { Kysely } from "kysely";

// Frozen once released: change the schema with a new migration, never by editing this one.
// Berita Terkait lists that may be out of date (services/related-stories.service.ts): when a story
// is published or changed, the stories on its own new list are the ones whose lists would now
// include it, so their rows are flagged here and recomputed in the background (and by
// `warta related --all`, which skips rows that are stored and not stale).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("related_stories")
    .addColumn("stale", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("related_stories_stale").on("related_stories").columns(["stale"]).execute();
}
