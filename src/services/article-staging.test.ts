import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { SYSTEM_ACTOR } from "../core/actor.ts";
import type { ArticleEvent } from "../core/events.ts";
import { bodyOf, buildArticle, buildSection } from "../testing/factories.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";

describe("staged updates of live articles", () => {
  let ctx: TestContext;
  const events: ArticleEvent[] = [];
  before(async () => {
    ctx = await createTestContext({ now: new Date("2026-08-01T00:00:00.000Z") });
    ctx.deps.events.subscribe((e) => void ("before" in e && events.push(e)));
  });
  after(() => ctx.close());

  const input = (sectionId: number, headline: string, text: string, slug?: string) => ({
    headline,
    sectionId,
    body: bodyOf(text),
    ...(slug ? { slug } : {}),
  });

  it("keeps readers on the live text until the staged revision is published", async () => {
    const section = await buildSection(ctx.deps);
    const live = await buildArticle(ctx.deps, { sectionId: section.id, headline: "Judul tayang" });
    events.length = 0;
    const copy = await ctx.deps.articles.save(
      live.id,
      input(section.id, "Judul baru", "Isi baru."),
      SYSTEM_ACTOR,
      { expectedVersion: live.version },
    );
    assert.equal(copy.article.headline, "Judul baru");
    assert.equal(copy.article.slug, live.slug, "the URL does not follow the headline");
    assert.deepEqual(copy.staged?.changed, ["headline", "body"]);
    assert.equal(events.length, 0, "nothing for subscribers: readers see no change");
    assert.equal((await ctx.deps.reading.articlePage(live.id))?.article.headline, "Judul tayang");

    // A second save replaces the staged revision; a stale one conflicts.
    const again = await ctx.deps.articles.save(
      live.id,
      input(section.id, "Judul baru lagi", "Isi baru."),
      SYSTEM_ACTOR,
      { expectedVersion: copy.article.version },
    );
    await assert.rejects(
      ctx.deps.articles.save(live.id, input(section.id, "Basi", "Isi."), SYSTEM_ACTOR, {
        expectedVersion: copy.article.version,
      }),
      (e: unknown) => (e as { code?: string }).code === "version_conflict",
    );
    ctx.setNow(new Date("2026-08-01T01:00:00.000Z"));
    const published = await ctx.deps.articles.transition(live.id, "publish", SYSTEM_ACTOR);
    assert.equal(published.headline, "Judul baru lagi");
    assert.equal(published.updatedAt?.toISOString(), "2026-08-01T01:00:00.000Z");
    assert.equal(published.version, again.article.version + 1);
    assert.deepEqual(
      events.map((e) => e.type),
      ["article.updated"],
    );
    await assert.rejects(
      ctx.deps.articles.transition(live.id, "publish", SYSTEM_ACTOR),
      (e: unknown) => (e as { code?: string }).code === "invalid_transition",
      "nothing staged: nothing to publish",
    );
  });

  it("refuses to publish a staged revision whose tag has vanished since, with a field error", async () => {
    const section = await buildSection(ctx.deps);
    const [tag] = await ctx.deps.tags.ensure(["Tag sementara"]);
    const live = await buildArticle(ctx.deps, { sectionId: section.id, headline: "Judul awal" });
    const copy = await ctx.deps.articles.save(
      live.id,
      { ...input(section.id, "Judul bertag", "Isi."), tagIds: [tag!.id] },
      SYSTEM_ACTOR,
      { expectedVersion: live.version },
    );
    assert.ok(copy.staged);
    await ctx.deps.store.db.deleteFrom("tags").where("id", "=", tag!.id).execute();
    await assert.rejects(
      ctx.deps.articles.transition(live.id, "publish", SYSTEM_ACTOR),
      (e: unknown) =>
        (e as { code?: string }).code === "validation_failed" &&
        JSON.stringify((e as { details?: unknown }).details).includes("tagIds"),
    );
    assert.equal((await ctx.deps.reading.articlePage(live.id))?.article.headline, "Judul awal");
  });

  it("publishes a minor fix without a Diperbarui stamp, and a slug change with slugChanged", async () => {
    const section = await buildSection(ctx.deps);
    const live = await buildArticle(ctx.deps, { sectionId: section.id, headline: "Salah ketik" });
    const minor = await ctx.deps.articles.save(
      live.id,
      input(section.id, "Salah ketik", "Paragraf pertama berita uji yang benar."),
      SYSTEM_ACTOR,
      { expectedVersion: live.version, minor: true },
    );
    const fixed = await ctx.deps.articles.transition(live.id, "publish", SYSTEM_ACTOR);
    assert.equal(fixed.updatedAt, null);
    events.length = 0;
    await ctx.deps.articles.save(
      live.id,
      input(section.id, "Salah ketik", "Paragraf pertama berita uji yang benar.", "alamat-baru"),
      SYSTEM_ACTOR,
      { expectedVersion: minor.article.version + 1 },
    );
    const moved = await ctx.deps.articles.transition(live.id, "publish", SYSTEM_ACTOR);
    assert.equal(moved.slug, "alamat-baru");
    assert.deepEqual(
      events.map((e) => [
        e.type,
        e.before?.urlPath.endsWith(live.slug),
        e.after?.urlPath.endsWith("alamat-baru"),
      ]),
      [
        ["article.updated", true, true],
        ["article.slugChanged", true, true],
      ],
    );
  });

  it("folds a staged revision into the row when the story is withdrawn (no text lost)", async () => {
    const section = await buildSection(ctx.deps);
    const live = await buildArticle(ctx.deps, { sectionId: section.id, headline: "Akan ditarik" });
    await ctx.deps.articles.save(
      live.id,
      input(section.id, "Akan ditarik, versi editor", "Teks editor."),
      SYSTEM_ACTOR,
      { expectedVersion: live.version },
    );
    const withdrawn = await ctx.deps.articles.transition(live.id, "unpublish", SYSTEM_ACTOR);
    assert.equal(withdrawn.status, "unpublished");
    assert.equal(withdrawn.headline, "Akan ditarik, versi editor");
    assert.equal((await ctx.deps.articles.working(live.id)).staged, null);
    const draft = await ctx.deps.articles.transition(live.id, "reopen", SYSTEM_ACTOR);
    assert.equal(draft.status, "draft");
  });
});
