import type { Media } from "../../core/media.ts";
import type { MediaRow } from "../schema.ts";
import type { Executor } from "./executor.ts";

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
});

export function createMediaRepository() {
  return {
    async byIds(db: Executor, ids: number[]): Promise<Media[]> {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom("media").selectAll().where("id", "in", ids).execute();
      return rows.map(mediaFromRow);
    },

    /** Newest first, continuing below `beforeId`. */
    async list(db: Executor, page: { beforeId: number | null; limit: number }): Promise<Media[]> {
      let query = db.selectFrom("media").selectAll().orderBy("id", "desc").limit(page.limit);
      if (page.beforeId !== null) query = query.where("id", "<", page.beforeId);
      return (await query.execute()).map(mediaFromRow);
    },

    async byFile(db: Executor, file: string): Promise<Media | null> {
      const row = await db.selectFrom("media").selectAll().where("file", "=", file).executeTakeFirst();
      return row ? mediaFromRow(row) : null;
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
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return id;
    },
  };
}

export type MediaRepository = ReturnType<typeof createMediaRepository>;
