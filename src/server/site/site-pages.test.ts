import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { loadSiteAssets } from "./assets.ts";
import { SYSTEM_ACTOR } from "../../core/actor.ts";
import type { Article } from "../../core/article.ts";
import type { Section } from "../../core/section.ts";
import { createTestContext, type TestContext } from "../../testing/test-app.ts";
import { bodyOf, buildArticle, buildImage, buildPerson, buildSection } from "../../testing/factories.ts";

const NOW = new Date("2026-11-26T05:00:00Z");

describe("public site pages", () => {
  let ctx: TestContext;
  let dunia: Section;
  let asia: Section;
  let live: Article;
  let draft: Article;
  let scheduled: Article;
  let unpublished: Article;

  const get = (url: string) => ctx.app.inject({ method: "GET", url });

  before(async () => {
    ctx = await createTestContext({ now: NOW });
    const { deps } = ctx;
    dunia = await buildSection(deps, { name: "Dunia", slug: "dunia" });
    asia = await buildSection(deps, { name: "Asia", slug: "asia", parentId: dunia.id });
    const writer = await buildPerson(deps, {
      name: "Sari Wulandari",
      slug: "sari-wulandari",
      bio: "Wartawan desk dunia.",
    });
    const editor = await buildPerson(deps, { name: "Bima Santoso", slug: "bima-santoso" });
    const tags = await deps.tags.ensure(["Korea Utara", "Diplomasi"]);
    const image = await buildImage(deps, { alt: "Pertemuan para pemimpin" });
    const older = await buildArticle(deps, {
      headline: "Pertemuan Menteri Luar Negeri ASEAN Digelar di Vientiane",
      sectionId: asia.id,
      publishedAt: new Date("2026-11-20T01:00:00Z"),
    });
    live = await buildArticle(deps, {
      headline: "Korea Utara Kirim Delegasi ke Pertemuan Regional",
      lede: "Delegasi tiba pada Senin pagi.",
      sectionId: asia.id,
      dateline: { place: "Seoul", outlet: "WARTA", timeZone: "Asia/Jakarta" },
      body: {
        version: 1,
        blocks: [
          { type: "paragraph", content: [{ text: "Delegasi Korea Utara tiba di ibu kota." }] },
          { type: "related", articleId: older.id },
          { type: "blockquote", content: [{ text: "“Kami datang untuk berdialog,” katanya." }] },
        ],
      },
      hero: { mediaId: image.id, caption: "Delegasi tiba di bandara.", credit: "Dokumentasi Warta" },
      sources: [{ name: "Kantor Berita Yonhap", url: "https://en.yna.co.kr" }],
      tagIds: tags.map((t) => t.id),
      credits: [
        { role: "penulis", personId: writer.id },
        { role: "editor", personId: editor.id },
      ],
      publishedAt: new Date("2026-11-25T01:08:00Z"),
      updatedAt: new Date("2026-11-25T03:30:00Z"),
    });
    draft = await buildArticle(deps, {
      headline: "Draf Rahasia Tidak Boleh Tampil",
      sectionId: asia.id,
      status: "draft",
      tagIds: [tags[0]!.id],
      credits: [{ role: "penulis", personId: writer.id }],
    });
    scheduled = await buildArticle(deps, {
      headline: "Embargo Rahasia Tidak Boleh Tampil",
      sectionId: asia.id,
      status: "scheduled",
      publishedAt: new Date("2026-12-01T00:00:00Z"),
      tagIds: [tags[0]!.id],
      credits: [{ role: "penulis", personId: writer.id }],
    });
    unpublished = await buildArticle(deps, {
      headline: "Berita Ditarik Tidak Boleh Tampil",
      sectionId: asia.id,
      status: "unpublished",
      tagIds: [tags[0]!.id],
      credits: [{ role: "penulis", personId: writer.id }],
    });
    // A Baca Juga pointing at the draft must render nothing.
    await deps.articles.update(
      live.id,
      {
        headline: live.headline,
        lede: live.lede,
        sectionId: live.sectionId,
        dateline: live.dateline,
        body: { version: 1, blocks: [...live.body.blocks, { type: "related", articleId: draft.id }] },
        hero: live.hero,
        sources: live.sources,
        tagIds: live.tagIds,
        credits: live.credits,
      },
      SYSTEM_ACTOR,
      { expectedVersion: live.version, substantive: false },
    );
  });

  after(() => ctx.close());

  it("serves the home page with the lead story, TERBARU and a block per top section", async () => {
    const response = await get("/");
    assert.equal(response.statusCode, 200);
    assert.match(response.headers["content-type"] as string, /text\/html; charset=utf-8/);
    assert.match(response.body, /<html lang="id">/);
    assert.match(response.body, /class="lead"[\s\S]*Korea Utara Kirim Delegasi/);
    assert.match(response.body, /TERBARU[\s\S]*Pertemuan Menteri Luar Negeri ASEAN/);
    assert.match(response.body, /<h2 id="rubrik-dunia"><a href="\/dunia">Dunia<\/a><\/h2>/);
  });

  it("serves the article page with every element, Diperbarui and reading time", async () => {
    const response = await get(`/dunia/asia/${live.id}/${live.slug}`);
    assert.equal(response.statusCode, 200);
    const body = response.body;
    assert.match(body, /<h1>Korea Utara Kirim Delegasi ke Pertemuan Regional<\/h1>/);
    assert.match(body, /<time datetime="2026-11-25T08:08:00\+07:00">25 November 2026, 08:08 WIB<\/time>/);
    assert.match(
      body,
      /Diperbarui <time datetime="2026-11-25T10:30:00\+07:00">25 November 2026, 10:30 WIB<\/time>/,
    );
    assert.match(body, /1 menit baca/);
    assert.match(body, /<strong class="dateline">SEOUL, WARTA<\/strong> - Delegasi Korea Utara/);
    assert.match(
      body,
      /<figcaption>Delegasi tiba di bandara\. <span class="credit">\(Sumber: Dokumentasi Warta\)<\/span><\/figcaption>/,
    );
    assert.match(
      body,
      /Baca Juga:<\/strong> <a href="\/dunia\/asia\/\d+\/pertemuan-menteri-luar-negeri-asean-digelar-di-vientiane">/,
    );
    assert.equal(
      body.match(/class="baca-juga"/g)?.length,
      1,
      "the Baca Juga pointing at a draft renders nothing",
    );
    assert.match(body, /Penulis<\/span>: <a href="\/profil\/sari-wulandari">Sari Wulandari<\/a>/);
    assert.match(body, /Editor<\/span>: <a href="\/profil\/bima-santoso">Bima Santoso<\/a>/);
    assert.match(
      body,
      /Sumber<\/span>: <a href="https:\/\/en.yna.co.kr" rel="noopener">Kantor Berita Yonhap<\/a>/,
    );
    assert.match(body, /<a href="\/tag\/korea-utara" rel="tag">Korea Utara<\/a>/);
    assert.match(body, /<link rel="canonical" href="https:\/\/warta.test\/dunia\/asia\/\d+\//);
    assert.match(response.headers["surrogate-key"] as string, new RegExp(`article:${live.id}`));
  });

  it("answers an outdated slug or section path with 301 to the canonical URL", async () => {
    const canonical = `/dunia/asia/${live.id}/${live.slug}`;
    for (const old of [
      `/dunia/asia/${live.id}/judul-lama`,
      `/dunia/${live.id}/${live.slug}`,
      `/nasional/${live.id}/x`,
    ]) {
      const response = await get(old);
      assert.equal(response.statusCode, 301, old);
      assert.equal(response.headers.location, canonical);
    }
  });

  it("serves section pages with child sections and articles of the subtree", async () => {
    const top = await get("/dunia");
    assert.equal(top.statusCode, 200);
    assert.match(top.body, /<h1>Dunia<\/h1>/);
    assert.match(top.body, /<a href="\/dunia\/asia">Asia<\/a>/);
    assert.match(top.body, /Korea Utara Kirim Delegasi/);
    const child = await get("/dunia/asia");
    assert.equal(child.statusCode, 200);
    assert.match(child.body, /<li><a href="\/dunia">Dunia<\/a><\/li>/);
  });

  it("paginates section pages", async () => {
    const section = await buildSection(ctx.deps, { name: "Arsip", slug: "arsip" });
    for (let i = 0; i < 21; i++)
      await buildArticle(ctx.deps, {
        headline: `Arsip nomor ${i + 1}`,
        sectionId: section.id,
        publishedAt: new Date(NOW.getTime() - (i + 1) * 3_600_000),
      });
    const first = await get("/arsip");
    assert.match(first.body, /Halaman 1 dari 2/);
    assert.match(first.body, /<a rel="next" href="\/arsip\?halaman=2">/);
    const second = await get("/arsip?halaman=2");
    assert.equal(second.statusCode, 200);
    assert.match(second.body, /Arsip nomor 21/);
    assert.doesNotMatch(second.body, /Arsip nomor 1</);
    assert.equal((await get("/arsip?halaman=3")).statusCode, 404);
    for (const url of [
      "/arsip?halaman=abc",
      "/arsip?halaman=0",
      "/tag/korea-utara?halaman=-1",
      "/profil/sari-wulandari?halaman=2x",
    ]) {
      const invalid = await get(url);
      assert.equal(invalid.statusCode, 400, url);
      assert.match(invalid.body, /Permintaan tidak valid/, url);
      assert.match(invalid.body, /<meta name="robots" content="noindex">/, url);
    }
  });

  it("serves tag and person pages; the person page shows roles", async () => {
    const tag = await get("/tag/korea-utara");
    assert.equal(tag.statusCode, 200);
    assert.match(tag.body, /Berita dengan tag Korea Utara/);
    assert.match(tag.body, /Korea Utara Kirim Delegasi/);
    const person = await get("/profil/sari-wulandari");
    assert.equal(person.statusCode, 200);
    assert.match(person.body, /<h1>Sari Wulandari<\/h1>/);
    assert.match(person.body, /Wartawan desk dunia\./);
    assert.match(person.body, /Korea Utara Kirim Delegasi[\s\S]*class="roles">Penulis</);
  });

  it("keeps drafts, embargoed and unpublished articles off every page", async () => {
    const secrets = [draft, scheduled, unpublished];
    for (const article of secrets) {
      const response = await get(`/dunia/asia/${article.id}/${article.slug}`);
      assert.equal(response.statusCode, 404, article.headline);
    }
    for (const url of [
      "/",
      "/dunia",
      "/dunia/asia",
      "/tag/korea-utara",
      "/profil/sari-wulandari",
      `/dunia/asia/${live.id}/${live.slug}`,
    ]) {
      const body = (await get(url)).body;
      assert.doesNotMatch(body, /Tidak Boleh Tampil/, url);
    }
  });

  it("keeps a scheduled article hidden after its time until the scheduler publishes it", async () => {
    ctx.setNow(new Date("2026-12-01T00:00:01Z"));
    try {
      const response = await get(`/dunia/asia/${scheduled.id}/${scheduled.slug}`);
      // Still "scheduled" until the scheduler publishes it: nothing leaks early, nothing shows before that.
      assert.equal(response.statusCode, 404);
    } finally {
      ctx.setNow(NOW);
    }
  });

  it("answers unknown pages with an Indonesian 404 page", async () => {
    for (const url of [
      "/tidak-ada",
      "/dunia/tidak-ada",
      "/tag/tidak-ada",
      "/profil/tidak-ada",
      "/dunia/999999/x",
      "/media/2026/11/tidak-ada.jpg",
      "/media/../../etc/passwd",
    ]) {
      const response = await get(url);
      assert.equal(response.statusCode, 404, url);
      assert.match(response.body, /Halaman tidak ditemukan/, url);
      assert.match(response.body, /<html lang="id">/);
    }
  });

  it("inlines the stylesheet, serves it and other assets precompressed at hashed URLs, and media files", async () => {
    const home = await get("/");
    assert.match(
      home.body,
      /<style>[^<]*--accent[^<]*<\/style>/,
      "the stylesheet is inlined for the first paint",
    );
    assert.doesNotMatch(home.body, /<link rel="stylesheet"/, "no render-blocking stylesheet request");
    assert.match(home.body, /<meta name="description" content="[^"]{50,}">/, "home has a meta description");
    const { stylesheet, liveScript } = loadSiteAssets();
    for (const asset of [stylesheet, liveScript]) {
      for (const [encoding, decode] of [
        ["br", brotliDecompressSync],
        ["gzip", gunzipSync],
      ] as const) {
        const response = await ctx.app.inject({ url: asset.url, headers: { "accept-encoding": encoding } });
        assert.equal(response.statusCode, 200);
        assert.equal(response.headers["content-encoding"], encoding);
        assert.equal(response.headers["vary"], "accept-encoding");
        assert.match(response.headers["cache-control"] as string, /immutable/);
        assert.ok(response.rawPayload.length < asset.variants.identity.length / 2, "compressed");
        assert.deepEqual(decode(response.rawPayload), asset.variants.identity);
      }
      const plain = await get(asset.url);
      assert.equal(plain.headers["content-encoding"], undefined);
      assert.equal(plain.headers["content-type"], asset.contentType);
      const again = await ctx.app.inject({ url: asset.url, headers: { "if-none-match": asset.etag } });
      assert.equal(again.statusCode, 304);
    }
    const outdated = await get("/aset/warta.000000000000.css");
    assert.equal(outdated.statusCode, 301);
    assert.equal(outdated.headers.location, stylesheet.url);
    assert.equal((await get("/aset/tidak-ada.css")).statusCode, 404);
    const page = await get(`/dunia/asia/${live.id}/${live.slug}`);
    const imageUrl = /<img src="(\/media\/[^"]+)"/.exec(page.body)?.[1];
    assert.ok(imageUrl);
    const image = await get(imageUrl);
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers["content-type"], "image/jpeg");
  });

  it("renders an XSS payload in every text field inert", async () => {
    const payload = `<script>alert(1)</script>"><img src=x onerror=alert(2)>`;
    const { deps } = ctx;
    const section = await buildSection(deps, {
      name: `Rubrik ${payload}`,
      slug: "xss",
      description: payload,
    });
    const person = await buildPerson(deps, { name: `Nama ${payload}`, slug: "xss-orang", bio: payload });
    const tags = await deps.tags.ensure([`Tag ${payload}`]);
    const image = await buildImage(deps, { alt: payload });
    const article = await buildArticle(deps, {
      headline: `Judul ${payload}`,
      lede: payload,
      sectionId: section.id,
      dateline: { place: payload, outlet: payload, timeZone: "Asia/Jakarta" },
      body: bodyOf(payload, `Paragraf ${payload}`),
      hero: { mediaId: image.id, caption: payload, credit: payload },
      sources: [{ name: payload, url: "https://example.org/?q=<script>" }],
      tagIds: tags.map((t) => t.id),
      credits: [{ role: "penulis", personId: person.id }],
    });
    const pages = [
      `/xss/${article.id}/${article.slug}`,
      "/xss",
      `/tag/${tags[0]!.slug}`,
      "/profil/xss-orang",
      "/",
    ];
    for (const url of pages) {
      const response = await get(url);
      assert.equal(response.statusCode, 200, url);
      assert.doesNotMatch(response.body, /<script>alert/, url);
      assert.doesNotMatch(response.body, /<img src=x/, url);
    }
  });

  it("answers a server failure with an Indonesian 500 page and no internals", async () => {
    const broken = await createTestContext({ now: NOW });
    await broken.deps.store.close();
    try {
      const response = await broken.app.inject({ method: "GET", url: "/" });
      assert.equal(response.statusCode, 500);
      assert.match(response.body, /Terjadi kesalahan/);
      assert.doesNotMatch(response.body, /driver|Error:|at .*\.ts/);
    } finally {
      await broken.close();
    }
  });
});
