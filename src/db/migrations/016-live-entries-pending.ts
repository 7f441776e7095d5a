import { sql, type Kysely } from "kysely";

// Frozen once released: change the schema with a new migration, never by editing this one.
// Scheduled live-blog entries not yet released (core/live-blog.ts `isLiveEntryPending`: updated
// before their time): every node looks for them each second and arms a timer for the next one
// (services/reader/live-entry-release.ts). A partial index holds only those few rows, so the look
// costs the same whatever the number of entries ever posted.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("live_entries_pending")
    .on("live_entries")
    .columns(["published_at", "id"])
    .where(sql.ref("updated_at"), "<", sql.ref("published_at"))
    .execute();
}
