import type { Kysely } from "kysely";

// Frozen once released: change the schema with a new migration, never by editing this one.
// Photos done right (docs/media.md): the original's content hash (content-addressed storage,
// duplicates), its size, the focal point used for crops, embedded keywords and creator, and which
// articles use which image (hero or body), so a file is public only while a live story uses it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("media")
    .addColumn("sha256", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema
    .alterTable("media")
    .addColumn("byte_size", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  // Percent of width/height from the left/top (0–100); 50/50 is the centre.
  await db.schema
    .alterTable("media")
    .addColumn("focal_x", "integer", (c) => c.notNull().defaultTo(50))
    .execute();
  await db.schema
    .alterTable("media")
    .addColumn("focal_y", "integer", (c) => c.notNull().defaultTo(50))
    .execute();
  await db.schema
    .alterTable("media")
    .addColumn("creator", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  // JSON array of strings.
  await db.schema
    .alterTable("media")
    .addColumn("keywords", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  await db.schema.createIndex("media_sha256").on("media").column("sha256").execute();

  await db.schema
    .createTable("article_media")
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("media_id", "integer", (c) => c.notNull().references("media.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("article_media_pk", ["article_id", "media_id"])
    .execute();
  await db.schema
    .createIndex("article_media_media")
    .on("article_media")
    .columns(["media_id", "article_id"])
    .execute();

  // Existing articles: their hero and every image block of their body.
  const rows = await db.selectFrom("articles").select(["id", "hero_media_id", "body"]).execute();
  const known = new Set(
    (await db.selectFrom("media").select("id").execute()).map((r: { id: number }) => Number(r.id)),
  );
  for (const row of rows as { id: number; hero_media_id: number | null; body: string }[]) {
    const ids = new Set<number>();
    if (row.hero_media_id !== null) ids.add(Number(row.hero_media_id));
    try {
      const body = JSON.parse(row.body) as { blocks?: { type?: string; mediaId?: unknown }[] };
      for (const block of body.blocks ?? [])
        if (block.type === "image" && typeof block.mediaId === "number") ids.add(block.mediaId);
    } catch {
      // A body that does not parse shows no image.
    }
    const values = [...ids]
      .filter((id) => known.has(id))
      .map((mediaId) => ({ article_id: row.id, media_id: mediaId }));
    if (values.length > 0) await db.insertInto("article_media").values(values).execute();
  }
}
