import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { SYSTEM_ACTOR } from "../core/actor.ts";
import type { Article } from "../core/article.ts";
import { bodyOf, buildImage, buildPerson, buildSection } from "../testing/factories.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";

/**
 * The article services return what they wrote without reading it back; whatever they return must
 * be exactly what a read returns, and the link tables' copy of the publication date must follow
 * every workflow step.
 */
describe("an article write returns what a read returns", () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext({ now: new Date("2026-08-01T00:00:00.000Z") });
  });
  after(() => ctx.close());

  async function sameAsRead(returned: Article): Promise<void> {
    assert.deepStrictEqual(returned, await ctx.deps.articles.get(returned.id));
  }

  async function liveLinks(articleId: number): Promise<(string | null)[]> {
    const rows = await ctx.deps.store.db
      .selectFrom("article_tags")
      .select("live_published_at")
      .where("article_id", "=", articleId)
      .unionAll(
        ctx.deps.store.db
          .selectFrom("article_credits")
          .select("live_published_at")
          .where("article_id", "=", articleId),
      )
      .execute();
    return [...new Set(rows.map((r) => r.live_published_at))];
  }

  it("through create, update, publish, staged publish, unpublish and the scheduler", async () => {
    const { deps } = ctx;
    const section = await buildSection(deps);
    const [writer, editor, second] = [
      await buildPerson(deps),
      await buildPerson(deps),
      await buildPerson(deps),
    ];
    const [tag, other] = await deps.tags.ensure(["Pemilu", "Jakarta"]);
    const image = await buildImage(deps);
    const input = {
      headline: "Tulisan uji tulis-baca",
      lede: "Ringkasan.",
      sectionId: section.id,
      dateline: { place: "KAZAN", outlet: "KOMPAS.TV", timeZone: "Asia/Makassar" as const },
      body: bodyOf("Paragraf satu.", "Paragraf dua."),
      hero: { mediaId: image.id, caption: "Keterangan foto", credit: "Humas" },
      sources: [{ name: "The New York Times", url: "https://www.nytimes.com/" }, { name: "Reuters" }],
      // Roles interleaved and a tag twice: read back in position order, tags once.
      credits: [
        { role: "penulis" as const, personId: writer.id },
        { role: "editor" as const, personId: editor.id },
        { role: "penulis" as const, personId: second.id },
      ],
      tagIds: [tag!.id, other!.id, tag!.id],
    };
    const created = await deps.articles.create(input, SYSTEM_ACTOR, { importKey: "uji:tulis-baca" });
    await sameAsRead(created);
    assert.deepEqual(await liveLinks(created.id), [null]);

    const updated = await deps.articles.update(
      created.id,
      { ...input, headline: "Tulisan uji diubah" },
      SYSTEM_ACTOR,
      { expectedVersion: created.version },
    );
    await sameAsRead(updated);

    const published = await deps.articles.transition(updated.id, "publish", SYSTEM_ACTOR, {
      at: new Date("2026-07-31T23:00:00.000Z"),
    });
    await sameAsRead(published);
    assert.equal(published.version, updated.version + 1);
    assert.deepEqual(await liveLinks(published.id), ["2026-07-31T23:00:00.000Z"]);

    const staged = await deps.articles.save(
      published.id,
      { ...input, headline: "Judul bertahap" },
      SYSTEM_ACTOR,
      { expectedVersion: published.version },
    );
    const republished = await deps.articles.transition(published.id, "publish", SYSTEM_ACTOR);
    assert.equal(republished.headline, "Judul bertahap");
    assert.equal(republished.version, staged.article.version + 1);
    await sameAsRead(republished);

    await deps.articles.save(republished.id, { ...input, headline: "Tertunda lalu ditarik" }, SYSTEM_ACTOR, {
      expectedVersion: republished.version,
    });
    const withdrawn = await deps.articles.transition(republished.id, "unpublish", SYSTEM_ACTOR);
    assert.equal(withdrawn.headline, "Tertunda lalu ditarik", "the staged text becomes the working copy");
    await sameAsRead(withdrawn);
    assert.deepEqual(await liveLinks(withdrawn.id), [null]);

    const scheduled = await deps.articles.transition(withdrawn.id, "schedule", SYSTEM_ACTOR, {
      at: new Date("2026-08-01T06:00:00.000Z"),
    });
    await sameAsRead(scheduled);
    ctx.setNow(new Date("2026-08-01T06:00:01.000Z"));
    const due = await deps.articles.publishScheduled(scheduled.id, scheduled.version, SYSTEM_ACTOR);
    assert.ok(due);
    await sameAsRead(due);
    assert.deepEqual(await liveLinks(due.id), ["2026-08-01T06:00:00.000Z"]);

    // A stale version writes nothing and says so.
    await assert.rejects(
      deps.articles
        .transition(due.id, "unpublish", SYSTEM_ACTOR)
        .then(() => deps.articles.update(due.id, input, SYSTEM_ACTOR, { expectedVersion: due.version })),
      (e: unknown) => (e as { code?: string }).code === "version_conflict",
    );
  });

  it("a workflow step on the caller's copy checks its version: a stale copy conflicts and writes nothing", async () => {
    const { deps } = ctx;
    const section = await buildSection(deps);
    const draft = await deps.articles.create(
      { headline: "Salinan pemanggil", sectionId: section.id, body: bodyOf("Isi.") },
      SYSTEM_ACTOR,
    );
    const published = await deps.articles.transition(draft.id, "publish", SYSTEM_ACTOR, { current: draft });
    await sameAsRead(published);
    await assert.rejects(
      deps.articles.transition(draft.id, "publish", SYSTEM_ACTOR, { current: draft }),
      (e: unknown) => (e as { code?: string }).code === "version_conflict",
    );
    assert.deepStrictEqual(await deps.articles.get(draft.id), published);
  });

  it("revisions are numbered one after another, and an appended revision is what the history lists", async () => {
    const { deps } = ctx;
    const { repos } = deps;
    const section = await buildSection(deps);
    const input = { headline: "Riwayat revisi", sectionId: section.id, body: bodyOf("Isi.") };
    const created = await deps.articles.create(input, SYSTEM_ACTOR);
    let version = created.version;
    for (const headline of ["Riwayat revisi dua", "Riwayat revisi tiga"])
      version = (
        await deps.articles.update(created.id, { ...input, headline }, SYSTEM_ACTOR, {
          expectedVersion: version,
        })
      ).version;
    const appended = await repos.revisions.insert(deps.store.db, {
      articleId: created.id,
      kind: "save",
      restoredFrom: null,
      snapshot:
        (await repos.revisions.byNumber(deps.store.db, created.id, 1))?.snapshot ?? assert.fail("no history"),
      changed: ["headline"],
      actorUserId: null,
      actorLabel: "Sistem",
      createdAt: new Date("2026-08-01T02:00:00.000Z"),
    });
    const history = await repos.revisions.list(deps.store.db, created.id);
    assert.deepEqual(
      history.map((r) => r.number).sort((a, b) => a - b),
      [1, 2, 3, 4],
    );
    assert.deepStrictEqual(
      history.find((r) => r.number === 4),
      appended,
    );
  });
});
