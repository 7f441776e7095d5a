import { sql } from "kysely";
import { articlePath, articleSitemapPath, taxonomySitemapPath } from "../../core/urls.ts";
import { liveArticles } from "../../db/read/live.ts";
import { fromIso } from "../../db/repositories/executor.ts";
import type { NewsSitemapEntry, SitemapRef, SitemapUrl } from "../../distribution/distribution.models.ts";
import { latest } from "../../distribution/feed-dates.ts";
import { NEWS_SITEMAP_MAX_URLS, NEWS_WINDOW_MS } from "../../distribution/sitemap.builder.ts";
import type { SectionsService } from "../sections.service.ts";
import type { ServiceDeps } from "../service-deps.ts";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The sitemap index, the monthly article sitemaps and the Google News sitemap: live articles only. */
export function createArticleSitemaps(
  deps: Pick<ServiceDeps, "db" | "clock"> & { sections: SectionsService; siteUrl: string; maxUrls: number },
) {
  const { db, clock, sections, siteUrl, maxUrls } = deps;

  return {
    /** The sitemap index: one file per month of live articles (split past the URL limit), then taxonomies. */
    async sitemapIndex(): Promise<SitemapRef[]> {
      const now = clock();
      const month = sql<string>`substr(articles.published_at, 1, 7)`;
      const months = await liveArticles(db, now)
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
        liveArticles(db, now)
          .innerJoin("article_tags", "article_tags.article_id", "articles.id")
          .select("articles.id")
          .limit(1)
          .executeTakeFirst(),
        liveArticles(db, now)
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
      const rows = await liveArticles(db, now)
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

    /** Live articles of the last 48 hours, newest first, for the Google News sitemap. */
    async newsSitemap(): Promise<NewsSitemapEntry[]> {
      const now = clock();
      const directory = await sections.directory();
      const rows = await liveArticles(db, now)
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
            timeZone: row.time_zone,
            keywords: tags.filter((t) => t.article_id === row.id).map((t) => t.name),
          },
        ];
      });
    },
  };
}
