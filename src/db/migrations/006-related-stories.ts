import { sql, type Kysely } from "kysely";

// Frozen once released: change the schema with a new migration, never by editing this one.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  // Berita Terkait, computed when an article is published or updated (services/related-stories.service.ts)
  // and read at render by primary key; `related_ids` is a JSON array of article ids, filtered
  // live-only when read.
  await db.schema
    .createTable("related_stories")
    .addColumn("article_id", "integer", (c) => c.primaryKey().references("articles.id").onDelete("cascade"))
    .addColumn("related_ids", "text", (c) => c.notNull())
    .addColumn("computed_at", "text", (c) => c.notNull())
    .execute();

  // The article's `published_at` while its status is `published` (else null), copied into the
  // link tables so tag and person lists walk one index in published order and count from it
  // alone, instead of `articles.id IN (subquery)` over every link of a popular tag or person.
  for (const table of ["article_tags", "article_credits"] as const) {
    await db.schema.alterTable(table).addColumn("live_published_at", "text").execute();
    await sql`UPDATE ${sql.table(table)} SET live_published_at = (
        SELECT a.published_at FROM articles a WHERE a.id = ${sql.ref(`${table}.article_id`)} AND a.status = 'published')`.execute(
      db,
    );
  }
  await db.schema
    .createIndex("article_tags_live")
    .on("article_tags")
    .columns(["tag_id", "live_published_at", "article_id"])
    .execute();
  await db.schema
    .createIndex("article_credits_live")
    .on("article_credits")
    .columns(["person_id", "live_published_at", "article_id"])
    .execute();
}
