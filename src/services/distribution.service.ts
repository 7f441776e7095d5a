import { sql } from "kysely";
import { GLOBAL_KEYS, personKey, sectionKey, tagKey } from "../cache/purge-keys.ts";
import { CREDIT_ROLES, type CreditRole, type Source } from "../core/article.ts";
import { derivativeOf, type Media } from "../core/media.ts";
import type { SectionDirectory } from "../core/section.ts";
import type { IndonesianTimeZone } from "../core/time-zones.ts";
import {
  articlePath,
  articleSitemapPath,
  feedPath,
  personPath,
  sectionPath,
  tagPath,
  taxonomySitemapPath,
  type FeedScope,
} from "../core/urls.ts";
import { mediaIds, relatedIds, renderBodyHtml } from "../content/body-html.renderer.ts";
import { excerpt, renderBodyText } from "../content/body-text.renderer.ts";
import type { BodyDocument } from "../content/body.schema.ts";
import { html } from "../content/html.ts";
import type {
  FeedEntry,
  FeedModel,
  FeedPerson,
  NewsSitemapEntry,
  SitemapRef,
  SitemapUrl,
} from "../distribution/distribution.models.ts";
import { latest } from "../distribution/feed-dates.ts";
import { NEWS_SITEMAP_MAX_URLS, NEWS_WINDOW_MS, SITEMAP_MAX_URLS } from "../distribution/sitemap.builder.ts";
import type { SectionsService } from "./sections.service.ts";
import { createTaxonomySitemaps, fromIso, liveArticles } from "./taxonomy-sitemaps.ts";
import type { ServiceDeps } from "./service-deps.ts";
import { createLiveTaxonomyRepository } from "../db/repositories/live-taxonomy.repository.ts";

export const FEED_SIZE = 30;

/** What a feed request names before it is resolved: section slugs, a tag or person slug. */
export type FeedRequest =
  | { kind: "home" }
  | { kind: "section"; slugs: string[] }
  | { kind: "tag"; slug: string }
  | { kind: "person"; slug: string };

