import type { ArticleEvent, DomainEvent } from "../core/events.ts";
import type { Executor } from "../db/repositories/executor.ts";
import type { ArticleListItem } from "../db/read/reading.models.ts";
import type { ReadingService } from "./reading.service.ts";
import { createRelatedStoriesStore } from "./related-stories.store.ts";

/** How many ids are kept per article: more than shown, so a few unpublished ones can be dropped. */
const STORED = 8;
/**
 * The background computation waits this long after the event, so it does not compete with the
 * re-renders of the pages the same publish purged (publish-to-visible, docs/performance.md).
 */
const DEFER_MS = 1_000;
/** Bound on the background queue (its ids are asked for again on a later render). */
const MAX_QUEUED = 10_000;

/**
 * Why a list is queued: "changed" (the story was published or edited: its list is computed and
 * the stories on it are flagged stale, as their lists may now include it) or "fill" (missing or
 * stale list: computed unless a fresh one is stored by then).
 */
type Reason = "changed" | "fill";

export interface RelatedStoriesDeps {
  db: Executor;
  clock: () => Date;
  reading: Pick<ReadingService, "liveItems">;
  /** The search service's "more like this" (src/search); the one expensive step. */
  related(articleId: number, limit: number): Promise<ArticleListItem[]>;
  /** Delay of the background computation after an event (default DEFER_MS). */
  deferMs?: number;
  /** False: nothing is computed in the background (one-shot commands); events only drop or flag lists. */
  background?: boolean;
}

export interface FillProgress {
  (done: number, total: number): void;
}

/**
 * Berita Terkait without a search query per page render. A list is computed by the search
 * service in the background (a second after the event that published or changed the story, so
 * neither the publish, the cache purge nor the re-renders that follow wait for it), stored in
 * `related_stories` (migration 006), and read at render by primary key. A render never computes a
 * list: a story without one (an archive imported or generated before `warta related --all` ran)
 * renders without Berita Terkait and is queued for the background.
 *
 * Freshness: when a story is published or changed, the stories on its new list are the ones
 * most like it — the ones whose own lists would now include it — so their rows are flagged
 * `stale` (migration 014) and recomputed in the background; a stale list is still shown until
 * then. Flags survive a restart (the server picks them up when it starts) and
 * `warta related --all` recomputes them too.
 *
 * Liveness is checked when the list is read, never when it is stored: a story unpublished later
 * simply drops out (its `article:ID` surrogate key is on every page that showed it).
 */
export function createRelatedStoriesService(deps: RelatedStoriesDeps) {
  const { clock, reading } = deps;
  const store = createRelatedStoriesStore(deps.db);
  const deferMs = deps.deferMs ?? DEFER_MS;
  const background = deps.background ?? true;
  let throttle = 1;
  const queued = new Map<number, Reason>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  /** Computes the queued lists, one after another, at most a quarter of the event loop. */
  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const work = [...queued];
    queued.clear();
    running = running.then(async () => {
      for (const [articleId, reason] of work) {
        const started = performance.now();
        // A failure leaves the list missing or stale: asked again on a later render or start.
        await refresh(articleId, reason).catch(() => undefined);
        const pause = (performance.now() - started) * 3 * throttle;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    });
    return running;
  }

  async function refresh(articleId: number, reason: Reason): Promise<void> {
    const row = await store.read(articleId);
    const fresh = row !== null && !row.stale;
    if (reason === "fill" && fresh) return;
    const ids = fresh ? row.ids : await compute(articleId);
    if (reason !== "changed") return;
    const neighbours = ids.filter((id) => id !== articleId);
    await store.markStale(neighbours);
    for (const id of neighbours) enqueue(id, "fill");
  }

  function enqueue(articleId: number, reason: Reason): void {
    if (!background) return; // `warta related --all` or a server fills it
    if (queued.size >= MAX_QUEUED && !queued.has(articleId)) return; // asked again later
    if (queued.get(articleId) !== "changed") queued.set(articleId, reason);
    if (!timer) {
      timer = setTimeout(() => void flush(), deferMs);
      timer.unref();
    }
  }

  async function compute(articleId: number): Promise<number[]> {
    const ids = (await deps.related(articleId, STORED)).map((item) => item.id);
    await store.write(articleId, ids, clock());
    return ids;
  }

  if (background)
    // Flags left by a previous run (stopped before its background work finished).
    void store
      .staleIds(MAX_QUEUED)
      .then((ids) => ids.forEach((id) => enqueue(id, "fill")))
      .catch(() => undefined);

  return {
    /** Up to `limit` live related stories, best first, from the stored list (queued when missing). */
    async forArticle(articleId: number, limit = 5): Promise<ArticleListItem[]> {
      const row = await store.read(articleId);
      if (!row) {
        enqueue(articleId, "fill");
        return [];
      }
      return (await reading.liveItems(row.ids)).filter((item) => item.id !== articleId).slice(0, limit);
    },

    /** Recomputes one article's list now (tests, maintenance). */
    recompute: (articleId: number) => compute(articleId),

    /**
     * `warta related --all`: computes the list of every live story whose list is missing or
     * stale, oldest id first, writing each as it goes (so a stopped run resumes where it was).
     * With `ids`, only those stories. Returns how many lists were computed.
     */
    async fill(options: { progress?: FillProgress; ids?: number[] } = {}): Promise<number> {
      const now = clock();
      const total = await store.countToFill(now, options.ids);
      let done = 0;
      let after = 0;
      for (;;) {
        const batch = await store.idsToFill(now, after, 500, options.ids);
        if (batch.length === 0) break;
        for (const articleId of batch) {
          await compute(articleId);
          done += 1;
          options.progress?.(done, total);
        }
        after = batch[batch.length - 1] as number;
      }
      return done;
    },

    /**
     * The event subscriber (app/deps.ts, after the search index's). A live article's stored
     * list is dropped at once and recomputed in the background (which flags the stories on its
     * new list stale); a non-live one's is dropped.
     */
    async handleEvent(event: DomainEvent): Promise<void> {
      if (!event.type.startsWith("article.")) return;
      const { articleId, after } = event as ArticleEvent;
      if (event.type === "article.created") return;
      await store.drop(articleId);
      if (!after?.live) {
        queued.delete(articleId);
        return;
      }
      enqueue(articleId, "changed");
    },

    /** Computes what is queued now, unthrottled, and resolves when nothing is left (tests, maintenance). */
    async settled(): Promise<void> {
      throttle = 0;
      try {
        while (queued.size > 0) await flush();
        await running;
      } finally {
        throttle = 1;
      }
    },

    /** Drops what is queued (flags stay in the store) and waits for work in flight. */
    async stop(): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = null;
      queued.clear();
      await running;
    },
  };
}

export type RelatedStoriesService = ReturnType<typeof createRelatedStoriesService>;
