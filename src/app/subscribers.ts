import type { DomainEvent, EventBus } from "../core/events.ts";

interface Subscriber {
  handleEvent(event: DomainEvent): void | Promise<void>;
}

/** Everything that reacts to domain events, built by createDeps. */
export interface SubscriberParts {
  sections: Subscriber;
  webhooks: Subscriber;
  search: Subscriber;
  reading: Subscriber;
  relatedStories: Subscriber;
  /** Terpopuler lists drop a story that stops being live without waiting for their TTL. */
  popular: Subscriber;
  purges: Subscriber;
}

/**
 * Who hears each domain event, in this order (the bus awaits each in turn; a failure is reported
 * and never stops the next one). This list is the one place subscribers are registered.
 */
export function subscriberOrder(parts: SubscriberParts): Subscriber[] {
  return [
    parts.sections, // the cached section tree first: everything after it may read paths
    parts.webhooks, // only enqueues deliveries; sending happens later, never blocking a publish
    parts.search, // the index, before Berita Terkait (which queries it)
    parts.reading, // kept list counts, before any re-render
    parts.relatedStories, // Berita Terkait lists, after the search index
    parts.popular, // Terpopuler lists, before any re-render
    parts.purges, // page cache and CDN last: a re-render after the purge sees all of the above
  ];
}

/** Subscribes `subscriberOrder(parts)` to `events`; returns the unsubscribe. */
export function registerSubscribers(events: EventBus, parts: SubscriberParts): () => void {
  const unsubscribes = subscriberOrder(parts).map((subscriber) =>
    events.subscribe((event) => subscriber.handleEvent(event)),
  );
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
