import { z } from "zod";
import type { Actor } from "../../core/actor.ts";
import { AppError } from "../../core/errors.ts";
import type { DomainEvent } from "../../core/events.ts";
import { isValidSlug, slugify } from "../../core/slug.ts";
import type { Topic, TopicRef } from "../../core/topic.ts";
import type { ArticleListItem, Page } from "../../db/read/reading.models.ts";
import type { Executor } from "../../db/repositories/executor.ts";
import { createTopicsRepository } from "../../db/repositories/topics.repository.ts";
import type { ArticlesService } from "../articles.service.ts";
import type { ReadingService } from "../reading.service.ts";
import { parseInput } from "../validation.ts";
import { commitWithEvents, storyChanged, type StoryEventDeps } from "./story-events.ts";

/** The fields as sent (the API documents and checks these; the service parses them once more). */
export const topicFieldsSchema = z.object({
  title: z.string().trim().min(1, "Judul topik wajib diisi.").max(200, "Judul paling banyak 200 karakter."),
  slug: z
    .string()
    .trim()
    .max(80, "Slug paling banyak 80 karakter.")
    .refine((s) => s === "" || isValidSlug(s), "Slug hanya huruf kecil, angka dan tanda hubung.")
    .optional(),
  intro: z.string().trim().max(2000, "Pengantar paling banyak 2000 karakter.").optional(),
  pinnedArticleId: z.number().int().positive("Id artikel tidak valid.").nullable().optional(),
});

export type TopicFields = z.input<typeof topicFieldsSchema>;

export const TOPIC_PAGE_SIZE = 20;

export interface TopicPageModel {
  topic: Topic;
  /** The pinned story, when it is live. */
  pinned: ArticleListItem | null;
  /** The other live stories, newest first. */
  timeline: Page<ArticleListItem>;
}

export interface TopicsServiceDeps extends StoryEventDeps {
  articles: Pick<ArticlesService, "get">;
  reading: Pick<ReadingService, "liveItems">;
}

/**
 * Topik Pilihan (docs/reader-features.md): editors create topics and attach stories; readers see
 * only the live ones. Every change announces `topic.changed` (the topic's pages, its label on
 * stories, the topics list) and, for a story joining or leaving, the story's own change.
 */
