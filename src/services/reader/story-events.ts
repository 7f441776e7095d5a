import type { Article } from "../../core/article.ts";
import type { EventBus } from "../../core/events.ts";
import type { SectionsService } from "../sections.service.ts";
import { snapshotOf } from "../article-snapshot.ts";

/**
 * Tells every subscriber (page cache and CDN purge, search, webhooks) that what readers see of a
 * story changed without a new article revision: a fact-check's verdict, a live blog's entry, a topic
 * label. It is an `article.updated` with the same before and after snapshot, so the purge keys are
 * the article's (cache/purge-keys.ts) and nothing is purged for a story readers cannot see.
 */
export async function announceStoryChange(
  deps: { events: EventBus; sections: SectionsService; clock: () => Date },
  article: Article,
): Promise<void> {
  const now = deps.clock();
  const snapshot = snapshotOf(article, await deps.sections.directory(), now);
  await deps.events.publish({
    type: "article.updated",
    articleId: article.id,
    at: now,
    before: snapshot,
    after: snapshot,
  });
}
