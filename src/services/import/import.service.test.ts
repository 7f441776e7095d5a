import assert from "node:assert/strict";
import { copyFile, mkdir, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, afterEach, beforeEach, describe, it } from "node:test";
import sharp from "sharp";
import type { DomainEvent } from "../../core/events.ts";
import { importPaths } from "./import-paths.ts";
import { exitCodeOf } from "./import-report.ts";
import { createTestContext, type TestContext } from "../../testing/test-app.ts";

const FIXTURES = new URL("../../importers/fixtures/", import.meta.url).pathname;

const page = (headline: string, body: string[], extra: string[] = []): string =>
  ["Nasional", headline, "Nasional | 3 Maret 2024, 10:15 WIB", ...body, ...extra].join("\n");

async function count(ctx: TestContext, table: "articles" | "people" | "sections" | "article_revisions") {
  const row = await ctx.deps.store.db
    .selectFrom(table as "articles")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("import service", () => {
  let ctx: TestContext;
  let dir: string;
  const contexts: TestContext[] = [];

  beforeEach(async () => {
    ctx = await createTestContext({ now: new Date("2024-11-01T00:00:00Z") });
    contexts.push(ctx);
    dir = join(ctx.dir, "in");
    await mkdir(dir, { recursive: true });
  });
  afterEach(() => ctx.close());
  after(() => undefined);

  it("imports, skips unchanged and updates changed items keyed by source URL", async () => {
    const line = (lede: string) =>
      JSON.stringify({
        headline: "Banjir Rob Surut di Pesisir Utara",
        section: "Nusantara",
        publishedAt: "2024-03-03T03:15:00.000Z",
        paragraphs: ["Air laut mulai surut sejak pagi.", lede],
        sourceUrl: "https://contoh.example/banjir-rob",
      });
    const file = join(dir, "items.jsonl");
    await writeFile(file, `${line("Warga kembali ke rumah.")}\n`);
    const first = await importPaths(ctx.deps, { paths: [file] });
    assert.deepEqual([first.imported, first.updated, first.skipped, first.failed], [1, 0, 0, 0]);
    const again = await importPaths(ctx.deps, { paths: [file] });
    assert.deepEqual([again.imported, again.updated, again.skipped], [0, 0, 1]);
    await writeFile(file, `${line("Warga kembali ke rumah dan membersihkan lumpur.")}\n`);
    const changed = await importPaths(ctx.deps, { paths: [file] });
    assert.deepEqual([changed.imported, changed.updated, changed.skipped], [0, 1, 0]);
    assert.equal(await count(ctx, "articles"), 1);
    const article = await ctx.deps.articles.get(changed.entries[0]?.articleId as number);
    assert.equal(article.status, "published");
    assert.equal(article.publishedAt?.toISOString(), "2024-03-03T03:15:00.000Z");
    assert.ok(JSON.stringify(article.body).includes("membersihkan lumpur"));
  });

  it("leaves nothing behind when an article fails after its insert, and continues with the next", async () => {
    await writeFile(
      join(dir, "a.txt"),
      page("Judul Pertama yang Gagal", ["Isi pertama."], ["Penulis : Orang Baru"]),
    );
    await writeFile(join(dir, "b.txt"), page("Judul Kedua yang Berhasil", ["Isi kedua."]));
    const events: DomainEvent[] = [];
    ctx.deps.events.subscribe((event) => {
      events.push(event);
    });
    let calls = 0;
    const report = await importPaths(ctx.deps, {
      paths: [dir],
      afterInsert: () => {
        calls++;
        if (calls === 1) throw new Error("simulated crash after insert");
      },
    });
    assert.deepEqual([report.imported, report.failed], [1, 1]);
    assert.equal(report.entries[0]?.code, "internal");
    assert.ok(!report.entries[0]?.reason?.includes("simulated"), "no internal error text in the report");
    assert.equal(await count(ctx, "articles"), 1);
    const people = await ctx.deps.people.list();
    assert.ok(
      !people.some((p) => p.name === "Orang Baru"),
      "the failed article's new person was rolled back",
    );
    const ids = new Set(events.flatMap((e) => ("articleId" in e ? [e.articleId] : [])));
    assert.deepEqual(
      [...ids],
      [report.entries[1]?.articleId],
      "only the committed article's events reached subscribers",
    );
  });

  for (const workers of [0, 1])
    it(`reports every kind of bad input on one line each, continues, and exits non-zero (${workers ? "on a parser thread" : "in process"})`, async () => {
      for (const name of [
        "binary-junk.bin",
        "chrome-only.txt",
        "impossible-date.txt",
        "invalid.xml",
        "kompas-com.txt",
        "kompas-jsonld.html",
        "wordpress-export.xml",
      ])
        await copyFile(join(FIXTURES, name), join(dir, name));
      await writeFile(join(dir, "huge.txt"), "");
      await truncate(join(dir, "huge.txt"), 50 * 1024 * 1024);
      const report = await importPaths(ctx.deps, { paths: [dir, join(dir, "missing.txt")], workers });
      const reasons = Object.fromEntries(
        report.entries.filter((e) => e.outcome === "failed").map((e) => [e.file.split("/").at(-1), e.code]),
      );
      assert.deepEqual(reasons, {
        "binary-junk.bin": "binary_file",
        "chrome-only.txt": "no_headline",
        "huge.txt": "file_too_large",
        "impossible-date.txt": "invalid_date",
        "invalid.xml": "invalid_xml",
        "missing.txt": "unreadable_file",
      });
      for (const entry of report.entries) assert.ok(!entry.reason?.includes("\n"));
      const imported = report.entries
        .filter((e) => e.outcome === "imported")
        .map((e) => e.file.split("/").at(-1));
      assert.deepEqual(
        [...new Set(imported)],
        ["kompas-com.txt", "kompas-jsonld.html", "wordpress-export.xml"],
      );
      assert.equal(exitCodeOf(report), 1);
    });

  it("stops after the current article on Ctrl-C and exits 130", async () => {
    for (const n of [1, 2, 3])
      await writeFile(join(dir, `${n}.txt`), page(`Berita Nomor ${n}`, [`Isi ${n}.`]));
    let asked = 0;
    const report = await importPaths(ctx.deps, {
      paths: [join(dir, "*.txt")],
      shouldStop: () => ++asked > 1,
    });
    assert.equal(report.imported, 1);
    assert.equal(report.interrupted, true);
    assert.equal(exitCodeOf(report), 130);
  });

  it("resolves Baca Juga to an existing article at import time and nests breadcrumb sections", async () => {
    await writeFile(
      join(dir, "1.txt"),
      [
        "Home > Regional > Makassar",
        "",
        "Harga Cabai di Makassar Turun Menjelang Ramadhan",
        "",
        "Regional | 1 Maret 2024, 09:00 WITA",
        "Harga cabai turun.",
        "Pedagang lega.",
      ].join("\n"),
    );
    await copyFile(join(FIXTURES, "kompas-com.txt"), join(dir, "2.txt"));
    const report = await importPaths(ctx.deps, { paths: [join(dir, "1.txt"), join(dir, "2.txt")] });
    assert.equal(report.imported, 2, JSON.stringify(report.entries));
    const [target, source] = report.entries.map((e) => e.articleId as number);
    const article = await ctx.deps.articles.get(source as number);
    assert.deepEqual(
      article.body.blocks.filter((b) => b.type === "related"),
      [{ type: "related", articleId: target }],
    );
    const directory = await ctx.deps.sections.directory();
    const path = directory.pathOf(article.sectionId);
    assert.deepEqual(
      [...(path?.ancestors ?? []), path?.section].map((s) => s?.name),
      ["Regional", "Makassar"],
    );
    assert.equal(article.dateline.timeZone, "Asia/Makassar");
  });

  it("imports feed items with --status draft, else as the feed says (published), and stores data: hero images", async () => {
    await copyFile(join(FIXTURES, "rss-feed.xml"), join(dir, "feed.xml"));
    const drafts = await importPaths(ctx.deps, { paths: [join(dir, "feed.xml")], status: "draft" });
    assert.equal(drafts.imported, 2);
    for (const e of drafts.entries)
      assert.equal((await ctx.deps.articles.get(e.articleId as number)).status, "draft");
    const published = await importPaths(ctx.deps, { paths: [join(dir, "feed.xml")] });
    assert.equal(published.updated, 2, "without --status the feed's own status (published) applies");
    for (const e of published.entries)
      assert.equal((await ctx.deps.articles.get(e.articleId as number)).status, "published");

    const png = await sharp({ create: { width: 8, height: 6, channels: 3, background: "#369" } })
      .png()
      .toBuffer();
    const line = JSON.stringify({
      headline: "Foto dari Data URL",
      section: "Nasional",
      paragraphs: ["Satu paragraf."],
      hero: {
        url: `data:image/png;base64,${png.toString("base64")}`,
        caption: "Keterangan",
        credit: "Warta",
      },
    });
    await writeFile(join(dir, "hero.jsonl"), `${line}\n`);
    const hero = await importPaths(ctx.deps, { paths: [join(dir, "hero.jsonl")] });
    const article = await ctx.deps.articles.get(hero.entries[0]?.articleId as number);
    assert.equal(article.hero?.caption, "Keterangan");
    assert.ok(article.hero && article.hero.mediaId > 0);

    // A hero path relative to the imported file is read from next to it.
    await writeFile(join(dir, "foto.png"), png);
    const local = JSON.stringify({
      headline: "Foto dari Berkas di Sebelahnya",
      paragraphs: ["Satu paragraf."],
      hero: { url: "foto.png", caption: "Berkas lokal", credit: "Warta" },
    });
    await writeFile(join(dir, "local.jsonl"), `${local}\n`);
    const fromFile = await importPaths(ctx.deps, { paths: [join(dir, "local.jsonl")] });
    const withFile = await ctx.deps.articles.get(fromFile.entries[0]?.articleId as number);
    assert.equal(withFile.hero?.caption, "Berkas lokal");
    const [media] = await ctx.deps.repos.media.byIds(ctx.deps.db, [withFile.hero?.mediaId ?? 0]);
    assert.match(media?.file ?? "", /^originals\/[0-9a-f]{2}\/[0-9a-f]{64}\.png$/);

    // A path leaving the imported folder is never read: the item is refused, nothing written.
    const inside = join(dir, "dalam");
    await mkdir(inside, { recursive: true });
    await writeFile(
      join(dir, "rahasia.png"),
      await sharp({ create: { width: 5, height: 5, channels: 3, background: "#ff00ff" } })
        .png()
        .toBuffer(),
    );
    const escaping = JSON.stringify({
      headline: "Foto di Luar Folder",
      paragraphs: ["Satu paragraf."],
      hero: { url: "../rahasia.png", caption: "Di luar", credit: "Warta" },
    });
    await writeFile(join(inside, "luar.jsonl"), `${escaping}\n`);
    const before = await count(ctx, "articles");
    const outside = await importPaths(ctx.deps, { paths: [join(inside, "luar.jsonl")] });
    assert.equal(outside.entries[0]?.code, "unsafe_image_path");
    assert.match(outside.entries[0]?.reason ?? "", /"\.\.\/rahasia\.png" ditolak/);
    assert.equal(await count(ctx, "articles"), before, "not read from outside the folder, nothing written");
  });
});
