import type { Media } from "../../core/media.ts";
import type { MediaRow } from "../schema.ts";
import type { Executor } from "./executor.ts";
import { liveAt } from "../read/live.ts";

function keywordsOf(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === "string") : [];
  } catch {
    return [];
  }
}

const mediaFromRow = (row: MediaRow): Media => ({
  id: row.id,
  file: row.file,
  mimeType: row.mime_type,
  width: row.width,
  height: row.height,
  alt: row.alt,
  caption: row.caption,
  credit: row.credit,
  createdAt: new Date(row.created_at),
  sha256: row.sha256,
  byteSize: Number(row.byte_size),
  focalX: row.focal_x,
  focalY: row.focal_y,
  creator: row.creator,
  keywords: keywordsOf(row.keywords),
});

/** Editable description of an image. */
export interface MediaFields {
  alt: string;
  caption: string;
  credit: string;
  creator: string;
  keywords: string[];
  focalX: number;
  focalY: number;
}

/** The stored file of an image (content-addressed key, hash, dimensions). */
export interface MediaFile {
  file: string;
  mimeType: string;
  width: number;
  height: number;
  sha256: string;
  byteSize: number;
}

/** Where an image is used: articles (hero or body) and profile photos. */
export interface MediaUsage {
  articles: { id: number; headline: string; status: string; publishedAt: string | null }[];
  people: { id: number; name: string; slug: string }[];
}

