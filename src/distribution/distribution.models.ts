import type { CreditRole, Source } from "../core/article.ts";
import type { IndonesianTimeZone } from "../core/time-zones.ts";

/** Absolute URLs and names the builders need about the site itself. */
export interface SiteInfo {
  siteUrl: string;
  siteName: string;
  /** Absolute URL of the publisher logo (PNG). */
  logoUrl: string;
  logoWidth: number;
  logoHeight: number;
  description: string;
}

export interface FeedPerson {
  name: string;
  /** Absolute URL of the person page. */
  url: string;
  role: CreditRole;
}

export interface FeedImage {
  /** Absolute URL. */
  url: string;
  mimeType: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

/** One live article as feeds show it. Every URL is absolute. */
export interface FeedEntry {
  id: number;
  /** Stable across slug and section changes: `tag:{host},{first-published-date}:artikel/{id}`. */
  guid: string;
  url: string;
  headline: string;
  summary: string;
  /** Full text as HTML (hero figure, dateline, body) when the full-text feed is asked for. */
  contentHtml: string | null;
  publishedAt: Date;
  updatedAt: Date | null;
  timeZone: IndonesianTimeZone;
  section: { name: string; url: string };
  tags: { name: string; url: string }[];
  /** Every credit, in credit-line order (penulis, editor, fotografer, kontributor). */
  people: FeedPerson[];
  image: FeedImage | null;
  sources: Source[];
}

/** A feed: what it describes plus its newest live entries, newest first. */
export interface FeedModel {
  title: string;
  description: string;
  /** Absolute URL of the page the feed describes. */
  pageUrl: string;
  /** Absolute URLs of this feed in each format (`self` and alternates). */
  feedUrls: { rss: string; atom: string; json: string };
  /** Whether `contentHtml` is filled (`?lengkap=1`). */
  fullText: boolean;
  /** Newest publication or update among the entries (now when there are none). */
  updated: Date;
  entries: FeedEntry[];
  /** Surrogate keys for the cache (`feeds`, `section:ID`, …). */
  surrogateKeys: string[];
}

/** One `<url>` of a sitemap. */
export interface SitemapUrl {
  loc: string;
  lastmod: Date | null;
}

/** One `<sitemap>` of the sitemap index. */
export interface SitemapRef {
  loc: string;
  lastmod: Date | null;
}

/** One article of the Google News sitemap. */
export interface NewsSitemapEntry {
  loc: string;
  headline: string;
  publishedAt: Date;
  timeZone: IndonesianTimeZone;
  keywords: string[];
}

export const AUTHOR_ROLES: readonly CreditRole[] = ["penulis", "kontributor"];
export const isAuthorRole = (role: CreditRole): boolean => AUTHOR_ROLES.includes(role);
