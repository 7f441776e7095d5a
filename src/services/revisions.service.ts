import type { Actor } from "../core/actor.ts";
import { notFound } from "../core/errors.ts";
import type { Revision, RevisionWithSnapshot } from "../core/revision.ts";
import type { WorkflowStep } from "../db/repositories/revisions.repository.ts";
import type { ArticlesService, WorkingCopy } from "./articles.service.ts";
import { diffRevisions, type RevisionDiff } from "./revision-diff.ts";
import type { ServiceDeps } from "./service-deps.ts";

/**
 * Revision history: every save is a revision (articles.service records them in the save's
 * transaction). This lists, shows, diffs and restores them. Restoring never destroys history: it
 * saves the old content as a new revision (staged, when the article is live).
 */
export function createRevisionsService(deps: ServiceDeps & { articles: ArticlesService }) {
  const { db, repos, articles } = deps;

  async function get(articleId: number, number: number): Promise<RevisionWithSnapshot> {
    const revision = await repos.revisions.byNumber(db, articleId, number);
    if (!revision) throw notFound(`Revisi ${number}`);
    return revision;
  }

  return {
    get,

    async list(articleId: number): Promise<Revision[]> {
      await articles.get(articleId);
      return repos.revisions.list(db, articleId);
    },

    async diff(
      articleId: number,
      a: number,
      b: number,
    ): Promise<RevisionDiff & { from: number; to: number }> {
      const [left, right] = await Promise.all([get(articleId, a), get(articleId, b)]);
      return { from: a, to: b, ...diffRevisions(left.snapshot, right.snapshot) };
    },

    async restore(
      articleId: number,
      number: number,
      actor: Actor,
      options: { expectedVersion: number },
    ): Promise<WorkingCopy> {
      const revision = await get(articleId, number);
      return articles.save(articleId, { ...revision.snapshot }, actor, {
        expectedVersion: options.expectedVersion,
        revisionKind: "restore",
        restoredFrom: number,
      });
    },

    /** The workflow steps with their notes (e.g. why it went back to draft), oldest first. */
    workflowLog: (articleId: number): Promise<WorkflowStep[]> => repos.revisions.workflowLog(db, articleId),

    /** Who created the article (first revision's user), for policies' ownership check. */
    async createdBy(articleId: number): Promise<number | null> {
      return (await repos.revisions.byNumber(db, articleId, 1))?.actorUserId ?? null;
    },
  };
}

export type RevisionsService = ReturnType<typeof createRevisionsService>;
