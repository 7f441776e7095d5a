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
