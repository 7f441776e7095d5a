import type { Kysely } from "kysely";

// Frozen once released: change the schema with a new migration, never by editing this one.
// The newsroom's story lists (the admin's desk lanes and "Semua berita", GET /api/v1/articles) are
// ordered by last activity, newest first, optionally for one status: without these indexes a lane
// like "Baru terbit" sorts every published story on each request (seconds at 100,000 stories).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("articles_modified").on("articles").columns(["modified_at", "id"]).execute();
  await db.schema
    .createIndex("articles_status_modified")
    .on("articles")
    .columns(["status", "modified_at", "id"])
    .execute();
  // A section filter (with its subsections): one range per section, no sort of the whole section.
  await db.schema
    .createIndex("articles_section_modified")
    .on("articles")
    .columns(["section_id", "modified_at", "id"])
    .execute();
}
