import type { Actor } from "../core/actor.ts";
import type { Article, Credit } from "../core/article.ts";
import { AppError, notFound, type FieldIssue } from "../core/errors.ts";
import type { ArticleEventType } from "../core/events.ts";
import {
  actorLabel,
  actorUserId,
  changedFields,
  revisionSnapshotOf,
  SUBSTANTIVE_FIELDS,
  type RevisionKind,
  type RevisionSnapshot,
} from "../core/revision.ts";
import { isValidSlug, slugify } from "../core/slug.ts";
import { NOTE_REQUIRED, transition, type WorkflowAction } from "../core/workflow.ts";
import { emptyBody } from "../content/body.schema.ts";
import type { ArticleWrite } from "../db/repositories/articles.repository.ts";
import type { Executor } from "../db/repositories/executor.ts";
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
  /** Why: required for requestChanges (goes back to the writer), optional otherwise. */
  note?: string;
}

/** How a save was recorded in the revision history. */
export interface RevisionOptions {
  revisionKind?: Exclude<RevisionKind, "create" | "staged">;
  /** restore: the revision number copied. */
  restoredFrom?: number;
}

/** The newsroom's working copy: the live row, or the staged revision's content over it. */
export interface WorkingCopy {
  article: Article;
  staged: { revision: number; stagedAt: Date; substantive: boolean; changed: string[] } | null;
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

  async function recordRevision(
    tx: Executor,
    articleId: number,
    input: {
      kind: RevisionKind;
      snapshot: RevisionSnapshot;
      previous: RevisionSnapshot | null;
      actor: Actor;
      at: Date;
      restoredFrom?: number;
    },
  ) {
    return repos.revisions.insert(tx, {
      articleId,
      kind: input.kind,
      restoredFrom: input.restoredFrom ?? null,
      snapshot: input.snapshot,
      changed: changedFields(input.previous, input.snapshot),
      actorUserId: actorUserId(input.actor),
      actorLabel: actorLabel(input.actor),
      createdAt: input.at,
    });
  }

  async function logStep(
    tx: Executor,
    articleId: number,
    action: string,
    from: string,
    to: string,
    actor: Actor,
    at: Date,
    note?: string,
  ): Promise<void> {
    await repos.revisions.logStep(tx, {
      articleId,
      action,
      from,
      to,
      note: note ?? null,
      actorUserId: actorUserId(actor),
      actorLabel: actorLabel(actor),
      at,
    });
  }

  /** The article with its staged revision's content applied (what the newsroom edits). */
  async function working(id: number): Promise<WorkingCopy> {
    const article = await load(id);
    const staged = await repos.revisions.staged(store.db, id);
    if (!staged || article.status !== "published") return { article, staged: null };
    const revision = await repos.revisions.byId(store.db, staged.revisionId);
    if (!revision) return { article, staged: null };
    return {
      article: { ...article, ...fromSnapshot(revision.snapshot) },
      staged: {
        revision: revision.number,
        stagedAt: staged.stagedAt,
        substantive: staged.substantive,
        changed: changedFields(revisionSnapshotOf(article), revision.snapshot),
      },
    };
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
      const id = await store.db.transaction().execute(async (tx) => {
        const articleId = await repos.articles.insert(tx, write);
        const snapshot = revisionSnapshotOf(write);
        await recordRevision(tx, articleId, { kind: "create", snapshot, previous: null, actor, at: now });
        return articleId;
      });
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
      const ok = await store.db.transaction().execute(async (tx) => {
        if (!(await repos.articles.update(tx, id, write, options.expectedVersion))) return false;
        await recordRevision(tx, id, {
          kind: options.revisionKind ?? "save",
          snapshot: revisionSnapshotOf(write),
          previous: revisionSnapshotOf(before),
          actor,
          at: now,
          restoredFrom: options.restoredFrom,
        });
        return true;
      });
      if (!ok) throw versionConflict(await load(id), options.expectedVersion);
      const after = await load(id);
      await emit("article.updated", before, after);
      return after;
    },

    /**
     * The newsroom's save. Not live yet: replaces the content directly. Published: stores the
     * content as the staged revision and leaves the live row (what readers see) untouched until an
     * editor publishes it. Either way one revision is recorded and the version moves on.
     */
    async save(
      id: number,
      input: ArticleInput,
      actor: Actor,
      options: { expectedVersion: number; minor?: boolean } & RevisionOptions,
    ): Promise<WorkingCopy> {
      const current = await load(id);
      // Once an article has been out, its URL only changes when a slug is sent explicitly.
      if (current.firstPublishedAt && !input.slug) input = { ...input, slug: current.slug };
      if (current.status !== "published") {
        await this.update(id, input, actor, { ...options, substantive: options.minor !== true });
        return working(id);
      }
      const data = parseInput(articleInputSchema, input);
      await checkReferences(data);
      if (current.version !== options.expectedVersion)
        throw versionConflict((await working(id)).article, options.expectedVersion);
      const previous = (await working(id)).article;
      const snapshot = revisionSnapshotOf(toWrite(data, { ...current, importKey: null }));
      const now = clock();
      const ok = await store.db.transaction().execute(async (tx) => {
        if (!(await repos.articles.bumpVersion(tx, id, options.expectedVersion))) return false;
        const revision = await recordRevision(tx, id, {
          kind: options.revisionKind === "restore" ? "restore" : "staged",
          snapshot,
          previous: revisionSnapshotOf(previous),
          actor,
          at: now,
          restoredFrom: options.restoredFrom,
        });
        const live = revisionSnapshotOf(current);
        const substantive =
          options.minor === undefined
            ? changedFields(live, snapshot).some((f) => SUBSTANTIVE_FIELDS.includes(f))
            : !options.minor;
        await repos.revisions.setStaged(tx, {
          articleId: id,
          revisionId: revision.id,
          substantive,
          stagedAt: now,
        });
        return true;
      });
      if (!ok) throw versionConflict((await working(id)).article, options.expectedVersion);
      return working(id);
    },

