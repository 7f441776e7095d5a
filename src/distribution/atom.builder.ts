import type { FeedEntry, FeedModel, FeedPerson, SiteInfo } from "./distribution.models.ts";
import { isAuthorRole } from "./distribution.models.ts";
import { formatRfc3339, latest } from "./feed-dates.ts";
import { mediaContent } from "./media-rss.ts";
import { xml, xmlDocument, type SafeXml } from "./xml.ts";

const SITE_ZONE = "Asia/Jakarta";

const personXml = (tag: "author" | "contributor", p: FeedPerson): SafeXml =>
  tag === "author"
    ? xml`
      <author><name>${p.name}</name><uri>${p.url}</uri></author>`
    : xml`
      <contributor><name>${p.name}</name><uri>${p.url}</uri></contributor>`;

function entryXml(entry: FeedEntry): SafeXml {
  const updated = latest(entry.updatedAt, entry.publishedAt) as Date;
  const image = entry.image;
  return xml`
    <entry>
      <id>${entry.guid}</id>
      <title type="text">${entry.headline}</title>
      <link rel="alternate" type="text/html" href="${entry.url}"/>
      <published>${formatRfc3339(entry.publishedAt, entry.timeZone)}</published>
      <updated>${formatRfc3339(updated, entry.timeZone)}</updated>${entry.people
        .filter((p) => isAuthorRole(p.role))
        .map((p) => personXml("author", p))}${entry.people
        .filter((p) => !isAuthorRole(p.role))
        .map((p) => personXml("contributor", p))}
      <category term="${entry.section.name}" scheme="${entry.section.url}" label="${entry.section.name}"/>${entry.tags.map(
        (tag) => xml`
      <category term="${tag.name}" scheme="${tag.url}" label="${tag.name}"/>`,
      )}${entry.sources.map(
        (source) => xml`
      <dc:source>${source.url ? `${source.name} (${source.url})` : source.name}</dc:source>`,
      )}
      <summary type="text">${entry.summary}</summary>${
        entry.contentHtml !== null
          ? xml`
      <content type="html">${entry.contentHtml}</content>`
          : ""
      }${
        image
          ? xml`
      <link rel="enclosure" type="${image.mimeType}" href="${image.url}"/>${mediaContent(image)}`
          : ""
      }
    </entry>`;
}

/** Atom 1.0 (RFC 4287); the site is the feed-level author so every entry has one. */
export function buildAtom(feed: FeedModel, site: SiteInfo): string {
  const self = feed.fullText ? `${feed.feedUrls.atom}?lengkap=1` : feed.feedUrls.atom;
  const root = xml`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="id">
  <id>${self}</id>
  <title type="text">${feed.title}</title>
  <subtitle type="text">${feed.description}</subtitle>
  <link rel="self" type="application/atom+xml" href="${self}"/>
  <link rel="alternate" type="text/html" href="${feed.pageUrl}"/>
  <updated>${formatRfc3339(feed.updated, SITE_ZONE)}</updated>
  <author><name>${site.siteName}</name><uri>${site.siteUrl}/</uri></author>
  <generator>Warta</generator>
  <logo>${site.logoUrl}</logo>${feed.entries.map(entryXml)}
</feed>`;
  return xmlDocument(root);
}
