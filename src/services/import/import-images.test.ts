import assert from "node:assert/strict";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import sharp from "sharp";
import type { BlockOf } from "../../content/body.schema.ts";
import { bombPng, rotatedJpegWithGps, solidJpeg } from "../../testing/image-fixtures.ts";
import { createTestContext, type TestContext } from "../../testing/test-app.ts";
import { importPaths } from "./import-paths.ts";
import { formatReport } from "./import-report.ts";

/** An article page as a newsroom CMS prints it; `figures` go inside the body container. */
const page = (headline: string, parts: { hero?: string; body: string[] }): string =>
  [
    "<!doctype html><html><head>",
    `<title>${headline}</title></head><body><article><h1>${headline}</h1>`,
    '<time datetime="2024-03-03T10:15:00+07:00">Minggu, 3 Maret 2024 10:15 WIB</time>',
    parts.hero ?? "",
    '<div class="entry-content">',
    ...parts.body,
    "</div></article></body></html>",
  ].join("\n");

const P = (text: string) => `<p>${text}</p>`;
const FIRST = P(
  "JAKARTA, WARTA - Air laut mulai surut sejak pagi di pesisir utara setelah tiga hari tergenang.",
);
const LAST = P(
  "Warga mulai kembali ke rumah mereka dan membersihkan lumpur yang terbawa air laut ke permukiman.",
);

