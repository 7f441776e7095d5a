import type { Actor } from "../core/actor.ts";
import type { Article, ArticleStatus, Credit } from "../core/article.ts";
import { AppError, notFound, type FieldIssue } from "../core/errors.ts";
import type { ArticleEventType } from "../core/events.ts";
import {
  actorLabel,
  actorUserId,
  changedFields,
  revisionSnapshotOf,
  type RevisionKind,
  type RevisionSnapshot,
} from "../core/revision.ts";
import { isValidSlug, slugify } from "../core/slug.ts";
import type { WorkflowAction } from "../core/workflow.ts";
import type { ArticleWrite } from "../db/repositories/articles.repository.ts";
import type { Executor } from "../db/repositories/executor.ts";
import type { AuditLog } from "./accounts/audit.service.ts";
import type { ParsedArticleInput } from "./article-input.ts";
import { snapshotOf } from "./article-snapshot.ts";
import type { SectionsService } from "./sections.service.ts";
import type { ServiceDeps } from "./service-deps.ts";

/**
 * What the article use cases share (articles.service.ts, article-staging.ts): loading, reference
 * checks, building a row write, recording revisions and workflow steps, the working copy, events.
 */

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

export function creditsWithPositions(input: ParsedArticleInput["credits"]): Credit[] {
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

/** The editable fields of a revision, as article fields (credits numbered per role). */
export function fromSnapshot(snapshot: RevisionSnapshot): Pick<Article, keyof RevisionSnapshot> {
  return { ...snapshot, credits: creditsWithPositions(snapshot.credits) };
}

/** A save's audit entry: a restore names the revision it copied, other saves use `action`. */
export function saveAudit(
  options: RevisionOptions,
  action: string,
  detail: { version: number } & Record<string, unknown>,
): [string, Record<string, unknown>] {
  return options.revisionKind === "restore"
    ? ["article.restoreRevision", { restoredFrom: options.restoredFrom, version: detail.version }]
    : [action, detail];
}

export function versionConflict(current: Article, expectedVersion: number): AppError {
  return new AppError(
    "version_conflict",
    "Artikel sudah diubah orang lain. Muat ulang dan gabungkan perubahan Anda.",
    {
      extra: { expectedVersion, currentVersion: current.version, current },
    },
  );
}

export type ArticleServiceDeps = ServiceDeps & { sections: SectionsService; audit: AuditLog };

export function createArticleCore(deps: ArticleServiceDeps) {
  const { db, repos, events, clock, sections, audit } = deps;

  /** Checks every reference in the input points at something that exists; lists every failure. */
  async function checkReferences(input: ParsedArticleInput): Promise<void> {
    const issues: FieldIssue[] = [];
    const directory = await sections.directory();
    if (!directory.byId(input.sectionId))
      issues.push({ field: "sectionId", message: "Rubrik tidak ditemukan." });
    const personIds = [...new Set(input.credits.map((c) => c.personId))];
    const people = await repos.taxonomy.peopleByIds(db, personIds);
    for (const id of personIds)
      if (!people.some((p) => p.id === id))
        issues.push({ field: "credits", message: `Orang dengan id ${id} tidak ditemukan.` });
    const tags = await repos.taxonomy.tagsByIds(db, input.tagIds);
    for (const id of input.tagIds)
      if (!tags.some((t) => t.id === id))
        issues.push({ field: "tagIds", message: `Tag ${id} tidak ditemukan.` });
    if (input.hero && (await repos.media.byIds(db, [input.hero.mediaId])).length === 0)
      issues.push({ field: "hero.mediaId", message: "Media tidak ditemukan." });
    if (input.slug !== undefined && input.slug !== "" && !isValidSlug(input.slug))
      issues.push({ field: "slug", message: "Gunakan huruf kecil, angka dan tanda hubung." });
    if (issues.length > 0)
      throw new AppError("validation_failed", "Data artikel tidak valid.", { details: issues });
  }

  /**
   * Every image a story shows (hero, body) needs alt text before it goes live: refused with a
   * message naming each image (its caption, else its id) and the field it sits in.
   */
  async function checkAltText(content: Pick<Article, "hero" | "body">): Promise<void> {
    const uses: { field: string; mediaId: number }[] = [];
    if (content.hero) uses.push({ field: "hero.mediaId", mediaId: content.hero.mediaId });
    content.body.blocks.forEach((block, index) => {
      if (block.type === "image")
        uses.push({ field: `body.blocks[${index}].mediaId`, mediaId: block.mediaId });
    });
    if (uses.length === 0) return;
    const media = new Map(
      (await repos.media.byIds(db, [...new Set(uses.map((u) => u.mediaId))])).map((m) => [m.id, m]),
    );
    const issues: FieldIssue[] = [];
    for (const use of uses) {
      const image = media.get(use.mediaId);
      if (!image || image.alt.trim() !== "") continue;
      const name = image.caption.trim() ? `"${image.caption.trim().slice(0, 80)}"` : `id ${image.id}`;
      issues.push({
        field: use.field,
        message: `Gambar ${name} (id ${image.id}) belum punya teks alternatif (alt).`,
      });
    }
    if (issues.length > 0) {
      const first = issues[0]?.message.replace(/\.$/, "") ?? "";
      throw new AppError(
        "validation_failed",
        `Artikel belum bisa terbit: isi teks alternatif setiap gambar. ${first}${issues.length > 1 ? ` (dan ${issues.length - 1} gambar lain)` : ""}.`,
        { details: issues },
      );
    }
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
    const article = await repos.articles.findById(db, id);
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
    action: WorkflowAction,
    from: ArticleStatus,
    to: ArticleStatus,
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

  /**
   * Appends an article change to the audit log inside the change's transaction `tx`, so the entry
   * exists exactly when the change committed, whoever made it (API, CLI, import, scheduler).
   */
  async function audited(
    tx: Executor,
    actor: Actor,
    action: string,
    articleId: number,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await audit.record({ actor, action, resourceType: "article", resourceId: articleId, detail }, tx);
  }

  /** The article with its staged revision's content applied (what the newsroom edits). */
  async function working(id: number): Promise<WorkingCopy> {
    const article = await load(id);
    const staged = await repos.revisions.staged(db, id);
    if (!staged || article.status !== "published") return { article, staged: null };
    const revision = await repos.revisions.byId(db, staged.revisionId);
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

  return { checkReferences, checkAltText, toWrite, load, recordRevision, logStep, audited, working, emit };
}

export type ArticleCore = ReturnType<typeof createArticleCore>;
