/**
 * Webhook registrations are audited by the use cases themselves, in the change's transaction, like
 * article changes (article-audit.test.ts): a change made without HTTP (the CLI, a script) is audited
 * exactly like one made through the API, and a refused change leaves no entry.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Actor } from "../../core/actor.ts";
import { createApiContext, type ApiTestContext } from "../../testing/api-test-support.ts";

describe("webhook changes are audited by the use cases", () => {
  let ctx: ApiTestContext;
  const CLI: Actor = { kind: "system", name: "cli" };

  before(async () => {
    ctx = await createApiContext({ env: { WARTA_WEBHOOK_ALLOW_INTERNAL: "127.0.0.1" } });
  });
  after(() => ctx.close());

  /** The webhook's audit entries, oldest first: action, actor kind, detail. */
  async function entriesOf(id: number) {
    const entries = await ctx.deps.audit.list({ resourceType: "webhook", resourceId: String(id), limit: 50 });
    return entries.reverse().map((e) => ({ action: e.action, actorKind: e.actorKind, detail: e.detail }));
  }

  it("create, update, rotate and delete without HTTP are each audited as their actor", async () => {
    const webhooks = ctx.deps.newsroom.webhooks;
    const created = await webhooks.create({ url: "http://127.0.0.1:9/hook" }, CLI);
    await webhooks.update(created.id, { description: "Mitra", active: false }, CLI);
    await webhooks.rotateSecret(created.id, CLI);
    await webhooks.remove(created.id, CLI);
    assert.deepEqual(await entriesOf(created.id), [
      {
        action: "webhook.create",
        actorKind: "system",
        detail: {
          system: "cli",
          url: "http://127.0.0.1:9/hook",
          events: ["article.published", "article.updated", "article.unpublished"],
        },
      },
      {
        action: "webhook.update",
        actorKind: "system",
        detail: { system: "cli", fields: ["description", "active"] },
      },
      { action: "webhook.rotateSecret", actorKind: "system", detail: { system: "cli" } },
      { action: "webhook.delete", actorKind: "system", detail: { system: "cli" } },
    ]);
  });

  it("a refused change leaves no entry", async () => {
    const before = await ctx.deps.audit.list({ resourceType: "webhook", limit: 100 });
    await assert.rejects(ctx.deps.newsroom.webhooks.update(987_654, { description: "x" }, CLI), /Webhook/);
    await assert.rejects(ctx.deps.newsroom.webhooks.remove(987_654, CLI), /Webhook/);
    await assert.rejects(ctx.deps.newsroom.webhooks.create({ url: "ftp://example.test/x" }, CLI));
    assert.equal((await ctx.deps.audit.list({ resourceType: "webhook", limit: 100 })).length, before.length);
  });

  it("through the API, the entry names the admin and where the request came from", async () => {
    const admin = await ctx.user("admin");
    const session = await ctx.login(admin.email);
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/webhooks",
      payload: { url: "http://127.0.0.1:9/api-hook" },
      headers: { ...session.write, "x-forwarded-for": "203.0.113.9" },
      remoteAddress: "203.0.113.9",
    });
    assert.equal(response.statusCode, 201, response.body);
    const id = (response.json() as { id: number }).id;
    const [entry] = await ctx.deps.audit.list({ resourceType: "webhook", resourceId: String(id), limit: 5 });
    assert.equal(entry?.action, "webhook.create");
    assert.equal(entry?.actorId, admin.id);
    assert.equal(entry?.ip, "203.0.113.9");
  });

  // Last: it drops the audit table of this test's store.
  it("the entry and the change commit together: no entry, no registration", async () => {
    await ctx.deps.store.db.schema.dropTable("audit_log").execute();
    await assert.rejects(ctx.deps.newsroom.webhooks.create({ url: "http://127.0.0.1:9/unaudited" }, CLI));
    const hooks = await ctx.deps.newsroom.webhooks.list();
    assert.equal(hooks.filter((h) => h.url === "http://127.0.0.1:9/unaudited").length, 0);
  });
});
