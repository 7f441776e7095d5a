import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestContext, type TestContext } from "../../../testing/test-app.ts";
import { buildArticle, buildSection } from "../../../testing/factories.ts";

const NOW = new Date("2026-11-26T05:00:00Z");

describe("the Google News sitemap when nothing is recent", () => {
  let ctx: TestContext;
  let sectionId: number;
  const get = (url: string) => ctx.app.inject({ method: "GET", url });

  before(async () => {
    ctx = await createTestContext({ now: NOW });
    const section = await buildSection(ctx.deps, { name: "Arsip", slug: "arsip" });
    sectionId = section.id;
    await buildArticle(ctx.deps, {
      headline: "Berita Lama dari Pekan Lalu",
      sectionId: section.id,
      publishedAt: new Date(NOW.getTime() - 7 * 24 * 3_600_000),
    });
  });

  after(() => ctx.close());

  it("is not served as an empty urlset (invalid under its XSD) and robots.txt does not name it", async () => {
    const news = await get("/sitemaps/berita.xml");
    assert.equal(news.statusCode, 404);
    assert.doesNotMatch(news.body, /<urlset/);
    const robots = await get("/robots.txt");
    assert.match(robots.body, /Sitemap: https:\/\/warta\.test\/sitemap\.xml/);
    assert.doesNotMatch(robots.body, /berita\.xml/);
  });

  it("is served and named again once a story is published within 48 hours", async () => {
    await buildArticle(ctx.deps, {
      headline: "Berita Baru Hari Ini",
      sectionId,
      publishedAt: new Date(NOW.getTime() - 3_600_000),
    });
    const news = await get("/sitemaps/berita.xml");
    assert.equal(news.statusCode, 200);
    assert.match(news.body, /Berita Baru Hari Ini/);
    assert.match((await get("/robots.txt")).body, /Sitemap: https:\/\/warta\.test\/sitemaps\/berita\.xml/);
  });
});
