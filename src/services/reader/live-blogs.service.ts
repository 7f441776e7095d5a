import type { Actor } from "../../core/actor.ts";
import { AppError } from "../../core/errors.ts";
import {
  isLiveBlogOpen,
  isLiveEntryPending,
  liveEntryMediaId,
  type LiveBlog,
  type LiveEntry,
} from "../../core/live-blog.ts";
import type { MediaView } from "../../content/body-html.renderer.ts";
import type { LiveBlogPageModel } from "../../db/read/reading.models.ts";
import type { Executor } from "../../db/repositories/executor.ts";
import {
  createLiveBlogsRepository,
  type LiveBlogListRow,
} from "../../db/repositories/live-blogs.repository.ts";
import { createMediaRepository } from "../../db/repositories/media.repository.ts";
import type { ArticlesService } from "../articles.service.ts";
import { mediaView } from "../reading.service.ts";
import { parseInput } from "../validation.ts";
import {
  entryContent,
  liveBlogFieldsSchema,
  liveEntryFieldsSchema,
  liveEntryPatchSchema,
  pastEntryFieldsSchema,
  type LiveEntryFields,
} from "./live-entry-input.ts";
import { commitWithEvents, storyChanged, type StoryEventDeps } from "./story-events.ts";

export { liveBlogFieldsSchema, liveEntryFieldsSchema, liveEntryPatchSchema };
export type { LiveBlogPageModel };

/**
 * What open pages are told (server/site/live-stream.ts turns it into Server-Sent Events). An entry
 * comes with its photo when it is an image entry.
 */
export type LiveChange =
  | { type: "entry"; articleId: number; entry: LiveEntry; media: MediaView | null }
  | { type: "removed"; articleId: number; entryId: number }
  | { type: "closed"; articleId: number; blog: LiveBlog };

export interface LiveBlogsServiceDeps extends StoryEventDeps {
  articles: Pick<ArticlesService, "get">;
}

/** An entry as the newsroom sees it: scheduled ones too. */
export type StaffLiveEntry = LiveEntry & { scheduled: boolean };

/**
 * Live blogs (docs/reader-features.md): staff start one on a story, post (now or at a later time),
 * edit, pin and remove entries, and close it. Each change is written in one transaction with the
 * story's `article.updated` in the outbox, which purges the cached page and feeds and, on every
 * node, tells the open pages (they ask `changesSince`). A scheduled entry is announced when
 * `releaseDue` finds its time has come.
 */
