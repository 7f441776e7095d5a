import type { Article } from "../../core/article.ts";
import type { ArticleEvent, DomainEvent, EventBus } from "../../core/events.ts";
import type { Executor } from "../../db/repositories/executor.ts";
import { inTransaction } from "../../db/transaction.ts";
import { snapshotOf } from "../article-snapshot.ts";
import type { SectionsService } from "../sections.service.ts";
import type { EventRecorder } from "../services.ts";

export interface StoryEventDeps {
  db: Executor;
  events: EventBus;
  sections: SectionsService;
  clock: () => Date;
  /**
   * The transactional outbox (services/outbox/outbox.ts): with it, a change and its events are
   * written in one transaction and delivered from the outbox after the commit. Without it (a
   * bare bus), the events are published after the commit.
   */
  outbox?: EventRecorder;
}

/**
 * What every subscriber (page cache and CDN purge, search, webhooks, open live-blog pages on every
 * node) hears when what readers see of a story changed without a new article revision: a
 * fact-check's verdict, a live blog's entry, a topic label. It is an `article.updated` with the
 * same before and after snapshot, so the purge keys are the article's (cache/purge-keys.ts) and
 * nothing is purged for a story readers cannot see.
 */
export async function storyChanged(deps: StoryEventDeps, article: Article): Promise<ArticleEvent> {
  const now = deps.clock();
  const snapshot = snapshotOf(article, await deps.sections.directory(), now);
  return { type: "article.updated", articleId: article.id, at: now, before: snapshot, after: snapshot };
}

/**
 * The reader services' unit of work: `write` runs in one transaction together with the append of
 * its events to the outbox, so a change is announced if and only if it committed; the events are
 * delivered after the commit (this node's subscribers at once, other nodes on their outbox's
 * NOTIFY or poll). Anything the events need from the store is read before (`events` only shapes
 * them from `write`'s result): the transaction holds the store's writer.
 */
export async function commitWithEvents<T>(
  deps: StoryEventDeps,
  write: (tx: Executor) => Promise<T>,
  events: (value: T) => DomainEvent[],
): Promise<T> {
  const { outbox } = deps;
  let held: DomainEvent[] = [];
  const value = await inTransaction(deps.db, async (tx) => {
    const result = await write(tx);
    held = events(result);
    if (outbox) await outbox.record(tx, held);
    return result;
  });
  if (!outbox) for (const event of held) await deps.events.publish(event);
  else if (held.length > 0 && !deps.db.isTransaction) await outbox.drain();
  return value;
}
