import type { Actor } from "../../core/actor.ts";
import type { AuditLogRow } from "../../db/accounts.schema.ts";
import type { Executor } from "../../db/repositories/executor.ts";

/**
 * The audit log: who did what to which resource, when and from where. Append-only; written for
 * every login (success and failure), logout, password change, user and token change, and — by the
 * article use cases themselves, in the change's own transaction (article-core.ts `audited`) — every
 * article change, whether it came through the API, the CLI, an import or the scheduler.
 */
export interface AuditInput {
  /** null for an anonymous request (e.g. a failed login). */
  actor: Actor | null;
  /** Dotted verb, e.g. `auth.login`, `user.create`, `token.revoke`, `article.publish`. */
  action: string;
  resourceType: string;
  resourceId?: string | number | null;
  /** Extra facts (never secrets): the email tried, the fields changed, the old and new status… */
  detail?: Record<string, unknown>;
  /** Where from; defaults to the user actor's `ip` (set by the auth plugin for HTTP requests). */
  ip?: string | null;
}

/**
 * Where a use case appends its audit entries, inside its change's transaction (`executor`), so an
 * entry exists exactly when the change committed, whoever made it (API, CLI, import, scheduler).
 */
export interface AuditLog {
  record(input: AuditInput, executor: Executor): Promise<void>;
}

export type AuditActorKind = AuditLogRow["actor_kind"];

export interface AuditEntry {
  id: number;
  at: Date;
  actorKind: AuditActorKind;
  actorId: number | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
}

export interface AuditFilter {
  actorId?: number;
  /** Exact action, or a prefix ending in `.` (`user.`) for a family. */
  action?: string;
  resourceType?: string;
  resourceId?: string;
  from?: Date;
  to?: Date;
  /** Continue after this entry (newest first). */
  beforeId?: number;
  limit: number;
}

const entryFromRow = (row: AuditLogRow): AuditEntry => ({
  id: row.id,
  at: new Date(row.at),
  actorKind: row.actor_kind,
  actorId: row.actor_id,
  action: row.action,
  resourceType: row.resource_type,
  resourceId: row.resource_id,
  detail: JSON.parse(row.detail) as Record<string, unknown>,
  ip: row.ip,
});

export function createAuditService(deps: { db: Executor; clock: () => Date }) {
  const { db, clock } = deps;
  return {
    /** Appends one entry; pass `db` to write inside the caller's transaction. */
    async record(input: AuditInput, executor: Executor = db): Promise<void> {
      const actor = input.actor;
      await executor
        .insertInto("audit_log")
        .values({
          at: clock().toISOString(),
          actor_kind: actor === null ? "anonymous" : actor.kind,
          actor_id: actor?.kind === "user" ? actor.userId : null,
          action: input.action,
          resource_type: input.resourceType,
          resource_id: input.resourceId == null ? null : String(input.resourceId),
          detail: JSON.stringify({
            ...(actor?.kind === "system" ? { system: actor.name } : {}),
            ...(actor?.kind === "user" && actor.scopes ? { via: "token" } : {}),
            ...input.detail,
          }),
          ip: input.ip ?? (actor?.kind === "user" ? actor.ip : undefined) ?? null,
        })
        .execute();
    },

    /** Entries newest first, filtered; fetch `limit + 1` to know whether there is a next page. */
    async list(filter: AuditFilter): Promise<AuditEntry[]> {
      let query = db.selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(filter.limit);
      if (filter.actorId !== undefined) query = query.where("actor_id", "=", filter.actorId);
      if (filter.action !== undefined)
        query = filter.action.endsWith(".")
          ? query.where("action", "like", `${filter.action.replace(/[%_\\]/g, "")}%`)
          : query.where("action", "=", filter.action);
      if (filter.resourceType !== undefined) query = query.where("resource_type", "=", filter.resourceType);
      if (filter.resourceId !== undefined) query = query.where("resource_id", "=", filter.resourceId);
      if (filter.from !== undefined) query = query.where("at", ">=", filter.from.toISOString());
      if (filter.to !== undefined) query = query.where("at", "<", filter.to.toISOString());
      if (filter.beforeId !== undefined) query = query.where("id", "<", filter.beforeId);
      return (await query.execute()).map(entryFromRow);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
