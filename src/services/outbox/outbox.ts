import { randomBytes } from "node:crypto";
import { decodeEvent, encodeEvent } from "../../core/event-codec.ts";
import type { DomainEvent, EventBus, EventHandler } from "../../core/events.ts";
import type { Executor } from "../../db/repositories/executor.ts";
import { createOutboxRepository } from "../../db/repositories/outbox.repository.ts";
import { inTransaction } from "../../db/transaction.ts";

/**
 * Who runs a subscriber: `node` on every node for every event (in-process caches: page cache, kept
 * counts, section tree), `shared` once per event across all nodes (search index, webhook queue,
 * Berita Terkait — state kept in the store).
 */
export type SubscriberScope = "node" | "shared";

export interface OutboxOptions {
  /** The store's root executor (never a transaction). */
  db: Executor;
  clock: () => Date;
  /** This node's name: its position in `outbox_consumers` is kept under it once started. */
  nodeId: string;
  /** PostgreSQL: the NOTIFY channel written with each append (null on SQLite). */
  notifyChannel: string | null;
  onError: (error: unknown, event: DomainEvent | null) => void;
  /** How often a started outbox looks for events written elsewhere (default 250 ms). */
  pollMs?: number;
  /** A claim older than this without `handled_at` is taken over by another node (default 30 s). */
  leaseMs?: number;
  /** How often a started outbox looks for stranded shared work (default 5 s). */
  sweepMs?: number;
  /** Handled events older than this are deleted (default 7 days). */
  retentionMs?: number;
  /** Rows per read (default 200). */
  batch?: number;
  /**
   * Resolves when the shared work started so far is durable (the search index writes in batches
   * shortly after an event): an event is marked handled only then, so a crash before the batch is
   * written leaves it to be taken over. Absent: handled as soon as the subscribers return.
   */
  settled?: () => Promise<void>;
}

export interface OutboxStats {
  /** The last outbox id delivered to this node's subscribers. */
  position: number;
  /** Events delivered here since the process started. */
  delivered: number;
  /** Stranded shared work this node took over. */
  recovered: number;
  /** Commit-to-delivery delay of the last event delivered here, in ms. */
  lastLagMs: number;
}

/**
 * The transactional outbox (docs/architecture.md, writing path). A unit of work appends its events
 * to the `outbox` table inside its transaction (`record`), claimed by this process; after the commit
 * `drain()` delivers every event past this node's position, in id order, to the subscribers:
 * `node`-scoped ones always, `shared` ones only for events this process claimed. Every node drains
 * on a poll (and on PostgreSQL NOTIFY, see `wake`), so a change made by another node or by a CLI
 * import reaches this node's caches; a claim whose process died before `handled_at` is taken over
 * after `leaseMs` by any started node (at least once; subscribers are idempotent).
 */
