import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { SYSTEM_ACTOR } from "../core/actor.ts";
import { bodyOf, buildArticle, buildPerson, buildSection } from "../testing/factories.ts";
import { createApiContext, type ApiTestContext, type Session } from "../testing/api-test-support.ts";
import type { NewsroomSearchRequest } from "./newsroom-search.service.ts";
import { SEARCH_DEFAULTS } from "./search.service.ts";

// Runs on SQLite, and on PostgreSQL with WARTA_TEST_POSTGRES_URL (the same service, the other adapter).
describe("newsroom search (staff: every story, never readers)", () => {
  let ctx: ApiTestContext;
  let writer: Session;
  const ids: Record<string, number> = {};
  const ask = (q: string, extra: Partial<NewsroomSearchRequest> = {}) =>
    ctx.deps.newsroomSearch
      .search({ q, sort: "relevance", page: 1, pageSize: 10, ...extra })
      .then((r) => r.items.map((item) => item.id));

  before(async () => {
    ctx = await createApiContext();
    const section = await buildSection(ctx.deps, { name: "Daerah", slug: "daerah" });
    const dewi = await buildPerson(ctx.deps, { name: "Dewi Anggraini" });
    ids.dewi = dewi.id;
    const story = (
      headline: string,
      body: string,
      status: "draft" | "scheduled" | "published",
      credit = false,
    ) =>
      buildArticle(ctx.deps, {
        headline,
        body: bodyOf(body),
        sectionId: section.id,
        status,
        ...(credit ? { credits: [{ role: "penulis" as const, personId: dewi.id }] } : {}),
      });
    ids.draft = (
      await story("Rencana waduk Lembahhijau", "Warga menolak penggusuran untuk waduk.", "draft", true)
    ).id;
    ids.scheduled = (
      await story("Peresmian jembatan Sungaibiru", "Jembatan diresmikan pekan depan.", "scheduled")
    ).id;
    ids.live = (await story("Waduk Lembahhijau mulai diisi", "Air mengalir ke waduk baru.", "published")).id;
    writer = await ctx.login((await ctx.user("penulis")).email);
  });
  after(() => ctx.close());

  it("finds drafts and scheduled stories by headline and body words in any form", async () => {
    assert.deepEqual((await ask("waduk Lembahhijau")).sort(), [ids.draft, ids.live].sort());
    assert.deepEqual(await ask("penggusuran"), [ids.draft], "a body word (gusur) of a draft");
    assert.deepEqual(await ask("diresmikan jembatan"), [ids.scheduled]);
  });

  it("filters by status and by credited person, and finds a writer by name", async () => {
    assert.deepEqual(await ask("waduk", { statuses: ["draft"] }), [ids.draft]);
    assert.deepEqual(await ask("waduk", { statuses: ["published", "scheduled"] }), [ids.live]);
    assert.deepEqual(await ask("waduk", { personId: ids.dewi }), [ids.draft]);
    assert.deepEqual(await ask("Dewi Anggraini"), [ids.draft]);
  });

  it("filters by last activity, [from, to) like the story list", async () => {
    const hour = 3_600_000;
    const now = Date.now();
    const around = { from: new Date(now - hour), to: new Date(now + hour) };
    assert.deepEqual((await ask("waduk", around)).sort(), [ids.draft, ids.live].sort());
    assert.deepEqual(await ask("waduk", { to: new Date(now - hour) }), [], "all touched after `to`");
    assert.deepEqual(await ask("waduk", { from: new Date(now + hour) }), [], "none touched since `from`");
    const url = `/api/v1/newsroom/search?q=waduk&from=${encodeURIComponent(new Date(now + hour).toISOString())}`;
    const response = await ctx.app.inject({ method: "GET", url, headers: { cookie: writer.cookie } });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal((response.json() as { total: number }).total, 0);
  });

  it("follows the story: submitted, published, deleted", async () => {
    await ctx.deps.articles.transition(ids.draft as number, "submit", SYSTEM_ACTOR);
    assert.deepEqual(await ask("penggusuran", { statuses: ["in_review"] }), [ids.draft]);
    assert.deepEqual(await ask("penggusuran", { statuses: ["draft"] }), []);
    const doomed = await buildArticle(ctx.deps, { headline: "Draf Kuningemas", status: "draft" });
    assert.deepEqual(await ask("Kuningemas"), [doomed.id]);
    await ctx.deps.articles.remove(doomed.id, SYSTEM_ACTOR);
    assert.deepEqual(await ask("Kuningemas"), []);
  });

  it("readers never see what only the newsroom index holds", async () => {
    const publicIds = (
      await ctx.deps.search.search({ ...SEARCH_DEFAULTS, q: "penggusuran jembatan" })
    ).items.map((i) => i.id);
    assert.ok(!publicIds.includes(ids.draft as number) && !publicIds.includes(ids.scheduled as number));
    const site = await ctx.app.inject({ method: "GET", url: "/cari?q=penggusuran" });
    assert.doesNotMatch(site.body, /Rencana waduk/);
  });

  it("GET /api/v1/newsroom/search: staff only, drafts included, problem+json for a bad query", async () => {
    const url = "/api/v1/newsroom/search?q=Lembahhijau&status=in_review&status=published&sort=date";
    assert.equal((await ctx.app.inject({ method: "GET", url })).statusCode, 401);
    const response = await ctx.app.inject({ method: "GET", url, headers: { cookie: writer.cookie } });
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers["cache-control"]), /no-store/);
    const body = response.json() as {
      total: number;
      items: { id: number; status: string; headlineHighlights: [number, number][] }[];
    };
    assert.deepEqual(
      body.items.map((i) => [i.id, i.status]).sort(),
      [
        [ids.draft, "in_review"],
        [ids.live, "published"],
      ].sort(),
    );
    assert.ok(body.items.every((i) => i.headlineHighlights.length > 0));
    const bad = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/newsroom/search?q=&status=bogus",
      headers: { cookie: writer.cookie },
    });
    assert.equal(bad.statusCode, 422);
    assert.match(String(bad.headers["content-type"]), /problem\+json/);
    const spec = (await ctx.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json() as {
      paths: Record<string, unknown>;
    };
    assert.ok(spec.paths["/api/v1/newsroom/search"], "in the OpenAPI document");
  });
});
