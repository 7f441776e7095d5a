import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Actor } from "../core/actor.ts";
import { bodyOf, buildSection } from "../testing/factories.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import { importPaths } from "./import/import-paths.ts";

const CLI: Actor = { kind: "system", name: "cli" };

/**
 * Audit entries are written by the article use cases themselves, in the change's transaction: a
 * change made without HTTP (the CLI, an import, the scheduler) is audited exactly like one made
 * through the API, and a change that fails leaves no entry.
 */
describe("article changes are audited by the use cases", () => {
  let ctx: TestContext;
  let dir: string;
  before(async () => {
    ctx = await createTestContext({ now: new Date("2026-08-01T00:00:00.000Z") });
    dir = await mkdtemp(join(tmpdir(), "warta-audit-"));
  });
  after(async () => {
    await ctx.close();
    await rm(dir, { recursive: true, force: true });
  });

  const entriesOf = async (articleId: number) =>
    (
      await ctx.deps.audit.list({ resourceType: "article", resourceId: String(articleId), limit: 100 })
    ).reverse();

  it("records every step of a story changed outside HTTP, with who did it and no IP", async () => {
    const { deps } = ctx;
    const section = await buildSection(deps);
    const input = { headline: "Banjir di Kampung Melayu", sectionId: section.id, body: bodyOf("Air naik.") };
    const draft = await deps.articles.create(input, CLI);
    const saved = await deps.articles.save(draft.id, { ...input, lede: "Air naik sejak pagi." }, CLI, {
      expectedVersion: draft.version,
    });
    const live = await deps.articles.transition(draft.id, "publish", CLI);
    const staged = await deps.articles.save(draft.id, { ...input, lede: "Air surut." }, CLI, {
      expectedVersion: live.version,
    });
    await deps.articles.transition(draft.id, "publish", CLI, { note: "Perbarui teras" });
    const restored = await deps.revisions.restore(draft.id, 1, CLI, {
      expectedVersion: (await deps.articles.get(draft.id)).version,
    });
    await deps.corrections.add(draft.id, { kind: "ralat", note: "Nama kampung." }, CLI);
    await deps.articles.transition(draft.id, "unpublish", CLI);

    const entries = await entriesOf(draft.id);
    assert.deepEqual(
      entries.map((e) => e.action),
      [
        "article.create",
        "article.update",
        "article.publish",
        "article.stage",
        "article.publishRevision",
        "article.restoreRevision",
        "article.correct",
        "article.unpublish",
      ],
    );
    for (const entry of entries) {
      assert.equal(entry.actorKind, "system");
      assert.equal(entry.detail.system, "cli");
      assert.equal(entry.ip, null);
    }
    assert.deepEqual(entries[0]?.detail, { system: "cli", headline: "Banjir di Kampung Melayu" });
    assert.equal(entries[1]?.detail.version, saved.article.version);
    assert.deepEqual(
      { from: entries[2]?.detail.from, to: entries[2]?.detail.to },
      { from: "draft", to: "published" },
    );
    assert.equal(entries[3]?.detail.revision, staged.staged?.revision);
    assert.equal(entries[4]?.detail.note, "Perbarui teras");
    assert.deepEqual(entries[5]?.detail, {
      system: "cli",
      restoredFrom: 1,
      version: restored.article.version,
    });
    assert.equal(entries[6]?.detail.kind, "ralat");
  });

  it("a refused change writes no entry", async () => {
    const { deps } = ctx;
    const section = await buildSection(deps);
    const input = { headline: "Harga cabai naik", sectionId: section.id, body: bodyOf("Naik lagi.") };
    const draft = await deps.articles.create(input, CLI);
    await assert.rejects(
      deps.articles.save(draft.id, { ...input, lede: "Basi." }, CLI, { expectedVersion: draft.version + 5 }),
      (error: { code?: string }) => error.code === "version_conflict",
    );
    await assert.rejects(deps.articles.transition(draft.id, "unpublish", CLI));
    assert.deepEqual(
      (await entriesOf(draft.id)).map((e) => e.action),
      ["article.create"],
    );
  });

  it("an import is audited as the import actor", async () => {
    const file = join(dir, "berita.txt");
    await writeFile(
      file,
      ["Nasional", "Judul Berita Uji Audit Impor", "Nasional | 3 Maret 2024, 10:15 WIB", "Isi berita."].join(
        "\n",
      ),
    );
    const report = await importPaths(ctx.deps, { paths: [file] });
    const id = report.entries.find((e) => e.articleId !== undefined)?.articleId;
    assert.ok(id, JSON.stringify(report));
    const entries = await entriesOf(id);
    assert.deepEqual(
      entries.map((e) => e.action),
      ["article.create", "article.publish"],
    );
    for (const entry of entries) assert.equal(entry.detail.system, "import");
  });

  it("an API user's entry carries the request's IP from the actor", async () => {
    const { deps } = ctx;
    const section = await buildSection(deps);
    const actor: Actor = { kind: "user", userId: 1, role: "admin", personId: null, ip: "203.0.113.7" };
    const draft = await deps.articles.create(
      { headline: "Dari API", sectionId: section.id, body: bodyOf("Isi.") },
      actor,
    );
    const [entry] = await entriesOf(draft.id);
    assert.equal(entry?.ip, "203.0.113.7");
    assert.equal(entry?.actorId, 1);
  });

  // Last: it drops the audit table of this test's store.
  it("the entry and the change commit together: no entry, no change", async () => {
    const { deps } = ctx;
    const section = await buildSection(deps);
    await deps.store.db.schema.dropTable("audit_log").execute();
    await assert.rejects(
      deps.articles.create(
        { headline: "Tanpa jejak audit", sectionId: section.id, body: bodyOf("Isi.") },
        CLI,
      ),
    );
    const row = await deps.store.db
      .selectFrom("articles")
      .select("id")
      .where("headline", "=", "Tanpa jejak audit")
      .executeTakeFirst();
    assert.equal(row, undefined);
  });
});
