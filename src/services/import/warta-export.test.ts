import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { importPaths } from "./import-paths.ts";
import { loadDemo } from "../../cli/load-demo.ts";
import { createTestContext, type TestContext } from "../../testing/test-app.ts";
import { exportWarta, type WartaExport } from "./warta-export.ts";

const exportOf = (ctx: TestContext) =>
  exportWarta({ serviceDeps: ctx.deps.serviceDeps, storage: ctx.deps.storage });

const withoutTime = (doc: WartaExport) => ({ ...doc.warta, exportedAt: "" });

describe("Warta JSON export/import", () => {
  let source: TestContext;
  let target: TestContext;
  let first: WartaExport;
  let file: string;

  before(async () => {
    source = await createTestContext({ now: new Date("2024-11-01T00:00:00Z") });
    await loadDemo(source.deps);
    // An imported article with a pending hero and a pending Baca Juga, so the import tables travel too.
    const page = join(source.dir, "page.txt");
    await writeFile(
      page,
      [
        "Nasional",
        "Berita Impor dengan Foto yang Belum Tersimpan",
        "Nasional | 2 Maret 2024, 10:15 WIB",
        "Keterangan foto yang belum ada gambarnya. (Sumber: Warta)",
        "JAKARTA, KOMPAS.com - Paragraf pertama.",
        "Baca Juga: Judul yang Belum Pernah Diimpor",
        "Paragraf kedua.",
      ].join("\n"),
    );
    const report = await importPaths(source.deps, { paths: [page] });
    assert.equal(report.imported, 1, JSON.stringify(report.entries));
    first = await exportOf(source);
    target = await createTestContext({ now: new Date("2025-01-01T00:00:00Z") });
    file = join(target.dir, "export.json");
    await writeFile(file, JSON.stringify(first));
  });

  after(async () => {
    await source?.close();
    await target?.close();
  });

  it("exports every kind of content", () => {
    const doc = first.warta;
    assert.equal(doc.version, 1);
    assert.ok(
      doc.sections.some((s) => s.parent !== null),
      "nested sections",
    );
    assert.ok(doc.media.length > 0 && doc.media.every((m) => m.data.length > 0), "media with bytes");
    const statuses = new Set(doc.articles.map((a) => a.status));
    assert.ok(statuses.has("published") && statuses.size > 1, `several statuses: ${[...statuses].join(",")}`);
    assert.ok(doc.articles.some((a) => a.pendingHero !== null));
    assert.ok(
      doc.articles.some((a) => a.body.blocks.some((b) => b.type === "related" && b.articleId !== undefined)),
    );
  });

  it("imports into an empty store and exports the same document again", async () => {
    const report = await importPaths(target.deps, { paths: [file] });
    assert.equal(report.failed, 0, JSON.stringify(report.entries.filter((e) => e.outcome === "failed")));
    assert.equal(report.imported, first.warta.articles.length);
    const second = await exportOf(target);
    assert.deepEqual(withoutTime(second), withoutTime(first));
  });

  it("is idempotent: importing the export again changes nothing", async () => {
    const report = await importPaths(target.deps, { paths: [file] });
    assert.equal(report.imported, 0);
    assert.equal(report.skipped, first.warta.articles.length);
    assert.deepEqual(withoutTime(await exportOf(target)), withoutTime(first));
  });
});
