import { personPath, sectionPath, tagPath } from "../../core/urls.ts";
import { liveArticles } from "../../db/read/live.ts";
import { fromIso, type Executor } from "../../db/repositories/executor.ts";
import type { SitemapUrl } from "../../distribution/distribution.models.ts";
import { latest } from "../../distribution/feed-dates.ts";
import type { SectionsService } from "../sections.service.ts";

/** Sitemaps of the section, tag and person pages: only those with a live article, lastmod its newest. */
export function createTaxonomySitemaps(deps: {
  db: Executor;
  clock: () => Date;
  sections: SectionsService;
  siteUrl: string;
}) {
  const { db, clock, sections, siteUrl } = deps;
  const newest = (row: { max_published: string | null; max_updated: string | null }) =>
    latest(fromIso(row.max_published), fromIso(row.max_updated));

  return {
    /** Every section page; lastmod is the newest live article in the section or below it. */
    async sections(): Promise<SitemapUrl[]> {
      const directory = await sections.directory();
      const rows = await liveArticles(db, clock())
        .select([
          "articles.section_id",
          (eb) => eb.fn.max("articles.published_at").as("max_published"),
          (eb) => eb.fn.max("articles.updated_at").as("max_updated"),
        ])
        .groupBy("articles.section_id")
        .execute();
      const own = new Map(rows.map((r) => [r.section_id, newest(r)]));
      return directory.all.flatMap((section) => {
        const path = directory.pathOf(section.id);
        if (!path) return [];
        const lastmod = directory
          .subtreeIds(section.id)
          .reduce<Date | null>((max, id) => latest(max, own.get(id) ?? null), null);
        return [{ loc: siteUrl + sectionPath(path), lastmod }];
      });
    },

    /** Tags with at least one live article. */
    async tags(): Promise<SitemapUrl[]> {
      const rows = await liveArticles(db, clock())
        .innerJoin("article_tags", "article_tags.article_id", "articles.id")
        .innerJoin("tags", "tags.id", "article_tags.tag_id")
        .select([
          "tags.slug",
          (eb) => eb.fn.max("articles.published_at").as("max_published"),
          (eb) => eb.fn.max("articles.updated_at").as("max_updated"),
        ])
        .groupBy(["tags.id", "tags.slug"])
        .orderBy("tags.slug")
        .execute();
      return rows.map((r) => ({ loc: siteUrl + tagPath(r.slug), lastmod: newest(r) }));
    },

    /** People credited on at least one live article. */
    async people(): Promise<SitemapUrl[]> {
      const rows = await liveArticles(db, clock())
        .innerJoin("article_credits", "article_credits.article_id", "articles.id")
        .innerJoin("people", "people.id", "article_credits.person_id")
        .select([
          "people.slug",
          (eb) => eb.fn.max("articles.published_at").as("max_published"),
          (eb) => eb.fn.max("articles.updated_at").as("max_updated"),
        ])
        .groupBy(["people.id", "people.slug"])
        .orderBy("people.slug")
        .execute();
      return rows.map((r) => ({ loc: siteUrl + personPath(r.slug), lastmod: newest(r) }));
    },
  };
}
