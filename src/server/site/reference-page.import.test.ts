import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { renderBodyText } from "../../content/body-text.renderer.ts";
import { importPaths } from "../../services/import/import-paths.ts";
import { createImportRepository } from "../../db/repositories/import.repository.ts";
import { createTestContext, type TestContext } from "../../testing/test-app.ts";
import {
  assertReferencePage,
  readReferenceFields,
  REFERENCE_SEED_URL,
  referenceSeedAvailable,
  type ReferenceFields,
} from "../../testing/reference-seed.ts";

const skip = referenceSeedAvailable()
  ? false
  : "the reference seed ../shared/seed is not beside this checkout";

/** A captured page (original text) whose headline is one of the seed's Baca Juga targets. */
const targetPage = (headline: string, day: number): string =>
  [
    "Kompas dunia",
    headline,
    `Kompas dunia | ${day} Oktober 2024, 10:00 WIB`,
    "JAKARTA, KOMPAS.TV - Paragraf pertama berita uji untuk tautan Baca Juga.",
    "Paragraf kedua berita uji.",
    "Penulis : Penulis Uji Editor : Editor Uji",
  ].join("\n");

describe("warta import of the reference page (DESIGN.md §1 acceptance)", { skip }, () => {
  let ctx: TestContext;
  let ref: ReferenceFields;
  let articleId: number;
  const seed = fileURLToPath(REFERENCE_SEED_URL);

  before(async () => {
    ref = readReferenceFields();
    ctx = await createTestContext({ now: new Date("2024-10-26T00:00:00Z") });
    const report = await importPaths(ctx.deps, { paths: [seed] });
    assert.equal(report.failed, 0, JSON.stringify(report.entries));
    assert.equal(report.imported, 1);
    articleId = report.entries[0]?.articleId as number;
  });

  after(() => ctx?.close());

  it("creates the article with every field of the seed", async () => {
    const { deps } = ctx;
    const article = await deps.articles.get(articleId);
    assert.equal(article.headline, ref.headline);
    assert.equal(article.status, "published");
    assert.equal(article.publishedAt?.toISOString(), "2024-10-25T01:08:00.000Z");
    const directory = await deps.sections.directory();
    assert.equal(directory.byId(article.sectionId)?.name, "Kompas dunia");
    assert.deepEqual(article.dateline, { place: "KAZAN", outlet: "KOMPAS.TV", timeZone: "Asia/Jakarta" });
    const people = await deps.people.list();
    const name = (id: number): string | undefined => people.find((p) => p.id === id)?.name;
    assert.deepEqual(
      article.credits
        .map((c) => [c.role, name(c.personId)])
        .sort((a, b) => String(b[0]).localeCompare(String(a[0]))),
      [
        ["penulis", "Haryo Jati"],
        ["editor", "Desy-Afrianti"],
      ],
    );
    assert.deepEqual(article.sources, [{ name: "The New York Times" }]);
    const texts = article.body.blocks.flatMap((b) =>
      b.type === "paragraph" || b.type === "blockquote" ? [b.content.map((i) => i.text).join("")] : [],
    );
    assert.deepEqual(texts, ref.paragraphs);
    const related = article.body.blocks.filter((b) => b.type === "related");
    assert.deepEqual(
      related.map((b) => (b.type === "related" ? b.pendingHeadline : null)),
      ref.related.map((r) => r.headline),
    );
    const text = renderBodyText(article.body);
    for (const chrome of ["TERBARU", "Penulis :", "Sumber :", "Baca Juga", "KOMPAS.TV -"])
      assert.ok(!text.includes(chrome), `no page chrome: ${chrome}`);
    assert.equal(article.hero, null, "no image file exists, so no media is invented");
    const pending = await createImportRepository().pendingHero(deps.store.db, articleId);
    assert.deepEqual(pending, { url: null, caption: ref.caption, credit: "BRICS 2024" });
  });

  it("shows the caption and credit without an image, and unresolved Baca Juga render nothing", async () => {
    const article = await ctx.deps.articles.get(articleId);
    const page = await ctx.app.inject({ method: "GET", url: `/kompas-dunia/${articleId}/${article.slug}` });
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /<figure class="hero"><figcaption>[^<]+<span class="credit">\(Sumber: BRICS 2024\)<\/span>/,
    );
    assert.ok(!/<figure class="hero"><img/.test(page.body));
    assert.ok(!page.body.includes('class="baca-juga"'));
  });

  it("resolves the Baca Juga references when their articles are imported, then passes the reference-page check", async () => {
    const files = await Promise.all(
      ref.related.map(async (r, index) => {
        const file = join(ctx.dir, `target-${index}.txt`);
        await writeFile(file, targetPage(r.headline, 23 + index));
        return file;
      }),
    );
    const report = await importPaths(ctx.deps, { paths: files });
    assert.equal(report.imported, 2, JSON.stringify(report.entries));
    const article = await ctx.deps.articles.get(articleId);
    const targets = report.entries.map((e) => e.articleId);
    assert.deepEqual(
      article.body.blocks.flatMap((b) => (b.type === "related" ? [b.articleId] : [])),
      targets,
    );
    assert.equal(article.updatedAt, null, "resolving a link is not a substantive update");
    const waiting = await createImportRepository().waitingFor(ctx.deps.store.db, "anything");
    assert.deepEqual(waiting, []);
    const page = await ctx.app.inject({ method: "GET", url: `/kompas-dunia/${articleId}/${article.slug}` });
    assert.equal(page.statusCode, 200);
    assertReferencePage(page.body, ref);
  });

  it("is idempotent: importing the seed again skips it", async () => {
    const report = await importPaths(ctx.deps, { paths: [seed] });
    assert.deepEqual([report.imported, report.updated, report.skipped], [0, 0, 1]);
    const count = await ctx.deps.store.db
      .selectFrom("articles")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirst();
    assert.equal(Number(count?.n), 3);
  });
});