export function createLiveBlogsService(deps: LiveBlogsServiceDeps) {
  const { db, clock } = deps;
  const repo = createLiveBlogsRepository();
  const mediaRepo = createMediaRepository();

  async function blogOf(articleId: number): Promise<LiveBlog> {
    const blog = await repo.find(db, articleId);
    if (!blog) throw new AppError("not_found", "Artikel ini bukan liputan langsung.");
    return blog;
  }

  async function openBlog(articleId: number): Promise<LiveBlog> {
    const blog = await blogOf(articleId);
    if (!isLiveBlogOpen(blog, clock()))
      throw new AppError(
        "conflict",
        "Liputan langsung ini sudah ditutup; buka kembali untuk menambah entri.",
      );
    return blog;
  }

  async function entryOf(articleId: number, entryId: number): Promise<LiveEntry> {
    const entry = await repo.entry(db, entryId);
    if (!entry || entry.articleId !== articleId) throw new AppError("not_found", "Entri tidak ditemukan.");
    return entry;
  }

  async function photos(entries: readonly LiveEntry[]): Promise<Map<number, MediaView>> {
    const ids = [...new Set(entries.flatMap((e) => liveEntryMediaId(e) ?? []))];
    const media = await mediaRepo.byIds(db, ids);
    return new Map(media.map((m) => [m.id, mediaView(m)]));
  }

  async function checkMedia(mediaId: number | null): Promise<void> {
    if (mediaId !== null && !(await mediaRepo.byId(db, mediaId)))
      throw new AppError("validation_failed", "Data yang dikirim tidak valid.", {
        details: [{ field: "mediaId", message: "Media tidak ditemukan." }],
      });
  }

  /**
   * Writes `write` and the story's announcement in one transaction (the page and feeds purge, open
   * pages are told); nothing is announced when `changed` says the write changed nothing.
   */
  async function change<T>(
    articleId: number,
    write: (tx: Executor) => Promise<T>,
    changed: (value: T) => boolean = () => true,
  ): Promise<T> {
    const event = await storyChanged(deps, await deps.articles.get(articleId));
    return commitWithEvents(
      deps,
      async (tx) => {
        const value = await write(tx);
        if (changed(value)) await repo.touch(tx, articleId, clock());
        return value;
      },
      (value) => (changed(value) ? [event] : []),
    );
  }

  /**
   * Where a scheduled entry moves to: `null` posts it now, a time must be later than now. Only a
   * scheduled entry of a running live blog moves (one that readers see keeps its time).
   */
  async function movedTo(articleId: number, current: LiveEntry, publishAt: string | null, now: Date) {
    if (current.publishedAt.getTime() <= now.getTime())
      throw new AppError("conflict", "Entri ini sudah tayang; waktu tayangnya tidak bisa diubah.", {
        details: [{ field: "publishAt", message: "Hanya entri terjadwal yang bisa dipindah waktunya." }],
      });
    await openBlog(articleId);
    if (publishAt === null) return now;
    const at = new Date(publishAt);
    if (at.getTime() <= now.getTime())
      throw new AppError("validation_failed", "Data yang dikirim tidak valid.", {
        details: [
          {
            field: "publishAt",
            message: "Waktu tayang harus setelah sekarang; kirim null untuk menayangkan entri sekarang.",
          },
        ],
      });
    return at;
  }

  async function insert(articleId: number, parsed: LiveEntryFields, publishedAt: Date): Promise<LiveEntry> {
    const kind = parsed.kind ?? "text";
    const content = entryContent(kind, parsed);
    await openBlog(articleId);
    await checkMedia(content.image?.mediaId ?? null);
    const now = clock();
    return change(articleId, async (tx) => {
      const entry = await repo.insert(tx, {
        articleId,
        kind,
        content,
        pinned: parsed.pinned ?? false,
        correction: null,
        publishedAt,
        createdAt: now,
        updatedAt: publishedAt < now ? publishedAt : now,
      });
      // A scheduled Ringkasan replaces the current one when it is released, not before.
      if (entry.pinned && !isLiveEntryPending(entry)) await repo.unpinOthers(tx, articleId, entry.id, now);
      return entry;
    });
  }

  return {
    get: (articleId: number): Promise<LiveBlog | null> => repo.find(db, articleId),

    /** The newsroom's list of live blogs, most recently changed first. */
    list: (limit: number): Promise<LiveBlogListRow[]> => repo.list(db, limit),

    /**
     * What changed since `since`, wherever it was made (another node included), as open pages are
     * told: entries readers see that were posted, edited, released or removed, and the close.
     */
    async changesSince(articleId: number, since: Date): Promise<LiveChange[]> {
      const blog = await repo.find(db, articleId);
      if (!blog) return [];
      const now = clock();
      const rows = await repo.changedSince(db, articleId, since, now);
      const media = await photos(rows.filter((row) => !row.removed));
      const changes: LiveChange[] = rows.map(({ removed, ...entry }) => {
        if (removed) return { type: "removed", articleId, entryId: entry.id };
        const mediaId = liveEntryMediaId(entry);
        return {
          type: "entry",
          articleId,
          entry,
          media: mediaId === null ? null : (media.get(mediaId) ?? null),
        };
      });
      if (!isLiveBlogOpen(blog, now)) changes.push({ type: "closed", articleId, blog });
      return changes;
    },

    /** The blog and the entries readers see, or null when the story is no live blog. */
    async page(articleId: number): Promise<LiveBlogPageModel | null> {
      const blog = await repo.find(db, articleId);
      if (!blog) return null;
      const now = clock();
      const entries = await repo.entries(db, articleId, now);
      return {
        blog,
        open: isLiveBlogOpen(blog, now),
        entries,
        pinned: entries.find((e) => e.pinned) ?? null,
        media: await photos(entries),
      };
    },

    /** Every entry for the newsroom, scheduled ones flagged, newest (by time) first. */
    async staffEntries(articleId: number): Promise<StaffLiveEntry[]> {
      const now = clock().getTime();
      return (await repo.allEntries(db, articleId)).map((entry) => ({
        ...entry,
        scheduled: entry.publishedAt.getTime() > now,
      }));
    },

    /** Makes a story a live blog (or reopens a closed one). */
    async start(articleId: number, input: unknown, _actor: Actor): Promise<LiveBlog> {
      const parsed = parseInput(liveBlogFieldsSchema, input ?? {});
      await deps.articles.get(articleId);
      const existing = await repo.find(db, articleId);
      const now = clock();
      const blog: LiveBlog = {
        articleId,
        coverageStart: parsed.coverageStart
          ? new Date(parsed.coverageStart)
          : (existing?.coverageStart ?? now),
        coverageEnd: null,
        updatedAt: now,
      };
      await change(articleId, (tx) => repo.upsert(tx, blog));
      return blog;
    },

    /** Ends the coverage: the page says so, open pages are told, no more entries. */
    async close(articleId: number, _actor: Actor): Promise<LiveBlog> {
      const blog = await openBlog(articleId);
      const closed: LiveBlog = { ...blog, coverageEnd: clock(), updatedAt: clock() };
      await change(articleId, (tx) => repo.upsert(tx, closed));
      return closed;
    },

    /**
     * Posts an entry: public at once, or at `publishAt` when that is later (a scheduled entry,
     * nowhere before its time; `releaseDue` announces it then).
     */
    async post(articleId: number, input: unknown, _actor: Actor): Promise<LiveEntry> {
      const parsed = parseInput(liveEntryFieldsSchema, input);
      const now = clock();
      const at = parsed.publishAt ? new Date(parsed.publishAt) : now;
      return insert(articleId, parsed, at > now ? at : now);
    },

    /** An entry with the time it was posted elsewhere (the demo, an import); never in the future. */
    async postAt(articleId: number, input: unknown, at: Date, _actor: Actor): Promise<LiveEntry> {
      const parsed = parseInput(pastEntryFieldsSchema, input);
      return insert(articleId, parsed, at.getTime() > clock().getTime() ? clock() : at);
    },

    /**
     * Corrects or pins an entry; with `correction`, readers see what was corrected. `publishAt`
     * moves a scheduled entry to another later time, or (null) posts it now — a conditional write,
     * so an entry being released meanwhile is released once and the move answers 409.
     */
    async edit(articleId: number, entryId: number, input: unknown, _actor: Actor): Promise<LiveEntry> {
      const parsed = parseInput(liveEntryPatchSchema, input);
      await blogOf(articleId);
      const current = await entryOf(articleId, entryId);
      const now = clock();
      const kind = parsed.kind ?? current.kind;
      const moves = parsed.publishAt !== undefined;
      const entry: LiveEntry = {
        ...current,
        kind,
        content: entryContent(kind, parsed, current.content),
        pinned: parsed.pinned ?? current.pinned,
        correction: parsed.correction === undefined ? current.correction : parsed.correction,
        publishedAt: moves
          ? await movedTo(articleId, current, parsed.publishAt ?? null, now)
          : current.publishedAt,
        updatedAt: now,
      };
      await checkMedia(entry.content.image?.mediaId ?? null);
      await change(articleId, async (tx) => {
        if (!moves) await repo.update(tx, entry);
        else if (!(await repo.reschedule(tx, current, entry)))
          throw new AppError(
            "conflict",
            "Entri ini baru saja tayang atau diubah; muat ulang lalu coba lagi.",
          );
        if (entry.pinned && !isLiveEntryPending(entry))
          await repo.unpinOthers(tx, articleId, entry.id, entry.updatedAt);
      });
      return entry;
    },

    async remove(articleId: number, entryId: number, _actor: Actor): Promise<void> {
      await blogOf(articleId);
      await entryOf(articleId, entryId);
      await change(articleId, (tx) => repo.remove(tx, entryId, clock()));
    },

    /**
     * Releases the scheduled entries whose time has come: each is marked (once, whichever node
     * gets there first) and announced in the same transaction, so the cached page and feeds are
     * purged and every node's open pages are told. Returns the entries this call released and when
     * the next scheduled one is due (null: none is waiting), read by the same query.
     */
    async releaseDue(): Promise<{ released: LiveEntry[]; nextAt: Date | null }> {
      const released: LiveEntry[] = [];
      const pending = await repo.pending(db);
      const start = clock().getTime();
      for (const entry of pending) {
        if (entry.publishedAt.getTime() > start) return { released, nextAt: entry.publishedAt };
        const now = clock();
        const done = await change(
          entry.articleId,
          async (tx) => {
            if (!(await repo.release(tx, entry, now))) return false;
            if (entry.pinned) await repo.unpinOthers(tx, entry.articleId, entry.id, now);
            return true;
          },
          (released) => released,
        );
        if (done) released.push({ ...entry, updatedAt: now });
      }
      return { released, nextAt: null };
    },
  };
}

export type LiveBlogsService = ReturnType<typeof createLiveBlogsService>;
