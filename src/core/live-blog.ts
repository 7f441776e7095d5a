/**
 * Live blog: a story whose body is a stream of timestamped entries posted while an event unfolds.
 * The article (headline, lede, section, workflow, embargo) is an ordinary article; this is its
 * coverage window and its entries.
 */
export interface LiveBlog {
  articleId: number;
  coverageStart: Date;
  /** When the coverage ended (a closed live blog says so); null while it runs. */
  coverageEnd: Date | null;
  updatedAt: Date;
}

export const LIVE_ENTRY_KINDS = ["text", "quote"] as const;
export type LiveEntryKind = (typeof LIVE_ENTRY_KINDS)[number];

/** An entry's content: plain text (paragraphs split on blank lines), a quote has its speaker. */
export interface LiveEntryContent {
  text: string;
  attribution?: string;
}

export interface LiveEntry {
  id: number;
  articleId: number;
  kind: LiveEntryKind;
  content: LiveEntryContent;
  /** The "Ringkasan": one entry of a live blog pinned above the stream. */
  pinned: boolean;
  /** A public note when an entry was corrected after it was posted. */
  correction: string | null;
  publishedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export function isLiveBlogOpen(blog: LiveBlog, now: Date): boolean {
  return blog.coverageEnd === null || blog.coverageEnd.getTime() > now.getTime();
}

/** The anchor of an entry on the page (`#entri-12`), also its id in the live stream. */
export const liveEntryAnchor = (id: number): string => `entri-${id}`;

/** What readers see of a live blog now: entries newest first, the pinned "Ringkasan" among them. */
export interface LiveBlogState {
  blog: LiveBlog;
  open: boolean;
  entries: LiveEntry[];
  pinned: LiveEntry | null;
}