export function createOutbox(options: OutboxOptions) {
  const { db, clock, nodeId, notifyChannel, onError } = options;
  const repo = createOutboxRepository();
  const owner = `${nodeId}/${process.pid}/${randomBytes(3).toString("hex")}`;
  const pollMs = options.pollMs ?? 250;
  const leaseMs = options.leaseMs ?? 30_000;
  const sweepMs = options.sweepMs ?? 5_000;
  const retentionMs = options.retentionMs ?? 7 * 86_400_000;
  const batch = options.batch ?? 200;
  const subscribers: Array<{ handler: EventHandler; scope: SubscriberScope }> = [];

  let position: number | null = null; // read lazily: the outbox's last id when this process began
  let persist = false;
  let running: Promise<void> | null = null;
  let again = false;
  let delivering = false;
  let stopped = true;
  const timers: NodeJS.Timeout[] = [];
  const stats: OutboxStats = { position: 0, delivered: 0, recovered: 0, lastLagMs: 0 };
  let handledChain: Promise<void> = Promise.resolve();
  let pendingHandled: number[] = [];
  let handledQueued = false;

  /**
   * Sets `handled_at` on `ids` off the write path: after `settled` (when given), together with any
   * other ids that became handled meanwhile, in one UPDATE. `settle()` waits for it.
   */
  async function markHandled(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    pendingHandled.push(...ids);
    if (handledQueued) return;
    handledQueued = true;
    handledChain = handledChain
      .then(async () => {
        const batch = pendingHandled;
        pendingHandled = [];
        handledQueued = false;
        // Every id in the batch had its subscribers run before it was queued, so what `settled`
        // covers from now on includes their work.
        await options.settled?.();
        await repo.markHandled(db, batch, clock().toISOString());
      })
      .catch((error: unknown) => {
        handledQueued = false;
        try {
          onError(error, null);
        } catch {
          // the reporter itself failed; the events stay unhandled and are taken over later
        }
      });
  }

  /** Runs the subscribers in order; true when every shared one that ran succeeded. */
  async function deliver(event: DomainEvent, shared: boolean, nodeToo: boolean): Promise<boolean> {
    let ok = true;
    delivering = true;
    try {
      for (const { handler, scope } of subscribers) {
        if (scope === "shared" ? !shared : !nodeToo) continue;
        try {
          await handler(event);
        } catch (error) {
          if (scope === "shared") ok = false;
          onError(error, event);
        }
      }
    } finally {
      delivering = false;
    }
    return ok;
  }

  async function currentPosition(): Promise<number> {
    if (position === null) position = await repo.lastId(db);
    return position;
  }

  async function drainOnce(): Promise<void> {
    for (;;) {
      const from = await currentPosition();
      const rows = await repo.after(db, from, batch);
      if (rows.length === 0) return;
      const handled: number[] = [];
      for (const row of rows) {
        const event = decodeEvent(row.payload);
        const mine = row.claimedBy === owner;
        if ((await deliver(event, mine, true)) && mine) handled.push(row.id);
        position = row.id;
        stats.position = row.id;
        stats.delivered++;
        stats.lastLagMs = Math.max(0, clock().getTime() - Date.parse(row.createdAt));
      }
      await markHandled(handled);
      if (persist) await repo.savePosition(db, nodeId, position ?? 0, clock().toISOString());
      if (rows.length < batch) return;
    }
  }

  /** Delivers everything past this node's position; resolves when caught up (single flight). */
  function drain(): Promise<void> {
    again = true;
    if (!running)
      running = (async () => {
        try {
          while (again) {
            again = false;
            await drainOnce();
          }
        } catch (error) {
          onError(error, null);
        } finally {
          running = null;
        }
      })();
    return running;
  }

  /** Takes over shared work whose claimer died (lease expired), oldest first. */
  async function sweep(): Promise<number> {
    const now = clock();
    const stranded = await repo.stranded(db, new Date(now.getTime() - leaseMs).toISOString(), batch);
    let taken = 0;
    for (const row of stranded) {
      if (!(await repo.claim(db, row.id, row.claimedAt, owner, clock().toISOString()))) continue;
      if (await deliver(decodeEvent(row.payload), true, false)) {
        await markHandled([row.id]);
        taken++;
        stats.recovered++;
      }
    }
    return taken;
  }

  function every(ms: number, fn: () => Promise<unknown>): void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy || stopped) return;
      busy = true;
      fn()
        .catch((error: unknown) => onError(error, null))
        .finally(() => {
          busy = false;
        });
    }, ms);
    timer.unref();
    timers.push(timer);
  }

  async function record(tx: Executor, events: DomainEvent[]): Promise<void> {
    await repo.append(
      tx,
      events.map((e) => ({ eventType: e.type, payload: encodeEvent(e) })),
      owner,
      clock().toISOString(),
      notifyChannel,
    );
  }

  /**
   * The bus services publish on outside a unit of work: the event is appended in a transaction of
   * its own right after the service's commit, then delivered. (Units of work append inside their
   * transaction: services/services.ts `inUnitOfWork`.)
   */
  const bus: EventBus = {
    async publish(event) {
      await currentPosition();
      await inTransaction(db, (tx) => record(tx, [event]));
      // A subscriber that publishes must not wait for the delivery it is part of.
      if (delivering) void drain().catch(() => undefined);
      else await drain();
    },
    subscribe: (handler) => subscribe(handler, "node"),
  };

  function subscribe(handler: EventHandler, scope: SubscriberScope): () => void {
    const entry = { handler, scope };
    subscribers.push(entry);
    return () => {
      const index = subscribers.indexOf(entry);
      if (index >= 0) subscribers.splice(index, 1);
    };
  }

  return {
    bus,
    subscribe,
    /** Appends `events` inside the unit of work's transaction `tx`. */
    async record(tx: Executor, events: DomainEvent[]): Promise<void> {
      if (events.length === 0) return;
      await currentPosition(); // before the append: this process delivers its own events too
      await record(tx, events);
    },
    drain,
    /** Asks for a drain soon (a NOTIFY from another node). */
    wake(): void {
      void drain().catch(() => undefined);
    },
    sweep,
    /**
     * For a long-running node: resumes from this node's saved position (events it missed while
     * down reach its subscribers), keeps the position saved, polls, and sweeps stranded work.
     */
    async start(): Promise<void> {
      if (!stopped) return;
      stopped = false;
      const saved = await repo.position(db, nodeId);
      const last = await repo.lastId(db);
      if (running) await running;
      position = saved === null ? last : Math.min(saved, Math.max(position ?? last, 0));
      persist = true;
      await repo.savePosition(db, nodeId, position, clock().toISOString());
      await repo.prune(db, new Date(clock().getTime() - retentionMs).toISOString());
      await sweep().catch((error: unknown) => onError(error, null));
      await drain();
      every(pollMs, drain);
      every(sweepMs, sweep);
      every(600_000, () => repo.prune(db, new Date(clock().getTime() - retentionMs).toISOString()));
    },
    async stop(): Promise<void> {
      stopped = true;
      for (const timer of timers.splice(0)) clearInterval(timer);
      await running?.catch(() => undefined);
      if (persist && position !== null) await repo.savePosition(db, nodeId, position, clock().toISOString());
      persist = false;
    },
    /** Waits until every event this process handled is marked so (see `settled`). */
    settle: (): Promise<void> => handledChain,
    stats: (): OutboxStats => ({ ...stats }),
    /** Events past this node's position, and the age of the oldest unhandled shared work (ms). */
    async lag(): Promise<{ behind: number; oldestUnhandledMs: number }> {
      const last = await repo.lastId(db);
      const oldest = await repo.oldestUnhandled(db);
      return {
        behind: Math.max(0, last - (position ?? last)),
        oldestUnhandledMs: oldest ? Math.max(0, clock().getTime() - Date.parse(oldest)) : 0,
      };
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
