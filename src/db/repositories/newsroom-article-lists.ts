import { sql } from "kysely";
import type { ArticleStatus, ArticleSummary } from "../../core/article.ts";
import { SUMMARY_COLUMNS, summaryFromRow } from "./article-summary.mapper.ts";
import type { Executor } from "./executor.ts";

/** The newsroom's list: any status, newest activity first, cursor-paginated. */
export interface NewsroomListQuery {
  statuses?: ArticleStatus[];
  sectionIds?: number[];
  personId?: number;
  createdByUserId?: number;
  /** Words that must all appear in the headline (case-insensitive), for the admin's story list. */
  headlineWords?: string[];
  /** On `modified_at` (last activity): from inclusive, to exclusive. */
  from?: Date;
  to?: Date;
  after?: { modifiedAt: string; id: number };
  limit: number;
}

export type NewsroomListRow = ArticleSummary & { modifiedAt: string; version: number };

/** The lists the newsroom works from (every status): the story list and the scheduler's due list. */
export function createNewsroomArticleLists() {
  return {
    async listNewsroom(db: Executor, query: NewsroomListQuery): Promise<NewsroomListRow[]> {
      let q = db
        .selectFrom("articles")
        .select([...SUMMARY_COLUMNS, "articles.modified_at", "articles.version"]);
      if (query.statuses && query.statuses.length > 0) q = q.where("articles.status", "in", query.statuses);
      if (query.sectionIds)
        q = q.where("articles.section_id", "in", query.sectionIds.length > 0 ? query.sectionIds : [-1]);
      if (query.personId !== undefined) {
        const personId = query.personId;
        q = q.where("articles.id", "in", (sub) =>
          sub.selectFrom("article_credits").select("article_id").where("person_id", "=", personId),
        );
      }
      if (query.createdByUserId !== undefined) {
        const userId = query.createdByUserId;
        q = q.where("articles.id", "in", (sub) =>
          sub
            .selectFrom("article_revisions")
            .select("article_id")
            .where("number", "=", 1)
            .where("actor_user_id", "=", userId),
        );
      }
      for (const word of query.headlineWords ?? []) {
        const pattern = `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q = q.where(sql<boolean>`lower(articles.headline) like ${pattern} escape '\\'`);
      }
      if (query.from) q = q.where("articles.modified_at", ">=", query.from.toISOString());
      if (query.to) q = q.where("articles.modified_at", "<", query.to.toISOString());
      const after = query.after;
      if (after)
        q = q.where((eb) =>
          eb.or([
            eb("articles.modified_at", "<", after.modifiedAt),
            eb.and([eb("articles.modified_at", "=", after.modifiedAt), eb("articles.id", "<", after.id)]),
          ]),
        );
      const rows = await q
        .orderBy("articles.modified_at", "desc")
        .orderBy("articles.id", "desc")
        .limit(query.limit)
        .execute();
      return rows.map((row) => ({
        ...summaryFromRow(row),
        modifiedAt: row.modified_at,
        version: row.version,
      }));
    },

    /** Articles that are scheduled with a time already come (the scheduler's work list). */
    async listDue(db: Executor, now: Date): Promise<ArticleSummary[]> {
      const rows = await db
        .selectFrom("articles")
        .select(SUMMARY_COLUMNS)
        .where("status", "=", "scheduled")
        .where("published_at", "<=", now.toISOString())
        .orderBy("published_at")
        .execute();
      return rows.map(summaryFromRow);
    },
  };
}
