import type { Actor } from "../core/actor.ts";
import type { Article, Credit } from "../core/article.ts";
import { AppError, notFound, type FieldIssue } from "../core/errors.ts";
import type { ArticleEventType } from "../core/events.ts";
import { isValidSlug, slugify } from "../core/slug.ts";
import { transition, type WorkflowAction } from "../core/workflow.ts";
import { emptyBody } from "../content/body.schema.ts";
import type { ArticleWrite } from "../db/repositories/articles.repository.ts";
import { articleInputSchema, type ArticleInput, type ParsedArticleInput } from "./article-input.ts";
import { snapshotOf } from "./article-snapshot.ts";
import type { SectionsService } from "./sections.service.ts";
import type { ServiceDeps } from "./service-deps.ts";
import { parseInput } from "./validation.ts";

export interface TransitionOptions {
  /** publish/schedule: when it goes live. Past times are kept (imports, corrections of record). */
  at?: Date;
  /** Marks a "Diperbarui" time explicitly (imports and demo content). */
  updatedAt?: Date;
}

function creditsWithPositions(input: ParsedArticleInput["credits"]): Credit[] {
  const perRole = new Map<string, number>();
  const seen = new Set<string>();
  const credits: Credit[] = [];
  for (const { role, personId } of input) {
    const key = `${role}:${personId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const position = perRole.get(role) ?? 0;
    perRole.set(role, position + 1);
    credits.push({ role, personId, position });
  }
  return credits;
}

export function createArticlesService(deps: ServiceDeps & { sections: SectionsService }) {
  const { store, repos, events, clock, sections } = deps;

  /** Checks every reference in the input points at something that exists; lists every failure. */
  async function checkReferences(input: ParsedArticleInput): Promise<void> {
    const issues: FieldIssue[] = [];
    const directory = await sections.directory();
    if (!directory.byId(input.sectionId))
      issues.push({ field: "sectionId", message: "Rubrik tidak ditemukan." });
    const personIds = [...new Set(input.credits.map((c) => c.personId))];
    const people = await repos.taxonomy.peopleByIds(store.db, personIds);
    for (const id of personIds)
      if (!people.some((p) => p.id === id))
        issues.push({ field: "credits", message: `Orang dengan id ${id} tidak ditemukan.` });
    const tags = await repos.taxonomy.tagsByIds(store.db, input.tagIds);
    for (const id of input.tagIds)
      if (!tags.some((t) => t.id === id))
        issues.push({ field: "tagIds", message: `Tag ${id} tidak ditemukan.` });
    if (input.hero && (await repos.media.byIds(store.db, [input.hero.mediaId])).length === 0)
      issues.push({ field: "hero.mediaId", message: "Media tidak ditemukan." });
    if (input.slug !== undefined && input.slug !== "" && !isValidSlug(input.slug))
      issues.push({ field: "slug", message: "Gunakan huruf kecil, angka dan tanda hubung." });
    if (issues.length > 0)
      throw new AppError("validation_failed", "Data artikel tidak valid.", { details: issues });
  }

  function toWrite(
    input: ParsedArticleInput,
    base: Omit<ArticleWrite, keyof ParsedArticleInput | "slug" | "credits">,
  ): ArticleWrite {
    return {
      ...base,
      headline: input.headline,
      slug: input.slug || slugify(input.headline) || "artikel",
      lede: input.lede,
      sectionId: input.sectionId,
      dateline: input.dateline,
      body: input.body,
      hero: input.hero,
      sources: input.sources,
      tagIds: input.tagIds,
      credits: creditsWithPositions(input.credits),
    };
  }

  async function load(id: number): Promise<Article> {
    const article = await repos.articles.findById(store.db, id);
    if (!article) throw notFound("Artikel");
    return article;
  }

  async function emit(type: ArticleEventType, before: Article | null, after: Article | null): Promise<void> {
    const now = clock();
    const directory = await sections.directory();
    const id = (after ?? before)?.id ?? 0;
    const beforeSnap = before ? snapshotOf(before, directory, now) : null;
    const afterSnap = after ? snapshotOf(after, directory, now) : null;
    await events.publish({ type, articleId: id, at: now, before: beforeSnap, after: afterSnap });
    if (
      type !== "article.slugChanged" &&
      beforeSnap &&
      afterSnap &&
      beforeSnap.urlPath !== afterSnap.urlPath &&
      beforeSnap.live
    )
      await events.publish({
        type: "article.slugChanged",
        articleId: id,
        at: now,
        before: beforeSnap,
        after: afterSnap,
      });
  }

  return {
    get: load,

    async create(input: ArticleInput, _actor: Actor, options: { importKey?: string } = {}): Promise<Article> {
      const data = parseInput(articleInputSchema, input);
      await checkReferences(data);
      const now = clock();
      const write = toWrite(data, {
        status: "draft",
        publishedAt: null,
        firstPublishedAt: null,
        updatedAt: null,
        createdAt: now,
        modifiedAt: now,
        importKey: options.importKey ?? null,
      });
      const id = await store.db.transaction().execute((tx) => repos.articles.insert(tx, write));
      const article = await load(id);
      await emit("article.created", null, article);
      return article;
    },

    /**
     * Replaces the content. A stale `expectedVersion` is a `version_conflict` carrying the current
     * article, never an overwrite. A substantive change to a live article stamps "Diperbarui".
     */
    async update(
      id: number,
      input: ArticleInput,
      _actor: Actor,
      options: { expectedVersion: number; substantive?: boolean; importKey?: string },
    ): Promise<Article> {
      const data = parseInput(articleInputSchema, input);
      await checkReferences(data);
      const before = await load(id);
      if (before.version !== options.expectedVersion) throw versionConflict(before, options.expectedVersion);
      const now = clock();
      const live = before.status === "published";
      const write = toWrite(data, {
        status: before.status,
        publishedAt: before.publishedAt,
        firstPublishedAt: before.firstPublishedAt,
        updatedAt: live && options.substantive !== false ? now : before.updatedAt,
        createdAt: before.createdAt,
        modifiedAt: now,
        importKey: options.importKey ?? null,
      });
      const ok = await store.db
        .transaction()
        .execute((tx) => repos.articles.update(tx, id, write, options.expectedVersion));
      if (!ok) throw versionConflict(await load(id), options.expectedVersion);
      const after = await load(id);
      await emit("article.updated", before, after);
      return after;
    },

    /** Moves the article through the workflow (core/workflow.ts) and tells subscribers. */
    async transition(
      id: number,
      action: WorkflowAction,
      _actor: Actor,
      options: TransitionOptions = {},
    ): Promise<Article> {
      const before = await load(id);
      const now = clock();
      let status = transition(action, before.status);
      let publishedAt = before.publishedAt;
      if (action === "publish" || action === "schedule") {
        const at = options.at ?? (action === "publish" ? now : undefined);
        if (!at)
          throw new AppError("validation_failed", "Waktu terbit wajib diisi untuk penjadwalan.", {
            details: [{ field: "at", message: "Wajib diisi." }],
          });
        if (action === "schedule" && at.getTime() <= now.getTime())
          throw new AppError("validation_failed", "Waktu jadwal harus di masa depan.", {
            details: [{ field: "at", message: "Sudah lewat." }],
          });
        status = at.getTime() > now.getTime() ? "scheduled" : "published";
        publishedAt = at;
      }
      const write: ArticleWrite = {
        ...before,
        status,
        publishedAt,
        firstPublishedAt:
          status === "published" ? (before.firstPublishedAt ?? publishedAt) : before.firstPublishedAt,
        updatedAt: options.updatedAt ?? before.updatedAt,
        modifiedAt: now,
      };
      const ok = await store.db
        .transaction()
        .execute((tx) => repos.articles.update(tx, id, write, before.version));
      if (!ok) throw versionConflict(await load(id), before.version);
      const after = await load(id);
      const type: ArticleEventType =
        status === "published"
          ? "article.published"
          : before.status === "published"
            ? "article.unpublished"
            : "article.updated";
      await emit(type, before, after);
      return after;
    },

    async remove(id: number, _actor: Actor): Promise<void> {
      const before = await load(id);
      await repos.articles.delete(store.db, id);
      await emit("article.deleted", before, null);
    },

    /** A draft shell for the editor's "new article" button. */
    async createEmpty(sectionId: number, actor: Actor): Promise<Article> {
      return this.create({ headline: "Tanpa judul", sectionId, body: emptyBody() }, actor);
    },
  };
}

function versionConflict(current: Article, expectedVersion: number): AppError {
  return new AppError(
    "version_conflict",
    "Artikel sudah diubah orang lain. Muat ulang dan gabungkan perubahan Anda.",
    {
      extra: { expectedVersion, currentVersion: current.version, current },
    },
  );
}

export type ArticlesService = ReturnType<typeof createArticlesService>;
