import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestContext, type TestContext } from "../../../testing/test-app.ts";
import { buildArticle, buildSection } from "../../../testing/factories.ts";

// 12:00 WIB on Thursday 26 November 2026.
const NOW = new Date("2026-11-26T05:00:00Z");

describe("the Indeks: every story of a day, by section", () => {
  let ctx: TestContext;
  const get = (url: string) => ctx.app.inject({ method: "GET", url });

  before(async () => {
    ctx = await createTestContext({ now: NOW });
    const { deps } = ctx;
    const nasional = await buildSection(deps, { name: "Nasional", slug: "nasional" });
    const dunia = await buildSection(deps, { name: "Dunia", slug: "dunia" });
    const asia = await buildSection(deps, { name: "Asia", slug: "asia", parentId: dunia.id });
    await buildArticle(deps, {
      headline: "Sidang Kabinet Bahas Anggaran",
      sectionId: nasional.id,
      publishedAt: new Date("2026-11-25T02:00:00Z"),
    });
    // 23:30 WIB on the 25th (16:30 UTC): the 25th in the Indeks.
    await buildArticle(deps, {
      headline: "Gempa Kecil di Laut Banda Malam Hari",
      sectionId: asia.id,
      publishedAt: new Date("2026-11-25T16:30:00Z"),
    });
    await buildArticle(deps, {
      headline: "Pagi Ini Pasar Dibuka Menguat",
      sectionId: nasional.id,
      publishedAt: new Date("2026-11-26T01:00:00Z"),
    });
    await buildArticle(deps, {
      headline: "Embargo Sore Tidak Boleh Tampil",
      sectionId: nasional.id,
      status: "scheduled",
      publishedAt: new Date("2026-11-26T09:00:00Z"),
    });
    await buildArticle(deps, {
      headline: "Draf Indeks Tidak Boleh Tampil",
      sectionId: nasional.id,
      status: "draft",
    });
  });

  after(() => ctx.close());

  it("lists a day's stories under their top-level sections, with the day in WIB", async () => {
    const page = await get("/indeks/2026-11-25");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Indeks Berita<\/h1>/);
    assert.match(page.body, /Rabu, 25 November 2026/);
    assert.match(page.body, /2 berita/);
    const nasional = page.body.indexOf('id="indeks-nasional"');
    const dunia = page.body.indexOf('id="indeks-dunia"');
    assert.ok(nasional > 0 && dunia > nasional, "sections in navigation order");
    assert.ok(page.body.indexOf("Sidang Kabinet") > nasional && page.body.indexOf("Sidang Kabinet") < dunia);
    assert.ok(page.body.indexOf("Gempa Kecil") > dunia, "a subsection's story is under its top section");
    assert.doesNotMatch(page.body, /Pagi Ini Pasar/);
    assert.match(page.body, /<link rel="canonical" href="https:\/\/warta\.test\/indeks\/2026-11-25">/);
    assert.match(page.body, /<a rel="next" href="\/indeks\/2026-11-26">/);
    assert.doesNotMatch(page.body, /rel="prev"/, "day links skip days without stories; none before");
  });

  it("shows today at /indeks, never a scheduled or draft story, and no link to tomorrow", async () => {
    const page = await get("/indeks");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Kamis, 26 November 2026/);
    assert.match(page.body, /Pagi Ini Pasar Dibuka Menguat/);
    assert.doesNotMatch(page.body, /Embargo Sore|Draf Indeks/);
    assert.doesNotMatch(page.body, /rel="next"/);
    assert.equal((await get("/indeks/2026-11-27")).statusCode, 404, "tomorrow is not a page yet");
  });

  it("has a date picker that works without JavaScript and rejects dates that are not dates", async () => {
    const page = await get("/indeks/2026-11-25");
    assert.match(
      page.body,
      /<form class="index-picker" action="\/indeks" method="get"><label for="tanggal">Pilih tanggal<\/label><input type="date" id="tanggal" name="tanggal" value="2026-11-25"/,
    );
    const picked = await get("/indeks?tanggal=2026-11-20");
    assert.equal(picked.statusCode, 303);
    assert.equal(picked.headers.location, "/indeks/2026-11-20");
    for (const url of ["/indeks?tanggal=kemarin", "/indeks/2026-02-30", "/indeks/25-11-2026"]) {
      const bad = await get(url);
      assert.equal(bad.statusCode, 400, url);
      assert.match(bad.body, /Permintaan tidak valid/);
    }
    const quiet = await get("/indeks/2026-11-20");
    assert.equal(quiet.statusCode, 200);
    assert.match(quiet.body, /Tidak ada berita yang terbit pada hari ini/);
    assert.match(quiet.body, /<meta name="robots" content="noindex">/);
    assert.match(quiet.body, /<a rel="next" href="\/indeks\/2026-11-25">/, "to the next day with stories");
  });

  it("is linked from every page's footer and listed in the sitemaps", async () => {
    assert.match((await get("/")).body, /<footer[^]*<a href="\/indeks">Indeks<\/a>/);
    const index = await get("/sitemap.xml");
    assert.match(index.body, /<loc>https:\/\/warta\.test\/sitemaps\/indeks\.xml<\/loc>/);
    const sitemap = await get("/sitemaps/indeks.xml");
    assert.equal(sitemap.statusCode, 200);
    const locs = [...sitemap.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    assert.deepEqual(locs, ["https://warta.test/indeks/2026-11-26", "https://warta.test/indeks/2026-11-25"]);
  });

  it("shows a story published later today once its time has come (the page is purged by the event)", async () => {
    assert.doesNotMatch((await get("/indeks/2026-11-26")).body, /Embargo Sore/);
    ctx.setNow(new Date("2026-11-26T09:30:00Z"));
    await ctx.deps.newsroom.scheduler.tick();
    assert.match((await get("/indeks/2026-11-26")).body, /Embargo Sore Tidak Boleh Tampil/);
  });
});