export function createTopicsService(deps: TopicsServiceDeps) {
  const { db, clock } = deps;
  const repo = createTopicsRepository();

  async function load(id: number): Promise<Topic> {
    const topic = await repo.byId(db, id);
    if (!topic) throw new AppError("not_found", "Topik tidak ditemukan.");
    return topic;
  }

  async function checkSlug(slug: string, exceptId: number | null): Promise<void> {
    const other = await repo.bySlug(db, slug);
    if (other && other.id !== exceptId)
      throw new AppError("conflict", "Slug topik sudah dipakai.", {
        details: [{ field: "slug", message: "Sudah dipakai topik lain." }],
      });
  }

  const topicChanged = (id: number): DomainEvent => ({ type: "topic.changed", id, at: clock() });

  /**
   * Writes and announces in one transaction: the topic's change, then each story's (nothing when
   * `topicId` says the write changed nothing).
   */
  async function commit<T>(
    write: (tx: Executor) => Promise<T>,
    topicId: (value: T) => number | null,
    articleIds: number[],
  ): Promise<T> {
    const stories = await Promise.all(
      articleIds.map(async (id) => storyChanged(deps, await deps.articles.get(id))),
    );
    return commitWithEvents(deps, write, (value) => {
      const id = topicId(value);
      return id === null ? [] : [topicChanged(id), ...stories];
    });
  }

  return {
    repo,
    get: load,
    bySlug: (slug: string): Promise<Topic | null> => repo.bySlug(db, slug),
    all: (): Promise<Topic[]> => repo.all(db),
    articleIds: (topicId: number): Promise<number[]> => repo.articleIds(db, topicId),

    async create(input: unknown, _actor: Actor): Promise<Topic> {
      const parsed = parseInput(topicFieldsSchema, input);
      const slug = parsed.slug || slugify(parsed.title);
      if (!slug) throw new AppError("validation_failed", "Slug topik tidak dapat dibuat dari judulnya.");
      await checkSlug(slug, null);
      if (parsed.pinnedArticleId) await deps.articles.get(parsed.pinnedArticleId);
      const now = clock();
      const pinned = parsed.pinnedArticleId ?? null;
      return commit(
        async (tx) => {
          const topic = await repo.insert(tx, {
            slug,
            title: parsed.title,
            intro: parsed.intro ?? "",
            pinnedArticleId: pinned,
            createdAt: now,
            updatedAt: now,
          });
          if (pinned) await repo.attach(tx, topic.id, pinned, now);
          return topic;
        },
        (topic) => topic.id,
        pinned ? [pinned] : [],
      );
    },

    /** Changes the fields sent; the others stay. */
    async update(id: number, input: unknown, _actor: Actor): Promise<Topic> {
      const current = await load(id);
      const parsed = parseInput(topicFieldsSchema.partial(), input);
      const slug = parsed.slug || current.slug;
      if (slug !== current.slug) await checkSlug(slug, id);
      const pinnedArticleId =
        parsed.pinnedArticleId === undefined ? current.pinnedArticleId : parsed.pinnedArticleId;
      const topic: Topic = {
        ...current,
        slug,
        title: parsed.title ?? current.title,
        intro: parsed.intro ?? current.intro,
        pinnedArticleId,
        updatedAt: clock(),
      };
      const newlyPinned =
        pinnedArticleId && pinnedArticleId !== current.pinnedArticleId ? pinnedArticleId : null;
      return commit(
        async (tx) => {
          await repo.update(tx, topic);
          if (newlyPinned) await repo.attach(tx, id, newlyPinned, topic.updatedAt);
          return topic;
        },
        () => id,
        newlyPinned ? [newlyPinned] : [],
      );
    },

    async remove(id: number, _actor: Actor): Promise<void> {
      await load(id);
      const ids = await repo.articleIds(db, id);
      await commit(
        (tx) => repo.remove(tx, id),
        () => id,
        ids,
      );
    },

    /** Adds a story to the topic (idempotent). */
    async attach(topicId: number, articleId: number, _actor: Actor): Promise<void> {
      await load(topicId);
      await commit(
        (tx) => repo.attach(tx, topicId, articleId, clock()),
        () => topicId,
        [articleId],
      );
    },

    /** Takes a story out of the topic (and off its pin). */
    async detach(topicId: number, articleId: number, _actor: Actor): Promise<void> {
      const topic = await load(topicId);
      const detached = await commit(
        async (tx) => {
          if (!(await repo.detach(tx, topicId, articleId))) return false;
          if (topic.pinnedArticleId === articleId)
            await repo.update(tx, { ...topic, pinnedArticleId: null, updatedAt: clock() });
          return true;
        },
        (done) => (done ? topicId : null),
        [articleId],
      );
      if (!detached) throw new AppError("not_found", "Artikel ini tidak termasuk dalam topik.");
    },

    /** The topics a story belongs to (its labels). */
    refsOf: (articleId: number): Promise<TopicRef[]> => repo.refsOf(db, articleId),
    /** Ids of the topics a story belongs to (the purge of a story's publish reaches them). */
    topicIdsOf: (articleId: number): Promise<number[]> => repo.topicIdsOf(db, articleId),

    /** `/topik/{slug}` page n, or null (no such topic, or past the last page). */
    async page(slug: string, page: number): Promise<TopicPageModel | null> {
      const topic = await repo.bySlug(db, slug);
      if (!topic) return null;
      const now = clock();
      const pinnedId = topic.pinnedArticleId;
      const [pinnedItems, ids, total] = await Promise.all([
        pinnedId ? deps.reading.liveItems([pinnedId]) : Promise.resolve([]),
        repo.liveIds(db, topic.id, now, TOPIC_PAGE_SIZE + 1, (page - 1) * TOPIC_PAGE_SIZE),
        repo.countLive(db, topic.id, now),
      ]);
      const pinned = pinnedItems[0] ?? null;
      const others = pinned ? total - 1 : total;
      const pageCount = Math.max(1, Math.ceil(others / TOPIC_PAGE_SIZE));
      if (page > pageCount) return null;
      const timelineIds = ids.filter((id) => id !== pinned?.id).slice(0, TOPIC_PAGE_SIZE);
      return {
        topic,
        pinned,
        timeline: { items: await deps.reading.liveItems(timelineIds), page, pageCount, total: others },
      };
    },

    /** Topics with live stories, most recently followed first (`/topik`). */
    async listed(): Promise<{ topic: Topic; latest: Date }[]> {
      const [rows, topics] = await Promise.all([repo.withLiveStories(db, clock()), repo.all(db)]);
      const byId = new Map(topics.map((t) => [t.id, t]));
      return rows.flatMap((row) => {
        const topic = byId.get(row.topicId);
        return topic ? [{ topic, latest: new Date(row.latest) }] : [];
      });
    },

    /** Newest live story ids of a topic (its feed). */
    async latestIds(topicId: number, limit: number): Promise<number[]> {
      return repo.liveIds(db, topicId, clock(), limit);
    },
  };
}

export type TopicsService = ReturnType<typeof createTopicsService>;
