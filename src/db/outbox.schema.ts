import type { Generated } from "kysely";

/** Tables of migration 013-outbox (rows as stored; see schema.ts for the conventions). */
export interface OutboxTable {
  id: Generated<number>;
  event_type: string;
  /** JSON of the DomainEvent (core/event-codec.ts). */
  payload: string;
  created_at: string;
  /** The node running the event's shared work, and since when (a lease). */
  claimed_by: string | null;
  claimed_at: string | null;
  /** When the shared work finished. */
  handled_at: string | null;
}

export interface OutboxConsumerTable {
  consumer: string;
  /** The last outbox id this node's local subscribers have seen. */
  position: number;
  updated_at: string;
}

export interface OutboxTables {
  outbox: OutboxTable;
  outbox_consumers: OutboxConsumerTable;
}
