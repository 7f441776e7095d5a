import type { ArticleEvent, DomainEvent } from "../core/events.ts";
import type { Store } from "../db/store.ts";
import type { ArticleListItem } from "../db/read/reading.models.ts";
import type { ReadingService } from "./reading.service.ts";

/** How many ids are kept per article: more than shown, so a few unpublished ones can be dropped. */
const STORED = 8;
/**
 * The background computation waits this long after the event, so it does not compete with the
 * re-renders of the pages the same publish purged (publish-to-visible, docs/performance.md).
 */
const DEFER_MS = 1_000;
/** Bound on the background queue (its ids are asked for again on a later render). */
const MAX_QUEUED = 10_000;

export interface RelatedStoriesDeps {
  store: Store;
  clock: () => Date;
  reading: Pick<ReadingService, "liveItems">;
  /** The search service's "more like this" (src/search); the one expensive step. */
  related(articleId: number, limit: number): Promise<ArticleListItem[]>;
  /** Delay of the background computation after an event (default DEFER_MS). */
  deferMs?: number;
  /** False: events only drop stale lists; missing lists are computed on first render (one-shot commands). */
  background?: boolean;
}

/**
 * Berita Terkait without a search query per page render. The list is computed by the search
 * service when an article is published or updated (in the background, a second after the event,
 * so neither the publish, the cache purge nor the re-renders that follow wait for it), stored in
 * `related_stories` (migration 006), and read at render by primary key. An article without a
 * stored list (published before this existed, bulk-generated, or rendered before the background
 * work ran) computes it on its first render, one render at a time: renders that miss while one computes show no Berita Terkait and
 * queue the article for the background (the page gains it when next rendered; every publish
 * purges all article pages through the `latest` key).
 *
 * Liveness is checked when the list is read, never when it is stored: a story unpublished later
 * simply drops out (its `article:ID` surrogate key is on every page that showed it, so those pages
 * are purged and re-render without it). Lists are not recomputed when newer stories appear; an
 * update of the article recomputes its list.
 */
export function createRelatedStoriesService(deps: RelatedStoriesDeps) {
  const { store, clock, reading } = deps;
  const db = store.db;
  const deferMs = deps.deferMs ?? DEFER_MS;
  const background = deps.background ?? true;
  let throttle = 1;
  const queued = new Set<number>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  /** Computes the queued lists that are still missing, one after another. */
  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const ids = [...queued];
    queued.clear();
    running = running.then(async () => {
      for (const articleId of ids) {
        const started = performance.now();
        // A failure here only means the first render computes the list instead.
        await stored(articleId)
          .then((found) => (found ? undefined : compute(articleId)))
          .catch(() => undefined);
        // At most a quarter of the event loop: readers' requests come first.
        const pause = (performance.now() - started) * 3 * throttle;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    });
    return running;
  }

  function enqueue(articleId: number): void {
    if (!background) return; // the server computes it on first render
    if (queued.size >= MAX_QUEUED) return; // asked again on a later render
    queued.add(articleId);
    if (!timer) {
      timer = setTimeout(() => void flush(), deferMs);
      timer.unref();
    }
  }

  /** Whether a render is computing a missing list right now (at most one at a time). */
  let computingInline = false;

  async function compute(articleId: number): Promise<number[]> {
    const ids = (await deps.related(articleId, STORED)).map((item) => item.id);
    const row = { related_ids: JSON.stringify(ids), computed_at: clock().toISOString() };
    await db
      .insertInto("related_stories")
      .values({ article_id: articleId, ...row })
      .onConflict((oc) => oc.column("article_id").doUpdateSet(row))
      .execute();
    return ids;
  }

  async function stored(articleId: number): Promise<number[] | null> {
    const row = await db
      .selectFrom("related_stories")
      .select("related_ids")
      .where("article_id", "=", articleId)
      .executeTakeFirst();
    return row ? (JSON.parse(row.related_ids) as number[]) : null;
  }

  return {
    /** Up to `limit` live related stories, best first; computed and stored on first use. */
    async forArticle(articleId: number, limit = 5): Promise<ArticleListItem[]> {
      let ids = await stored(articleId);
      if (!ids) {
        // One render at a time computes a missing list; renders that miss meanwhile (a crawl of
        // the archive) show none and queue it, so a burst of misses never runs a search each.
        if (computingInline) {
          enqueue(articleId);
          ids = [];
        } else {
          computingInline = true;
          try {
            ids = await compute(articleId);
          } finally {
            computingInline = false;
          }
        }
      }
      return (await reading.liveItems(ids)).filter((item) => item.id !== articleId).slice(0, limit);
    },

    /** Recomputes one article's list now (tests, maintenance). */
    recompute: (articleId: number) => compute(articleId),

    /**
     * The event subscriber (app/deps.ts, after the search index's). A live article's stored
     * list is dropped at once and recomputed in the background; a non-live one's is dropped.
     */
    async handleEvent(event: DomainEvent): Promise<void> {
      if (!event.type.startsWith("article.")) return;
      const { articleId, after } = event as ArticleEvent;
      if (event.type === "article.created") return;
      await db.deleteFrom("related_stories").where("article_id", "=", articleId).execute();
      if (!after?.live) {
        queued.delete(articleId);
        return;
      }
      enqueue(articleId);
    },

    /** Computes what is queued now, unthrottled, and resolves when done (tests, maintenance). */
    async settled(): Promise<void> {
      throttle = 0;
      try {
        await flush();
      } finally {
        throttle = 1;
      }
    },

    /** Drops what is queued (never computed: the first render will) and waits for work in flight. */
    async stop(): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = null;
      queued.clear();
      await running;
    },
  };
}

export type RelatedStoriesService = ReturnType<typeof createRelatedStoriesService>;
