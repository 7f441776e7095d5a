import type { WebhookDeliveryRow, WebhookRow } from "../newsroom.schema.ts";
import type { DeliveryStatus, Webhook, WebhookDelivery } from "../../core/webhook.ts";
import type { Executor } from "./executor.ts";

const webhookFromRow = (row: WebhookRow): Webhook => ({
  id: row.id,
  url: row.url,
  events: JSON.parse(row.events) as string[],
  description: row.description,
  active: row.active === 1,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

const deliveryFromRow = (row: WebhookDeliveryRow): WebhookDelivery => ({
  id: row.id,
  webhookId: row.webhook_id,
  eventId: row.event_id,
  eventType: row.event_type,
  payload: row.payload,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at ? new Date(row.next_attempt_at) : null,
  lastStatusCode: row.last_status_code,
  lastError: row.last_error,
  createdAt: new Date(row.created_at),
  deliveredAt: row.delivered_at ? new Date(row.delivered_at) : null,
});

/** Webhook registrations and their persisted deliveries (retries survive restarts). */
export function createWebhooksRepository() {
  return {
    async insert(
      db: Executor,
      input: {
        url: string;
        secret: string;
        events: string[];
        description: string;
        active: boolean;
        at: Date;
      },
    ): Promise<Webhook> {
      const row = await db
        .insertInto("webhooks")
        .values({
          url: input.url,
          secret: input.secret,
          events: JSON.stringify(input.events),
          description: input.description,
          active: input.active ? 1 : 0,
          created_at: input.at.toISOString(),
          updated_at: input.at.toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return webhookFromRow(row);
    },

    async update(
      db: Executor,
      id: number,
      input: Partial<{ url: string; events: string[]; description: string; active: boolean; secret: string }>,
      at: Date,
    ): Promise<boolean> {
      const result = await db
        .updateTable("webhooks")
        .set({
          ...(input.url !== undefined ? { url: input.url } : {}),
          ...(input.events !== undefined ? { events: JSON.stringify(input.events) } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
          ...(input.secret !== undefined ? { secret: input.secret } : {}),
          updated_at: at.toISOString(),
        })
        .where("id", "=", id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async delete(db: Executor, id: number): Promise<boolean> {
      const result = await db.deleteFrom("webhooks").where("id", "=", id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async byId(db: Executor, id: number): Promise<Webhook | null> {
      const row = await db.selectFrom("webhooks").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? webhookFromRow(row) : null;
    },

    async secretOf(db: Executor, id: number): Promise<string | null> {
      const row = await db.selectFrom("webhooks").select("secret").where("id", "=", id).executeTakeFirst();
      return row?.secret ?? null;
    },

    async list(db: Executor): Promise<Webhook[]> {
      return (await db.selectFrom("webhooks").selectAll().orderBy("id").execute()).map(webhookFromRow);
    },

    async activeFor(db: Executor, eventType: string): Promise<Webhook[]> {
      const rows = await db.selectFrom("webhooks").selectAll().where("active", "=", 1).execute();
      return rows.map(webhookFromRow).filter((w) => w.events.includes(eventType));
    },

    async enqueue(
      db: Executor,
      input: { webhookId: number; eventId: string; eventType: string; payload: string; at: Date },
    ): Promise<void> {
      await db
        .insertInto("webhook_deliveries")
        .values({
          webhook_id: input.webhookId,
          event_id: input.eventId,
          event_type: input.eventType,
          payload: input.payload,
          status: "pending",
          attempts: 0,
          next_attempt_at: input.at.toISOString(),
          created_at: input.at.toISOString(),
        })
        .onConflict((oc) => oc.columns(["webhook_id", "event_id"]).doNothing())
        .execute();
    },

    /** Deliveries whose attempt is due, including ones a crashed sender left locked. */
    async due(db: Executor, now: Date, limit: number): Promise<WebhookDelivery[]> {
      const iso = now.toISOString();
      const rows = await db
        .selectFrom("webhook_deliveries")
        .selectAll()
        .where((eb) =>
          eb.or([
            eb.and([eb("status", "=", "pending"), eb("next_attempt_at", "<=", iso)]),
            eb.and([eb("status", "=", "sending"), eb("locked_until", "<", iso)]),
          ]),
        )
        .orderBy("next_attempt_at")
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map(deliveryFromRow);
    },

    /** Takes a delivery for sending; false when another sender already took it. */
    async claim(db: Executor, delivery: WebhookDelivery, now: Date, lockMs: number): Promise<boolean> {
      const result = await db
        .updateTable("webhook_deliveries")
        .set({ status: "sending", locked_until: new Date(now.getTime() + lockMs).toISOString() })
        .where("id", "=", delivery.id)
        .where("status", "=", delivery.status)
        .where("attempts", "=", delivery.attempts)
        // A crashed sender's row ("sending") is taken only while its lock has still expired: the
        // first claim renews the lock, so a second claimer's UPDATE matches nothing.
        .where((eb) =>
          delivery.status === "sending"
            ? eb("locked_until", "<", now.toISOString())
            : eb("status", "=", delivery.status),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async finish(
      db: Executor,
      id: number,
      outcome: {
        status: DeliveryStatus;
        attempts: number;
        nextAttemptAt: Date | null;
        statusCode: number | null;
        error: string | null;
        deliveredAt: Date | null;
      },
    ): Promise<void> {
      await db
        .updateTable("webhook_deliveries")
        .set({
          status: outcome.status,
          attempts: outcome.attempts,
          next_attempt_at: outcome.nextAttemptAt?.toISOString() ?? null,
          locked_until: null,
          last_status_code: outcome.statusCode,
          last_error: outcome.error,
          delivered_at: outcome.deliveredAt?.toISOString() ?? null,
        })
        .where("id", "=", id)
        .execute();
    },

    async deliveries(
      db: Executor,
      webhookId: number,
      query: { beforeId?: number; limit: number },
    ): Promise<WebhookDelivery[]> {
      let q = db
        .selectFrom("webhook_deliveries")
        .selectAll()
        .where("webhook_id", "=", webhookId)
        .orderBy("id", "desc")
        .limit(query.limit);
      if (query.beforeId !== undefined) q = q.where("id", "<", query.beforeId);
      return (await q.execute()).map(deliveryFromRow);
    },
  };
}

export type WebhooksRepository = ReturnType<typeof createWebhooksRepository>;
