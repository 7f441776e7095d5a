import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Article } from "../../core/article.ts";
import { SYSTEM_ACTOR } from "../../core/actor.ts";
import { buildArticle, buildSection } from "../../testing/factories.ts";
import { createTestContext, type TestContext } from "../../testing/test-app.ts";

/**
 * A news day: stories are published all day, and readers keep reading older ones. Another story's
 * publish must not empty every cached article page; the story itself is fresh at once.
 */
describe("the page cache on a news day (TERBARU as an edge-side include)", () => {
  let ctx: TestContext;
  let older: Article;
  let articleUrl: string;
  const stats = () => ctx.app.pageCache?.stats() ?? assert.fail("page cache is off");

  before(async () => {
    ctx = await createTestContext();
    const section = await buildSection(ctx.deps, { name: "Nasional", slug: "nasional" });
    const hour = 3_600_000;
    older = await buildArticle(ctx.deps, {
      sectionId: section.id,
      headline: "Berita lama yang masih dibaca",
      publishedAt: new Date(Date.now() - 48 * hour),
    });
    for (let i = 0; i < 8; i++)
      await buildArticle(ctx.deps, {
        sectionId: section.id,
        headline: `Kabar pagi ${i + 1}`,
        publishedAt: new Date(Date.now() - (10 - i) * hour),
      });
    articleUrl = `/nasional/${older.id}/${older.slug}`;
  });
  after(async () => ctx?.close());

  const read = (url: string, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: "GET", url, headers });

  test("a direct reader gets the page with TERBARU composed in, never the include tag", async () => {
    const page = await read(articleUrl);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /esi:include/);
    assert.match(page.body, /TERBARU/);
    assert.match(page.body, /Kabar pagi 8/);
    assert.equal(page.headers["surrogate-control"], undefined);
    assert.ok(String(page.headers["surrogate-key"]).split(" ").includes("latest"));
  });

  test("another story's publish refreshes TERBARU without re-rendering the article page", async () => {
    await read(articleUrl);
    const rendersBefore = stats().misses;
    const composedBefore = stats().compositions;
    await buildArticle(ctx.deps, { sectionId: older.sectionId, headline: "Gempa di lepas pantai" });
    const page = await read(articleUrl);
    assert.match(page.body, /Gempa di lepas pantai/);
    assert.match(page.body, /Berita lama yang masih dibaca/);
    assert.equal(stats().compositions, composedBefore + 1);
    // One render: the shared fragment. The article page itself was not rendered again.
    assert.equal(stats().misses, rendersBefore + 1);
    const again = await read(articleUrl);
    assert.equal(again.headers["x-cache"], "HIT");
  });

  test("the story itself is fresh at once: its own change re-renders its page", async () => {
    await read(articleUrl);
    const current = await ctx.deps.articles.get(older.id);
    await ctx.deps.articles.update(
      older.id,
      {
        headline: "Berita lama, diperbarui",
        slug: current.slug,
        sectionId: current.sectionId,
        body: current.body,
      },
      SYSTEM_ACTOR,
      { expectedVersion: current.version },
    );
    const page = await read(articleUrl);
    assert.match(page.body.replace(/<aside class="latest"[\s\S]*?<\/aside>/, ""), /Berita lama, diperbarui/);
  });

  test("a cache in front that composes ESI gets the shell, without `latest` among its keys", async () => {
    const page = await read(articleUrl, { "surrogate-capability": 'varnish="ESI/1.0"' });
    const current = await ctx.deps.articles.get(older.id);
    const url = `/nasional/${older.id}/${current.slug}`;
    const shell =
      page.statusCode === 301 ? await read(url, { "surrogate-capability": 'varnish="ESI/1.0"' }) : page;
    assert.equal(shell.statusCode, 200);
    assert.match(shell.body, /<esi:include src="\/_fragmen\/terbaru"\/>/);
    assert.equal(shell.headers["surrogate-control"], 'content="ESI/1.0"');
    assert.ok(!String(shell.headers["surrogate-key"]).split(" ").includes("latest"));
    const fragment = await read("/_fragmen/terbaru");
    assert.equal(fragment.headers["surrogate-key"], "latest");
    assert.equal(fragment.headers["x-robots-tag"], "noindex");
    assert.match(fragment.body, /Gempa di lepas pantai/);
  });

  test("the newest stories list TERBARU inline, without themselves", async () => {
    const newest = await buildArticle(ctx.deps, {
      sectionId: older.sectionId,
      headline: "Paling baru sekali",
    });
    const page = await read(`/nasional/${newest.id}/${newest.slug}`, {
      "surrogate-capability": 'varnish="ESI/1.0"',
    });
    assert.doesNotMatch(page.body, /esi:include/);
    const aside = /<aside class="latest"[\s\S]*?<\/aside>/.exec(page.body)?.[0] ?? "";
    assert.match(aside, /Gempa di lepas pantai/);
    assert.doesNotMatch(aside, /Paling baru sekali/);
    assert.ok(String(page.headers["surrogate-key"]).split(" ").includes("latest"));
  });
});

describe("the rule before, kept for comparison (WARTA_TERBARU=inline)", () => {
  let ctx: TestContext;
  after(async () => ctx?.close());

  test("every article page lists TERBARU inline, so another story's publish re-renders it", async () => {
    ctx = await createTestContext({ env: { WARTA_TERBARU: "inline" } });
    const section = await buildSection(ctx.deps, { name: "Nasional", slug: "nasional" });
    const older = await buildArticle(ctx.deps, {
      sectionId: section.id,
      headline: "Berita lama yang masih dibaca",
      publishedAt: new Date(Date.now() - 48 * 3_600_000),
    });
    for (let i = 0; i < 7; i++)
      await buildArticle(ctx.deps, { sectionId: section.id, headline: `Kabar pagi ${i + 1}` });
    const url = `/nasional/${older.id}/${older.slug}`;
    const stats = () => ctx.app.pageCache?.stats() ?? assert.fail("page cache is off");
    const edge = { "surrogate-capability": 'varnish="ESI/1.0"' };
    const shell = await ctx.app.inject({ method: "GET", url, headers: edge });
    assert.doesNotMatch(shell.body, /esi:include/);
    assert.ok(String(shell.headers["surrogate-key"]).split(" ").includes("latest"));
    await ctx.app.inject({ method: "GET", url });
    const rendersBefore = stats().misses;
    await buildArticle(ctx.deps, { sectionId: section.id, headline: "Gempa di lepas pantai" });
    const page = await ctx.app.inject({ method: "GET", url });
    assert.match(page.body, /Gempa di lepas pantai/);
    assert.equal(stats().misses, rendersBefore + 1);
    assert.equal(stats().compositions, 0);
  });
});
