import type { NewsSitemapEntry, SitemapRef, SitemapUrl } from "./distribution.models.ts";
import { formatRfc3339 } from "./feed-dates.ts";
import { xml, xmlDocument } from "./xml.ts";

/** The sitemaps.org limit of URLs per sitemap file (and of sitemaps per index). */
export const SITEMAP_MAX_URLS = 50_000;
/** Google News reads at most 1,000 URLs per news sitemap. */
export const NEWS_SITEMAP_MAX_URLS = 1_000;
/** Google News wants articles of the last two days only. */
export const NEWS_WINDOW_MS = 48 * 3_600_000;

const SITE_ZONE = "Asia/Jakarta";
const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

const lastmod = (date: Date | null) =>
  date
    ? xml`
    <lastmod>${formatRfc3339(date, SITE_ZONE)}</lastmod>`
    : "";

/** `<urlset>` of at most 50,000 URLs (callers split; this refuses more). */
export function buildUrlset(urls: SitemapUrl[]): string {
  if (urls.length > SITEMAP_MAX_URLS)
    throw new RangeError(`A sitemap holds at most ${SITEMAP_MAX_URLS} URLs`);
  return xmlDocument(xml`<urlset xmlns="${SITEMAP_NS}">${urls.map(
    (url) => xml`
  <url>
    <loc>${url.loc}</loc>${lastmod(url.lastmod)}
  </url>`,
  )}
</urlset>`);
}

export function buildSitemapIndex(sitemaps: SitemapRef[]): string {
  if (sitemaps.length > SITEMAP_MAX_URLS)
    throw new RangeError(`A sitemap index holds at most ${SITEMAP_MAX_URLS} sitemaps`);
  return xmlDocument(xml`<sitemapindex xmlns="${SITEMAP_NS}">${sitemaps.map(
    (sitemap) => xml`
  <sitemap>
    <loc>${sitemap.loc}</loc>${lastmod(sitemap.lastmod)}
  </sitemap>`,
  )}
</sitemapindex>`);
}

/** Google News sitemap: publication name, language `id`, title and the time with the article's offset. */
export function buildNewsSitemap(entries: NewsSitemapEntry[], publicationName: string): string {
  return xmlDocument(xml`<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">${entries
    .slice(0, NEWS_SITEMAP_MAX_URLS)
    .map(
      (entry) => xml`
  <url>
    <loc>${entry.loc}</loc>
    <news:news>
      <news:publication>
        <news:name>${publicationName}</news:name>
        <news:language>id</news:language>
      </news:publication>
      <news:publication_date>${formatRfc3339(entry.publishedAt, entry.timeZone)}</news:publication_date>
      <news:title>${entry.headline}</news:title>${
        entry.keywords.length > 0
          ? xml`
      <news:keywords>${entry.keywords.join(", ")}</news:keywords>`
          : ""
      }
    </news:news>
  </url>`,
    )}
</urlset>`);
}

/** robots.txt: the sitemaps, and the doors crawlers have no business in. */
export function buildRobotsTxt(siteUrl: string, sitemapPaths: string[]): string {
  return [
    "User-agent: *",
    "Disallow: /admin",
    "Disallow: /api",
    "Disallow: /cari",
    "",
    ...sitemapPaths.map((path) => `Sitemap: ${siteUrl}${path}`),
    "",
  ].join("\n");
}
