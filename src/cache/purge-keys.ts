import type { ArticleSnapshot, DomainEvent } from "../core/events.ts";

/**
 * The surrogate keys pages carry (DESIGN.md §4) — one scheme for the page cache and a CDN:
 *
 * | key          | carried by                                                                  |
 * |--------------|-----------------------------------------------------------------------------|
 * | `article:ID` | the article's page (any URL it was served under) and every page showing it  |
 * |              | in a Baca Juga block                                                        |
 * | `home`       | the front page                                                              |
 * | `latest`     | every page with the TERBARU list inline: home, the TERBARU fragment, and    |
 * |              | the few article pages that are themselves among the newest (see             |
 * |              | `terbaruBlock`); every other article page includes the fragment (ESI)       |
 * | `section:ID` | the section's list pages (they list the whole subtree)                      |
 * | `tag:ID`     | the tag's list pages                                                        |
 * | `tag-label:ID` | article pages showing the tag's name (purged when the tag changes, not    |
 * |              | when another story joins its list: the news-day rule)                       |
 * | `person:ID`  | the person's profile pages                                                  |
 * | `person-label:ID` | article pages crediting the person (purged when the person changes)    |
 * | `sections`   | every page with the section navigation or a breadcrumb (all site pages)     |
 * | `feeds`      | RSS/Atom/JSON feeds                                                         |
 * | `sitemap`    | sitemaps                                                                    |
 * | `search`     | search result pages (also expire after a short TTL)                         |
 * | `indeks`     | the Indeks pages (`/indeks`, `/indeks/{day}`): any live story's change       |
 * | `media:ID`   | the image's files (every derivative) and the article pages showing it:      |
 * |              | purged when a story using it goes live or is withdrawn, or the image changes |
 * | `topic:ID`   | a Topik Pilihan's pages and feeds: its change, and any change of its stories |
 * | `topic-label:ID` | story pages showing the topic's label (purged when the topic changes)   |
 * | `topics`     | the topics list (`/topik`): any topic's change or any change of a topic's    |
 * |              | story                                                                       |
 */
export const GLOBAL_KEYS = {
  home: "home",
  latest: "latest",
  sections: "sections",
  feeds: "feeds",
  sitemap: "sitemap",
  search: "search",
  indeks: "indeks",
  topics: "topics",
  /** The site's 404 pages: a publication or a new slug may turn one into a page. */
  notFound: "notfound",
} as const;

export const articleKey = (id: number): string => `article:${id}`;
export const sectionKey = (id: number): string => `section:${id}`;
export const tagKey = (id: number): string => `tag:${id}`;
export const personKey = (id: number): string => `person:${id}`;
/** The image's files (original and derivatives) and every page that shows it. */
export const mediaKey = (id: number): string => `media:${id}`;
export const tagLabelKey = (id: number): string => `tag-label:${id}`;
export const personLabelKey = (id: number): string => `person-label:${id}`;
export const topicKey = (id: number): string => `topic:${id}`;
export const topicLabelKey = (id: number): string => `topic-label:${id}`;

/** What an article's content shows, by id: the keys any door serving that content must carry. */
export interface ArticleContentRefs {
  articleId: number;
  tagIds: number[];
  personIds: number[];
  /** Articles linked from the content: live Baca Juga targets (and Berita Terkait on the site). */
  linkedArticleIds: Iterable<number>;
  /** Images shown (hero, body): a new file or focal point purges the pages showing them. */
  mediaIds?: Iterable<number>;
}

/**
 * The surrogate keys of an article's content, for the site page and the content API alike: the
 * article, the names it shows (section trail, tags, people: `sections`, `tag-label:ID`,
 * `person-label:ID`, the news-day rule) and every article it links to — so withdrawing a Baca
 * Juga target purges each response that shows its link.
 */
export function articleContentKeys(refs: ArticleContentRefs): string[] {
  return [
    ...new Set([
      articleKey(refs.articleId),
      GLOBAL_KEYS.sections,
      ...refs.tagIds.map(tagLabelKey),
      ...refs.personIds.map(personLabelKey),
      ...[...refs.linkedArticleIds].map(articleKey),
      ...[...(refs.mediaIds ?? [])].map(mediaKey),
    ]),
  ];
}

function snapshotKeys(snapshot: ArticleSnapshot | null, into: Set<string>): void {
  if (!snapshot || !snapshot.live) return;
  for (const id of snapshot.sectionIds) into.add(sectionKey(id));
  for (const id of snapshot.tagIds) into.add(tagKey(id));
  for (const id of snapshot.personIds) into.add(personKey(id));
}

