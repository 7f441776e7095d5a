import {
  isBotUserAgent,
  POPULAR_RANGES,
  rangeStartHour,
  viewHourOf,
  type PopularRange,
} from "../../core/article-views.ts";
import type { DomainEvent } from "../../core/events.ts";
import type { ArticleListItem } from "../../db/read/reading.models.ts";
import { createArticleViewsRepository } from "../../db/repositories/article-views.repository.ts";
import type { Executor } from "../../db/repositories/executor.ts";
import type { ReadingService } from "../reading.service.ts";
import type { SectionsService } from "../sections.service.ts";

/** How many stories a Terpopuler list shows. */
export const POPULAR_SIZE = 5;
/** A list is recomputed at most this often per node (pages themselves expire with the page TTL). */
export const POPULAR_TTL_MS = 180_000;
/** How often a node adds its counted reads to the store. */
export const VIEW_FLUSH_MS = 10_000;
/** Distinct stories held between flushes; reads of further ones wait for the next batch. */
const MAX_PENDING_ARTICLES = 50_000;

export interface ArticleViewsDeps {
  db: Executor;
  clock: () => Date;
  sections: SectionsService;
  reading: Pick<ReadingService, "liveItems">;
  /** 0 turns the timer off (tests flush by hand). */
  flushEveryMs?: number;
}

export interface PopularList {
  range: PopularRange;
  items: ArticleListItem[];
}

/**
 * Terpopuler (docs/reader-features.md). `record` is on the serving path, page-cache hits included:
 * it only adds one to a number in a map. A timer adds the batch to `article_views` in the store,
 * where every node's batches add up. The lists are read from the store and kept a few minutes.
 */
export function createArticleViewsService(deps: ArticleViewsDeps) {
  const { db, clock } = deps;
  const repo = createArticleViewsRepository();
  let pending = new Map<number, number>();
  let flushing: Promise<void> | null = null;
  const lists = new Map<string, { at: number; value: Promise<ArticleListItem[]> }>();
  const flushEveryMs = deps.flushEveryMs ?? VIEW_FLUSH_MS;
  let timer: ReturnType<typeof setInterval> | null = null;
  // Readers' user agents repeat: the bot check is a map lookup for all but the first of each.
  const agents = new Map<string, boolean>();
  function isBot(userAgent: string | undefined): boolean {
    if (userAgent === undefined) return true;
    let bot = agents.get(userAgent);
    if (bot === undefined) {
      bot = isBotUserAgent(userAgent);
      if (agents.size >= 1_000) agents.clear();
      agents.set(userAgent, bot);
    }
    return bot;
  }

  function add(articleId: number, views: number): void {
    const current = pending.get(articleId);
    if (current !== undefined) pending.set(articleId, current + views);
    else if (pending.size < MAX_PENDING_ARTICLES) pending.set(articleId, views);
  }

  async function flushOnce(): Promise<void> {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    const hour = viewHourOf(clock());
    try {
      await repo.add(
        db,
        [...batch].map(([articleId, views]) => ({ articleId, hour, views })),
      );
    } catch (error) {
      // Kept for the next flush: a busy store loses no reads.
      for (const [articleId, views] of batch) add(articleId, views);
      throw error;
    }
  }

  async function flush(): Promise<void> {
    while (flushing) await flushing.catch(() => {});
    flushing = flushOnce().finally(() => {
      flushing = null;
    });
    await flushing;
  }

  async function compute(range: PopularRange, sectionId: number | null): Promise<ArticleListItem[]> {
    const now = clock();
    const sectionIds = sectionId === null ? null : (await deps.sections.directory()).subtreeIds(sectionId);
    const top = await repo.top(db, {
      sinceHour: rangeStartHour(range, now),
      now,
      sectionIds,
      limit: POPULAR_SIZE,
    });
    return deps.reading.liveItems(top.map((row) => row.articleId));
  }

  function list(range: PopularRange, sectionId: number | null): Promise<ArticleListItem[]> {
    const key = `${range}:${sectionId ?? "*"}`;
    const now = clock().getTime();
    const cached = lists.get(key);
    if (cached && now - cached.at < POPULAR_TTL_MS) return cached.value;
    const value = compute(range, sectionId);
    lists.set(key, { at: now, value });
    value.catch(() => lists.delete(key));
    return value;
  }

  return {
    /** One read of a story by whoever sent `userAgent`; bots are not counted. Synchronous, no I/O. */
    record(articleId: number, userAgent: string | undefined): boolean {
      if (isBot(userAgent)) return false;
      add(articleId, 1);
      return true;
    },

    /** Adds the counted reads to the store now (also on shutdown). */
    flush,

    /** Reads counted here and not yet in the store. */
    pendingViews(): number {
      let total = 0;
      for (const views of pending.values()) total += views;
      return total;
    },

    /** The most read live stories of the last 24 hours or 7 days, site-wide or in a section's subtree. */
    popular: list,

    /** Both periods, for a page's Terpopuler block. */
    async popularBoth(sectionId: number | null): Promise<PopularList[]> {
      const ranges = Object.keys(POPULAR_RANGES) as PopularRange[];
      return Promise.all(ranges.map(async (range) => ({ range, items: await list(range, sectionId) })));
    },

    /** Total stored reads of a story since `sinceHour`. */
    async total(articleId: number, sinceHour = ""): Promise<number> {
      return repo.totalOf(db, articleId, sinceHour);
    },

    /** A story's visibility changed: lists showing it must not wait for their TTL. */
    handleEvent(event: DomainEvent): void {
      if ("articleId" in event && (event.before?.live ?? false) !== (event.after?.live ?? false))
        lists.clear();
    },

    start(onError: (error: unknown) => void): void {
      if (timer || flushEveryMs <= 0) return;
      timer = setInterval(() => {
        flush().catch(onError);
      }, flushEveryMs);
      timer.unref();
    },

    /** Stops the timer and writes what is left. */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await flush();
    },
  };
}

export type ArticleViewsService = ReturnType<typeof createArticleViewsService>;
