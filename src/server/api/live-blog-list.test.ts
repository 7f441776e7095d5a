import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildArticle, buildSection } from "../../testing/factories.ts";
import { createApiContext, type ApiTestContext, type Session } from "../../testing/api-test-support.ts";

const NOW = new Date("2026-12-03T03:00:00Z");

/** `GET /api/v1/live-blogs`: the admin's live console lists the live blogs (both stores). */
describe("the newsroom's list of live blogs", () => {
  let ctx: ApiTestContext;
  let editor: Session;
  let writer: Session;

  before(async () => {
    ctx = await createApiContext({ now: NOW });
    editor = await ctx.login((await ctx.user("editor")).email);
    writer = await ctx.login((await ctx.user("penulis")).email);
  });
  after(() => ctx.close());

  const list = (session: Session | null, query = "") =>
    ctx.app.inject({
      method: "GET",
      url: `/api/v1/live-blogs${query}`,
      headers: session ? { cookie: session.write.cookie } : {},
    });
  const send = (method: "PUT" | "POST", path: string, payload: Record<string, unknown> = {}) =>
    ctx.app.inject({ method, url: `/api/v1${path}`, headers: editor.write, payload });

  it("lists live blogs with headline, status and whether they are open, the most recently changed first", async () => {
    const section = await buildSection(ctx.deps, { name: "Nasional", slug: "nasional" });
    const first = await buildArticle(ctx.deps, {
      headline: "Langsung: Gempa Cianjur",
      sectionId: section.id,
    });
    const second = await buildArticle(ctx.deps, {
      headline: "Langsung: Debat Capres",
      sectionId: section.id,
      status: "draft",
    });
    await buildArticle(ctx.deps, { headline: "Berita biasa", sectionId: section.id });
    assert.deepEqual((await list(editor)).json(), { items: [] });

    assert.equal((await send("PUT", `/articles/${first.id}/live-blog`)).statusCode, 200);
    ctx.setNow(new Date(NOW.getTime() + 60_000));
    assert.equal((await send("PUT", `/articles/${second.id}/live-blog`)).statusCode, 200);
    ctx.setNow(new Date(NOW.getTime() + 120_000));
    assert.equal((await send("POST", `/articles/${second.id}/live-blog/close`)).statusCode, 200);
    ctx.setNow(new Date(NOW.getTime() + 180_000));
    const posted = await send("POST", `/articles/${first.id}/live-blog/entries`, { text: "Gempa susulan." });
    assert.equal(posted.statusCode, 201, posted.body);

    const response = await list(writer);
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json().items, [
      {
        articleId: first.id,
        headline: "Langsung: Gempa Cianjur",
        status: "published",
        coverageStart: NOW.toISOString(),
        coverageEnd: null,
        open: true,
        updatedAt: new Date(NOW.getTime() + 180_000).toISOString(),
      },
      {
        articleId: second.id,
        headline: "Langsung: Debat Capres",
        status: "draft",
        coverageStart: new Date(NOW.getTime() + 60_000).toISOString(),
        coverageEnd: new Date(NOW.getTime() + 120_000).toISOString(),
        open: false,
        updatedAt: new Date(NOW.getTime() + 120_000).toISOString(),
      },
    ]);
    assert.deepEqual(
      (await list(editor, "?limit=1")).json().items.map((i: { articleId: number }) => i.articleId),
      [first.id],
    );
  });

  it("needs a signed-in user and refuses a bad limit in Indonesian (problem+json)", async () => {
    const anonymous = await list(null);
    assert.equal(anonymous.statusCode, 401);
    assert.match(String(anonymous.headers["content-type"]), /application\/problem\+json/);
    const bad = await list(editor, "?limit=500");
    assert.equal(bad.statusCode, 422);
    assert.deepEqual(bad.json().errors, [{ field: "query.limit", message: "Batas paling banyak 100." }]);
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await ctx.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    assert.ok(doc.paths["/api/v1/live-blogs"]?.get, Object.keys(doc.paths).join(" "));
  });
});
