import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Article } from "../../core/article.ts";
import { buildArticle, buildSection } from "../../testing/factories.ts";
import { createTestContext, type TestContext } from "../../testing/test-app.ts";
import { NOT_FOUND_CACHE_CONTROL } from "./security-headers.plugin.ts";

describe("security headers and cacheable 404s", () => {
  let ctx: TestContext;
  let live: Article;
  let embargoed: Article;
  const NOW = new Date("2026-11-20T05:00:00Z");

  before(async () => {
    ctx = await createTestContext({ now: NOW });
    const section = await buildSection(ctx.deps, { name: "Nasional", slug: "nasional" });
    live = await buildArticle(ctx.deps, {
      sectionId: section.id,
      publishedAt: new Date("2026-11-19T00:00:00Z"),
    });
    embargoed = await buildArticle(ctx.deps, {
      sectionId: section.id,
      status: "scheduled",
      publishedAt: new Date("2026-11-21T00:00:00Z"),
    });
  });
  after(() => ctx.close());

  const get = (url: string) => ctx.app.inject({ method: "GET", url });
  const articleUrl = async (article: Article) => (await ctx.deps.reading.articlePage(article.id))?.url ?? "";

  it("every area carries nosniff, a framing rule, a referrer policy and a strict CSP", async () => {
    const paths = [
      "/",
      "/nasional",
      await articleUrl(live),
      "/tidak-ada",
      "/api/v1/tags",
      "/api/v1/docs",
      "/admin",
      "/healthz",
    ];
    for (const path of paths) {
      const response = await get(path);
      assert.equal(response.headers["x-content-type-options"], "nosniff", path);
      assert.equal(response.headers["x-frame-options"], "DENY", path);
      assert.equal(response.headers["referrer-policy"], "strict-origin-when-cross-origin", path);
      const csp = String(response.headers["content-security-policy"]);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.match(csp, /base-uri 'none'/, path);
      assert.doesNotMatch(csp, /script-src[^;]*('unsafe-inline'|'unsafe-eval')/, path);
    }
    const site = String((await get("/")).headers["content-security-policy"]);
    assert.match(site, /style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    assert.match(site, /script-src 'self'/);
    const docs = String((await get("/api/v1/docs")).headers["content-security-policy"]);
    assert.match(docs, /style-src 'sha256-/);
  });

  it("a page served from the cache replays the same headers", async () => {
    const url = await articleUrl(live);
    await get(url);
    const hit = await get(url);
    assert.equal(hit.headers["x-cache"], "HIT");
    assert.equal(hit.headers["x-content-type-options"], "nosniff");
    assert.match(String(hit.headers["content-security-policy"]), /default-src 'none'/);
  });

  it("a reader's 404 is cacheable briefly and purgeable: an embargoed URL's 404 carries its article key", async () => {
    const guessed = `/nasional/${embargoed.id}/${embargoed.slug}`;
    const response = await get(guessed);
    assert.equal(response.statusCode, 404);
    assert.equal(response.headers["cache-control"], NOT_FOUND_CACHE_CONTROL);
    assert.deepEqual(String(response.headers["surrogate-key"]).split(" ").sort(), [
      `article:${embargoed.id}`,
      "notfound",
    ]);
    const plain = await get("/tidak-ada-sama-sekali");
    assert.equal(plain.headers["cache-control"], NOT_FOUND_CACHE_CONTROL);
    assert.equal(plain.headers["surrogate-key"], "notfound");
    const api = await get("/api/v1/articles/999999");
    assert.equal(api.headers["cache-control"], "no-store", "the API's answers are never shared");
  });
});