    /**
     * Puts the staged revision live: the row takes its content, "Diperbarui" is stamped when the
     * change is substantive, and subscribers hear article.updated (+ slugChanged).
     */
    async publishStaged(id: number, actor: Actor, options: { note?: string } = {}): Promise<Article> {
      const before = await load(id);
      const staged = await repos.revisions.staged(store.db, id);
      const revision = staged ? await repos.revisions.byId(store.db, staged.revisionId) : null;
      if (before.status !== "published" || !staged || !revision)
        throw new AppError("invalid_transition", "Tidak ada revisi tertunda untuk diterbitkan.", {
          extra: { action: "publish", from: before.status },
        });
      const now = clock();
      const write: ArticleWrite = {
        ...before,
        ...fromSnapshot(revision.snapshot),
        credits: creditsWithPositions(revision.snapshot.credits),
        updatedAt: staged.substantive ? now : before.updatedAt,
        modifiedAt: now,
        importKey: null,
      };
      const ok = await store.db.transaction().execute(async (tx) => {
        if (!(await repos.articles.update(tx, id, write, before.version))) return false;
        await repos.revisions.clearStaged(tx, id);
        await logStep(tx, id, "publish", before.status, "published", actor, now, options.note);
        return true;
      });
      if (!ok) throw versionConflict(await load(id), before.version);
      const after = await load(id);
      await emit("article.updated", before, after);
      return after;
    },

    /**
     * The scheduler's publish: only if the article is still scheduled at `expectedVersion`
     * (a conditional UPDATE, so two runners never both publish it). Null when someone else did.
     */
    async publishScheduled(id: number, expectedVersion: number, actor: Actor): Promise<Article | null> {
      const before = await repos.articles.findById(store.db, id);
      if (!before || before.status !== "scheduled" || before.version !== expectedVersion) return null;
      const now = clock();
      const write: ArticleWrite = {
        ...before,
        status: "published",
        firstPublishedAt: before.firstPublishedAt ?? before.publishedAt,
        modifiedAt: now,
        importKey: null,
      };
      const ok = await store.db.transaction().execute(async (tx) => {
        if (!(await repos.articles.update(tx, id, write, expectedVersion))) return false;
        await logStep(tx, id, "publish", "scheduled", "published", actor, now);
        return true;
      });
      if (!ok) return null;
      const after = await load(id);
      await emit("article.published", before, after);
      return after;
    },

    /** Moves the article through the workflow (core/workflow.ts) and tells subscribers. */
    async transition(
      id: number,
      action: WorkflowAction,
      actor: Actor,
      options: TransitionOptions = {},
    ): Promise<Article> {
      const before = await load(id);
      const note = options.note?.trim() || undefined;
      if (NOTE_REQUIRED.includes(action) && !note)
        throw new AppError("validation_failed", "Tuliskan catatan untuk penulis.", {
          details: [{ field: "note", message: "Wajib diisi." }],
        });
      if (action === "publish" && before.status === "published")
        return this.publishStaged(id, actor, { note });
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
      // Withdrawn from readers: a staged revision becomes the working content (no text is lost).
      const staged = status === "unpublished" ? await working(id) : null;
      if (staged?.staged) Object.assign(write, staged.article, { status, modifiedAt: now });
      const ok = await store.db.transaction().execute(async (tx) => {
        if (!(await repos.articles.update(tx, id, write, before.version))) return false;
        if (staged?.staged) await repos.revisions.clearStaged(tx, id);
        await logStep(tx, id, action, before.status, status, actor, now, note);
        return true;
      });
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

    async remove(id: number, _actor: Actor, options: { draftsOnly?: boolean } = {}): Promise<void> {
      const before = await load(id);
      if (options.draftsOnly && before.status !== "draft")
        throw new AppError("invalid_transition", "Hanya draf yang bisa dihapus; tarik artikel terbit.", {
          extra: { action: "delete", from: before.status },
        });
      await repos.articles.delete(store.db, id);
      await emit("article.deleted", before, null);
    },

    /** A draft shell for the editor's "new article" button. */
    async createEmpty(sectionId: number, actor: Actor): Promise<Article> {
      return this.create({ headline: "Tanpa judul", sectionId, body: emptyBody() }, actor);
    },
  };
}

/** The editable fields of a revision, as article fields (credits numbered per role). */
function fromSnapshot(snapshot: RevisionSnapshot): Pick<Article, keyof RevisionSnapshot> {
  return { ...snapshot, credits: creditsWithPositions(snapshot.credits) };
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
