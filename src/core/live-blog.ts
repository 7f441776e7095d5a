import type { EmbedProvider } from "../content/embed-providers.ts";
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

export const LIVE_ENTRY_KINDS = ["text", "quote", "image", "embed"] as const;
export type LiveEntryKind = (typeof LIVE_ENTRY_KINDS)[number];

/** An image of the media library shown in an entry (its alt text comes from the library). */
export interface LiveEntryImage {
  mediaId: number;
  caption?: string;
  credit?: string;
}

/** A post from another platform, as the article body's embed block (content/body.schema.ts). */
export interface LiveEntryEmbed {
  provider: EmbedProvider;
  url: string;
  title?: string;
}

/**
 * An entry's content: plain text (paragraphs split on blank lines; may be empty beside an image or
 * an embed), a quote has its speaker, an image entry its picture, an embed entry its post.
 */
export interface LiveEntryContent {
  text: string;
  attribution?: string;
  image?: LiveEntryImage;
  embed?: LiveEntryEmbed;
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
  /** When readers see it: the posting time, or a later one for a scheduled entry. */
  publishedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A scheduled entry waits for its time: nowhere (page, stream, JSON-LD, feeds) before it. Once
 * its time has come it is *released* — its cached page purged and open pages told — which marks it
 * by moving `updatedAt` to the release time; until then `updatedAt` is before `publishedAt`.
 */
export const isLiveEntryPending = (entry: Pick<LiveEntry, "publishedAt" | "updatedAt">): boolean =>
  entry.updatedAt.getTime() < entry.publishedAt.getTime();

/** The media id an entry shows, if any (an image entry). */
export const liveEntryMediaId = (entry: LiveEntry): number | null => entry.content.image?.mediaId ?? null;

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
