import type { Kysely } from "kysely";
import { idColumn } from "./column-types.ts";

// Frozen once released: change the schema with a new migration, never by editing this one.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  // The transactional outbox (services/outbox/): every domain event, written in the transaction of
  // the change it describes. `claimed_by`/`claimed_at` say which node runs the event's shared work
  // (search index, webhooks, Berita Terkait); `handled_at` is set when that work is done. Node-local
  // work (page cache, kept counts, section tree) follows each node's position in outbox_consumers.
  await idColumn(db, db.schema.createTable("outbox"))
    .addColumn("event_type", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("claimed_by", "text")
    .addColumn("claimed_at", "text")
    .addColumn("handled_at", "text")
    .execute();
  await db.schema.createIndex("outbox_unhandled").on("outbox").columns(["handled_at", "id"]).execute();

  // Each node's position in the outbox: the last event id its node-local subscribers have seen.
  await db.schema
    .createTable("outbox_consumers")
    .addColumn("consumer", "text", (c) => c.primaryKey())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  // A webhook delivery per (registration, event): an event delivered again by the outbox (at least
  // once) finds its deliveries queued already (services/webhooks: the event id is the event's hash).
  await db.schema
    .createIndex("webhook_deliveries_event")
    .on("webhook_deliveries")
    .columns(["webhook_id", "event_id"])
    .unique()
    .execute();
}
