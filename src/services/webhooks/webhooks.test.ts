import assert from "node:assert/strict";
import { decodeEvent } from "../../core/event-codec.ts";
import { createHmac } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { SYSTEM_ACTOR } from "../../core/actor.ts";
import { createApiContext, type ApiTestContext, type Session } from "../../testing/api-test-support.ts";
import { loadConfig } from "../../app/config.ts";
import { createDeps } from "../../app/deps.ts";
import { buildArticle, buildSection } from "../../testing/factories.ts";
import { createTestDatabase } from "../../testing/test-database.ts";
import { SIGNATURE_HEADER, signPayload, TIMESTAMP_HEADER, verifySignature } from "./signature.ts";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 answering with the queued status codes (then 200). */
async function receiver(): Promise<{
  url: string;
  received: Received[];
  statuses: number[];
  /** Response delays in ms, one per request (then none). */
  delays: number[];
  answered: number;
  server: Server;
}> {
  const state = { received: [] as Received[], statuses: [] as number[], delays: [] as number[], answered: 0 };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      state.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      const status = state.statuses.shift() ?? 200;
      setTimeout(() => {
        state.answered++;
        response.writeHead(status).end("ok");
      }, state.delays.shift() ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, { url: `http://127.0.0.1:${port}/hook`, server });
}