export interface DistributionOptions {
  siteUrl: string;
  siteName: string;
  /** Description of the home feed (default: "Berita terbaru dari {siteName}."). */
  siteDescription?: string;
  /** URLs per article sitemap file (50,000; smaller in tests). */
  sitemapMaxUrls?: number;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The read side of feeds and sitemaps. Like the reading service, every query here returns only
 * live articles (status `published` and `published_at <= now`), so no draft, scheduled
 * (embargoed) or unpublished story reaches a feed, a sitemap or Google News.
 */
export function createDistributionService(
  deps: ServiceDeps & { sections: SectionsService } & DistributionOptions,
) {
  const { db, repos, clock, sections, siteUrl, siteName } = deps;
  const liveTaxonomy = createLiveTaxonomyRepository();
  const maxUrls = Math.min(deps.sitemapMaxUrls ?? SITEMAP_MAX_URLS, SITEMAP_MAX_URLS);

  const live = liveArticles;
  const taxonomySitemaps = createTaxonomySitemaps({ db, clock, sections, siteUrl });

  const guidOf = (id: number, firstPublished: Date): string =>
    `tag:${new URL(siteUrl).hostname},${firstPublished.toISOString().slice(0, 10)}:artikel/${id}`;

  /**
   * Full feed entries for live article ids, in the given order: a fixed number of queries per
   * feed (articles, credits with people, tags, media, and related targets for full text).
   */
  async function loadEntries(
    ids: number[],
    directory: SectionDirectory,
    fullText: boolean,
    now: Date,
  ): Promise<FeedEntry[]> {
    if (ids.length === 0) return [];
    const [rows, creditRows, tagRows] = await Promise.all([
      live(db, now).selectAll("articles").where("articles.id", "in", ids).execute(),
      db
        .selectFrom("article_credits")
        .innerJoin("people", "people.id", "article_credits.person_id")
        .select([
          "article_credits.article_id",
          "article_credits.role",
          "article_credits.person_id",
          "article_credits.position",
          "people.name",
          "people.slug",
        ])
        .where("article_credits.article_id", "in", ids)
        .execute(),
      db
        .selectFrom("article_tags")
        .innerJoin("tags", "tags.id", "article_tags.tag_id")
        .select([
          "article_tags.article_id",
          "article_tags.tag_id",
          "article_tags.position",
          "tags.name",
          "tags.slug",
        ])
        .where("article_tags.article_id", "in", ids)
        .orderBy("article_tags.position")
        .execute(),
    ]);
    // Bodies were validated by the article input schema on every write; feeds parse them without a
    // second schema pass (the costliest step per entry) and only when they are needed.
    const articles = rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      headline: row.headline,
      lede: row.lede,
      sectionId: row.section_id,
      dateline: {
        place: row.dateline_place,
        outlet: row.dateline_outlet,
        timeZone: row.time_zone as IndonesianTimeZone,
      },
      body: fullText || row.lede === "" ? (JSON.parse(row.body) as BodyDocument) : null,
      hero:
        row.hero_media_id === null
          ? null
          : { mediaId: row.hero_media_id, caption: row.hero_caption, credit: row.hero_credit },
      sources: JSON.parse(row.sources) as Source[],
      publishedAt: fromIso(row.published_at),
      firstPublishedAt: fromIso(row.first_published_at),
      updatedAt: fromIso(row.updated_at),
    }));
    const wantedMedia = articles.flatMap((a) => [
      ...(a.hero ? [a.hero.mediaId] : []),
      ...(fullText && a.body ? mediaIds(a.body) : []),
    ]);
    const wantedRelated = fullText
      ? [...new Set(articles.flatMap((a) => (a.body ? relatedIds(a.body) : [])))]
      : [];
    const [media, relatedSummaries] = await Promise.all([
      repos.media.byIds(db, [...new Set(wantedMedia)]),
      repos.articles.summariesByIds(db, wantedRelated),
    ]);
    const mediaById = new Map<number, Media>(media.map((m) => [m.id, m]));
    // Feeds get one JPEG per image, ≤ 1280 wide, absolute (readers' apps do not do srcset).
    const feedJpeg = (m: Media) => {
      const jpeg = derivativeOf(m, "w", 1280);
      return { url: siteUrl + jpeg.url, width: jpeg.width, height: jpeg.height };
    };
    const mediaViews = new Map(media.map((m) => [m.id, { ...feedJpeg(m), alt: m.alt }]));
    const related = new Map<number, { headline: string; url: string }>();
    for (const s of relatedSummaries) {
      const path = directory.pathOf(s.sectionId);
      if (path && s.status === "published" && s.publishedAt && s.publishedAt.getTime() <= now.getTime())
        related.set(s.id, { headline: s.headline, url: siteUrl + articlePath(path, s.id, s.slug) });
    }

    const byId = new Map(articles.map((a) => [a.id, a]));
    const entries: FeedEntry[] = [];
    for (const id of ids) {
      const article = byId.get(id);
      const path = article ? directory.pathOf(article.sectionId) : null;
      if (!article || !path || !article.publishedAt) continue;
      const people: FeedPerson[] = [];
      for (const role of CREDIT_ROLES)
        for (const c of creditRows
          .filter((row) => row.article_id === id && row.role === role)
          .sort((a, b) => a.position - b.position))
          people.push({ name: c.name, url: siteUrl + personPath(c.slug), role: c.role as CreditRole });
      const heroMedia = article.hero ? mediaById.get(article.hero.mediaId) : undefined;
      const image =
        article.hero && heroMedia
          ? {
              ...feedJpeg(heroMedia),
              mimeType: "image/jpeg",
              alt: heroMedia.alt,
              caption: article.hero.caption,
              credit: article.hero.credit,
            }
          : null;
      const contentHtml =
        fullText && article.body
          ? html`${
              image
                ? html`<figure><img src="${image.url}" width="${image.width}" height="${image.height}" alt="${image.alt || image.caption}" /><figcaption>${image.caption}${image.credit ? ` (Sumber: ${image.credit})` : ""}</figcaption></figure>`
                : ""
            }${renderBodyHtml(article.body, {
              related,
              media: mediaViews,
              dateline: article.dateline.place ? article.dateline : null,
            })}`.value
          : null;
      entries.push({
        id,
        guid: guidOf(id, article.firstPublishedAt ?? article.publishedAt),
        url: siteUrl + articlePath(path, id, article.slug),
        headline: article.headline,
        summary: article.lede || (article.body ? excerpt(renderBodyText(article.body), 300) : ""),
        contentHtml,
        publishedAt: article.publishedAt,
        updatedAt:
          article.updatedAt && article.updatedAt.getTime() > article.publishedAt.getTime()
            ? article.updatedAt
            : null,
        timeZone: article.dateline.timeZone,
        section: { name: path.section.name, url: siteUrl + sectionPath(path) },
        tags: tagRows
          .filter((t) => t.article_id === id)
          .map((t) => ({ name: t.name, url: siteUrl + tagPath(t.slug) })),
        people,
        image,
        sources: article.sources,
      });
    }
    return entries;
  }

  return {
    /** Feed entries of live article ids, in that order (feeds of Cek Fakta and Topik Pilihan). */
    async entries(ids: number[], fullText = false): Promise<FeedEntry[]> {
      return loadEntries(ids, await sections.directory(), fullText, clock());
    },
    /** A feed's model, or null when the section, tag or person does not exist. */
    async feed(
      request: FeedRequest,
      options: { fullText?: boolean; limit?: number } = {},
    ): Promise<FeedModel | null> {
      const now = clock();
      const directory = await sections.directory();
      let scope: FeedScope;
      let title: string;
      let description: string;
      let pageUrl: string;
      let filter: { sectionIds?: number[]; tagId?: number; personId?: number } = {};
      let keys: string[];
      if (request.kind === "home") {
        scope = request;
        title = siteName;
        description = deps.siteDescription ?? `Berita terbaru dari ${siteName}.`;
        pageUrl = `${siteUrl}/`;
        keys = [GLOBAL_KEYS.feeds, GLOBAL_KEYS.latest];
      } else if (request.kind === "section") {
        const path = directory.resolve(request.slugs);
        if (!path) return null;
        scope = { kind: "section", path };
        title = `${path.section.name} - ${siteName}`;
        description =
          path.section.description || `Berita terbaru rubrik ${path.section.name} di ${siteName}.`;
        pageUrl = siteUrl + sectionPath(path);
        filter = { sectionIds: directory.subtreeIds(path.section.id) };
        keys = [GLOBAL_KEYS.feeds, sectionKey(path.section.id)];
      } else if (request.kind === "tag") {
        const tag = await repos.taxonomy.tagBySlug(db, request.slug);
        if (!tag || !(await liveTaxonomy.tagIsLive(db, tag.id, now))) return null;
        scope = { kind: "tag", slug: tag.slug };
        title = `Tag: ${tag.name} - ${siteName}`;
        description = `Berita dengan tag ${tag.name} di ${siteName}.`;
        pageUrl = siteUrl + tagPath(tag.slug);
        filter = { tagId: tag.id };
        keys = [GLOBAL_KEYS.feeds, tagKey(tag.id)];
      } else {
        const person = await repos.taxonomy.personBySlug(db, request.slug);
        if (!person || !(await liveTaxonomy.personIsLive(db, person.id, now))) return null;
        scope = { kind: "person", slug: person.slug };
        title = `${person.name} - ${siteName}`;
        description = person.bio || `Berita oleh ${person.name} di ${siteName}.`;
        pageUrl = siteUrl + personPath(person.slug);
        filter = { personId: person.id };
        keys = [GLOBAL_KEYS.feeds, personKey(person.id)];
      }
      const summaries = await repos.articles.listLive(db, {
        now,
        ...filter,
        limit: options.limit ?? FEED_SIZE,
      });
      const fullText = options.fullText ?? false;
      const entries = await loadEntries(
        summaries.map((s) => s.id),
        directory,
        fullText,
        now,
      );
      const updated =
        entries.reduce<Date | null>((max, e) => latest(max, latest(e.updatedAt, e.publishedAt)), null) ?? now;
      return {
        title,
        description,
        pageUrl,
        feedUrls: {
          rss: siteUrl + feedPath(scope, "rss"),
          atom: siteUrl + feedPath(scope, "atom"),
          json: siteUrl + feedPath(scope, "json"),
        },
        fullText,
        updated,
        entries,
        surrogateKeys: keys,
      };
    },

    /** The sitemap index: one file per month of live articles (split past the URL limit), then taxonomies. */
    async sitemapIndex(): Promise<SitemapRef[]> {
      const now = clock();
      const month = sql<string>`substr(articles.published_at, 1, 7)`;
      const months = await live(db, now)
        .select([
          month.as("month"),
          (eb) => eb.fn.countAll<number>().as("n"),
          (eb) => eb.fn.max("articles.published_at").as("max_published"),
          (eb) => eb.fn.max("articles.updated_at").as("max_updated"),
        ])
        .groupBy(month)
        .orderBy(month, "desc")
        .execute();
      const refs: SitemapRef[] = [];
      for (const row of months) {
        const lastmod = latest(fromIso(row.max_published), fromIso(row.max_updated));
        const parts = Math.max(1, Math.ceil(Number(row.n) / maxUrls));
        for (let part = 1; part <= parts; part++)
          refs.push({ loc: siteUrl + articleSitemapPath(row.month, part), lastmod });
      }
      // A sitemap must list at least one URL (sitemap.xsd), so empty taxonomies stay out. Their
      // lastmod in the index is the newest live article's: cheap, and never earlier than the truth.
      const newest = refs.reduce<Date | null>((max, r) => latest(max, r.lastmod), null);
      const [anySection, anyTag, anyPerson] = await Promise.all([
        db.selectFrom("sections").select("id").limit(1).executeTakeFirst(),
        live(db, now)
          .innerJoin("article_tags", "article_tags.article_id", "articles.id")
          .select("articles.id")
          .limit(1)
          .executeTakeFirst(),
        live(db, now)
          .innerJoin("article_credits", "article_credits.article_id", "articles.id")
          .select("articles.id")
          .limit(1)
          .executeTakeFirst(),
      ]);
      const kinds = [
        ["rubrik", anySection],
        ["tag", anyTag],
        ["profil", anyPerson],
      ] as const;
      for (const [kind, exists] of kinds)
        if (exists) refs.push({ loc: siteUrl + taxonomySitemapPath(kind), lastmod: newest });
      return refs;
    },

    /** One month's live articles (`YYYY-MM`, UTC), part `part`; null when the file would be empty. */
    async articleSitemap(month: string, part: number): Promise<SitemapUrl[] | null> {
      const match = MONTH.exec(month);
      if (!match || part < 1) return null;
      const year = Number(match[1]);
      const monthIndex = Number(match[2]) - 1;
      const from = new Date(Date.UTC(year, monthIndex, 1)).toISOString();
      const to = new Date(Date.UTC(year, monthIndex + 1, 1)).toISOString();
      const now = clock();
      const directory = await sections.directory();
      const rows = await live(db, now)
        .select([
          "articles.id",
          "articles.slug",
          "articles.section_id",
          "articles.published_at",
          "articles.updated_at",
        ])
        .where("articles.published_at", ">=", from)
        .where("articles.published_at", "<", to)
        .orderBy("articles.published_at")
        .orderBy("articles.id")
        .limit(maxUrls)
        .offset((part - 1) * maxUrls)
        .execute();
      if (rows.length === 0) return null;
      return rows.flatMap((row) => {
        const path = directory.pathOf(row.section_id);
        return path
          ? [
              {
                loc: siteUrl + articlePath(path, row.id, row.slug),
                lastmod: latest(fromIso(row.published_at), fromIso(row.updated_at)),
              },
            ]
          : [];
      });
    },

    sectionSitemap: taxonomySitemaps.sections,
    tagSitemap: taxonomySitemaps.tags,
    personSitemap: taxonomySitemaps.people,

    /** Live articles of the last 48 hours, newest first, for the Google News sitemap. */
    async newsSitemap(): Promise<NewsSitemapEntry[]> {
      const now = clock();
      const directory = await sections.directory();
      const rows = await live(db, now)
        .select([
          "articles.id",
          "articles.slug",
          "articles.headline",
          "articles.section_id",
          "articles.time_zone",
          "articles.published_at",
        ])
        .where("articles.published_at", ">=", new Date(now.getTime() - NEWS_WINDOW_MS).toISOString())
        .orderBy("articles.published_at", "desc")
        .orderBy("articles.id", "desc")
        .limit(NEWS_SITEMAP_MAX_URLS)
        .execute();
      const ids = rows.map((r) => r.id);
      const tags =
        ids.length === 0
          ? []
          : await db
              .selectFrom("article_tags")
              .innerJoin("tags", "tags.id", "article_tags.tag_id")
              .select(["article_tags.article_id", "tags.name"])
              .where("article_tags.article_id", "in", ids)
              .orderBy("article_tags.position")
              .execute();
      return rows.flatMap((row) => {
        const path = directory.pathOf(row.section_id);
        const publishedAt = fromIso(row.published_at);
        if (!path || !publishedAt) return [];
        return [
          {
            loc: siteUrl + articlePath(path, row.id, row.slug),
            headline: row.headline,
            publishedAt,
            timeZone: row.time_zone as NewsSitemapEntry["timeZone"],
            keywords: tags.filter((t) => t.article_id === row.id).map((t) => t.name),
          },
        ];
      });
    },
  };
}

export type DistributionService = ReturnType<typeof createDistributionService>;
