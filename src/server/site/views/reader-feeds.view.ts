import { html, type SafeHtml } from "../../../content/html.ts";
import { readerFeedPath } from "../../../services/reader/reader-feed.ts";

/** Base path of the Cek Fakta feeds: `/feed/cek-fakta/rss.xml`, `atom.xml`, `feed.json`. */
export const FACT_CHECK_FEED = "/feed/cek-fakta";
/** Base path of a topic's feeds: `/feed/topik/{slug}/rss.xml`, … */
export const topicFeedBase = (slug: string): string => `/feed/topik/${slug}`;

/** `<link rel="alternate">` for a reader list's feeds, as the site's other lists have. */
export function readerFeedLinks(base: string, title: string): SafeHtml {
  return html`<link rel="alternate" type="application/rss+xml" title="${title} (RSS)" href="${readerFeedPath(base, "rss")}">
<link rel="alternate" type="application/atom+xml" title="${title} (Atom)" href="${readerFeedPath(base, "atom")}">
<link rel="alternate" type="application/feed+json" title="${title} (JSON Feed)" href="${readerFeedPath(base, "json")}">`;
}
