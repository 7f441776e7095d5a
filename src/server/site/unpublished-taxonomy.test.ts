import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Person } from "../../core/person.ts";
import type { Tag } from "../../core/tag.ts";
import { buildArticle, buildPerson, buildSection } from "../../testing/factories.ts";
import { createTestContext, type TestContext } from "../../testing/test-app.ts";

/**
 * A tag or person that only an embargoed (or draft) story carries does not exist for readers:
 * no page, no feed, no entry in an anonymous list, no search filter, no sitemap line.
 */
describe("tags and people with no live story", () => {
  let ctx: TestContext;
  let secretTag: Tag;
  let secretPerson: Person;
  let liveTag: Tag;
  const NOW = new Date("2026-11-20T05:00:00Z");

  before(async () => {
    ctx = await createTestContext({ now: NOW });
    const { deps } = ctx;
    const section = await buildSection(deps, { name: "Politik", slug: "politik" });
    [secretTag, liveTag] = (await deps.tags.ensure(["Kabinet Bayangan", "Pemilu"])) as [Tag, Tag];
    secretPerson = await buildPerson(deps, { name: "Narasumber Rahasia", slug: "narasumber-rahasia" });
    const writer = await buildPerson(deps, { name: "Penulis Terbit", slug: "penulis-terbit" });
    await buildArticle(deps, {
      headline: "Susunan kabinet (embargo)",
      sectionId: section.id,
      status: "scheduled",
      publishedAt: new Date("2026-11-21T00:00:00Z"),
      tagIds: [secretTag.id],
      credits: [{ role: "penulis", personId: secretPerson.id }],
    });
    await buildArticle(deps, {
      headline: "Draf dengan tag rahasia",
      sectionId: section.id,
      status: "draft",
      tagIds: [secretTag.id],
      credits: [{ role: "penulis", personId: secretPerson.id }],
    });
    await buildArticle(deps, {
      headline: "Hasil pemilu",
      sectionId: section.id,
      publishedAt: new Date("2026-11-19T00:00:00Z"),
      tagIds: [liveTag.id],
      credits: [{ role: "penulis", personId: writer.id }],
    });
  });
  after(() => ctx.close());

  const get = (url: string) => ctx.app.inject({ method: "GET", url });

  it("their pages and feeds are 404", async () => {
    for (const url of [
      "/tag/kabinet-bayangan",
      "/profil/narasumber-rahasia",
      "/feed/tag/kabinet-bayangan/rss.xml",
      "/feed/profil/narasumber-rahasia/rss.xml",
    ])
      assert.equal((await get(url)).statusCode, 404, url);
    assert.equal((await get("/tag/pemilu")).statusCode, 200);
    assert.equal((await get("/feed/tag/pemilu/rss.xml")).statusCode, 200);
  });

  it("they are absent from the anonymous tag and people lists", async () => {
    const tags = (await get("/api/v1/tags")).json() as { items: { slug: string }[] };
    assert.deepEqual(
      tags.items.map((t) => t.slug),
      ["pemilu"],
    );
    const people = (await get("/api/v1/people")).json() as { items: { slug: string }[] };
    assert.deepEqual(
      people.items.map((p) => p.slug),
      ["penulis-terbit"],
    );
  });

  it("search filters do not know them, so their names never show", async () => {
    for (const url of [
      "/api/v1/search?q=kabinet&tag=kabinet-bayangan",
      "/api/v1/search?q=kabinet&person=narasumber-rahasia",
    ]) {
      const response = await get(url);
      assert.equal(response.statusCode, 422, url);
      assert.ok(
        !response.body.includes("Kabinet Bayangan") && !response.body.includes("Narasumber Rahasia"),
        url,
      );
    }
    const page = await get("/cari?q=kabinet&tag=kabinet-bayangan");
    assert.ok(!page.body.includes("Kabinet Bayangan"));
  });

  it("sitemaps leave them out", async () => {
    const index = await get("/sitemap.xml");
    const files = [...index.body.matchAll(/<loc>https:\/\/warta\.test(\/sitemaps\/[^<]+)<\/loc>/g)].map(
      (m) => m[1]!,
    );
    assert.ok(files.length > 0);
    for (const file of files) {
      const body = (await get(file)).body;
      assert.ok(!body.includes("kabinet-bayangan") && !body.includes("narasumber-rahasia"), file);
    }
  });

  it("appear once the embargo lifts", async () => {
    ctx.setNow(new Date("2026-11-21T00:00:05Z"));
    assert.equal((await ctx.deps.newsroom.scheduler.tick()).length, 1);
    assert.equal((await get("/tag/kabinet-bayangan")).statusCode, 200);
  });
});