async function count(ctx: TestContext, table: "articles" | "media"): Promise<number> {
  const row = await ctx.deps.store.db
    .selectFrom(table as "articles")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const imagesOf = (blocks: readonly { type: string }[]) =>
  blocks.filter((b): b is BlockOf<"image"> => b.type === "image");

describe("import: hero and inline photos go through the media pipeline", () => {
  let ctx: TestContext;
  let dir: string;

  beforeEach(async () => {
    ctx = await createTestContext({ now: new Date("2024-11-01T00:00:00Z") });
    dir = join(ctx.dir, "arsip");
    await mkdir(join(dir, "foto"), { recursive: true });
  });
  afterEach(() => ctx.close());

  it("stores hero and inline images as media with derivatives; the body points at them with the page's caption, credit and alt", async () => {
    await writeFile(join(dir, "foto", "utama.jpg"), await solidJpeg(1600, 900, "#224466"));
    await writeFile(join(dir, "foto", "pompa.jpg"), await rotatedJpegWithGps());
    const html = page("Banjir Rob Surut di Pesisir Utara Jakarta", {
      hero: '<figure><img src="foto/utama.jpg" alt="Tanggul"><figcaption>Tanggul Muara Baru. (Foto: Rina/Warta)</figcaption></figure>',
      body: [
        FIRST,
        '<figure><picture><source srcset="foto/pompa.webp"><img src="foto/pompa.jpg" alt="Pompa air di Pluit"></picture>' +
          '<figcaption>Pompa air bekerja di Waduk Pluit. <span class="credit">Foto: Budi Santoso</span></figcaption></figure>',
        P("Petugas dinas sumber daya air menyalakan seluruh pompa di sepanjang tanggul sejak malam."),
        '<p><img src="https://cdn.contoh.example/peta.jpg" alt="Peta genangan"></p>',
        LAST,
      ],
    });
    await writeFile(join(dir, "rob.html"), html);
    const report = await importPaths(ctx.deps, { paths: [dir] });
    assert.equal(report.imported, 1, JSON.stringify(report.entries));
    const article = await ctx.deps.articles.get(report.entries[0]?.articleId as number);

    assert.ok(article.hero);
    assert.equal(article.hero.caption, "Tanggul Muara Baru.");
    assert.equal(article.hero.credit, "Rina/Warta");
    const inline = imagesOf(article.body.blocks);
    assert.equal(inline.length, 1, "the remote photo waits for its fetch; the hero is not repeated");
    assert.deepEqual(
      article.body.blocks.map((b) => b.type),
      ["paragraph", "image", "paragraph", "pendingImage", "paragraph"],
      "each photo stands where the page showed it (the remote one as a placeholder)",
    );
    assert.equal(inline[0]?.caption, "Pompa air bekerja di Waduk Pluit.");
    assert.equal(inline[0]?.credit, "Budi Santoso");

    const [pompa] = await ctx.deps.repos.media.byIds(ctx.deps.db, [inline[0]?.mediaId ?? 0]);
    assert.ok(pompa);
    assert.equal(pompa.alt, "Pompa air di Pluit");
    assert.equal(pompa.caption, "Pompa air bekerja di Waduk Pluit.");
    assert.match(pompa.file, /^originals\/[0-9a-f]{2}\/[0-9a-f]{64}\.jpg$/, "content-addressed");
    // The upload pipeline ran: orientation applied (200×100 stored with orientation 6), EXIF/GPS gone.
    assert.deepEqual([pompa.width, pompa.height], [100, 200]);
    const stored = await ctx.deps.storage.get(pompa.file);
    assert.ok(stored);
    const meta = await sharp(stored).metadata();
    assert.equal(meta.exif, undefined, "no EXIF (GPS) in the stored file");

    // Derivatives are made from the stored original, like an upload's.
    const key = await ctx.deps.derivatives.ensure(pompa, { crop: "w", width: 100, format: "webp" });
    const derived = await sharp((await ctx.deps.storage.get(key)) as Buffer).metadata();
    assert.deepEqual([derived.format, derived.width, derived.height], ["webp", 100, 200]);

    // The remote photo is queued for the background fetch and listed, not lost in silence.
    assert.deepEqual(report.entries[0]?.remoteImages, ["https://cdn.contoh.example/peta.jpg"]);
    assert.match(
      formatReport(report),
      /Gambar dari alamat web[^\n]*\n {2}\S*rob\.html: https:\/\/cdn\.contoh\.example\/peta\.jpg/,
    );
    const queued = await ctx.deps.remoteImages.list();
    assert.deepEqual(
      queued.map((r) => [r.role, r.url, r.alt]),
      [["inline", "https://cdn.contoh.example/peta.jpg", "Peta genangan"]],
    );
  });

  it("imports the same photo twice (two pages, and twice in one page) as one media row", async () => {
    await writeFile(join(dir, "foto", "sama.jpg"), await solidJpeg(640, 480, "#884422"));
    const figure =
      '<figure><img src="foto/sama.jpg" alt="Pasar"><figcaption>Pasar pagi.</figcaption></figure>';
    // Each page's hero is a remote photo (kept as a pending reference), so the local one is inline.
    const hero =
      '<figure><img src="https://cdn.contoh.example/utama.jpg"><figcaption>Utama.</figcaption></figure>';
    await writeFile(
      join(dir, "a.html"),
      page("Harga Cabai Turun di Pasar Induk Kramat Jati", {
        hero,
        body: [FIRST, figure, P("Pedagang menyambut baik penurunan harga ini."), figure, LAST],
      }),
    );
    await writeFile(
      join(dir, "b.html"),
      page("Pasokan Bawang Merah dari Brebes Kembali Normal", { hero, body: [FIRST, figure, LAST] }),
    );
    const report = await importPaths(ctx.deps, { paths: [dir] });
    assert.equal(report.imported, 2, JSON.stringify(report.entries));
    assert.equal(await count(ctx, "media"), 1);
    const ids = [];
    for (const entry of report.entries)
      ids.push(
        ...imagesOf((await ctx.deps.articles.get(entry.articleId as number)).body.blocks).map(
          (b) => b.mediaId,
        ),
      );
    assert.equal(ids.length, 3);
    assert.equal(new Set(ids).size, 1);
  });

  it("brings inline photos of feed items (content:encoded) in the same way", async () => {
    const png = await sharp({ create: { width: 320, height: 200, channels: 3, background: "#2a7" } })
      .png()
      .toBuffer();
    const body = `<p>Hujan deras sejak sore membuat sungai meluap dan merendam permukiman warga.</p>
      <div class="wp-caption"><img src="data:image/png;base64,${png.toString("base64")}" alt="Sungai meluap">
      <p class="wp-caption-text">Sungai Ciliwung meluap. (Foto: ANTARA/Rudi)</p></div>
      <p>Warga mengungsi ke masjid terdekat sambil menunggu air surut pada malam hari.</p>`;
    const feed = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
      <channel><title>Warta</title><link>https://contoh.example</link><description>x</description>
      <item><title>Sungai Ciliwung Meluap Usai Hujan Deras</title><link>https://contoh.example/ciliwung</link>
      <pubDate>Sun, 03 Mar 2024 03:15:00 GMT</pubDate><content:encoded><![CDATA[${body}]]></content:encoded></item>
      </channel></rss>`;
    await writeFile(join(dir, "feed.xml"), feed);
    const report = await importPaths(ctx.deps, { paths: [join(dir, "feed.xml")] });
    assert.equal(report.imported, 1, JSON.stringify(report.entries));
    const article = await ctx.deps.articles.get(report.entries[0]?.articleId as number);
    const [image] = imagesOf(article.body.blocks);
    assert.equal(image?.caption, "Sungai Ciliwung meluap.");
    assert.equal(image?.credit, "ANTARA/Rudi");
    const [media] = await ctx.deps.repos.media.byIds(ctx.deps.db, [image?.mediaId ?? 0]);
    assert.equal(media?.alt, "Sungai meluap");
    assert.equal(media?.mimeType, "image/png");
  });

  it("keeps a file the pipeline refuses (over the pixel limit) out, and lists it", async () => {
    await writeFile(join(dir, "foto", "bom.png"), bombPng(20_000, 20_000));
    await writeFile(
      join(dir, "bom.html"),
      page("Gempa Kecil Guncang Cianjur Tanpa Kerusakan", {
        body: [FIRST, '<p><img src="foto/bom.png" alt="x"></p>', LAST],
      }),
    );
    const report = await importPaths(ctx.deps, { paths: [dir] });
    assert.equal(report.imported, 1);
    assert.deepEqual(report.entries[0]?.pendingImages, ["foto/bom.png"]);
    assert.equal(await count(ctx, "media"), 0);
  });

  it("reads image paths only inside the folder being imported: traversal, absolute paths and symlinks out are refused", async () => {
    const secret = join(ctx.dir, "rahasia.jpg");
    await writeFile(secret, await solidJpeg(50, 50, "#ff00ff"));
    await symlink(secret, join(dir, "foto", "tautan.jpg"));
    const cases: [string, RegExp][] = [
      ["../rahasia.jpg", /keluar dari folder impor/],
      ["foto/../../rahasia.jpg", /keluar dari folder impor/],
      ["%2e%2e/rahasia.jpg", /keluar dari folder impor/],
      ["..\\rahasia.jpg", /keluar dari folder impor/],
      [secret, /jalur absolut/],
      [`file://${secret}`, /URL file:/],
      ["foto/tautan.jpg", /tautan simbolik/],
    ];
    for (const [index, [src, reason]] of cases.entries()) {
      const file = join(dir, `jahat-${index}.html`);
      await writeFile(
        file,
        page(`Berita Uji Jalur Gambar Nomor ${index + 1} Ditolak`, {
          body: [FIRST, `<p><img src="${src}" alt="x"></p>`, LAST],
        }),
      );
      const report = await importPaths(ctx.deps, { paths: [file] });
      assert.equal(report.failed, 1, src);
      assert.equal(report.entries[0]?.code, "unsafe_image_path", src);
      assert.match(report.entries[0]?.reason ?? "", reason, src);
      assert.match(report.entries[0]?.reason ?? "", /hanya berkas di dalam folder yang diimpor/);
    }
    assert.equal(await count(ctx, "articles"), 0, "nothing written");
    assert.equal(await count(ctx, "media"), 0);

    // Inside the imported folder, `..` from a subfolder, a symlink staying inside and a name with
    // ".." in it (not a folder step) are fine.
    await mkdir(join(dir, "2024"), { recursive: true });
    await writeFile(join(dir, "foto", "asli..v2.jpg"), await solidJpeg(60, 40, "#123456"));
    await symlink(join(dir, "foto", "asli..v2.jpg"), join(dir, "foto", "alias.jpg"));
    await writeFile(
      join(dir, "2024", "baik.html"),
      page("Berita Uji Jalur Gambar yang Sah Diterima", {
        body: [
          FIRST,
          '<p><img src="../foto/asli..v2.jpg" alt="a"></p>',
          '<p><img src="../foto/alias.jpg" alt="b"></p>',
          LAST,
        ],
      }),
    );
    const ok = await importPaths(ctx.deps, { paths: [dir] });
    const entry = ok.entries.find((e) => e.file.endsWith("baik.html"));
    assert.equal(entry?.outcome, "imported", JSON.stringify(entry));
    const article = await ctx.deps.articles.get(entry?.articleId as number);
    const ids = imagesOf(article.body.blocks).map((b) => b.mediaId);
    assert.equal(ids.length, 2);
    assert.equal(new Set(ids).size, 1, "the alias holds the same bytes: the same media row");
    // Imported as a single file, its folder is `2024/`: `../foto` lies outside it.
    await writeFile(
      join(dir, "2024", "sendiri.html"),
      page("Berita Uji Jalur Gambar Diimpor Sendirian", {
        body: [FIRST, '<p><img src="../foto/asli..v2.jpg" alt="a"></p>', LAST],
      }),
    );
    const alone = await importPaths(ctx.deps, { paths: [join(dir, "2024", "sendiri.html")] });
    assert.equal(alone.entries[0]?.code, "unsafe_image_path");
  });
});
