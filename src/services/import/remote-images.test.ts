import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import sharp from "sharp";
import type { BlockOf } from "../../content/body.schema.ts";
import { bombPng, rotatedJpegWithGps, solidJpeg } from "../../testing/image-fixtures.ts";
import { createTestContext, type TestContext } from "../../testing/test-app.ts";
import { createImportRepository } from "../../db/repositories/import.repository.ts";
import { importPaths } from "./import-paths.ts";

const P = (text: string) => `<p>${text}</p>`;
const page = (headline: string, hero: string, body: string[]): string =>
  [
    "<!doctype html><html><head>",
    `<title>${headline}</title></head><body><article><h1>${headline}</h1>`,
    '<time datetime="2024-03-03T10:15:00+07:00">Minggu, 3 Maret 2024 10:15 WIB</time>',
    hero,
    '<div class="entry-content">',
    P("JAKARTA, WARTA - Air laut mulai surut sejak pagi di pesisir utara setelah tiga hari tergenang."),
    ...body,
    P("Warga mulai kembali ke rumah mereka dan membersihkan lumpur yang terbawa air laut ke permukiman."),
    "</div></article></body></html>",
  ].join("\n");

const imagesOf = (blocks: readonly { type: string }[]) =>
  blocks.filter((b): b is BlockOf<"image"> => b.type === "image");

/**
 * The photo server is local (no internet needed). Loopback is internal, so the context allows
 * 127.0.0.1 the way an operator would (WARTA_IMAGE_FETCH_ALLOW_INTERNAL); the guard itself is
 * tested in remote-image-fetch.test.ts.
 */
