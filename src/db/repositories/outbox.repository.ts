import { sql } from "kysely";
import type { Executor } from "./executor.ts";

export interface OutboxRow {
  id: number;
  payload: string;
  createdAt: string;
  claimedBy: string | null;
}

export interface OutboxAppend {
  eventType: string;
  payload: string;
}

/**
 * The outbox table (migration 013): appended in the writer's transaction, read in id order by every
 * node, claimed for the shared work by one node at a time.
 */
export function createOutboxRepository() {
  return {
    /**
     * Appends events claimed by `node` (the writer runs their shared work right after its commit).
     * On PostgreSQL a `pg_notify` in the same transaction wakes the other nodes when it commits.
     */
    async append(
      db: Executor,
      events: OutboxAppend[],
      node: string,
      at: string,
      notifyChannel: string | null,
    ): Promise<void> {
      if (events.length === 0) return;
      // PostgreSQL: ids are taken in commit order (the lock is held to the end of the transaction),
      // so a reader that saw id n never finds n-1 appearing later. SQLite writers are serial anyway.
      if (notifyChannel) await sql`SELECT pg_advisory_xact_lock(hashtext(${notifyChannel}))`.execute(db);
      await db
        .insertInto("outbox")
        .values(
          events.map((e) => ({
            event_type: e.eventType,
            payload: e.payload,
            created_at: at,
            claimed_by: node,
            claimed_at: at,
            handled_at: null,
          })),
        )
        .execute();
      if (notifyChannel) await sql`SELECT pg_notify(${notifyChannel}, '')`.execute(db);
    },

    async after(db: Executor, position: number, limit: number): Promise<OutboxRow[]> {
      const rows = await db
        .selectFrom("outbox")
        .select(["id", "payload", "created_at", "claimed_by"])
        .where("id", ">", position)
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: Number(r.id),
        payload: r.payload,
        createdAt: r.created_at,
        claimedBy: r.claimed_by,
      }));
    },

    async lastId(db: Executor): Promise<number> {
      const row = await db
        .selectFrom("outbox")
        .select((eb) => eb.fn.max("id").as("id"))
        .executeTakeFirst();
      return Number(row?.id ?? 0);
    },

    /** Shared work a claimer did not finish: claimed at or before `leaseBefore`, not handled. Oldest first. */
    async stranded(
      db: Executor,
      leaseBefore: string,
      limit: number,
    ): Promise<Array<OutboxRow & { claimedAt: string | null }>> {
      const rows = await db
        .selectFrom("outbox")
        .select(["id", "payload", "created_at", "claimed_by", "claimed_at"])
        .where("handled_at", "is", null)
        .where("claimed_at", "<=", leaseBefore)
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: Number(r.id),
        payload: r.payload,
        createdAt: r.created_at,
        claimedBy: r.claimed_by,
        claimedAt: r.claimed_at,
      }));
    },

    /** Takes over one event's shared work if it is still as `seenClaimedAt` left it; true if won. */
    async claim(
      db: Executor,
      id: number,
      seenClaimedAt: string | null,
      node: string,
      at: string,
    ): Promise<boolean> {
      const result = await db
        .updateTable("outbox")
        .set({ claimed_by: node, claimed_at: at })
        .where("id", "=", id)
        .where("handled_at", "is", null)
        .where("claimed_at", seenClaimedAt === null ? "is" : "=", seenClaimedAt)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async markHandled(db: Executor, ids: number[], at: string): Promise<void> {
      if (ids.length === 0) return;
      await db.updateTable("outbox").set({ handled_at: at }).where("id", "in", ids).execute();
    },

    async position(db: Executor, consumer: string): Promise<number | null> {
      const row = await db
        .selectFrom("outbox_consumers")
        .select("position")
        .where("consumer", "=", consumer)
        .executeTakeFirst();
      return row ? Number(row.position) : null;
    },

    async savePosition(db: Executor, consumer: string, position: number, at: string): Promise<void> {
      await db
        .insertInto("outbox_consumers")
        .values({ consumer, position, updated_at: at })
        .onConflict((oc) => oc.column("consumer").doUpdateSet({ position, updated_at: at }))
        .execute();
    },

    /** Oldest event not yet handled (for lag metrics), or null. */
    async oldestUnhandled(db: Executor): Promise<string | null> {
      const row = await db
        .selectFrom("outbox")
        .select("created_at")
        .where("handled_at", "is", null)
        .orderBy("id")
        .limit(1)
        .executeTakeFirst();
      return row?.created_at ?? null;
    },

    /** Drops handled events older than `before` (retention). */
    async prune(db: Executor, before: string): Promise<number> {
      const result = await db
        .deleteFrom("outbox")
        .where("handled_at", "is not", null)
        .where("created_at", "<", before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
