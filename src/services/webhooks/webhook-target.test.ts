import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { SYSTEM_ACTOR } from "../../core/actor.ts";
import { createWebhooksRepository } from "../../db/repositories/webhooks.repository.ts";
import { createApiContext, type ApiTestContext, type Session } from "../../testing/api-test-support.ts";
import { buildArticle, buildSection } from "../../testing/factories.ts";
import { guardedFetch } from "./webhook-target.ts";
import { createWebhooksService } from "./webhooks.service.ts";

/** Every spelling of "inside the network" a URL can take. */
const INTERNAL_URLS = [
  "http://127.0.0.1/hook",
  "http://127.1/hook",
  "http://0x7f.1/hook",
  "http://0x7f000001/hook",
  "http://2130706433/hook",
  "http://0177.0.0.1/hook",
  "http://127.000.000.001/hook",
  "http://[::1]/hook",
  "http://[0:0:0:0:0:0:0:1]/hook",
  "http://[::ffff:127.0.0.1]/hook",
  "http://[::ffff:7f00:1]/hook",
  "http://localhost/hook",
  "http://LOCALHOST./hook",
  "http://api.localhost/hook",
  "http://0.0.0.0/hook",
  "http://[::]/hook",
  "http://10.0.0.5/hook",
  "http://172.16.0.1/hook",
  "http://192.168.1.10/hook",
  "http://100.64.0.1/hook",
  "http://169.254.169.254/latest/meta-data/",
  "http://[fe80::1]/hook",
  "http://[fd00::1]/hook",
  "http://[fc00::1]/hook",
  "https://user:pw@127.0.0.1:8443/hook",
];

describe("webhook targets (SSRF)", () => {
  let ctx: ApiTestContext;
  let admin: Session;
  before(async () => {
    ctx = await createApiContext();
    admin = await ctx.login((await ctx.user("admin")).email);
  });
  after(() => ctx.close());

  it("refuses loopback, private, link-local and unique-local targets at creation, in every spelling", async () => {
    for (const url of INTERNAL_URLS) {
      const response = await ctx.app.inject({
        method: "POST",
        url: "/api/v1/webhooks",
        headers: admin.write,
        payload: { url },
      });
      assert.equal(response.statusCode, 422, `${url}: ${response.body}`);
      const problem = response.json() as { errors: { field: string; message: string }[] };
      assert.equal(problem.errors[0]?.field, "url", url);
      assert.match(problem.errors[0]!.message, /internal/, url);
    }
  });

  it("refuses an internal target on update too", async () => {
    const created = await ctx.deps.newsroom.webhooks.create(
      { url: "https://93.184.216.34/hook" },
      SYSTEM_ACTOR,
    );
    const response = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/webhooks/${created.id}`,
      headers: admin.write,
      payload: { url: "http://[::ffff:10.0.0.1]/" },
    });
    assert.equal(response.statusCode, 422, response.body);
    await ctx.deps.newsroom.webhooks.remove(created.id, SYSTEM_ACTOR);
  });

  it("checks again at send time after resolving the host (DNS rebinding): nothing is sent inside", async () => {
    let answer = ["93.184.216.34"];
    const sent: string[] = [];
    const service = createWebhooksService({
      db: ctx.deps.store.db,
      audit: ctx.deps.audit,
      clock: ctx.deps.clock,
      articles: ctx.deps.articles,
      siteUrl: "https://warta.test",
      targets: { allow: [], resolve: async () => answer },
      fetch: (async (url: string) => {
        sent.push(url);
        return new Response(null, { status: 200 });
      }) as typeof fetch,
    });
    const unsubscribe = ctx.deps.events.subscribe((event) => service.handleEvent(event));
    try {
      const hook = await service.create({ url: "https://rebind.example/hook" }, SYSTEM_ACTOR);
      answer = ["127.0.0.1"]; // the name now points at the server itself
      const section = await buildSection(ctx.deps);
      const article = await buildArticle(ctx.deps, { status: "draft", sectionId: section.id });
      await ctx.deps.articles.transition(article.id, "publish", SYSTEM_ACTOR);
      assert.ok((await service.dispatch()) >= 1);
      assert.deepEqual(
        sent.filter((url) => url.includes("rebind")),
        [],
      );
      const deliveries = await service.deliveries(hook.id, { limit: 10 });
      assert.ok(deliveries.length >= 1);
      for (const delivery of deliveries) {
        assert.equal(delivery.status, "pending");
        assert.equal(delivery.lastError, "refused: internal address");
      }
      await service.remove(hook.id, SYSTEM_ACTOR);
    } finally {
      unsubscribe();
      await service.stop();
    }
  });

  it("the sender connects only to addresses that pass, and the allow list opens exact receivers", async () => {
    let hits = 0;
    const server = createServer((_request, response) => {
      hits++;
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const refused = guardedFetch({ allow: [] });
      await assert.rejects(refused(`http://localhost:${port}/hook`, { method: "POST", body: "{}" }), {
        code: "EBLOCKEDADDRESS",
      });
      assert.equal(hits, 0);
      const allowed = guardedFetch({ allow: ["localhost"] });
      const response = await allowed(`http://localhost:${port}/hook`, { method: "POST", body: "{}" });
      assert.equal(response.status, 204);
      assert.equal(hits, 1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("webhook delivery claims", () => {
  let ctx: ApiTestContext;
  before(async () => {
    ctx = await createApiContext();
  });
  after(() => ctx.close());

  it("a delivery left 'sending' by a crashed sender is claimed once, not by two senders at once", async () => {
    const repo = createWebhooksRepository();
    const db = ctx.deps.store.db;
    const hook = await ctx.deps.newsroom.webhooks.create({ url: "https://93.184.216.34/hook" }, SYSTEM_ACTOR);
    const now = new Date("2026-05-01T00:00:00Z");
    await repo.enqueue(db, {
      webhookId: hook.id,
      eventId: "e1",
      eventType: "article.published",
      payload: "{}",
      at: now,
    });
    const [pending] = await repo.due(db, now, 10);
    assert.ok(pending);
    assert.equal(await repo.claim(db, pending, now, 60_000), true);
    // The sender crashed; a minute later two processes see the same stale row.
    const later = new Date(now.getTime() + 61_000);
    const [stale] = await repo.due(db, later, 10);
    assert.equal(stale?.status, "sending");
    const claims = [await repo.claim(db, stale!, later, 60_000), await repo.claim(db, stale!, later, 60_000)];
    assert.deepEqual(claims, [true, false]);
  });
});
