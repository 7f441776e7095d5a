import type { FeedEntry, FeedModel, SiteInfo } from "./distribution.models.ts";
import { isAuthorRole } from "./distribution.models.ts";
import { formatRfc3339 } from "./feed-dates.ts";

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

/**
 * Warta's JSON Feed extension (`_warta`, as the spec allows): what the core format has no field
 * for — every credit with its role, the hero caption and credit, and the sources.
 */
export interface JsonFeedWartaExtension {
  section: string;
  credits: { role: string; name: string; url: string }[];
  image_caption?: string;
  image_credit?: string;
  sources: { name: string; url?: string }[];
}

function item(entry: FeedEntry, fullText: boolean) {
  const authors = entry.people.filter((p) => isAuthorRole(p.role));
  const extension: JsonFeedWartaExtension = {
    section: entry.section.name,
    credits: entry.people.map((p) => ({ role: p.role, name: p.name, url: p.url })),
    ...(entry.image?.caption ? { image_caption: entry.image.caption } : {}),
    ...(entry.image?.credit ? { image_credit: entry.image.credit } : {}),
    sources: entry.sources.map((s) => (s.url ? { name: s.name, url: s.url } : { name: s.name })),
  };
  return {
    id: entry.guid,
    url: entry.url,
    title: entry.headline,
    ...(fullText && entry.contentHtml !== null
      ? { content_html: entry.contentHtml }
      : { content_text: entry.summary }),
    summary: entry.summary,
    ...(entry.image ? { image: entry.image.url } : {}),
    date_published: formatRfc3339(entry.publishedAt, entry.timeZone),
    ...(entry.updatedAt ? { date_modified: formatRfc3339(entry.updatedAt, entry.timeZone) } : {}),
    ...(authors.length > 0 ? { authors: authors.map((p) => ({ name: p.name, url: p.url })) } : {}),
    tags: [entry.section.name, ...entry.tags.map((t) => t.name)],
    language: "id",
    _warta: extension,
  };
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1), as a string. */
export function buildJsonFeed(feed: FeedModel, site: SiteInfo): string {
  const self = feed.fullText ? `${feed.feedUrls.json}?lengkap=1` : feed.feedUrls.json;
  return JSON.stringify({
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: feed.pageUrl,
    feed_url: self,
    description: feed.description,
    icon: site.logoUrl,
    favicon: site.logoUrl,
    language: "id",
    authors: [{ name: site.siteName, url: `${site.siteUrl}/` }],
    items: feed.entries.map((entry) => item(entry, feed.fullText)),
  });
}
