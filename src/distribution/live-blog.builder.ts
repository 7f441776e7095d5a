import { formatIsoWithOffset } from "../core/house-date.ts";
import { liveEntryAnchor, type LiveBlog, type LiveEntry } from "../core/live-blog.ts";
import type { MediaView } from "../content/body-html.renderer.ts";
import type { IndonesianTimeZone } from "../core/time-zones.ts";
import type { SiteInfo } from "./distribution.models.ts";
import { publisherJsonLd } from "./json-ld.builder.ts";

/** How many of the newest entries the JSON-LD lists (the page shows all of them). */
export const LIVE_BLOG_UPDATES = 50;

/** A headline for an entry: its first sentence or line, at most 110 characters (Google's limit). */
export function entryHeadline(text: string): string {
  const first = text.split(/\n|(?<=[.!?])\s/)[0]?.trim() ?? "";
  return first.length <= 110 ? first : `${first.slice(0, 109).trimEnd()}…`;
}

/** What an entry says in words: its text, else an image's caption or an embed's title. */
function entryWords(entry: LiveEntry): string {
  const { text, image, embed } = entry.content;
  return text || image?.caption || embed?.title || embed?.url || "";
}

/** An entry's picture or embedded post, as BlogPosting properties (absolute URLs). */
function entryMedia(
  entry: LiveEntry,
  media: ReadonlyMap<number, MediaView>,
  siteUrl: string,
): Record<string, unknown> {
  const photo = entry.content.image ? media.get(entry.content.image.mediaId) : undefined;
  if (photo) {
    const url = /^https?:\/\//.test(photo.url) ? photo.url : siteUrl + photo.url;
    return {
      image: {
        "@type": "ImageObject",
        url,
        contentUrl: url,
        width: photo.width,
        height: photo.height,
        ...(entry.content.image?.caption ? { caption: entry.content.image.caption } : {}),
        ...(entry.content.image?.credit ? { creditText: entry.content.image.credit } : {}),
      },
    };
  }
  if (entry.content.embed) return { sharedContent: { "@type": "WebPage", url: entry.content.embed.url } };
  return {};
}

/**
 * schema.org `LiveBlogPosting` of a live blog: the coverage window (`coverageStartTime`,
 * `coverageEndTime` once closed) and the newest entries as `liveBlogUpdate` BlogPostings (with the
 * `image` of a photo entry, the `sharedContent` of an embed). Only entries readers see are given.
 */
export function liveBlogPostingJsonLd(
  blog: LiveBlog,
  entries: readonly LiveEntry[],
  media: ReadonlyMap<number, MediaView>,
  story: {
    url: string;
    headline: string;
    description: string;
    publishedAt: Date;
    modifiedAt: Date;
    timeZone: IndonesianTimeZone;
  },
  site: SiteInfo,
): Record<string, unknown> {
  const iso = (date: Date) => formatIsoWithOffset(date, story.timeZone);
  const newest = entries[0]?.updatedAt;
  const modified = newest && newest > story.modifiedAt ? newest : story.modifiedAt;
  return {
    "@context": "https://schema.org",
    "@type": "LiveBlogPosting",
    "@id": `${story.url}#liputan-langsung`,
    url: story.url,
    headline: story.headline,
    description: story.description,
    inLanguage: "id",
    datePublished: iso(story.publishedAt),
    dateModified: iso(modified),
    coverageStartTime: iso(blog.coverageStart),
    ...(blog.coverageEnd ? { coverageEndTime: iso(blog.coverageEnd) } : {}),
    publisher: publisherJsonLd(site),
    author: publisherJsonLd(site),
    liveBlogUpdate: entries.slice(0, LIVE_BLOG_UPDATES).map((entry) => ({
      "@type": "BlogPosting",
      "@id": `${story.url}#${liveEntryAnchor(entry.id)}`,
      url: `${story.url}#${liveEntryAnchor(entry.id)}`,
      headline: entryHeadline(entryWords(entry)),
      articleBody: entryWords(entry),
      datePublished: iso(entry.publishedAt),
      dateModified: iso(entry.updatedAt),
      ...entryMedia(entry, media, site.siteUrl),
    })),
  };
}
