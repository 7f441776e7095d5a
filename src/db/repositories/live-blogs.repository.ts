import type { Selectable } from "kysely";
import type { ArticleStatus } from "../../core/article.ts";
import type { LiveBlog, LiveEntry, LiveEntryContent } from "../../core/live-blog.ts";
import type { LiveBlogTable, LiveEntryTable } from "../reader.schema.ts";
import { fromIso, type Executor } from "./executor.ts";

function blogFromRow(row: Selectable<LiveBlogTable>): LiveBlog {
  return {
    articleId: row.article_id,
    coverageStart: new Date(row.coverage_start),
    coverageEnd: fromIso(row.coverage_end),
    updatedAt: new Date(row.updated_at),
  };
}

function entryFromRow(row: Selectable<LiveEntryTable>): LiveEntry {
  return {
    id: row.id,
    articleId: row.article_id,
    kind: row.kind,
    content: JSON.parse(row.content) as LiveEntryContent,
    pinned: Number(row.pinned) === 1,
    correction: row.correction,
    publishedAt: new Date(row.published_at),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** A live blog in the newsroom's list, with its story's headline and workflow status. */
export type LiveBlogListRow = LiveBlog & { headline: string; status: ArticleStatus };

/** Live blogs and their entries (migration 007); a deleted entry keeps its row (`deleted_at`). */
export function createLiveBlogsRepository() {
  return {
    async find(db: Executor, articleId: number): Promise<LiveBlog | null> {
      const row = await db
        .selectFrom("live_blogs")
        .selectAll()
        .where("article_id", "=", articleId)
        .executeTakeFirst();
      return row ? blogFromRow(row) : null;
    },

    /**
     * The newsroom's list: live blogs with their story's headline and status, the most recently
     * changed first (an entry touches its blog), at most `limit`.
     */
    async list(db: Executor, limit: number): Promise<LiveBlogListRow[]> {
      const rows = await db
        .selectFrom("live_blogs")
        .innerJoin("articles", "articles.id", "live_blogs.article_id")
        .selectAll("live_blogs")
        .select(["articles.headline", "articles.status"])
        .orderBy("live_blogs.updated_at", "desc")
        .orderBy("live_blogs.article_id", "desc")
        .limit(limit)
        .execute();
      return rows.map((row) => ({ ...blogFromRow(row), headline: row.headline, status: row.status }));
    },

    async upsert(db: Executor, blog: LiveBlog): Promise<void> {
      const row = {
        coverage_start: blog.coverageStart.toISOString(),
        coverage_end: blog.coverageEnd?.toISOString() ?? null,
        updated_at: blog.updatedAt.toISOString(),
      };
      await db
        .insertInto("live_blogs")
        .values({ article_id: blog.articleId, ...row })
        .onConflict((oc) => oc.column("article_id").doUpdateSet(row))
        .execute();
    },

    async touch(db: Executor, articleId: number, at: Date): Promise<void> {
      await db
        .updateTable("live_blogs")
        .set({ updated_at: at.toISOString() })
        .where("article_id", "=", articleId)
        .execute();
    },

    /** Every entry that is not removed, scheduled ones too, newest first (the newsroom's view). */
    async allEntries(db: Executor, articleId: number): Promise<LiveEntry[]> {
      const rows = await db
        .selectFrom("live_entries")
        .selectAll()
        .where("article_id", "=", articleId)
        .where("deleted_at", "is", null)
        .orderBy("published_at", "desc")
        .orderBy("id", "desc")
        .execute();
      return rows.map(entryFromRow);
    },

    /**
     * Scheduled entries not released yet (core/live-blog.ts `isLiveEntryPending`), those due first:
     * a few rows, read through the partial index `live_entries_pending` (migration 016).
     */
    async pending(db: Executor): Promise<LiveEntry[]> {
      const rows = await db
        .selectFrom("live_entries")
        .selectAll()
        .whereRef("updated_at", "<", "published_at")
        .where("deleted_at", "is", null)
        .orderBy("published_at")
        .orderBy("id")
        .execute();
      return rows.map(entryFromRow);
    },

    /**
     * Marks a due entry released (`updated_at` = `at`), unless another node did first or it was
     * changed meanwhile: true when this call released it. "Still due" is checked on the row as
     * stored, not only its version: a move committed in the same millisecond as it was read (same
     * `updated_at`) has set a later time, and must not be announced as released.
     */
    async release(db: Executor, entry: LiveEntry, at: Date): Promise<boolean> {
      const result = await db
        .updateTable("live_entries")
        .set({ updated_at: at.toISOString() })
        .where("id", "=", entry.id)
        .where("updated_at", "=", entry.updatedAt.toISOString())
        .where("published_at", "<=", at.toISOString())
        .whereRef("updated_at", "<", "published_at")
        .where("deleted_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Entries readers see, newest first (the pinned one among them). */
    async entries(db: Executor, articleId: number, now: Date): Promise<LiveEntry[]> {
      const rows = await db
        .selectFrom("live_entries")
        .selectAll()
        .where("article_id", "=", articleId)
        .where("deleted_at", "is", null)
        .where("published_at", "<=", now.toISOString())
        .orderBy("published_at", "desc")
        .orderBy("id", "desc")
        .execute();
      return rows.map(entryFromRow);
    },

    /** Entries changed at or after `since` (removed ones too, flagged): what other nodes did. */
    async changedSince(
      db: Executor,
      articleId: number,
      since: Date,
      now: Date,
    ): Promise<(LiveEntry & { removed: boolean })[]> {
      const rows = await db
        .selectFrom("live_entries")
        .selectAll()
        .where("article_id", "=", articleId)
        .where("updated_at", ">=", since.toISOString())
        .where("published_at", "<=", now.toISOString())
        .orderBy("updated_at")
        .orderBy("id")
        .execute();
      return rows.map((row) => ({ ...entryFromRow(row), removed: row.deleted_at !== null }));
    },

    async entry(db: Executor, id: number): Promise<LiveEntry | null> {
      const row = await db
        .selectFrom("live_entries")
        .selectAll()
        .where("id", "=", id)
        .where("deleted_at", "is", null)
        .executeTakeFirst();
      return row ? entryFromRow(row) : null;
    },

    async insert(db: Executor, entry: Omit<LiveEntry, "id">): Promise<LiveEntry> {
      const row = await db
        .insertInto("live_entries")
        .values({
          article_id: entry.articleId,
          kind: entry.kind,
          content: JSON.stringify(entry.content),
          media_id: entry.content.image?.mediaId ?? null,
          pinned: entry.pinned ? 1 : 0,
          correction: entry.correction,
          published_at: entry.publishedAt.toISOString(),
          created_at: entry.createdAt.toISOString(),
          updated_at: entry.updatedAt.toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return entryFromRow(row);
    },

    async update(db: Executor, entry: LiveEntry): Promise<void> {
      await db.updateTable("live_entries").set(editableColumns(entry)).where("id", "=", entry.id).execute();
    },

    /**
     * Writes `entry` with its new time — only while `current` is still what is stored and not
     * released (the release and this are each conditional, so an entry is released or moved, never
     * both): true when it was written.
     */
    async reschedule(db: Executor, current: LiveEntry, entry: LiveEntry): Promise<boolean> {
      const result = await db
        .updateTable("live_entries")
        .set({ ...editableColumns(entry), published_at: entry.publishedAt.toISOString() })
        .where("id", "=", current.id)
        .where("updated_at", "=", current.updatedAt.toISOString())
        .whereRef("updated_at", "<", "published_at")
        .where("deleted_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Unpins every other entry of the blog (one Ringkasan at a time). */
    async unpinOthers(db: Executor, articleId: number, keepId: number, at: Date): Promise<number[]> {
      const rows = await db
        .selectFrom("live_entries")
        .select("id")
        .where("article_id", "=", articleId)
        .where("pinned", "=", 1)
        .where("id", "<>", keepId)
        .execute();
      if (rows.length === 0) return [];
      await db
        .updateTable("live_entries")
        .set({ pinned: 0, updated_at: at.toISOString() })
        .where(
          "id",
          "in",
          rows.map((r) => r.id),
        )
        .execute();
      return rows.map((r) => r.id);
    },

    async remove(db: Executor, id: number, at: Date): Promise<void> {
      await db
        .updateTable("live_entries")
        .set({ deleted_at: at.toISOString(), updated_at: at.toISOString() })
        .where("id", "=", id)
        .execute();
    },
  };
}

/** The columns an edit of an entry rewrites (its time only when rescheduled). */
function editableColumns(entry: LiveEntry) {
  return {
    kind: entry.kind,
    content: JSON.stringify(entry.content),
    media_id: entry.content.image?.mediaId ?? null,
    pinned: entry.pinned ? 1 : 0,
    correction: entry.correction,
    updated_at: entry.updatedAt.toISOString(),
  };
}
