/**
 * Typed domain events (DESIGN.md §4, §5.8). Every article event carries what the article looked
 * like to readers before and after, so subscribers (search, cache purge, feeds, webhooks) can act
 * without reading the store again — including the old URL on a slug change.
 */
export interface ArticleSnapshot {
  articleId: number;
  /** Canonical path, e.g. `/dunia/asia/12/judul-berita`. */
  urlPath: string;
  /** The section and its ancestors, root first. */
  sectionIds: number[];
  tagIds: number[];
  personIds: number[];
  /** Images shown (hero and body): their files are public while the article is live. */
  mediaIds?: number[];
  /** Visible to readers at the moment of the event. */
  live: boolean;
}

export type ArticleEventType =
  | "article.created"
  | "article.published"
  | "article.updated"
  | "article.unpublished"
  | "article.slugChanged"
  | "article.deleted";

export interface ArticleEvent {
  type: ArticleEventType;
  articleId: number;
  at: Date;
  before: ArticleSnapshot | null;
  after: ArticleSnapshot | null;
}

export interface TaxonomyEvent {
  /** `topic.changed`: a Topik Pilihan's title, intro, pin or stories changed (or it was deleted). */
  type: "section.changed" | "person.changed" | "tag.changed" | "topic.changed";
  id: number;
  at: Date;
}

/** An image was stored, its description, focal point or file changed, or it was deleted. */
export interface MediaEvent {
  type: "media.changed";
  id: number;
  at: Date;
}

export type DomainEvent = ArticleEvent | TaxonomyEvent | MediaEvent;

export type EventHandler = (event: DomainEvent) => void | Promise<void>;

export interface EventBus {
  publish(event: DomainEvent): Promise<void>;
  subscribe(handler: EventHandler): () => void;
}

/**
 * In-process bus: handlers run in subscription order; a failing handler is reported through
 * `onError` and never stops the others or the use case that published the event.
 */
export function createEventBus(onError: (error: unknown, event: DomainEvent) => void): EventBus {
  const handlers: EventHandler[] = [];
  return {
    async publish(event) {
      for (const handler of handlers) {
        try {
          await handler(event);
        } catch (error) {
          onError(error, event);
        }
      }
    },
    subscribe(handler) {
      handlers.push(handler);
      return () => {
        const index = handlers.indexOf(handler);
        if (index >= 0) handlers.splice(index, 1);
      };
    },
  };
}
