import type { DomainEvent } from "../core/events.ts";
import type { EventHandler } from "../core/events.ts";
import type { SubscriberScope } from "../services/outbox/outbox.ts";

interface Subscriber {
  handleEvent(event: DomainEvent): void | Promise<void>;
}

/** Everything that reacts to domain events, built by createDeps. */
export interface SubscriberParts {
  sections: Subscriber;
  webhooks: Subscriber;
  search: Subscriber;
  /** The newsroom's index of every story (staff search). */
  newsroomSearch: Subscriber;
  reading: Subscriber;
  relatedStories: Subscriber;
  /** Terpopuler lists drop a story that stops being live without waiting for their TTL. */
  popular: Subscriber;
  purges: Subscriber;
  /** Image derivatives made ahead of the first reader (media/derivative-prewarm.ts). */
  media: Subscriber;
}

/**
 * Who hears each domain event, in this order (each is awaited in turn; a failure is reported and
 * never stops the next one), and where: `node` subscribers keep in-process state and run on every
 * node for every event; `shared` ones keep state in the store and run once per event, on the node
 * that claimed it in the outbox (services/outbox/outbox.ts). This list is the one place subscribers
 * are registered.
 */
export function subscriberOrder(parts: SubscriberParts): Array<[Subscriber, SubscriberScope]> {
  return [
    [parts.sections, "node"], // the cached section tree first: everything after it may read paths
    [parts.webhooks, "shared"], // only enqueues deliveries; sending happens later, never blocking a publish
    [parts.search, "shared"], // the index, before Berita Terkait (which queries it)
    [parts.newsroomSearch, "shared"], // staff search: every story, drafts included
    [parts.reading, "node"], // kept list counts, before any re-render
    [parts.relatedStories, "shared"], // Berita Terkait lists, after the search index
    [parts.popular, "node"], // Terpopuler lists, before any re-render
    [parts.purges, "node"], // page cache and CDN last: a re-render after the purge sees all of the above
    // Only queues (never awaited), on every node: its own disk may need the files; on shared
    // storage the node that claims the image version in the store encodes (docs/media.md).
    [parts.media, "node"],
  ];
}

/** Subscribes `subscriberOrder(parts)` to the outbox; returns the unsubscribe. */
export function registerSubscribers(
  outbox: { subscribe(handler: EventHandler, scope: SubscriberScope): () => void },
  parts: SubscriberParts,
): () => void {
  const unsubscribes = subscriberOrder(parts).map(([subscriber, scope]) =>
    outbox.subscribe((event) => subscriber.handleEvent(event), scope),
  );
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
