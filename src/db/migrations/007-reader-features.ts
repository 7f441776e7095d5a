import type { Kysely } from "kysely";
import { idColumn } from "./column-types.ts";

// Frozen once released: change the schema with a new migration, never by editing this one.
// Reader features (docs/reader-features.md): Cek Fakta, Topik Pilihan, Terpopuler view counts and
// live blogs. A story's type is the presence of its row in `fact_checks` or `live_blogs`, so the
// articles table and everything built on it stay as they are.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("fact_checks")
    .addColumn("article_id", "integer", (c) => c.primaryKey().references("articles.id").onDelete("cascade"))
    .addColumn("claim", "text", (c) => c.notNull())
    .addColumn("claimant", "text", (c) => c.notNull())
    .addColumn("appearance", "text", (c) => c.notNull())
    .addColumn("appearance_url", "text")
    .addColumn("claim_date", "text")
    .addColumn("verdict", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable("topics"))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("intro", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("pinned_article_id", "integer", (c) => c.references("articles.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("topic_articles")
    .addColumn("topic_id", "integer", (c) => c.notNull().references("topics.id").onDelete("cascade"))
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("added_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("topic_articles_pk", ["topic_id", "article_id"])
    .execute();
  await db.schema
    .createIndex("topic_articles_article")
    .on("topic_articles")
    .columns(["article_id", "topic_id"])
    .execute();

  // Views per article per UTC hour, added to by every node's batched flush (no reader data).
  await db.schema
    .createTable("article_views")
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("hour", "text", (c) => c.notNull())
    .addColumn("views", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("article_views_pk", ["article_id", "hour"])
    .execute();
  await db.schema.createIndex("article_views_hour").on("article_views").columns(["hour"]).execute();

  await db.schema
    .createTable("live_blogs")
    .addColumn("article_id", "integer", (c) => c.primaryKey().references("articles.id").onDelete("cascade"))
    .addColumn("coverage_start", "text", (c) => c.notNull())
    .addColumn("coverage_end", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await idColumn(db, db.schema.createTable("live_entries"))
    .addColumn("article_id", "integer", (c) =>
      c.notNull().references("live_blogs.article_id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("pinned", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("correction", "text")
    .addColumn("published_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("deleted_at", "text")
    .execute();
  await db.schema
    .createIndex("live_entries_article_published")
    .on("live_entries")
    .columns(["article_id", "published_at"])
    .execute();
}
