import type { ArticleSummary } from "../../core/article.ts";
import { SUMMARY_COLUMNS, summaryFromRow } from "../repositories/article-summary.mapper.ts";
import type { Executor } from "../repositories/executor.ts";
import { liveArticles, liveAt } from "./live.ts";

/** Filters for lists readers see: only live articles (live.ts), newest first. */
export interface LiveListQuery {
  now: Date;
  sectionIds?: number[];
  tagId?: number;
  personId?: number;
  excludeIds?: number[];
  limit: number;
  offset?: number;
}

/**
 * The live article lists (home, sections, tags, people, feeds, the content API's pages), as
 * summaries newest first. Part of the articles repository (`repos.articles.listLive`…).
 */
export function createLiveArticleLists() {
  /**
   * The live articles of one tag or person, newest first, read from the link table alone through
   * its `(tag_id|person_id, live_published_at, article_id)` index (migration 006): a page is an
   * index range walk, a count an index-only count, however popular the tag or person.
   */
  function liveLinks(db: Executor, query: Pick<LiveListQuery, "now" | "tagId" | "personId">) {
    const now = query.now.toISOString();
    if (query.tagId !== undefined)
      return db
        .selectFrom("article_tags as link")
        .where("link.tag_id", "=", query.tagId)
        .where("link.live_published_at", "<=", now);
    return db
      .selectFrom("article_credits as link")
      .where("link.person_id", "=", query.personId ?? -1)
      .where("link.live_published_at", "<=", now);
  }

  /** Tag or person lists without other filters take the link-table path. */
  const linkOnly = (query: Omit<LiveListQuery, "limit" | "offset">) =>
    (query.tagId !== undefined) !== (query.personId !== undefined) &&
    !query.sectionIds &&
    !(query.excludeIds && query.excludeIds.length > 0);

  function liveQuery(db: Executor, query: Omit<LiveListQuery, "limit" | "offset">) {
    let q = liveArticles(db, query.now);
    if (query.sectionIds)
      q = q.where("articles.section_id", "in", query.sectionIds.length > 0 ? query.sectionIds : [-1]);
    if (query.tagId !== undefined) {
      const tagId = query.tagId;
      q = q.where("articles.id", "in", (sub) =>
        sub.selectFrom("article_tags").select("article_id").where("tag_id", "=", tagId),
      );
    }
    if (query.personId !== undefined) {
      const personId = query.personId;
      q = q.where("articles.id", "in", (sub) =>
        sub.selectFrom("article_credits").select("article_id").where("person_id", "=", personId),
      );
    }
    if (query.excludeIds && query.excludeIds.length > 0)
      q = q.where("articles.id", "not in", query.excludeIds);
    return q;
  }

  return {
    async listLive(db: Executor, query: LiveListQuery): Promise<ArticleSummary[]> {
      if (linkOnly(query)) {
        // One person may hold several roles on an article: distinct ids, in index order.
        let linkQuery = liveLinks(db, query).select(["link.article_id", "link.live_published_at"]);
        if (query.personId !== undefined) linkQuery = linkQuery.distinct();
        const links = await linkQuery
          .orderBy("link.live_published_at", "desc")
          .orderBy("link.article_id", "desc")
          .limit(query.limit)
          .offset(query.offset ?? 0)
          .execute();
        if (links.length === 0) return [];
        // The article row stays the authority on liveness.
        const rows = await liveArticles(db, query.now)
          .select(SUMMARY_COLUMNS)
          .where(
            "articles.id",
            "in",
            links.map((l) => l.article_id),
          )
          .execute();
        const byId = new Map(rows.map((row) => [row.id, row]));
        return links.flatMap((l) => {
          const row = byId.get(l.article_id);
          return row ? [summaryFromRow(row)] : [];
        });
      }
      const rows = await liveQuery(db, query)
        .select(SUMMARY_COLUMNS)
        .orderBy("articles.published_at", "desc")
        .orderBy("articles.id", "desc")
        .limit(query.limit)
        .offset(query.offset ?? 0)
        .execute();
      return rows.map(summaryFromRow);
    },

    async countLive(db: Executor, query: Omit<LiveListQuery, "limit" | "offset">): Promise<number> {
      if (linkOnly(query)) {
        // (article_id, tag_id) is the tag links' primary key; a person may hold several roles.
        const counted = await liveLinks(db, query)
          .select((eb) =>
            (query.personId !== undefined
              ? eb.fn.count<number>("link.article_id").distinct()
              : eb.fn.countAll<number>()
            ).as("n"),
          )
          .executeTakeFirstOrThrow();
        return Number(counted.n);
      }
      const row = await liveQuery(db, query)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Live articles after a (publishedAt, id) cursor, newest first (the content API). */
    async listLiveAfter(
      db: Executor,
      query: Omit<LiveListQuery, "offset"> & { after?: { publishedAt: string; id: number } },
    ): Promise<ArticleSummary[]> {
      let q = liveQuery(db, query).select(SUMMARY_COLUMNS);
      const after = query.after;
      if (after)
        q = q.where((eb) =>
          eb.or([
            eb("articles.published_at", "<", after.publishedAt),
            eb.and([eb("articles.published_at", "=", after.publishedAt), eb("articles.id", "<", after.id)]),
          ]),
        );
      const rows = await q
        .orderBy("articles.published_at", "desc")
        .orderBy("articles.id", "desc")
        .limit(query.limit)
        .execute();
      return rows.map(summaryFromRow);
    },

    /** The live ones among `ids`, in no particular order. */
    async liveByIds(db: Executor, ids: number[], now: Date): Promise<ArticleSummary[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom("articles")
        .select(SUMMARY_COLUMNS)
        .where("articles.id", "in", ids)
        .where(liveAt(now))
        .execute();
      return rows.map(summaryFromRow);
    },
  };
}
