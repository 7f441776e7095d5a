import type { FeedEntry, FeedModel, SiteInfo } from "./distribution.models.ts";
import { isAuthorRole } from "./distribution.models.ts";
import { formatRfc3339, formatRfc822 } from "./feed-dates.ts";
import { mediaContent } from "./media-rss.ts";
import { cdata, xml, xmlDocument, type SafeXml } from "./xml.ts";

const SITE_ZONE = "Asia/Jakarta";

function item(entry: FeedEntry): SafeXml {
  const creators = entry.people.filter((p) => isAuthorRole(p.role));
  const contributors = entry.people.filter((p) => !isAuthorRole(p.role));
  const image = entry.image;
  return xml`
    <item>
      <title>${entry.headline}</title>
      <link>${entry.url}</link>
      <guid isPermaLink="false">${entry.guid}</guid>
      <pubDate>${formatRfc822(entry.publishedAt, entry.timeZone)}</pubDate>${
        entry.updatedAt
          ? xml`
      <dcterms:modified>${formatRfc3339(entry.updatedAt, entry.timeZone)}</dcterms:modified>`
          : ""
      }
      <description>${entry.summary}</description>${
        entry.contentHtml !== null
          ? xml`
      <content:encoded>${cdata(entry.contentHtml)}</content:encoded>`
          : ""
      }${creators.map(
        (p) => xml`
      <dc:creator>${p.name}</dc:creator>`,
      )}${contributors.map(
        (p) => xml`
      <dc:contributor>${p.name}</dc:contributor>`,
      )}
      <category domain="${entry.section.url}">${entry.section.name}</category>${entry.tags.map(
        (tag) => xml`
      <category domain="${tag.url}">${tag.name}</category>`,
      )}${entry.sources.map(
        (source) => xml`
      <dc:source>${source.url ? `${source.name} (${source.url})` : source.name}</dc:source>`,
      )}${image ? mediaContent(image) : ""}
    </item>`;
}

/** RSS 2.0 with the content, Dublin Core, Media RSS and Atom (self link) namespaces. */
export function buildRss(feed: FeedModel, site: SiteInfo): string {
  const root = xml`<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>${feed.title}</title>
    <link>${feed.pageUrl}</link>
    <description>${feed.description}</description>
    <language>id</language>
    <lastBuildDate>${formatRfc822(feed.updated, SITE_ZONE)}</lastBuildDate>
    <generator>Warta</generator>
    <atom:link href="${feed.fullText ? `${feed.feedUrls.rss}?lengkap=1` : feed.feedUrls.rss}" rel="self" type="application/rss+xml"/>
    <image>
      <url>${site.logoUrl}</url>
      <title>${feed.title}</title>
      <link>${feed.pageUrl}</link>
    </image>${feed.entries.map(item)}
  </channel>
</rss>`;
  return xmlDocument(root);
}
