import { CREDIT_ROLES, isLive, type Article, type ArticleSummary } from "../core/article.ts";
import type { ArticleEvent, ArticleSnapshot, DomainEvent } from "../core/events.ts";
import { derivativeOf, type Media, type MediaRef } from "../core/media.ts";
import { countWords, readingMinutes } from "../core/reading-time.ts";
import type { SectionDirectory } from "../core/section.ts";
import { articlePath, personPath, sectionPath, tagPath } from "../core/urls.ts";
import { mediaIds, relatedIds, type MediaView, type RelatedTarget } from "../content/body-html.renderer.ts";
import { renderBodyText } from "../content/body-text.renderer.ts";
import type { LiveListQuery } from "../db/read/live-article-lists.ts";
import { listItemOf } from "../db/read/list-item.ts";
import { createImportRepository } from "../db/repositories/import.repository.ts";
import { storyLabels } from "../db/repositories/story-labels.repository.ts";
import type {
  ArticleListItem,
  ArticlePageModel,
  CreditGroup,
  HomeModel,
  Page,
  PersonPageModel,
  SectionPageModel,
  TagPageModel,
} from "../db/read/reading.models.ts";
import { correctionsOf } from "./corrections.service.ts";
import type { SectionsService } from "./sections.service.ts";
import type { ServiceDeps } from "./service-deps.ts";

export const PAGE_SIZE = 20;

const mediaRefOf = (m: Media): MediaRef => ({
  id: m.id,
  sha256: m.sha256,
  file: m.file,
  width: m.width,
  height: m.height,
  focalX: m.focalX,
  focalY: m.focalY,
});
const LATEST_COUNT = 10;
const SECTION_BLOCK_COUNT = 4;
/** Counts are re-read at least this often (the page cache's TTL): a safety net, events keep them true. */
const COUNT_TTL_MS = 300_000;

/** An image for pages: a JPEG up to 1280 wide for plain uses, and the reference for `<picture>`. */
export const mediaView = (media: Media): MediaView => {
  const ref = mediaRefOf(media);
  const jpeg = derivativeOf(ref, "w", 1280);
  return { url: jpeg.url, width: jpeg.width, height: jpeg.height, alt: media.alt, ref };
};

/**
 * What readers see: every query here shows only live articles (published, time come), so no
 * door built on it can leak a draft or an embargo.
 */
