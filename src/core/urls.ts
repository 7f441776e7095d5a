import { sectionUrlPath, type SectionPath } from "./section.ts";

/**
 * Public URL paths, in one place. First path segments that sections may not use as slugs, so
 * section pages never shadow the site's other routes.
 */
export const RESERVED_SLUGS = new Set([
  "admin",
  "api",
  "aset",
  "media",
  "tag",
  "profil",
  "cari",
  "feed",
  "rss",
  "atom",
  "sitemap",
  "sitemaps",
  "robots.txt",
  "favicon.ico",
  "healthz",
  "indeks",
  "cek-fakta",
  "topik",
  "terpopuler",
  "langsung",
]);

export function articlePath(section: SectionPath, id: number, slug: string): string {
  return `/${sectionUrlPath(section)}/${id}/${slug}`;
}

export function sectionPath(section: SectionPath, page = 1): string {
  const base = `/${sectionUrlPath(section)}`;
  return page > 1 ? `${base}?halaman=${page}` : base;
}

export function tagPath(slug: string, page = 1): string {
  return page > 1 ? `/tag/${slug}?halaman=${page}` : `/tag/${slug}`;
}

export function personPath(slug: string, page = 1): string {
  return page > 1 ? `/profil/${slug}?halaman=${page}` : `/profil/${slug}`;
}

export function mediaPath(file: string): string {
  return `/media/${file}`;
}

/** What a feed describes: the whole site, a section (with its descendants), a tag or a person. */
export type FeedScope =
  | { kind: "home" }
  | { kind: "section"; path: SectionPath }
  | { kind: "tag"; slug: string }
  | { kind: "person"; slug: string };

export type FeedFormat = "rss" | "atom" | "json";

export const FEED_FILES: Readonly<Record<FeedFormat, string>> = {
  rss: "rss.xml",
  atom: "atom.xml",
  json: "feed.json",
};

/** `/feed/rss.xml`, `/feed/rubrik/dunia/asia/atom.xml`, `/feed/tag/{slug}/feed.json`, `/feed/profil/{slug}/rss.xml`. */
export function feedPath(scope: FeedScope, format: FeedFormat): string {
  const file = FEED_FILES[format];
  switch (scope.kind) {
    case "home":
      return `/feed/${file}`;
    case "section":
      return `/feed/rubrik/${sectionUrlPath(scope.path)}/${file}`;
    case "tag":
      return `/feed/tag/${scope.slug}/${file}`;
    case "person":
      return `/feed/profil/${scope.slug}/${file}`;
  }
}

export const SITEMAP_INDEX_PATH = "/sitemap.xml";
export const NEWS_SITEMAP_PATH = "/sitemaps/berita.xml";
/** Every Indeks day with live stories (`/indeks/{YYYY-MM-DD}`). */
export const INDEX_SITEMAP_PATH = "/sitemaps/indeks.xml";

/** Monthly article sitemaps: `/sitemaps/artikel-2024-10.xml`, then `-2`, `-3` when a month is split. */
export function articleSitemapPath(month: string, part = 1): string {
  return part > 1 ? `/sitemaps/artikel-${month}-${part}.xml` : `/sitemaps/artikel-${month}.xml`;
}

export function taxonomySitemapPath(kind: "rubrik" | "tag" | "profil"): string {
  return `/sitemaps/${kind}.xml`;
}