export function createMediaRepository() {
  return {
    async byIds(db: Executor, ids: number[]): Promise<Media[]> {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom("media").selectAll().where("id", "in", ids).execute();
      return rows.map(mediaFromRow);
    },

    async byId(db: Executor, id: number): Promise<Media | null> {
      const row = await db.selectFrom("media").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? mediaFromRow(row) : null;
    },

    /**
     * Newest first, continuing below `beforeId`; `query` matches caption, credit, alt text, creator
     * and keywords (case-insensitive substring).
     */
    async list(
      db: Executor,
      page: { beforeId: number | null; limit: number; query?: string },
    ): Promise<Media[]> {
      let query = db.selectFrom("media").selectAll().orderBy("id", "desc").limit(page.limit);
      if (page.beforeId !== null) query = query.where("id", "<", page.beforeId);
      const words = (page.query ?? "")
        .toLowerCase()
        .split(/\s+/)
        .filter((w) => w.length > 0)
        .slice(0, 8);
      for (const word of words) {
        const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) =>
          eb.or(
            (["caption", "credit", "alt", "creator", "keywords"] as const).map((column) =>
              eb(eb.fn("lower", [eb.ref(column)]), "like", eb.val(pattern)),
            ),
          ),
        );
      }
      return (await query.execute()).map(mediaFromRow);
    },

    async byFile(db: Executor, file: string): Promise<Media | null> {
      const row = await db.selectFrom("media").selectAll().where("file", "=", file).executeTakeFirst();
      return row ? mediaFromRow(row) : null;
    },

    async bySha256(db: Executor, sha256: string): Promise<Media | null> {
      if (sha256 === "") return null;
      const row = await db
        .selectFrom("media")
        .selectAll()
        .where("sha256", "=", sha256)
        .orderBy("id")
        .executeTakeFirst();
      return row ? mediaFromRow(row) : null;
    },

    /** Whether an image with this file or content hash and this focal point is stored (one version). */
    async versionStored(
      db: Executor,
      media: Pick<Media, "file" | "sha256" | "focalX" | "focalY">,
    ): Promise<boolean> {
      const row = await db
        .selectFrom("media")
        .select("id")
        .where((eb) => (media.sha256 === "" ? eb("file", "=", media.file) : eb("sha256", "=", media.sha256)))
        .where("focal_x", "=", media.focalX)
        .where("focal_y", "=", media.focalY)
        .executeTakeFirst();
      return row !== undefined;
    },

    async insert(db: Executor, media: Omit<Media, "id">): Promise<number> {
      const { id } = await db
        .insertInto("media")
        .values({
          file: media.file,
          mime_type: media.mimeType,
          width: media.width,
          height: media.height,
          alt: media.alt,
          caption: media.caption,
          credit: media.credit,
          created_at: media.createdAt.toISOString(),
          sha256: media.sha256,
          byte_size: media.byteSize,
          focal_x: media.focalX,
          focal_y: media.focalY,
          creator: media.creator,
          keywords: JSON.stringify(media.keywords),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return id;
    },

    async updateFields(db: Executor, id: number, fields: MediaFields): Promise<void> {
      await db
        .updateTable("media")
        .set({
          alt: fields.alt,
          caption: fields.caption,
          credit: fields.credit,
          creator: fields.creator,
          keywords: JSON.stringify(fields.keywords),
          focal_x: fields.focalX,
          focal_y: fields.focalY,
        })
        .where("id", "=", id)
        .execute();
    },

    async replaceFile(db: Executor, id: number, file: MediaFile): Promise<void> {
      await db
        .updateTable("media")
        .set({
          file: file.file,
          mime_type: file.mimeType,
          width: file.width,
          height: file.height,
          sha256: file.sha256,
          byte_size: file.byteSize,
        })
        .where("id", "=", id)
        .execute();
    },

    async delete(db: Executor, id: number): Promise<void> {
      await db.deleteFrom("media").where("id", "=", id).execute();
    },

    /** Articles (body, hero or a live-blog entry) and profiles using the image. */
    async usage(db: Executor, id: number): Promise<MediaUsage> {
      const articles = await db
        .selectFrom("article_media as am")
        .innerJoin("articles as a", "a.id", "am.article_id")
        .select(["a.id", "a.headline", "a.status", "a.published_at"])
        .where("am.media_id", "=", id)
        .union((qb) =>
          qb
            .selectFrom("live_entries as le")
            .innerJoin("articles as a", "a.id", "le.article_id")
            .select(["a.id", "a.headline", "a.status", "a.published_at"])
            .where("le.media_id", "=", id)
            .where("le.deleted_at", "is", null),
        )
        .orderBy("id")
        .execute();
      const people = await db
        .selectFrom("people")
        .select(["id", "name", "slug"])
        .where("photo_media_id", "=", id)
        .orderBy("id")
        .execute();
      return {
        articles: articles.map((a) => ({
          id: a.id,
          headline: a.headline,
          status: a.status,
          publishedAt: a.published_at,
        })),
        people,
      };
    },

    /**
     * Whether readers may fetch the image at `now`: a live story uses it (hero, body or a live-blog
     * entry whose time has come), or it is the photo of a person with a live story (a public
     * profile). At most three index lookups.
     */
    async isPublic(db: Executor, id: number, now: Date): Promise<boolean> {
      const at = now.toISOString();
      const story = await db
        .selectFrom("article_media as am")
        .innerJoin("articles", "articles.id", "am.article_id")
        .select("articles.id")
        .where("am.media_id", "=", id)
        .where(liveAt(now))
        .limit(1)
        .executeTakeFirst();
      if (story) return true;
      // A released entry of a live blog whose story is live (migration 014).
      const entry = await db
        .selectFrom("live_entries as le")
        .innerJoin("articles as a", "a.id", "le.article_id")
        .select("le.id")
        .where("le.media_id", "=", id)
        .where("le.deleted_at", "is", null)
        .where("le.published_at", "<=", at)
        .where("a.status", "=", "published")
        .where("a.published_at", "<=", at)
        .limit(1)
        .executeTakeFirst();
      if (entry) return true;
      const profile = await db
        .selectFrom("people as p")
        .innerJoin("article_credits as c", "c.person_id", "p.id")
        .select("p.id")
        .where("p.photo_media_id", "=", id)
        .where("c.live_published_at", "<=", at)
        .limit(1)
        .executeTakeFirst();
      return profile !== undefined;
    },
  };
}

export type MediaRepository = ReturnType<typeof createMediaRepository>;
