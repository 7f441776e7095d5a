import type { Actor } from "../core/actor.ts";
import { inTransaction } from "../db/transaction.ts";
import type { Article } from "../core/article.ts";
import { AppError } from "../core/errors.ts";
import type { ArticleEventType } from "../core/events.ts";
import { revisionSnapshotOf } from "../core/revision.ts";
import { NOTE_REQUIRED, transition, type WorkflowAction } from "../core/workflow.ts";
import { emptyBody } from "../content/body.schema.ts";
import type { NewsroomListQuery } from "../db/repositories/articles.repository.ts";
import {
  createArticleCore,
  saveAudit,
  versionConflict,
  type ArticleServiceDeps,
  type RevisionOptions,
} from "./article-core.ts";
import { articleInputSchema, type ArticleInput } from "./article-input.ts";
import { createArticleStaging } from "./article-staging.ts";
import { parseInput } from "./validation.ts";

export interface TransitionOptions {
  /** publish/schedule: when it goes live. Past times are kept (imports, corrections of record). */
  at?: Date;
  /** Marks a "Diperbarui" time explicitly (imports and demo content). */
  updatedAt?: Date;
  /** Why: required for requestChanges (goes back to the writer), optional otherwise. */
  note?: string;
  /**
   * The article as the caller has just written or read it (saves reading it again). Its version
   * is checked by the write like any other: a stale copy is a `version_conflict`, never a lost change.
   */
  current?: Article;
  /**
   * Imports of stories already published elsewhere keep them live even when an image has no alt
   * text (the newsroom adds it later); every other publish requires it.
   */
  allowMissingAlt?: boolean;
}

export type { RevisionOptions, WorkingCopy } from "./article-core.ts";

export function createArticlesService(deps: ArticleServiceDeps) {
  const { db, repos, clock } = deps;
  const core = createArticleCore(deps);
  const { checkReferences, checkAltText, toWrite, load, recordRevision, logStep, audited, working, emit } =
    core;

  /**
   * Replaces the content. A stale `expectedVersion` is a `version_conflict` carrying the current
   * article, never an overwrite. A substantive change to a live article stamps "Diperbarui".
   */
  async function update(
    id: number,
    input: ArticleInput,
    actor: Actor,
    options: { expectedVersion: number; substantive?: boolean; importKey?: string } & RevisionOptions,
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
    const after = await inTransaction(db, async (tx) => {
      const saved = await repos.articles.update(tx, id, write, options.expectedVersion);
      if (!saved) return null;
      await recordRevision(tx, id, {
        kind: options.revisionKind ?? "save",
        snapshot: revisionSnapshotOf(write),
        previous: revisionSnapshotOf(before),
        actor,
        at: now,
        restoredFrom: options.restoredFrom,
      });
      const [action, detail] = saveAudit(options, "article.update", { version: saved.version });
      await audited(tx, actor, action, id, detail);
      return saved;
    });
    if (!after) throw versionConflict(await load(id), options.expectedVersion);
    await emit("article.updated", before, after);
    return after;
  }

  const staging = createArticleStaging(deps, core, update);

  return {
    get: load,
    working,
    /** Tells subscribers about a change made beside the article row (e.g. a correction). */
    notify: emit,

    async create(input: ArticleInput, actor: Actor, options: { importKey?: string } = {}): Promise<Article> {
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
      const article = await inTransaction(db, async (tx) => {
        const created = await repos.articles.insert(tx, write);
        const snapshot = revisionSnapshotOf(write);
        await recordRevision(tx, created.id, { kind: "create", snapshot, previous: null, actor, at: now });
        await audited(tx, actor, "article.create", created.id, { headline: created.headline });
        return created;
      });
      await emit("article.created", null, article);
      return article;
    },

    update,
    ...staging,

    /** The newsroom's list (every status), most recently modified first, after a keyset cursor. */
    listNewsroom: (query: NewsroomListQuery) => repos.articles.listNewsroom(db, query),

    /** Moves the article through the workflow (core/workflow.ts) and tells subscribers. */
    async transition(
      id: number,
      action: WorkflowAction,
      actor: Actor,
      options: TransitionOptions = {},
    ): Promise<Article> {
      const before = options.current?.id === id ? options.current : await load(id);
      const note = options.note?.trim() || undefined;
      if (NOTE_REQUIRED.includes(action) && !note)
        throw new AppError("validation_failed", "Tuliskan catatan untuk penulis.", {
          details: [{ field: "note", message: "Wajib diisi." }],
        });
      if (action === "publish" && before.status === "published")
        return staging.publishStaged(id, actor, { note });
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
        if (!options.allowMissingAlt) await checkAltText(before);
      }
      const change = {
        status,
        publishedAt,
        firstPublishedAt:
          status === "published" ? (before.firstPublishedAt ?? publishedAt) : before.firstPublishedAt,
        updatedAt: options.updatedAt ?? before.updatedAt,
        modifiedAt: now,
      };
      // Withdrawn from readers: a staged revision becomes the working content (no text is lost).
      const staged = status === "unpublished" ? await working(id) : null;
      const after = await inTransaction(db, async (tx): Promise<Article | null> => {
        let saved: Article | null;
        if (staged?.staged) {
          saved = await repos.articles.update(tx, id, { ...staged.article, ...change }, before.version);
          if (saved) await repos.revisions.clearStaged(tx, id);
        } else
          saved = (await repos.articles.updateStatus(tx, id, change, before.version))
            ? { ...before, ...change, version: before.version + 1 }
            : null;
        if (saved) {
          await logStep(tx, id, action, before.status, status, actor, now, note);
          await audited(tx, actor, `article.${action}`, id, {
            from: before.status,
            to: status,
            ...(note ? { note } : {}),
            ...(publishedAt ? { publishedAt: publishedAt.toISOString() } : {}),
          });
        }
        return saved;
      });
      if (!after) throw versionConflict(await load(id), before.version);
      const type: ArticleEventType =
        status === "published"
          ? "article.published"
          : before.status === "published"
            ? "article.unpublished"
            : "article.updated";
      await emit(type, before, after);
      return after;
    },

    async remove(id: number, actor: Actor, options: { draftsOnly?: boolean } = {}): Promise<void> {
      const before = await load(id);
      if (options.draftsOnly && before.status !== "draft")
        throw new AppError("invalid_transition", "Hanya draf yang bisa dihapus; tarik artikel terbit.", {
          extra: { action: "delete", from: before.status },
        });
      await inTransaction(db, async (tx) => {
        await repos.articles.delete(tx, id);
        await audited(tx, actor, "article.delete", id, { headline: before.headline });
      });
      await emit("article.deleted", before, null);
    },

    /** A draft shell for the editor's "new article" button. */
    async createEmpty(sectionId: number, actor: Actor): Promise<Article> {
      return this.create({ headline: "Tanpa judul", sectionId, body: emptyBody() }, actor);
    },
  };
}

export type ArticlesService = ReturnType<typeof createArticlesService>;
