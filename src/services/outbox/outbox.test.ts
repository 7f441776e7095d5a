import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { DomainEvent } from "../../core/events.ts";
import { openStore, parseDatabaseUrl, type DatabaseUrl, type Store } from "../../db/store.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { inTransaction } from "../../db/transaction.ts";
import { createOutbox, type Outbox } from "./outbox.ts";

/** One node's outbox with recording subscribers: a node-local one and a shared one. */
function node(
  store: Store,
  nodeId: string,
  options: { leaseMs?: number; failShared?: () => boolean; settled?: () => Promise<void> } = {},
) {
  const local: number[] = [];
  const shared: number[] = [];
  const errors: unknown[] = [];
  const outbox = createOutbox({
    db: store.db,
    clock: () => new Date(),
    nodeId,
    notifyChannel: store.dialect === "postgres" ? "warta_outbox_test" : null,
    leaseMs: options.leaseMs ?? 30_000,
    pollMs: 20,
    onError: (error) => void errors.push(error),
    ...(options.settled ? { settled: options.settled } : {}),
  });
  outbox.subscribe((e) => void local.push(idOf(e)), "node");
  outbox.subscribe((e) => {
    if (options.failShared?.()) throw new Error("index down");
    shared.push(idOf(e));
  }, "shared");
  return { outbox, local, shared, errors };
}

const idOf = (e: DomainEvent): number => ("articleId" in e ? e.articleId : e.id);
const event = (id: number): DomainEvent => ({
  type: "tag.changed",
  id,
  at: new Date("2026-12-03T01:00:00Z"),
});

/** Appends `ids` as one committed transaction through `outbox` (without draining). */
async function commit(store: Store, outbox: Outbox, ids: number[]): Promise<void> {
  await inTransaction(store.db, (tx) => outbox.record(tx, ids.map(event)));
}

async function eventually(check: () => boolean, ms = 1000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) assert.fail("not within the time limit");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("transactional outbox", () => {
  let dir: string;
  let database: TestDatabase;
  let url: DatabaseUrl;
  let store: Store;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "warta-outbox-"));
    database = await createTestDatabase(dir);
    url = parseDatabaseUrl(database.url) as DatabaseUrl;
    store = await openStore(url);
  });
  after(async () => {
    await store.close();
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps an event only if its transaction commits, and delivers it once to each kind of subscriber", async () => {
    const a = node(store, "rollback-a");
    await assert.rejects(
      inTransaction(store.db, async (tx) => {
        await a.outbox.record(tx, [event(1)]);
        throw new Error("the change fails");
      }),
    );
    await commit(store, a.outbox, [2, 3]);
    await a.outbox.drain();
    await a.outbox.drain();
    await a.outbox.settle();
    assert.deepEqual(a.local, [2, 3]);
    assert.deepEqual(a.shared, [2, 3]);
    const rows = await store.db.selectFrom("outbox").select(["payload", "handled_at"]).execute();
    assert.equal(rows.filter((r) => JSON.parse(r.payload).id === 1).length, 0, "rolled back: no row");
    assert.ok(rows.every((r) => r.handled_at !== null));
  });

  it("reaches every node's local subscribers, and runs shared work only on the writer", async () => {
    const a = node(store, "pair-a");
    const b = node(store, "pair-b");
    await b.outbox.start();
    try {
      await commit(store, a.outbox, [10]);
      await a.outbox.drain();
      await eventually(() => b.local.includes(10)); // B's poll (or NOTIFY) picks it up
      assert.deepEqual(a.local, [10]);
      assert.deepEqual(a.shared, [10]);
      assert.deepEqual(b.shared, [], "claimed by the writer: B runs no shared work");
    } finally {
      await b.outbox.stop();
    }
  });

  it("a node catches up from its saved position after a restart", async () => {
    const first = node(store, "restarting");
    await first.outbox.start();
    await first.outbox.stop(); // the node goes down…
    const writer = node(store, "writer");
    await commit(store, writer.outbox, [21, 22]);
    await writer.outbox.drain();
    const again = node(store, "restarting"); // …and comes back
    await again.outbox.start();
    try {
      assert.deepEqual(again.local, [21, 22], "what happened while it was down reaches its caches");
      assert.deepEqual(again.shared, [], "already done by the writer");
    } finally {
      await again.outbox.stop();
    }
  });

  it("another node takes over shared work whose writer died after the commit, once", async () => {
    const crashed = node(store, "crashed");
    await commit(store, crashed.outbox, [31]); // committed, never drained: the process died here
    const survivor = node(store, "survivor", { leaseMs: 0 });
    const other = node(store, "other", { leaseMs: 0 });
    assert.equal(await survivor.outbox.sweep(), 1);
    await survivor.outbox.settle();
    assert.equal(await other.outbox.sweep(), 0, "handled: nobody runs it again");
    assert.deepEqual(survivor.shared, [31]);
    assert.deepEqual(crashed.shared, []);
    assert.equal(survivor.outbox.stats().recovered, 1);
  });

  it("retries shared work that failed (at least once)", async () => {
    let down = true;
    const a = node(store, "flaky", { leaseMs: 0, failShared: () => down });
    await commit(store, a.outbox, [41]);
    await a.outbox.drain();
    assert.equal(a.errors.length, 1);
    assert.deepEqual(a.shared, []);
    down = false;
    assert.equal(await a.outbox.sweep(), 1);
    assert.deepEqual(a.shared, [41]);
    assert.deepEqual(a.local, [41], "local subscribers heard it once");
  });

  it("marks an event handled only once its shared work is durable (settled)", async () => {
    let release: () => void = () => undefined;
    const written = new Promise<void>((resolve) => (release = resolve));
    const a = node(store, "batched", { settled: () => written });
    await commit(store, a.outbox, [61]);
    await a.outbox.drain();
    const handledAt = async () =>
      (
        await store.db
          .selectFrom("outbox")
          .select("handled_at")
          .where("payload", "like", '%"id":61%')
          .executeTakeFirstOrThrow()
      ).handled_at;
    assert.equal(await handledAt(), null, "the batch is not written yet: a crash now leaves it to a sweep");
    release();
    await a.outbox.settle();
    assert.notEqual(await handledAt(), null);
  });

  it("reports lag: events past the node's position and the oldest unhandled work", async () => {
    const reader = node(store, "lagging");
    await reader.outbox.drain(); // position: the end of the outbox
    const dead = node(store, "dead-writer");
    await commit(store, dead.outbox, [51, 52]);
    const lag = await reader.outbox.lag();
    assert.equal(lag.behind, 2);
    assert.ok(lag.oldestUnhandledMs >= 0);
    await reader.outbox.drain();
    assert.equal((await reader.outbox.lag()).behind, 0);
  });
});
