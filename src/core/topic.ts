/**
 * Topik Pilihan: an editor-curated topic that follows a story over weeks (`/topik/{slug}`): a
 * title, an introduction, an optional pinned story and the timeline of its stories.
 */
export interface Topic {
  id: number;
  slug: string;
  title: string;
  intro: string;
  /** Shown above the timeline while it is live; always one of the topic's stories. */
  pinnedArticleId: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a story page shows of each topic it belongs to: a label linking to the topic. */
export interface TopicRef {
  id: number;
  slug: string;
  title: string;
}

export const topicPath = (slug: string): string => `/topik/${slug}`;
