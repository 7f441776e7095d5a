import type { Kysely } from "kysely";
import { idColumn } from "./column-types.ts";

// Frozen once released: change the schema with a new migration, never by editing this one.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db, db.schema.createTable("media"))
    .addColumn("file", "text", (c) => c.notNull().unique())
    .addColumn("mime_type", "text", (c) => c.notNull())
    .addColumn("width", "integer", (c) => c.notNull())
    .addColumn("height", "integer", (c) => c.notNull())
    .addColumn("alt", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("caption", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("credit", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable("sections"))
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("parent_id", "integer", (c) => c.references("sections.id").onDelete("restrict"))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  // Slugs are unique among siblings; top-level uniqueness is enforced by the service.
  await db.schema
    .createIndex("sections_parent_slug")
    .on("sections")
    .columns(["parent_id", "slug"])
    .unique()
    .execute();

  await idColumn(db, db.schema.createTable("people"))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("bio", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("photo_media_id", "integer", (c) => c.references("media.id").onDelete("set null"))
    .execute();

  await idColumn(db, db.schema.createTable("tags"))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable("articles"))
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("headline", "text", (c) => c.notNull())
    .addColumn("lede", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("section_id", "integer", (c) => c.notNull().references("sections.id").onDelete("restrict"))
    .addColumn("dateline_place", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("dateline_outlet", "text")
    .addColumn("time_zone", "text", (c) => c.notNull().defaultTo("Asia/Jakarta"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("hero_media_id", "integer", (c) => c.references("media.id").onDelete("set null"))
    .addColumn("hero_caption", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("hero_credit", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("sources", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .addColumn("first_published_at", "text")
    .addColumn("updated_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("modified_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("import_key", "text", (c) => c.unique())
    .execute();
  await db.schema
    .createIndex("articles_status_published")
    .on("articles")
    .columns(["status", "published_at"])
    .execute();
  await db.schema
    .createIndex("articles_section_published")
    .on("articles")
    .columns(["section_id", "status", "published_at"])
    .execute();

  await db.schema
    .createTable("article_tags")
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("tag_id", "integer", (c) => c.notNull().references("tags.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("article_tags_pk", ["article_id", "tag_id"])
    .execute();
  await db.schema
    .createIndex("article_tags_tag")
    .on("article_tags")
    .columns(["tag_id", "article_id"])
    .execute();

  await db.schema
    .createTable("article_credits")
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id").onDelete("restrict"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("article_credits_pk", ["article_id", "role", "person_id"])
    .execute();
  await db.schema
    .createIndex("article_credits_person")
    .on("article_credits")
    .columns(["person_id", "article_id"])
    .execute();
}
