import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { openTestStore, type TestStore } from "../store.test-support.ts";
import { createWebhooksRepository } from "./webhooks.repository.ts";

const webhooks = createWebhooksRepository();
const T0 = new Date("2026-12-01T00:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe("webhooks repository", () => {
  let t: TestStore;
  before(async () => {
    t = await openTestStore();
  });
  after(() => t.close());

  it("registrations: insert, read, update (only what is given), list, active for an event, delete", async () => {
    const db = t.store.db;
    const hook = await webhooks.insert(db, {
      url: "https://contoh.test/kait",
      secret: "rahasia",
      events: ["article.published", "article.updated"],
      description: "Aplikasi seluler",
      active: true,
      at: T0,
    });
    const expected = {
      id: hook.id,
      url: "https://contoh.test/kait",
      events: ["article.published", "article.updated"],
      description: "Aplikasi seluler",
      active: true,
      createdAt: T0,
      updatedAt: T0,
    };
    assert.deepEqual(hook, expected);
    assert.deepEqual(await webhooks.byId(db, hook.id), expected);
    assert.equal(await webhooks.secretOf(db, hook.id), "rahasia");

    const other = await webhooks.insert(db, {
      url: "https://lain.test/",
      secret: "s2",
      events: ["article.published"],
      description: "",
      active: false,
      at: T0,
    });
    assert.deepEqual(
      (await webhooks.activeFor(db, "article.published")).map((w) => w.id),
      [hook.id],
    );
    assert.deepEqual(await webhooks.activeFor(db, "article.unpublished"), []);

    assert.equal(await webhooks.update(db, other.id, { active: true, secret: "s3" }, at(60)), true);
    assert.deepEqual(await webhooks.byId(db, other.id), {
      ...other,
      active: true,
      updatedAt: at(60),
    });
    assert.equal(await webhooks.secretOf(db, other.id), "s3");
    assert.deepEqual(
      (await webhooks.activeFor(db, "article.published")).map((w) => w.id),
      [hook.id, other.id],
    );
    assert.equal(await webhooks.update(db, other.id + 1000, { active: false }, at(61)), false);

    assert.deepEqual(
      (await webhooks.list(db)).map((w) => w.id),
      [hook.id, other.id],
    );
    assert.equal(await webhooks.delete(db, other.id), true);
    assert.equal(await webhooks.delete(db, other.id), false);
    assert.equal(await webhooks.byId(db, other.id), null);
  });

  it("deliveries: enqueued pending, due in order, claimed once, finished, listed newest first", async () => {
    const db = t.store.db;
    const hook = await webhooks.insert(db, {
      url: "https://antrian.test/",
      secret: "x",
      events: ["article.published"],
      description: "",
      active: true,
      at: T0,
    });
    for (const [n, seconds] of [
      [1, 0],
      [2, 10],
      [3, 5],
    ] as const)
      await webhooks.enqueue(db, {
        webhookId: hook.id,
        eventId: `ev-${n}`,
        eventType: "article.published",
        payload: `{"n":${n}}`,
        at: at(seconds),
      });

    const due = await webhooks.due(db, at(7), 10);
    assert.deepEqual(
      due.map((d) => d.eventId),
      ["ev-1", "ev-3"],
      "due ones by next attempt; ev-2 is not due yet",
    );
    const first = due[0]!;
    assert.deepEqual(
      { ...first, id: 0 },
      {
        id: 0,
        webhookId: hook.id,
        eventId: "ev-1",
        eventType: "article.published",
        payload: '{"n":1}',
        status: "pending",
        attempts: 0,
        nextAttemptAt: at(0),
        lastStatusCode: null,
        lastError: null,
        createdAt: at(0),
        deliveredAt: null,
      },
    );

    assert.equal(await webhooks.claim(db, first, at(7), 30_000), true);
    assert.equal(await webhooks.claim(db, first, at(7), 30_000), false, "a second sender gets nothing");
    assert.deepEqual(
      (await webhooks.due(db, at(8), 10)).map((d) => d.eventId),
      ["ev-3"],
      "a locked delivery is not due",
    );
    // A crashed sender: once the lock has expired the delivery is due again, and claimed once.
    const stale = (await webhooks.due(db, at(40), 10)).find((d) => d.eventId === "ev-1");
    assert.equal(stale?.status, "sending");
    assert.equal(await webhooks.claim(db, stale!, at(40), 30_000), true);
    assert.equal(await webhooks.claim(db, stale!, at(40), 30_000), false);

    await webhooks.finish(db, first.id, {
      status: "succeeded",
      attempts: 1,
      nextAttemptAt: null,
      statusCode: 204,
      error: null,
      deliveredAt: at(41),
    });
    const retry = due[1]!;
    await webhooks.finish(db, retry.id, {
      status: "pending",
      attempts: 1,
      nextAttemptAt: at(100),
      statusCode: 500,
      error: "HTTP 500",
      deliveredAt: null,
    });

    const listed = await webhooks.deliveries(db, hook.id, { limit: 10 });
    assert.deepEqual(
      listed.map((d) => [d.eventId, d.status, d.attempts, d.lastStatusCode, d.lastError]),
      [
        ["ev-3", "pending", 1, 500, "HTTP 500"],
        ["ev-2", "pending", 0, null, null],
        ["ev-1", "succeeded", 1, 204, null],
      ],
    );
    assert.deepEqual(listed[2]!.deliveredAt, at(41));
    assert.deepEqual(listed[0]!.nextAttemptAt, at(100));
    assert.deepEqual(
      (await webhooks.deliveries(db, hook.id, { beforeId: listed[0]!.id, limit: 1 })).map((d) => d.eventId),
      ["ev-2"],
    );
    assert.deepEqual(
      (await webhooks.due(db, at(50), 10)).map((d) => d.eventId),
      ["ev-2"],
    );
  });
});