/** An image's files change visibility when a story using it goes live or is withdrawn. */
function mediaKeys(snapshot: ArticleSnapshot | null, into: Set<string>): void {
  for (const id of snapshot?.mediaIds ?? []) into.add(mediaKey(id));
}

/** What an event's keys depend on besides the event: the topics (Topik Pilihan) of its story. */
export interface PurgeContext {
  topicIds?: readonly number[];
}

/**
 * What to purge when `event` happens. Pure. An article change that readers could not see before
 * and cannot see after (a draft edited, created or deleted) purges nothing; otherwise the article
 * (which also covers its old URL after a slug change and every Baca Juga block pointing at it),
 * the front page, TERBARU, feeds, sitemaps, search, and the lists of every section (with
 * ancestors), tag and person it belonged to before or belongs to now.
 */
export function keysToPurge(event: DomainEvent, context: PurgeContext = {}): string[] {
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
      GLOBAL_KEYS.notFound,
    ]);
    snapshotKeys(event.before, keys);
    snapshotKeys(event.after, keys);
    mediaKeys(event.before, keys);
    mediaKeys(event.after, keys);
    // A story's publish, change or withdrawal updates the topics it belongs to.
    for (const id of context.topicIds ?? []) keys.add(topicKey(id));
    if ((context.topicIds ?? []).length > 0) keys.add(GLOBAL_KEYS.topics);
    return [...keys];
  }
  switch (event.type) {
    // Names and paths of sections appear on every page (navigation, breadcrumbs, article URLs).
    case "section.changed":
      return [
        GLOBAL_KEYS.sections,
        GLOBAL_KEYS.feeds,
        GLOBAL_KEYS.sitemap,
        GLOBAL_KEYS.search,
        GLOBAL_KEYS.notFound,
      ];
    // A renamed person or tag: their own pages, the articles showing them, and feeds naming them.
    case "person.changed":
      return [personKey(event.id), personLabelKey(event.id), GLOBAL_KEYS.feeds, GLOBAL_KEYS.notFound];
    case "tag.changed":
      return [tagKey(event.id), tagLabelKey(event.id), GLOBAL_KEYS.feeds, GLOBAL_KEYS.notFound];
    // New description or file: its files, the pages showing it, and the feeds pointing at it.
    case "media.changed":
      return [mediaKey(event.id), GLOBAL_KEYS.feeds, GLOBAL_KEYS.home];
    // A topic's pages and feeds, the label on its stories, the list of topics.
    case "topic.changed":
      return [topicKey(event.id), topicLabelKey(event.id), GLOBAL_KEYS.topics, GLOBAL_KEYS.notFound];
    default:
      return [];
  }
}

/** How many stories TERBARU lists beside an article, and where its shared fragment lives. */
export const TERBARU_SIZE = 6;
export const TERBARU_FRAGMENT_PATH = "/_fragmen/terbaru";

export type TerbaruBlock<T> =
  { kind: "include"; src: string } | { kind: "inline"; items: T[]; keys: string[] };

/**
 * How an article page shows TERBARU (the news-day rule, docs/performance.md). Pure.
 *
 * `newest` are the TERBARU_SIZE + 1 newest live stories. An article that is not among the
 * TERBARU_SIZE newest would show exactly the shared list, so its page includes the one shared
 * fragment (`<esi:include>`, composed by Varnish and by the in-process cache) and does not carry
 * `latest`: another story's publish refreshes one small fragment instead of emptying every cached
 * article page. The newest few articles (their list must leave themselves out) and pages
 * rendered where nothing composes includes show the list inline and carry `latest`.
 *
 * Bound: an included page is exact when rendered; it can only show itself in its own list if
 * newer stories are withdrawn until it climbs back into the newest few, and then only until its
 * page expires (the page TTL, 300 s) or the story changes.
 */
export function terbaruBlock<T extends { id: number }>(
  articleId: number,
  newest: readonly T[],
  canInclude: boolean,
): TerbaruBlock<T> {
  const isNewest = newest.slice(0, TERBARU_SIZE).some((item) => item.id === articleId);
  if (canInclude && !isNewest) return { kind: "include", src: TERBARU_FRAGMENT_PATH };
  return {
    kind: "inline",
    items: newest.filter((item) => item.id !== articleId).slice(0, TERBARU_SIZE),
    keys: [GLOBAL_KEYS.latest],
  };
}