describe("import: remote photos are fetched in the background and put in place", () => {
  let server: Server;
  let base: string;
  let requests: string[] = [];
  let ctx: TestContext;
  const files = new Map<string, Buffer | string>();

  before(async () => {
    files.set("/utama.jpg", await solidJpeg(1600, 900, "#224466"));
    files.set("/pompa.jpg", await rotatedJpegWithGps());
    files.set("/teks.jpg", "<html><body>bukan foto</body></html>".repeat(4));
    files.set("/bom.png", bombPng(20_000, 20_000));
    server = createServer((request, response) => {
      requests.push(request.url ?? "");
      const body = files.get(request.url ?? "");
      if (body === undefined) return response.writeHead(404).end();
      response.writeHead(200, { "content-type": "image/jpeg" }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(async () => {
    requests = [];
    ctx = await createTestContext({
      now: new Date("2024-11-01T00:00:00Z"),
      env: { WARTA_IMAGE_FETCH_ALLOW_INTERNAL: "127.0.0.1" },
    });
  });
  afterEach(() => ctx.close());

  async function importPage(hero: string, body: string[]) {
    const dir = join(ctx.dir, "arsip");
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "rob.html"), page("Banjir Rob Surut di Pesisir Utara Jakarta", hero, body));
    const report = await importPaths(ctx.deps, { paths: [dir] });
    assert.equal(report.imported, 1, JSON.stringify(report.entries));
    return { report, id: report.entries[0]?.articleId as number };
  }

  it("shows nothing until fetched, then the photo stands where the page had it, through the upload pipeline", async () => {
    const { report, id } = await importPage(
      `<figure><img src="${base}/utama.jpg"><figcaption>Tanggul Muara Baru. (Foto: Rina/Warta)</figcaption></figure>`,
      [
        `<figure><img src="${base}/pompa.jpg" alt="Pompa air di Pluit"><figcaption>Pompa air bekerja. <span class="credit">Foto: Budi</span></figcaption></figure>`,
        P("Petugas dinas sumber daya air menyalakan seluruh pompa di sepanjang tanggul sejak malam."),
      ],
    );
    assert.deepEqual(report.entries[0]?.remoteImages, [`${base}/utama.jpg`, `${base}/pompa.jpg`]);
    assert.deepEqual(requests, [], "the import itself fetches nothing");
    const before = await ctx.deps.articles.get(id);
    assert.equal(before.hero, null);
    assert.deepEqual(
      before.body.blocks.map((b) => b.type),
      ["paragraph", "pendingImage", "paragraph", "paragraph"],
    );
    const model = await ctx.deps.reading.articlePage(id);
    assert.ok(model);
    const waiting = await ctx.app.inject(model.url);
    assert.equal(waiting.statusCode, 200);
    assert.ok(!waiting.body.includes(base), "no link to the remote photo, no broken image");
    assert.ok(!waiting.body.includes("<picture"), "no picture at all yet");
    const api = await ctx.app.inject(`/api/v1/content/articles/${id}`);
    assert.equal(api.statusCode, 200);
    assert.ok(!api.body.includes(base), "the content API leaves the placeholder out too");
    // The pending hero shows its caption and credit only (as before this change).
    assert.match(waiting.body, /<figure class="hero"><figcaption>Tanggul Muara Baru\./);

    const round = await ctx.deps.remoteImages.runDue();
    assert.deepEqual(round, { fetched: 2, failed: 0, dropped: 0 });
    const article = await ctx.deps.articles.get(id);
    assert.ok(article.hero, "the pending hero became the hero");
    assert.equal(article.hero.caption, "Tanggul Muara Baru.");
    assert.equal(article.hero.credit, "Rina/Warta");
    assert.deepEqual(
      article.body.blocks.map((b) => b.type),
      ["paragraph", "image", "paragraph", "paragraph"],
    );
    const [inline] = imagesOf(article.body.blocks);
    assert.equal(inline?.caption, "Pompa air bekerja.");
    assert.equal(inline?.credit, "Budi");
    const [pompa] = await ctx.deps.repos.media.byIds(ctx.deps.db, [inline?.mediaId ?? 0]);
    assert.ok(pompa);
    assert.equal(pompa.alt, "Pompa air di Pluit");
    assert.deepEqual([pompa.width, pompa.height], [100, 200], "orientation applied");
    const stored = await ctx.deps.storage.get(pompa.file);
    assert.equal((await sharp(stored as Buffer).metadata()).exif, undefined, "EXIF/GPS stripped");
    assert.equal(await createImportRepository().pendingHero(ctx.deps.db, id), null);
    assert.deepEqual(await ctx.deps.remoteImages.list(), [], "nothing waits any more");

    const shown = await ctx.app.inject(model.url);
    assert.match(shown.body, new RegExp(`<picture>[\\s\\S]*?/media/${pompa.id}/`));
    assert.ok(!shown.body.includes(base));

    // The same bytes again (another page, another URL, here its hero) are the same media row.
    files.set("/salinan.jpg", files.get("/pompa.jpg") as Buffer);
    const dir = join(ctx.dir, "lagi");
    await mkdir(dir);
    await writeFile(
      join(dir, "b.html"),
      page("Pasokan Bawang Merah dari Brebes Kembali Normal", "", [
        `<figure><img src="${base}/salinan.jpg" alt="Pompa"><figcaption>Pompa lagi.</figcaption></figure>`,
      ]),
    );
    const second = await importPaths(ctx.deps, { paths: [dir] });
    const again = await ctx.deps.remoteImages.runDue();
    const other = await ctx.deps.articles.get(second.entries[0]?.articleId as number);
    assert.deepEqual(again, { fetched: 1, failed: 0, dropped: 0 });
    assert.equal(other.hero?.mediaId, pompa.id, "the page's only photo is its hero: the same media row");
  });

  it("a failed fetch is reported with its reason, nothing broken is published, and it can be retried", async () => {
    const { id } = await importPage("", [
      `<p><img src="${base}/teks.jpg" alt="Bukan foto"></p>`,
      P("Petugas dinas sumber daya air menyalakan seluruh pompa di sepanjang tanggul sejak malam."),
      `<p><img src="${base}/bom.png" alt="Bom piksel"></p>`,
      `<p><img src="${base}/tidak-ada.jpg" alt="Hilang"></p>`,
    ]);
    const round = await ctx.deps.remoteImages.runDue();
    assert.deepEqual(round, { fetched: 0, failed: 3, dropped: 0 });
    const failed = await ctx.deps.remoteImages.list("failed");
    assert.deepEqual(
      failed.map((f) => [f.url.slice(base.length), f.attempts]),
      [
        ["/teks.jpg", 1],
        ["/bom.png", 1],
        ["/tidak-ada.jpg", 1],
      ],
    );
    assert.match(failed[0]?.error ?? "", /bukan gambar/);
    assert.match(failed[1]?.error ?? "", /piksel|pixel/i, "the media pipeline's pixel limit");
    assert.match(failed[2]?.error ?? "", /404/);
    assert.equal((await ctx.deps.repos.media.list(ctx.deps.db, { beforeId: null, limit: 10 })).length, 0);
    const article = await ctx.deps.articles.get(id);
    assert.equal(article.body.blocks.filter((b) => b.type === "pendingImage").length, 3, "placeholders stay");
    const model = await ctx.deps.reading.articlePage(id);
    assert.ok(!(await ctx.app.inject(model?.url ?? "/")).body.includes(base));

    // The operator fixes the source and retries (`warta import-images --retry --fetch`).
    files.set("/tidak-ada.jpg", await solidJpeg(640, 480, "#aa3300"));
    assert.equal(await ctx.deps.remoteImages.retry(), 3);
    assert.deepEqual(await ctx.deps.remoteImages.runDue(), { fetched: 1, failed: 2, dropped: 0 });
    const fixed = await ctx.deps.articles.get(id);
    assert.equal(imagesOf(fixed.body.blocks).length, 1);
    assert.equal(fixed.body.blocks.filter((b) => b.type === "pendingImage").length, 2);
  });

  it("a placeholder an editor removed is not fetched", async () => {
    const { id } = await importPage("", [`<p><img src="${base}/pompa.jpg" alt="Pompa"></p>`]);
    const article = await ctx.deps.articles.get(id);
    await ctx.deps.articles.update(
      id,
      {
        headline: article.headline,
        slug: article.slug,
        lede: article.lede,
        sectionId: article.sectionId,
        dateline: article.dateline,
        body: { version: 1, blocks: article.body.blocks.filter((b) => b.type !== "pendingImage") },
        hero: article.hero,
        sources: article.sources,
        tagIds: article.tagIds,
        credits: article.credits.map((c) => ({ role: c.role, personId: c.personId })),
      },
      { kind: "system", name: "system" },
      { expectedVersion: article.version },
    );
    assert.deepEqual(await ctx.deps.remoteImages.runDue(), { fetched: 0, failed: 0, dropped: 1 });
    assert.deepEqual(requests, []);
  });
});
