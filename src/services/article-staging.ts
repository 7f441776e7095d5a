import type { Actor } from "../core/actor.ts";
import { inTransaction } from "../db/transaction.ts";
import type { Article } from "../core/article.ts";
import { AppError } from "../core/errors.ts";
import { changedFields, revisionSnapshotOf, SUBSTANTIVE_FIELDS } from "../core/revision.ts";
import type { ArticleWrite } from "../db/repositories/articles.repository.ts";
import type { Executor } from "../db/repositories/executor.ts";
import {
  creditsWithPositions,
  fromSnapshot,
  saveAudit,
  versionConflict,
  type ArticleCore,
  type RevisionOptions,
  type WorkingCopy,
} from "./article-core.ts";
import { articleInputSchema, type ArticleInput } from "./article-input.ts";
import type { ServiceDeps } from "./service-deps.ts";
import { parseInput } from "./validation.ts";

type DirectUpdate = (
  id: number,
  input: ArticleInput,
  actor: Actor,
  options: { expectedVersion: number; substantive?: boolean } & RevisionOptions,
) => Promise<Article>;

/**
 * Saving in the newsroom, staged updates of live articles and the scheduler's publish: the parts of
 * the article use cases that keep readers from ever seeing half-edited text.
 */
export function createArticleStaging(deps: ServiceDeps, core: ArticleCore, update: DirectUpdate) {
  const { db, repos, clock } = deps;
  const { load, working, checkReferences, checkAltText, toWrite, recordRevision, logStep, audited, emit } =
    core;

  return {
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
        await update(id, input, actor, { ...options, substantive: options.minor !== true });
        return working(id);
      }
      const data = parseInput(articleInputSchema, input);
      await checkReferences(data);
      if (current.version !== options.expectedVersion)
        throw versionConflict((await working(id)).article, options.expectedVersion);
      const previous = (await working(id)).article;
      const snapshot = revisionSnapshotOf(toWrite(data, { ...current, importKey: null }));
      const now = clock();
      const ok = await inTransaction(db, async (tx) => {
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
        const [action, detail] = saveAudit(options, "article.stage", {
          version: options.expectedVersion + 1,
          revision: revision.number,
        });
        await audited(tx, actor, action, id, detail);
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
      const staged = await repos.revisions.staged(db, id);
      const revision = staged ? await repos.revisions.byId(db, staged.revisionId) : null;
      if (before.status !== "published" || !staged || !revision)
        throw new AppError("invalid_transition", "Tidak ada revisi tertunda untuk diterbitkan.", {
          extra: { action: "publish", from: before.status },
        });
      // What was valid when staged may not be now (a tag or person removed since): say so, don't 500.
      await checkReferences(revision.snapshot);
      await checkAltText(fromSnapshot(revision.snapshot));
      const now = clock();
      const write: ArticleWrite = {
        ...before,
        ...fromSnapshot(revision.snapshot),
        credits: creditsWithPositions(revision.snapshot.credits),
        updatedAt: staged.substantive ? now : before.updatedAt,
        modifiedAt: now,
        importKey: null,
      };
      const after = await inTransaction(db, async (tx) => {
        const saved = await repos.articles.update(tx, id, write, before.version);
        if (!saved) return null;
        await repos.revisions.clearStaged(tx, id);
        await logStep(tx, id, "publish", before.status, "published", actor, now, options.note);
        await audited(tx, actor, "article.publishRevision", id, {
          from: before.status,
          to: "published",
          ...(options.note ? { note: options.note } : {}),
          ...(saved.publishedAt ? { publishedAt: saved.publishedAt.toISOString() } : {}),
        });
        return saved;
      });
      if (!after) throw versionConflict(await load(id), before.version);
      await emit("article.updated", before, after);
      return after;
    },

    /**
     * The scheduler's publish: only if the article is still scheduled at `expectedVersion`
     * (a conditional UPDATE, so two runners never both publish it). Null when someone else did.
     * `alongside` writes in the same transaction (the scheduler's publication log), so the publish
     * is never visible without it.
     */
    async publishScheduled(
      id: number,
      expectedVersion: number,
      actor: Actor,
      options: {
        runner?: string;
        /** Written in the publish's transaction (the scheduler's log row commits with it). */
        alongside?: (tx: Executor) => Promise<void>;
      } = {},
    ): Promise<Article | null> {
      const before = await repos.articles.findById(db, id);
      if (!before || before.status !== "scheduled" || before.version !== expectedVersion) return null;
      const now = clock();
      const change = {
        status: "published" as const,
        publishedAt: before.publishedAt,
        firstPublishedAt: before.firstPublishedAt ?? before.publishedAt,
        updatedAt: before.updatedAt,
        modifiedAt: now,
      };
      const ok = await inTransaction(db, async (tx) => {
        if (!(await repos.articles.updateStatus(tx, id, change, expectedVersion))) return false;
        await logStep(tx, id, "publish", "scheduled", "published", actor, now);
        await audited(tx, actor, "article.publish", id, {
          from: "scheduled",
          to: "published",
          ...(before.publishedAt
            ? {
                scheduledFor: before.publishedAt.toISOString(),
                latenessMs: Math.max(0, now.getTime() - before.publishedAt.getTime()),
              }
            : {}),
          ...(options.runner ? { runner: options.runner } : {}),
        });
        await options.alongside?.(tx);
        return true;
      });
      if (!ok) return null;
      const after: Article = { ...before, ...change, version: expectedVersion + 1 };
      await emit("article.published", before, after);
      return after;
    },
  };
}
