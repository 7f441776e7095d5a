import { sql } from "kysely";
import type { RevisionKind, RevisionSnapshot, RevisionWithSnapshot, Revision } from "../../core/revision.ts";
import type { ArticleStatus } from "../../core/article.ts";
import type { WorkflowAction } from "../../core/workflow.ts";
import type { ArticleRevisionRow } from "../newsroom.schema.ts";
import type { Executor } from "./executor.ts";

export interface NewRevision {
  articleId: number;
  kind: RevisionKind;
  restoredFrom: number | null;
  snapshot: RevisionSnapshot;
  changed: string[];
  actorUserId: number | null;
  actorLabel: string;
  createdAt: Date;
}

export interface StagedRevision {
  articleId: number;
  revisionId: number;
  substantive: boolean;
  stagedAt: Date;
}

export interface WorkflowStep {
  id: number;
  articleId: number;
  action: WorkflowAction;
  from: ArticleStatus;
  to: ArticleStatus;
  note: string | null;
  actorUserId: number | null;
  actorLabel: string;
  at: Date;
}

function revisionFromRow(row: Omit<ArticleRevisionRow, "snapshot">): Revision {
  return {
    id: row.id,
    articleId: row.article_id,
    number: row.number,
    kind: row.kind,
    restoredFrom: row.restored_from,
    changed: JSON.parse(row.changed) as Revision["changed"],
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    createdAt: new Date(row.created_at),
  };
}

const withSnapshot = (row: ArticleRevisionRow): RevisionWithSnapshot => ({
  ...revisionFromRow(row),
  snapshot: JSON.parse(row.snapshot) as RevisionSnapshot,
});

const LIST_COLUMNS = [
  "id",
  "article_id",
  "number",
  "kind",
  "restored_from",
  "changed",
  "actor_user_id",
  "actor_label",
  "created_at",
] as const;

/** Article revisions (full snapshots), the staged revision of live articles and the workflow log. */
export function createRevisionsRepository() {
  return {
    /** Appends a revision numbered after the article's last one; run inside the save's transaction. */
    async insert(db: Executor, input: NewRevision): Promise<Revision> {
      const row = await db
        .insertInto("article_revisions")
        .values((eb) => ({
          article_id: input.articleId,
          number: eb
            .selectFrom("article_revisions")
            .select(sql<number>`coalesce(max(number), 0) + 1`.as("next"))
            .where("article_id", "=", input.articleId),
          kind: input.kind,
          restored_from: input.restoredFrom,
          snapshot: JSON.stringify(input.snapshot),
          changed: JSON.stringify(input.changed),
          actor_user_id: input.actorUserId,
          actor_label: input.actorLabel,
          created_at: input.createdAt.toISOString(),
        }))
        .returning(["id", "number"])
        .executeTakeFirstOrThrow();
      return {
        id: row.id,
        articleId: input.articleId,
        number: row.number,
        kind: input.kind,
        restoredFrom: input.restoredFrom,
        changed: [...input.changed] as Revision["changed"],
        actorUserId: input.actorUserId,
        actorLabel: input.actorLabel,
        createdAt: new Date(input.createdAt.getTime()),
      };
    },

    async list(db: Executor, articleId: number): Promise<Revision[]> {
      const rows = await db
        .selectFrom("article_revisions")
        .select(LIST_COLUMNS)
        .where("article_id", "=", articleId)
        .orderBy("number", "desc")
        .execute();
      return rows.map(revisionFromRow);
    },

    async byNumber(db: Executor, articleId: number, number: number): Promise<RevisionWithSnapshot | null> {
      const row = await db
        .selectFrom("article_revisions")
        .selectAll()
        .where("article_id", "=", articleId)
        .where("number", "=", number)
        .executeTakeFirst();
      return row ? withSnapshot(row) : null;
    },

    async byId(db: Executor, id: number): Promise<RevisionWithSnapshot | null> {
      const row = await db
        .selectFrom("article_revisions")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? withSnapshot(row) : null;
    },

    async latest(db: Executor, articleId: number): Promise<RevisionWithSnapshot | null> {
      const row = await db
        .selectFrom("article_revisions")
        .selectAll()
        .where("article_id", "=", articleId)
        .orderBy("number", "desc")
        .limit(1)
        .executeTakeFirst();
      return row ? withSnapshot(row) : null;
    },

    async staged(db: Executor, articleId: number): Promise<StagedRevision | null> {
      const row = await db
        .selectFrom("article_staged")
        .selectAll()
        .where("article_id", "=", articleId)
        .executeTakeFirst();
      return row
        ? {
            articleId: row.article_id,
            revisionId: row.revision_id,
            substantive: row.substantive === 1,
            stagedAt: new Date(row.staged_at),
          }
        : null;
    },

    async setStaged(db: Executor, staged: StagedRevision): Promise<void> {
      const values = {
        revision_id: staged.revisionId,
        substantive: staged.substantive ? 1 : 0,
        staged_at: staged.stagedAt.toISOString(),
      };
      await db
        .insertInto("article_staged")
        .values({ article_id: staged.articleId, ...values })
        .onConflict((oc) => oc.column("article_id").doUpdateSet(values))
        .execute();
    },

    async clearStaged(db: Executor, articleId: number): Promise<void> {
      await db.deleteFrom("article_staged").where("article_id", "=", articleId).execute();
    },

    async logStep(db: Executor, step: Omit<WorkflowStep, "id">): Promise<void> {
      await db
        .insertInto("article_workflow_log")
        .values({
          article_id: step.articleId,
          action: step.action,
          from_status: step.from,
          to_status: step.to,
          note: step.note,
          actor_user_id: step.actorUserId,
          actor_label: step.actorLabel,
          created_at: step.at.toISOString(),
        })
        .execute();
    },

    async workflowLog(db: Executor, articleId: number): Promise<WorkflowStep[]> {
      const rows = await db
        .selectFrom("article_workflow_log")
        .selectAll()
        .where("article_id", "=", articleId)
        .orderBy("id")
        .execute();
      return rows.map((r) => ({
        id: r.id,
        articleId: r.article_id,
        action: r.action,
        from: r.from_status,
        to: r.to_status,
        note: r.note,
        actorUserId: r.actor_user_id,
        actorLabel: r.actor_label,
        at: new Date(r.created_at),
      }));
    },
  };
}

export type RevisionsRepository = ReturnType<typeof createRevisionsRepository>;
