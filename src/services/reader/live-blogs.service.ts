import { z } from "zod";
import type { Actor } from "../../core/actor.ts";
import { AppError } from "../../core/errors.ts";
import type { EventBus } from "../../core/events.ts";
import {
  isLiveBlogOpen,
  LIVE_ENTRY_KINDS,
  type LiveBlog,
  type LiveBlogState,
  type LiveEntry,
  type LiveEntryContent,
} from "../../core/live-blog.ts";
import type { Executor } from "../../db/repositories/executor.ts";
import { createLiveBlogsRepository } from "../../db/repositories/live-blogs.repository.ts";
import type { ArticlesService } from "../articles.service.ts";
import type { SectionsService } from "../sections.service.ts";
import { parseInput } from "../validation.ts";
import { announceStoryChange } from "./story-events.ts";

/** The fields of an entry as sent (the API documents and checks these). */
export const liveEntryFieldsSchema = z.object({
  kind: z.enum(LIVE_ENTRY_KINDS, { error: "Jenis entri harus text atau quote." }).optional(),
  text: z
    .string()
    .trim()
    .min(1, "Isi entri wajib diisi.")
    .max(5000, "Isi entri paling banyak 5000 karakter."),
  attribution: z.string().trim().max(200, "Sumber kutipan paling banyak 200 karakter.").optional(),
  pinned: z.boolean().optional(),
});

/** An edit: the fields sent change, and a correction note tells readers what was corrected. */
export const liveEntryPatchSchema = liveEntryFieldsSchema.partial().extend({
  correction: z
    .string()
    .trim()
    .min(1, "Catatan koreksi tidak boleh kosong.")
    .max(500, "Catatan koreksi paling banyak 500 karakter.")
    .nullable()
    .optional(),
});

export const liveBlogFieldsSchema = z.object({
  coverageStart: z.iso
    .datetime({ offset: true, error: "Waktu mulai harus berupa waktu ISO 8601." })
    .optional(),
});

/** What open pages are told (server/site/live-stream.ts turns it into Server-Sent Events). */
export type LiveChange =
  | { type: "entry"; articleId: number; entry: LiveEntry }
  | { type: "removed"; articleId: number; entryId: number }
  | { type: "closed"; articleId: number; blog: LiveBlog };

export interface LiveBlogsServiceDeps {
  db: Executor;
  clock: () => Date;
  events: EventBus;
  sections: SectionsService;
  articles: Pick<ArticlesService, "get">;
}

export type LiveBlogPageModel = LiveBlogState;

/**
 * Live blogs (docs/reader-features.md): staff start one on a story, post, edit, pin and remove
 * entries, and close it. Every change purges the story's cached page and feeds (an
 * `article.updated`) and is handed to the listeners of this node (the open pages' stream).
 */
export function createLiveBlogsService(deps: LiveBlogsServiceDeps) {
  const { db, clock } = deps;
  const repo = createLiveBlogsRepository();
  const listeners = new Set<(change: LiveChange) => void>();

  function tell(change: LiveChange): void {
    for (const listener of listeners) listener(change);
  }

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

  /** After a change: purge the page and feeds, then tell open pages. */
  async function changed(articleId: number, change: LiveChange | null): Promise<void> {
    await repo.touch(db, articleId, clock());
    await announceStoryChange(deps, await deps.articles.get(articleId));
    if (change) tell(change);
  }

  function content(input: {
    kind?: string;
    text: string;
    attribution?: string | undefined;
  }): LiveEntryContent {
    return input.kind === "quote" && input.attribution
      ? { text: input.text, attribution: input.attribution }
      : { text: input.text };
  }

  return {
    /** Listens to changes made on this node; returns the unsubscribe. */
    subscribe(listener: (change: LiveChange) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    get: (articleId: number): Promise<LiveBlog | null> => repo.find(db, articleId),

    /**
     * What changed since `since`, wherever it was made (another node included), as the changes
     * this node's listeners hear: how open pages on every node learn of every entry.
     */
    async changesSince(articleId: number, since: Date): Promise<LiveChange[]> {
      const blog = await repo.find(db, articleId);
      if (!blog) return [];
      const now = clock();
      const changes: LiveChange[] = (await repo.changedSince(db, articleId, since, now)).map(
        ({ removed, ...entry }) =>
          removed ? { type: "removed", articleId, entryId: entry.id } : { type: "entry", articleId, entry },
      );
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
      };
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
      await repo.upsert(db, blog);
      await changed(articleId, null);
      return blog;
    },

    /** Ends the coverage: the page says so, open pages are told, no more entries. */
    async close(articleId: number, _actor: Actor): Promise<LiveBlog> {
      const blog = await openBlog(articleId);
      const closed: LiveBlog = { ...blog, coverageEnd: clock(), updatedAt: clock() };
      await repo.upsert(db, closed);
      await changed(articleId, { type: "closed", articleId, blog: closed });
      return closed;
    },

    async post(articleId: number, input: unknown, actor: Actor): Promise<LiveEntry> {
      return this.postAt(articleId, input, clock(), actor);
    },

    /** An entry with the time it was posted elsewhere (the demo, an import); never in the future. */
    async postAt(articleId: number, input: unknown, at: Date, _actor: Actor): Promise<LiveEntry> {
      const parsed = parseInput(liveEntryFieldsSchema, input);
      await openBlog(articleId);
      const now = at.getTime() > clock().getTime() ? clock() : at;
      const entry = await repo.insert(db, {
        articleId,
        kind: parsed.kind ?? "text",
        content: content(parsed),
        pinned: parsed.pinned ?? false,
        correction: null,
        publishedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      if (entry.pinned) await repo.unpinOthers(db, articleId, entry.id, now);
      await changed(articleId, { type: "entry", articleId, entry });
      return entry;
    },

    /** Corrects or pins an entry; with `correction`, readers see what was corrected. */
    async edit(articleId: number, entryId: number, input: unknown, _actor: Actor): Promise<LiveEntry> {
      const parsed = parseInput(liveEntryPatchSchema, input);
      await blogOf(articleId);
      const current = await entryOf(articleId, entryId);
      const kind = parsed.kind ?? current.kind;
      const entry: LiveEntry = {
        ...current,
        kind,
        content: content({
          kind,
          text: parsed.text ?? current.content.text,
          attribution: parsed.attribution ?? current.content.attribution,
        }),
        pinned: parsed.pinned ?? current.pinned,
        correction: parsed.correction === undefined ? current.correction : parsed.correction,
        updatedAt: clock(),
      };
      await repo.update(db, entry);
      if (entry.pinned) await repo.unpinOthers(db, articleId, entry.id, entry.updatedAt);
      await changed(articleId, { type: "entry", articleId, entry });
      return entry;
    },

    async remove(articleId: number, entryId: number, _actor: Actor): Promise<void> {
      await blogOf(articleId);
      await entryOf(articleId, entryId);
      await repo.remove(db, entryId, clock());
      await changed(articleId, { type: "removed", articleId, entryId });
    },
  };
}

export type LiveBlogsService = ReturnType<typeof createLiveBlogsService>;
