import { CREDIT_ROLES, type Article } from "../../core/article.ts";
import { derivativeOf, type Media } from "../../core/media.ts";
import type { SectionDirectory } from "../../core/section.ts";
import { articlePath, personPath, sectionPath, tagPath } from "../../core/urls.ts";
import {
  mediaIds,
  relatedIds,
  renderBodyHtml,
  type RelatedTarget,
} from "../../content/body-html.renderer.ts";
import { excerpt, renderBodyText } from "../../content/body-text.renderer.ts";
import { emptyBody } from "../../content/body.schema.ts";
import { html } from "../../content/html.ts";
import { listItemOf } from "../../db/read/list-item.ts";
import { liveArticles } from "../../db/read/live.ts";
import { articleFromRow } from "../../db/repositories/article.mapper.ts";
import type { FeedEntry, FeedPerson } from "../../distribution/distribution.models.ts";
import type { ServiceDeps } from "../service-deps.ts";

type EntryImage = NonNullable<FeedEntry["image"]>;

/**
 * Full feed entries (RSS, Atom, JSON Feed) for live article ids, in the given order: a fixed number
 * of queries per feed (articles, credits with people, tags, media, and Baca Juga targets for full
 * text). Anything not live (db/read/live.ts) is dropped.
 */
export function createFeedEntries(deps: Pick<ServiceDeps, "db" | "repos"> & { siteUrl: string }) {
  const { db, repos, siteUrl } = deps;

  const guidOf = (id: number, firstPublished: Date): string =>
    `tag:${new URL(siteUrl).hostname},${firstPublished.toISOString().slice(0, 10)}:artikel/${id}`;

  // Feeds get one JPEG per image, ≤ 1280 wide, absolute (readers' apps do not do srcset).
  const feedJpeg = (m: Media) => {
    const jpeg = derivativeOf(m, "w", 1280);
    return { url: siteUrl + jpeg.url, width: jpeg.width, height: jpeg.height };
  };

  /** The live articles among `ids` with their credits (people) and tags. */
  async function readArticles(ids: number[], fullText: boolean, now: Date) {
    const [rows, credits, tags] = await Promise.all([
      liveArticles(db, now).selectAll("articles").where("articles.id", "in", ids).execute(),
      db
        .selectFrom("article_credits")
        .innerJoin("people", "people.id", "article_credits.person_id")
        .select(["article_credits.article_id", "article_credits.role", "article_credits.position"])
        .select(["people.name", "people.slug"])
        .where("article_credits.article_id", "in", ids)
        .execute(),
      db
        .selectFrom("article_tags")
        .innerJoin("tags", "tags.id", "article_tags.tag_id")
        .select(["article_tags.article_id", "tags.name", "tags.slug"])
        .where("article_tags.article_id", "in", ids)
        .orderBy("article_tags.position")
        .execute(),
    ]);
    // Bodies were validated by the article input schema on every write; feeds parse them without a
    // second schema pass (the costliest step per entry) and only when they are needed.
    const articles = rows.map((row) =>
      articleFromRow(row, [], [], fullText || row.lede === "" ? JSON.parse(row.body) : emptyBody()),
    );
    return { articles, credits, tags };
  }

  /** Images (hero; body images for full text) and the live Baca Juga targets of full-text bodies. */
  async function readLinked(articles: Article[], directory: SectionDirectory, fullText: boolean, now: Date) {
    const wantedMedia = articles.flatMap((a) => [
      ...(a.hero ? [a.hero.mediaId] : []),
      ...(fullText ? mediaIds(a.body) : []),
    ]);
    const wantedRelated = fullText ? [...new Set(articles.flatMap((a) => relatedIds(a.body)))] : [];
    const [media, relatedSummaries] = await Promise.all([
      repos.media.byIds(db, [...new Set(wantedMedia)]),
      repos.articles.liveByIds(db, wantedRelated, now),
    ]);
    const related = new Map<number, RelatedTarget>();
    for (const summary of relatedSummaries) {
      const item = listItemOf(summary, directory);
      if (item) related.set(item.id, { headline: item.headline, url: siteUrl + item.url });
    }
    return {
      mediaById: new Map<number, Media>(media.map((m) => [m.id, m])),
      mediaViews: new Map(media.map((m) => [m.id, { ...feedJpeg(m), alt: m.alt }])),
      related,
    };
  }

  function heroImage(article: Article, mediaById: Map<number, Media>): EntryImage | null {
    const media = article.hero ? mediaById.get(article.hero.mediaId) : undefined;
    if (!article.hero || !media) return null;
    return {
      ...feedJpeg(media),
      mimeType: "image/jpeg",
      alt: media.alt,
      caption: article.hero.caption,
      credit: article.hero.credit,
    };
  }

  return async function loadEntries(
    ids: number[],
    directory: SectionDirectory,
    fullText: boolean,
    now: Date,
  ): Promise<FeedEntry[]> {
    if (ids.length === 0) return [];
    const { articles, credits, tags } = await readArticles(ids, fullText, now);
    const { mediaById, mediaViews, related } = await readLinked(articles, directory, fullText, now);
    const byId = new Map(articles.map((a) => [a.id, a]));
    return ids.flatMap((id): FeedEntry[] => {
      const article = byId.get(id);
      const path = article ? directory.pathOf(article.sectionId) : null;
      if (!article || !path || !article.publishedAt) return [];
      const people: FeedPerson[] = [];
      for (const role of CREDIT_ROLES)
        for (const c of credits
          .filter((row) => row.article_id === id && row.role === role)
          .sort((a, b) => a.position - b.position))
          people.push({ name: c.name, url: siteUrl + personPath(c.slug), role: c.role });
      const image = heroImage(article, mediaById);
      const contentHtml = fullText
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
      return [
        {
          id,
          guid: guidOf(id, article.firstPublishedAt ?? article.publishedAt),
          url: siteUrl + articlePath(path, id, article.slug),
          headline: article.headline,
          summary: article.lede || excerpt(renderBodyText(article.body), 300),
          contentHtml,
          publishedAt: article.publishedAt,
          updatedAt:
            article.updatedAt && article.updatedAt.getTime() > article.publishedAt.getTime()
              ? article.updatedAt
              : null,
          timeZone: article.dateline.timeZone,
          section: { name: path.section.name, url: siteUrl + sectionPath(path) },
          tags: tags
            .filter((t) => t.article_id === id)
            .map((t) => ({ name: t.name, url: siteUrl + tagPath(t.slug) })),
          people,
          image,
          sources: article.sources,
        },
      ];
    });
  };
}

export type FeedEntryLoader = ReturnType<typeof createFeedEntries>;
