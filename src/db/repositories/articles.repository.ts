import type { Article, ArticleSummary, Credit, CreditRole } from "../../core/article.ts";
import { createLiveArticleLists } from "../read/live-article-lists.ts";
import { livePublishedAt } from "../read/live.ts";
import type { ArticleRow } from "../schema.ts";
import { loadRelations, updateLiveLinks, writeRelations } from "./article-links.ts";
import { articleFromRow, articleToRow, creditFromRow, type ArticleFields } from "./article.mapper.ts";
import { SUMMARY_COLUMNS, summaryFromRow } from "./article-summary.mapper.ts";
import { toIso, type Executor } from "./executor.ts";
import { createNewsroomArticleLists } from "./newsroom-article-lists.ts";

export type { LiveListQuery } from "../read/live-article-lists.ts";
export type { NewsroomListQuery, NewsroomListRow } from "./newsroom-article-lists.ts";

export interface ArticleWrite extends ArticleFields {
  tagIds: number[];
  credits: Credit[];
  importKey?: string | null;
}

/**
 * What `findById` reads back after a write of `input` as `row`: links as `writeRelations` stores
 * them (tags de-duplicated; credits by position, then role), the body as serialized (it was validated
 * before the write, so it is not checked again).
 */
function written(row: ArticleRow, input: Pick<ArticleWrite, "tagIds" | "credits">): Article {
  const credits = [...input.credits].sort(
    (a, b) => a.position - b.position || (a.role < b.role ? -1 : a.role > b.role ? 1 : 0),
  );
  return articleFromRow(row, [...new Set(input.tagIds)], credits, JSON.parse(row.body) as Article["body"]);
}

export function createArticlesRepository() {
  const liveLists = createLiveArticleLists();
  const newsroomLists = createNewsroomArticleLists();

  return {
    async findById(db: Executor, id: number): Promise<Article | null> {
      const row = await db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirst();
      if (!row) return null;
      const { tags, credits } = await loadRelations(db, [id]);
      return articleFromRow(
        row,
        tags.map((t) => t.tag_id),
        credits.map(creditFromRow),
      );
    },

    async findIdByImportKey(db: Executor, importKey: string): Promise<number | null> {
      const row = await db
        .selectFrom("articles")
        .select("id")
        .where("import_key", "=", importKey)
        .executeTakeFirst();
      return row?.id ?? null;
    },

    /** Inserts the article and its links; returns it as `findById` would read it back. */
    async insert(db: Executor, input: ArticleWrite): Promise<Article> {
      const row = { ...articleToRow(input), version: 1, import_key: input.importKey ?? null };
      const { id } = await db.insertInto("articles").values(row).returning("id").executeTakeFirstOrThrow();
      await writeRelations(db, id, input);
      return written({ ...row, id }, input);
    },

    /**
     * Replaces the article's fields and links; returns the article as stored, or null when
     * `expectedVersion` no longer matches (nothing is written then).
     */
    async update(
      db: Executor,
      id: number,
      input: ArticleWrite,
      expectedVersion: number,
    ): Promise<Article | null> {
      const fields = articleToRow(input);
      const result = await db
        .updateTable("articles")
        .set({
          ...fields,
          version: expectedVersion + 1,
          ...(input.importKey ? { import_key: input.importKey } : {}),
        })
        .where("id", "=", id)
        .where("version", "=", expectedVersion)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return null;
      await writeRelations(db, id, input);
      return written(
        { ...fields, id, version: expectedVersion + 1, import_key: input.importKey ?? null },
        input,
      );
    },

    /**
     * A workflow step: changes only the status and its dates (the content, links and body stay as
     * they are; the links' copy of the publication date follows). False when `expectedVersion` no
     * longer matches.
     */
    async updateStatus(
      db: Executor,
      id: number,
      change: Pick<ArticleWrite, "status" | "publishedAt" | "firstPublishedAt" | "updatedAt" | "modifiedAt">,
      expectedVersion: number,
    ): Promise<boolean> {
      const result = await db
        .updateTable("articles")
        .set({
          status: change.status,
          published_at: toIso(change.publishedAt),
          first_published_at: toIso(change.firstPublishedAt),
          updated_at: toIso(change.updatedAt),
          modified_at: change.modifiedAt.toISOString(),
          version: expectedVersion + 1,
        })
        .where("id", "=", id)
        .where("version", "=", expectedVersion)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await updateLiveLinks(db, id, livePublishedAt(change));
      return true;
    },

    /**
     * Bumps the version without touching what readers see (a staged save of a live article);
     * false when `expectedVersion` no longer matches.
     */
    async bumpVersion(db: Executor, id: number, expectedVersion: number): Promise<boolean> {
      const result = await db
        .updateTable("articles")
        .set({ version: expectedVersion + 1 })
        .where("id", "=", id)
        .where("version", "=", expectedVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async delete(db: Executor, id: number): Promise<void> {
      await db.deleteFrom("articles").where("id", "=", id).execute();
    },

    /** Summaries for ids, in no particular order; includes unpublished ones (callers check liveness). */
    async summariesByIds(db: Executor, ids: number[]): Promise<ArticleSummary[]> {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom("articles").select(SUMMARY_COLUMNS).where("id", "in", ids).execute();
      return rows.map(summaryFromRow);
    },

    /** The roles a person holds on each of the given articles. */
    async rolesOfPerson(
      db: Executor,
      personId: number,
      articleIds: number[],
    ): Promise<Map<number, CreditRole[]>> {
      const roles = new Map<number, CreditRole[]>();
      if (articleIds.length === 0) return roles;
      const rows = await db
        .selectFrom("article_credits")
        .select(["article_id", "role"])
        .where("person_id", "=", personId)
        .where("article_id", "in", articleIds)
        .execute();
      for (const row of rows) roles.set(row.article_id, [...(roles.get(row.article_id) ?? []), row.role]);
      return roles;
    },

    ...liveLists,
    ...newsroomLists,
  };
}

export type ArticlesRepository = ReturnType<typeof createArticlesRepository>;
