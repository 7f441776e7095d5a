import { sql } from "kysely";
import type { Article, ArticleStatus, ArticleSummary, Credit } from "../../core/article.ts";
import type { ArticleRow } from "../schema.ts";
import { articleFromRow, articleToRow, creditFromRow, type ArticleFields } from "./article.mapper.ts";
import { fromIso, toIso, type Executor } from "./executor.ts";
import { mediaIds } from "../../content/body-html.renderer.ts";

const SUMMARY_COLUMNS = [
  "articles.id",
  "articles.slug",
  "articles.headline",
  "articles.lede",
  "articles.section_id",
  "articles.time_zone",
  "articles.hero_media_id",
  "articles.published_at",
  "articles.updated_at",
  "articles.status",
] as const;

type SummaryRow = Pick<
  ArticleRow,
  | "id"
  | "slug"
  | "headline"
  | "lede"
  | "section_id"
  | "time_zone"
  | "hero_media_id"
  | "published_at"
  | "updated_at"
  | "status"
>;

function summaryFromRow(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    lede: row.lede,
    sectionId: row.section_id,
    timeZone: row.time_zone,
    heroMediaId: row.hero_media_id,
    publishedAt: fromIso(row.published_at),
    updatedAt: fromIso(row.updated_at),
    status: row.status,
  };
}

/** Filters for lists readers see: only published articles whose time has come. */
export interface LiveListQuery {
  now: Date;
  sectionIds?: number[];
  tagId?: number;
  personId?: number;
  excludeIds?: number[];
  limit: number;
  offset?: number;
}

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

export interface ArticleWrite extends ArticleFields {
  tagIds: number[];
  credits: Credit[];
  importKey?: string | null;
}

/** What the link tables keep of an article's publication (migration 006). */
export function livePublishedAt(article: Pick<ArticleWrite, "status" | "publishedAt">): string | null {
  return article.status === "published" && article.publishedAt ? article.publishedAt.toISOString() : null;
}

/**
 * Fills the link tables' `live_published_at` from the articles (after a bulk load that wrote the
 * link rows without it, e.g. `warta generate`).
 */
export async function refreshLiveLinks(db: Executor): Promise<void> {
  for (const table of ["article_tags", "article_credits"] as const)
    await sql`UPDATE ${sql.table(table)} SET live_published_at = (
        SELECT a.published_at FROM articles a WHERE a.id = ${sql.ref(`${table}.article_id`)} AND a.status = 'published')`.execute(
      db,
    );
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
  async function loadRelations(db: Executor, ids: number[]) {
    const [tags, credits] = await Promise.all([
      db
        .selectFrom("article_tags")
        .select(["article_id", "tag_id"])
        .where("article_id", "in", ids)
        .orderBy("position")
        .execute(),
      db
        .selectFrom("article_credits")
        .select(["article_id", "role", "person_id", "position"])
        .where("article_id", "in", ids)
        .orderBy("position")
        .orderBy("role")
        .execute(),
    ]);
    return { tags, credits };
  }

  async function writeRelations(
    db: Executor,
    articleId: number,
    input: Pick<ArticleWrite, "tagIds" | "credits" | "status" | "publishedAt" | "hero" | "body">,
  ) {
    await db.deleteFrom("article_tags").where("article_id", "=", articleId).execute();
    await db.deleteFrom("article_media").where("article_id", "=", articleId).execute();
    // The images it shows (hero and body): a file is public while a live story uses it.
    const wanted = [...new Set([...(input.hero ? [input.hero.mediaId] : []), ...mediaIds(input.body)])];
    const existing =
      wanted.length === 0
        ? []
        : await db.selectFrom("media").select("id").where("id", "in", wanted).execute();
    if (existing.length > 0)
      await db
        .insertInto("article_media")
        .values(existing.map((m) => ({ article_id: articleId, media_id: m.id })))
        .execute();
    await db.deleteFrom("article_credits").where("article_id", "=", articleId).execute();
    // Same transaction as the article row: the link tables' copy of the publication date never
    // disagrees with the article (see liveLinks below).
    const live = livePublishedAt(input);
    const tagIds = [...new Set(input.tagIds)];
    if (tagIds.length > 0)
      await db
        .insertInto("article_tags")
        .values(
          tagIds.map((tagId, position) => ({
            article_id: articleId,
            tag_id: tagId,
            position,
            live_published_at: live,
          })),
        )
        .execute();
    if (input.credits.length > 0)
      await db
        .insertInto("article_credits")
        .values(
          input.credits.map((c) => ({
            article_id: articleId,
            role: c.role,
            person_id: c.personId,
            position: c.position,
            live_published_at: live,
          })),
        )
        .execute();
  }

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
    let q = db
      .selectFrom("articles")
      .where("articles.status", "=", "published")
      .where("articles.published_at", "<=", query.now.toISOString());
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
      const live = livePublishedAt(change);
      await db
        .updateTable("article_tags")
        .set({ live_published_at: live })
        .where("article_id", "=", id)
        .execute();
      await db
        .updateTable("article_credits")
        .set({ live_published_at: live })
        .where("article_id", "=", id)
        .execute();
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
        const now = query.now.toISOString();
        const rows = await db
          .selectFrom("articles")
          .select(SUMMARY_COLUMNS)
          .where(
            "articles.id",
            "in",
            links.map((l) => l.article_id),
          )
          // The article row stays the authority on liveness.
          .where("articles.status", "=", "published")
          .where("articles.published_at", "<=", now)
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

    /** The roles a person holds on each of the given articles. */
    async rolesOfPerson(
      db: Executor,
      personId: number,
      articleIds: number[],
    ): Promise<Map<number, string[]>> {
      const roles = new Map<number, string[]>();
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

    /** Articles that are published with a time still in the future (the scheduler's work list). */
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

export type ArticlesRepository = ReturnType<typeof createArticlesRepository>;