describe("webhooks", () => {
  let ctx: ApiTestContext;
  let admin: Session;
  let hook: Awaited<ReturnType<typeof receiver>>;
  const start = new Date("2026-06-01T00:00:00.000Z");

  before(async () => {
    // The test receiver listens on loopback: opted in as an internal receiver.
    ctx = await createApiContext({ now: start, env: { WARTA_WEBHOOK_ALLOW_INTERNAL: "127.0.0.1" } });
    admin = await ctx.login((await ctx.user("admin")).email);
    hook = await receiver();
  });
  after(async () => {
    await ctx.close();
    await new Promise((resolve) => hook.server.close(resolve));
  });

  it("only admins manage webhooks; the secret is shown once", async () => {
    const editor = await ctx.login((await ctx.user("editor")).email);
    const denied = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/webhooks",
      payload: { url: hook.url },
      headers: editor.write,
    });
    assert.equal(denied.statusCode, 403);
    assert.equal((await ctx.app.inject({ method: "GET", url: "/api/v1/webhooks" })).statusCode, 401);
    const invalid = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/webhooks",
      payload: { url: "ftp://example.test/x", events: ["article.exploded"] },
      headers: admin.write,
    });
    assert.equal(invalid.statusCode, 422);
    assert.deepEqual(
      invalid
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
      ["body.events.0", "body.url"],
    );
  });

  it("delivers signed payloads on publish, retries with backoff, logs every delivery", async () => {
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/webhooks",
      payload: { url: hook.url, description: "Mitra" },
      headers: admin.write,
    });
    assert.equal(created.statusCode, 201, created.body);
    const { id, secret } = created.json();
    assert.match(secret, /^whsec_/);
    const listed = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/webhooks",
      headers: { cookie: admin.cookie },
    });
    assert.ok(!listed.body.includes(secret), "the secret is never listed");

    // A draft's saves are nobody's business; the publish is.
    const section = await buildSection(ctx.deps);
    const draft = await buildArticle(ctx.deps, {
      status: "draft",
      sectionId: section.id,
      headline: "Kabar mitra",
    });
    assert.equal(await ctx.deps.newsroom.webhooks.dispatch(), 0);
    hook.statuses.push(500);
    await ctx.deps.articles.transition(draft.id, "publish", SYSTEM_ACTOR);

    // First attempt fails (500): pending again, due in ~1 s (jittered ±20 %).
    assert.equal(await ctx.deps.newsroom.webhooks.dispatch(), 1);
    let [delivery] = await ctx.deps.newsroom.webhooks.deliveries(id, { limit: 5 });
    assert.equal(delivery?.status, "pending");
    assert.equal(delivery?.attempts, 1);
    assert.equal(delivery?.lastStatusCode, 500);
    const wait = (delivery?.nextAttemptAt?.getTime() ?? 0) - start.getTime();
    assert.ok(wait >= 800 && wait <= 1200, `retry in ${wait} ms`);
    assert.equal(await ctx.deps.newsroom.webhooks.dispatch(), 0, "not before its time");

    ctx.setNow(new Date(start.getTime() + 1500));
    assert.equal(await ctx.deps.newsroom.webhooks.dispatch(), 1);
    [delivery] = await ctx.deps.newsroom.webhooks.deliveries(id, { limit: 5 });
    assert.equal(delivery?.status, "succeeded");
    assert.equal(delivery?.attempts, 2);

    assert.equal(hook.received.length, 2);
    const last = hook.received[1] as Received;
    assert.equal(last.headers["x-warta-event"], "article.published");
    assert.equal(
      verifySignature({
        secret,
        rawBody: last.body,
        signature: last.headers[SIGNATURE_HEADER] as string,
        timestamp: last.headers[TIMESTAMP_HEADER] as string,
        nowSeconds: Math.floor((start.getTime() + 1500) / 1000),
      }),
      true,
    );
    assert.equal(
      verifySignature({
        secret: "whsec_wrong",
        rawBody: last.body,
        signature: last.headers[SIGNATURE_HEADER] as string,
        timestamp: last.headers[TIMESTAMP_HEADER] as string,
        nowSeconds: Math.floor((start.getTime() + 1500) / 1000),
      }),
      false,
    );
    const payload = JSON.parse(last.body);
    assert.equal(payload.type, "article.published");
    assert.equal(payload.article.id, draft.id);
    assert.equal(payload.article.headline, "Kabar mitra");
    assert.match(payload.article.url, new RegExp(`^https://warta\\.test/.+/${draft.id}/kabar-mitra$`));

    // The log over HTTP.
    const log = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/webhooks/${id}/deliveries`,
      headers: { cookie: admin.cookie },
    });
    assert.equal(log.statusCode, 200);
    assert.deepEqual(
      log
        .json()
        .items.map((d: { status: string; attempts: number; eventType: string }) => [
          d.status,
          d.attempts,
          d.eventType,
        ]),
      [["succeeded", 2, "article.published"]],
    );

    // Unpublish is delivered too, without the content.
    await ctx.deps.articles.transition(draft.id, "unpublish", SYSTEM_ACTOR);
    assert.equal(await ctx.deps.newsroom.webhooks.dispatch(), 1);
    const withdrawn = JSON.parse((hook.received[2] as Received).body);
    assert.equal(withdrawn.type, "article.unpublished");
    assert.equal(withdrawn.article.headline, undefined);
    await ctx.app.inject({ method: "DELETE", url: `/api/v1/webhooks/${id}`, headers: admin.write });
  });

  it("gives up after the last retry and never blocks the publish", async () => {
    const created = await ctx.deps.newsroom.webhooks.create({ url: hook.url }, SYSTEM_ACTOR);
    const section = await buildSection(ctx.deps);
    const article = await buildArticle(ctx.deps, { status: "draft", sectionId: section.id });
    hook.statuses.push(503, 503, 503, 503, 503, 503);
    hook.delays.push(1500); // a slow receiver
    ctx.deps.newsroom.webhooks.start(20);
    const answeredBefore = hook.answered;
    await ctx.deps.articles.transition(article.id, "publish", SYSTEM_ACTOR);
    assert.equal(hook.answered, answeredBefore, "the publish returned before the receiver answered");
    while (hook.answered === answeredBefore) await new Promise((r) => setTimeout(r, 20));
    let now = ctx.deps.clock().getTime();
    for (let attempt = 0; attempt < 6; attempt++) {
      await new Promise((r) => setTimeout(r, 10));
      await ctx.deps.newsroom.webhooks.dispatch();
      now += 15 * 60_000;
      ctx.setNow(new Date(now));
    }
    await ctx.deps.newsroom.webhooks.stop();
    const [delivery] = await ctx.deps.newsroom.webhooks.deliveries(created.id, { limit: 1 });
    assert.equal(delivery?.status, "failed");
    assert.equal(delivery?.attempts, 6);
    assert.equal(delivery?.lastError, "HTTP 503");
  });

  it("queues an event delivered again (the outbox delivers at least once) only once, with one id", async () => {
    const created = await ctx.deps.newsroom.webhooks.create({ url: hook.url }, SYSTEM_ACTOR);
    const article = await buildArticle(ctx.deps, { status: "draft" });
    const before = (await ctx.deps.newsroom.webhooks.deliveries(created.id, { limit: 50 })).length;
    const published = await ctx.deps.articles.transition(article.id, "publish", SYSTEM_ACTOR);
    const row = await ctx.deps.store.db
      .selectFrom("outbox")
      .select("payload")
      .where("event_type", "=", "article.published")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const event = decodeEvent(row.payload);
    assert.equal("articleId" in event && event.articleId, published.id);
    await ctx.deps.newsroom.webhooks.handleEvent(event); // what a node taking the work over does
    const after = await ctx.deps.newsroom.webhooks.deliveries(created.id, { limit: 50 });
    assert.equal(after.length, before + 1);
    await ctx.deps.newsroom.webhooks.remove(created.id, SYSTEM_ACTOR);
  });

  it("signs the timestamp with the body", () => {
    const body = '{"a":1}';
    assert.equal(
      signPayload("s", 1700000000, body),
      `sha256=${createHmac("sha256", "s").update(`1700000000.${body}`).digest("hex")}`,
    );
    assert.equal(
      verifySignature({
        secret: "s",
        rawBody: body,
        signature: signPayload("s", 1, body),
        timestamp: "1",
        nowSeconds: 1000,
      }),
      false,
      "stale timestamps are refused",
    );
  });
});

describe("webhook retries survive a restart", () => {
  it("resumes a pending delivery from the table after the process comes back", async () => {
    const dir = await mkdtemp(join(tmpdir(), "warta-webhooks-"));
    const database = await createTestDatabase(dir);
    const hook = await receiver();
    const clock = { now: new Date("2026-06-02T00:00:00.000Z") };
    const open = () =>
      createDeps(
        loadConfig({
          WARTA_DATABASE_URL: database.url,
          WARTA_MEDIA_DIR: join(dir, "media"),
          WARTA_SITE_URL: "https://warta.test",
          WARTA_WEBHOOK_ALLOW_INTERNAL: "127.0.0.1",
        }),
        { clock: () => new Date(clock.now) },
      );
    try {
      const first = await open();
      const created = await first.newsroom.webhooks.create({ url: hook.url }, SYSTEM_ACTOR);
      const article = await buildArticle(first, { status: "draft" });
      hook.statuses.push(502);
      await first.articles.transition(article.id, "publish", SYSTEM_ACTOR);
      assert.equal(await first.newsroom.webhooks.dispatch(), 1);
      await first.close();

      clock.now = new Date(clock.now.getTime() + 10_000);
      const second = await open();
      try {
        second.newsroom.webhooks.start(10);
        const started = Date.now();
        let status = "";
        while (status !== "succeeded") {
          assert.ok(Date.now() - started < 3000, "delivered soon after the restart");
          await new Promise((r) => setTimeout(r, 20));
          status = (await second.newsroom.webhooks.deliveries(created.id, { limit: 1 }))[0]?.status ?? "";
        }
        assert.equal(hook.received.length, 2);
        assert.equal(hook.received[0]?.body, hook.received[1]?.body, "the same payload, resent");
      } finally {
        await second.close();
      }
    } finally {
      await new Promise((resolve) => hook.server.close(resolve));
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
