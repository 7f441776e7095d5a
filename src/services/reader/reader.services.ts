import type { EventBus } from "../../core/events.ts";
import type { Executor } from "../../db/repositories/executor.ts";
import type { EventRecorder } from "../services.ts";
import type { ArticlesService } from "../articles.service.ts";
import type { ReadingService } from "../reading.service.ts";
import type { SectionsService } from "../sections.service.ts";
import { createFactChecksService } from "./fact-checks.service.ts";
import { createIndexPagesService } from "./index-pages.service.ts";
import { createArticleViewsService } from "./article-views.service.ts";
import { createTopicsService } from "./topics.service.ts";
import { createLiveBlogsService } from "./live-blogs.service.ts";

export interface ReaderServicesDeps {
  db: Executor;
  clock: () => Date;
  sections: SectionsService;
  reading: ReadingService;
  events: EventBus;
  /** The transactional outbox: each change is written with its events in one transaction. */
  outbox?: EventRecorder;
  articles: Pick<ArticlesService, "get">;
  /** How often view counts are added to the store; 0: only by `views.flush()` (tests). */
  viewFlushEveryMs?: number;
}

/** What readers of a portal expect beyond the article and its lists (docs/reader-features.md). */
export function createReaderServices(deps: ReaderServicesDeps) {
  return {
    indexPages: createIndexPagesService(deps),
    factChecks: createFactChecksService(deps),
    topics: createTopicsService(deps),
    liveBlogs: createLiveBlogsService(deps),
    views: createArticleViewsService({
      ...deps,
      ...(deps.viewFlushEveryMs !== undefined ? { flushEveryMs: deps.viewFlushEveryMs } : {}),
    }),
  };
}

export type ReaderServices = ReturnType<typeof createReaderServices>;