export function createReadingService(deps: ServiceDeps & { sections: SectionsService }) {
  const { db, repos, clock, sections } = deps;
  const importRepo = createImportRepository();

  async function mediaMap(ids: number[]): Promise<Map<number, MediaView>> {
    const media = await repos.media.byIds(db, [...new Set(ids)]);
    return new Map(media.map((m) => [m.id, mediaView(m)]));
  }

  async function toListItems(
    summaries: ArticleSummary[],
    directory: SectionDirectory,
  ): Promise<ArticleListItem[]> {
    const images = await mediaMap(summaries.flatMap((s) => (s.heroMediaId === null ? [] : [s.heroMediaId])));
    const items = summaries.flatMap((s) => {
      const image = s.heroMediaId === null ? null : (images.get(s.heroMediaId) ?? null);
      return listItemOf(s, directory, image) ?? [];
    });
    // Cek Fakta verdicts and live-blog labels on cards (docs/reader-features.md).
    const labels = await storyLabels(
      db,
      items.map((item) => item.id),
      clock(),
    );
    for (const item of items) item.label = labels.get(item.id) ?? null;
    return items;
  }

  /**
   * Live counts of list pages (pagination), by surrogate key (`section:ID` for a subtree, `tag:ID`,
   * `person:ID`). Kept up to date by the article events' before/after snapshots (+1/-1, so a
   * publish never re-counts a popular list), dropped on `section.changed`, and re-counted after
   * COUNT_TTL_MS like the cached pages themselves (DESIGN.md §4).
   */
  const counts = new Map<string, { n: number; at: number }>();
  let countGeneration = 0;

  async function countLive(key: string, query: Omit<LiveListQuery, "limit" | "offset">): Promise<number> {
    const cached = counts.get(key);
    if (cached && query.now.getTime() - cached.at < COUNT_TTL_MS) return cached.n;
    const generation = countGeneration;
    const n = await repos.articles.countLive(db, query);
    // An event that ran while counting may or may not be in `n`: keep it only when none did.
    if (generation === countGeneration) counts.set(key, { n, at: query.now.getTime() });
    return n;
  }

  function applyEvent(event: DomainEvent): void {
    countGeneration += 1;
    if (event.type === "section.changed") return counts.clear();
    if (!event.type.startsWith("article.")) return;
    const { before, after } = event as ArticleEvent;
    const keysOf = (snapshot: ArticleSnapshot | null) =>
      snapshot?.live
        ? new Set([
            ...snapshot.sectionIds.map((id) => `section:${id}`),
            ...snapshot.tagIds.map((id) => `tag:${id}`),
            ...snapshot.personIds.map((id) => `person:${id}`),
          ])
        : new Set<string>();
    const was = keysOf(before);
    const is = keysOf(after);
    for (const key of new Set([...was, ...is])) {
      const cached = counts.get(key);
      if (cached) cached.n += (is.has(key) ? 1 : 0) - (was.has(key) ? 1 : 0);
    }
  }

  async function pagedList(
    key: string,
    query: Omit<LiveListQuery, "limit" | "offset" | "now">,
    page: number,
    directory: SectionDirectory,
  ): Promise<Page<ArticleListItem>> {
    const now = clock();
    const total = await countLive(key, { ...query, now });
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const summaries =
      page > pageCount
        ? []
        : await repos.articles.listLive(db, {
            ...query,
            now,
            limit: PAGE_SIZE,
            offset: (page - 1) * PAGE_SIZE,
          });
    return { items: await toListItems(summaries, directory), page, pageCount, total };
  }

  async function latest(
    directory: SectionDirectory,
    limit = LATEST_COUNT,
    excludeIds: number[] = [],
  ): Promise<ArticleListItem[]> {
    return toListItems(await repos.articles.listLive(db, { now: clock(), limit, excludeIds }), directory);
  }

  /** The article page's model from an article row (live or not: the callers decide). */
  async function pageModelOf(article: Article): Promise<ArticlePageModel | null> {
    const directory = await sections.directory();
    const path = directory.pathOf(article.sectionId);
    if (!path) return null;

    const [people, tags, relatedSummaries, media, corrections] = await Promise.all([
      repos.taxonomy.peopleByIds(
        db,
        article.credits.map((c) => c.personId),
      ),
      repos.taxonomy.tagsByIds(db, article.tagIds),
      repos.articles.liveByIds(db, relatedIds(article.body), clock()),
      mediaMap([...mediaIds(article.body), ...(article.hero ? [article.hero.mediaId] : [])]),
      correctionsOf(db, [article.id]),
    ]);
    const related = new Map<number, RelatedTarget>();
    for (const item of await toListItems(relatedSummaries, directory))
      related.set(item.id, { headline: item.headline, url: item.url });

    const credits: CreditGroup[] = [];
    for (const role of CREDIT_ROLES) {
      const inRole = article.credits.filter((c) => c.role === role).sort((a, b) => a.position - b.position);
      const group = inRole.flatMap((c) => {
        const person = people.find((p) => p.id === c.personId);
        return person ? [{ person, url: personPath(person.slug) }] : [];
      });
      if (group.length > 0) credits.push({ role, people: group });
    }
    const heroImage = article.hero ? media.get(article.hero.mediaId) : undefined;
    const wordCount = countWords(`${article.lede} ${renderBodyText(article.body)}`);
    const tagOrder = new Map(article.tagIds.map((tagId, index) => [tagId, index]));
    return {
      article,
      path,
      url: articlePath(path, article.id, article.slug),
      credits,
      tags: tags
        .sort((a, b) => (tagOrder.get(a.id) ?? 0) - (tagOrder.get(b.id) ?? 0))
        .map((tag) => ({ tag, url: tagPath(tag.slug) })),
      hero:
        article.hero && heroImage
          ? { image: heroImage, caption: article.hero.caption, credit: article.hero.credit }
          : null,
      heroText: article.hero ? null : await importRepo.pendingHero(db, article.id),
      related,
      media,
      newest: await latest(directory, 7),
      wordCount,
      readingMinutes: readingMinutes(wordCount),
      corrections: corrections.map(({ kind, note, at }) => ({ kind, note, at })),
    };
  }

  return {
    /** The event subscriber (app/deps.ts): keeps the list counts true. */
    handleEvent: (event: DomainEvent): void => applyEvent(event),

    latest: async (limit = LATEST_COUNT) => latest(await sections.directory(), limit),

    /** Live articles newest first, after a keyset cursor (the content API's pages). */
    async liveAfter(
      query: Omit<LiveListQuery, "offset" | "now"> & { after?: { publishedAt: string; id: number } },
    ): Promise<ArticleListItem[]> {
      const summaries = await repos.articles.listLiveAfter(db, { ...query, now: clock() });
      return toListItems(summaries, await sections.directory());
    },

    /** The live ones among `ids`, in the given order (Berita Terkait); others are dropped. */
    async liveItems(ids: number[]): Promise<ArticleListItem[]> {
      const byId = new Map(
        (await repos.articles.liveByIds(db, [...new Set(ids)], clock())).map((s) => [s.id, s]),
      );
      return toListItems(
        ids.flatMap((id) => byId.get(id) ?? []),
        await sections.directory(),
      );
    },

    async home(): Promise<HomeModel> {
      const directory = await sections.directory();
      const recent = await latest(directory, LATEST_COUNT + 1);
      const lead = recent.find((item) => item.image) ?? recent[0] ?? null;
      const sectionBlocks: HomeModel["sectionBlocks"] = [];
      for (const section of directory.children(null)) {
        const path = directory.pathOf(section.id);
        if (!path) continue;
        const summaries = await repos.articles.listLive(db, {
          now: clock(),
          sectionIds: directory.subtreeIds(section.id),
          limit: SECTION_BLOCK_COUNT,
        });
        if (summaries.length > 0)
          sectionBlocks.push({
            section,
            url: sectionPath(path),
            items: await toListItems(summaries, directory),
          });
      }
      return { lead, latest: recent.filter((item) => item !== lead).slice(0, LATEST_COUNT), sectionBlocks };
    },

    async sectionPage(slugs: string[], page: number): Promise<SectionPageModel | null> {
      const directory = await sections.directory();
      const path = directory.resolve(slugs);
      if (!path) return null;
      const children = directory.children(path.section.id).flatMap((section) => {
        const childPath = directory.pathOf(section.id);
        return childPath ? [{ section, url: sectionPath(childPath) }] : [];
      });
      const articles = await pagedList(
        `section:${path.section.id}`,
        { sectionIds: directory.subtreeIds(path.section.id) },
        page,
        directory,
      );
      return { path, url: sectionPath(path), children, articles };
    },

    /** The article page, or null when the article does not exist or is not live. */
    async articlePage(id: number): Promise<ArticlePageModel | null> {
      const article = await repos.articles.findById(db, id);
      if (!article || !isLive(article, clock())) return null;
      return pageModelOf(article);
    },

    /**
     * The page of a story that is not (or not yet in this form) public: a draft, or a live story's
     * staged update, for the newsroom's preview. Linked stories and TERBARU stay live-only.
     */
    previewPage: (article: Article): Promise<ArticlePageModel | null> => pageModelOf(article),
    async tagPage(slug: string, page: number): Promise<TagPageModel | null> {
      const tag = await repos.taxonomy.tagBySlug(db, slug);
      if (!tag) return null;
      const articles = await pagedList(`tag:${tag.id}`, { tagId: tag.id }, page, await sections.directory());
      // A tag with no live story does not exist for readers (its only story may be embargoed).
      if (articles.total === 0) return null;
      return { tag, url: tagPath(tag.slug), articles };
    },

    async personPage(slug: string, page: number): Promise<PersonPageModel | null> {
      const person = await repos.taxonomy.personBySlug(db, slug);
      if (!person) return null;
      const list = await pagedList(
        `person:${person.id}`,
        { personId: person.id },
        page,
        await sections.directory(),
      );
      if (list.total === 0) return null; // no live story: no public profile yet
      const roles = await repos.articles.rolesOfPerson(
        db,
        person.id,
        list.items.map((i) => i.id),
      );
      const photo =
        person.photoMediaId === null
          ? null
          : ((await mediaMap([person.photoMediaId])).get(person.photoMediaId) ?? null);
      return {
        person,
        url: personPath(person.slug),
        photo,
        articles: {
          ...list,
          items: list.items.map((item) => ({ ...item, roles: roles.get(item.id) ?? [] })),
        },
      };
    },
  };
}

export type ReadingService = ReturnType<typeof createReadingService>;
