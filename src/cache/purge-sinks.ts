import type { DomainEvent } from "../core/events.ts";
import { keysToPurge } from "./purge-keys.ts";

/** Receives the surrogate keys an event touched (the page cache, the CDN purge hook). */
export type PurgeSink = (keys: string[]) => void;

/**
 * The cache-purge subscriber: computes an event's keys once (purge-keys.ts) and hands them to
 * every sink. The page-cache plugin adds its sink when an app starts and removes it on close,
 * while the subscriber itself keeps its place in app/subscribers.ts.
 */
export function createPurgeSinks(
  options: {
    /** The topics (Topik Pilihan) of a story: its publish purges their pages too. */
    topicsOf?: (articleId: number) => Promise<readonly number[]>;
  } = {},
) {
  const sinks = new Set<PurgeSink>();
  return {
    add(sink: PurgeSink): () => void {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    async handleEvent(event: DomainEvent): Promise<void> {
      if (sinks.size === 0) return;
      let keys = keysToPurge(event);
      if (keys.length === 0) return;
      if ("articleId" in event && options.topicsOf) {
        const topicIds = await options.topicsOf(event.articleId);
        if (topicIds.length > 0) keys = keysToPurge(event, { topicIds });
      }
      for (const sink of sinks) sink(keys);
    },
  };
}

export type PurgeSinks = ReturnType<typeof createPurgeSinks>;
