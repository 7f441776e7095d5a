import type { ArticleSnapshot, DomainEvent } from "../core/events.ts";

/**
 * The surrogate keys pages carry (DESIGN.md §4) — one scheme for the page cache and a CDN:
 *
 * | key          | carried by                                                                  |
 * |--------------|-----------------------------------------------------------------------------|
 * | `article:ID` | the article's page (any URL it was served under) and every page showing it  |
 * |              | in a Baca Juga block                                                        |
 * | `home`       | the front page                                                              |
 * | `latest`     | every page with the TERBARU list (home, article pages)                      |
 * | `section:ID` | the section's list pages (they list the whole subtree)                      |
 * | `tag:ID`     | the tag's list pages; article pages showing the tag                         |
 * | `person:ID`  | the person's profile pages; article pages crediting the person              |
 * | `sections`   | every page with the section navigation or a breadcrumb (all site pages)     |
 * | `feeds`      | RSS/Atom/JSON feeds                                                         |
 * | `sitemap`    | sitemaps                                                                    |
 * | `search`     | search result pages (also expire after a short TTL)                         |
 * | `indeks`     | the Indeks pages (`/indeks`, `/indeks/{day}`): any live story's change       |
 */
export const GLOBAL_KEYS = {
  home: "home",
  latest: "latest",
  sections: "sections",
  feeds: "feeds",
  sitemap: "sitemap",
  search: "search",
  indeks: "indeks",
} as const;

export const articleKey = (id: number): string => `article:${id}`;
export const sectionKey = (id: number): string => `section:${id}`;
export const tagKey = (id: number): string => `tag:${id}`;
export const personKey = (id: number): string => `person:${id}`;

function snapshotKeys(snapshot: ArticleSnapshot | null, into: Set<string>): void {
  if (!snapshot || !snapshot.live) return;
  for (const id of snapshot.sectionIds) into.add(sectionKey(id));
  for (const id of snapshot.tagIds) into.add(tagKey(id));
  for (const id of snapshot.personIds) into.add(personKey(id));
}

/**
 * What to purge when `event` happens. Pure. An article change that readers could not see before
 * and cannot see after (a draft edited, created or deleted) purges nothing; otherwise the article
 * (which also covers its old URL after a slug change and every Baca Juga block pointing at it),
 * the front page, TERBARU, feeds, sitemaps, search, and the lists of every section (with
 * ancestors), tag and person it belonged to before or belongs to now.
 */
export function keysToPurge(event: DomainEvent): string[] {
  // Any article event (including kinds added later) is judged by what readers saw before and after.
  if ("articleId" in event) {
    const wasLive = event.before?.live ?? false;
    const isLive = event.after?.live ?? false;
    if (!wasLive && !isLive) return [];
    const keys = new Set<string>([
      articleKey(event.articleId),
      GLOBAL_KEYS.home,
      GLOBAL_KEYS.latest,
      GLOBAL_KEYS.feeds,
      GLOBAL_KEYS.sitemap,
      GLOBAL_KEYS.search,
      GLOBAL_KEYS.indeks,
    ]);
    snapshotKeys(event.before, keys);
    snapshotKeys(event.after, keys);
    return [...keys];
  }
  switch (event.type) {
    // Names and paths of sections appear on every page (navigation, breadcrumbs, article URLs).
    case "section.changed":
      return [GLOBAL_KEYS.sections, GLOBAL_KEYS.feeds, GLOBAL_KEYS.sitemap, GLOBAL_KEYS.search];
    // A renamed person or tag: their own pages, the articles showing them, and feeds naming them.
    case "person.changed":
      return [personKey(event.id), GLOBAL_KEYS.feeds];
    case "tag.changed":
      return [tagKey(event.id), GLOBAL_KEYS.feeds];
    default:
      return [];
  }
}
