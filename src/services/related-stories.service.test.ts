import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadDemo } from "../cli/load-demo.ts";
import { SYSTEM_ACTOR } from "../core/actor.ts";
import { buildArticle, buildSection, bodyOf } from "../testing/factories.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";

let ctx: TestContext;
before(async () => {
  ctx = await createTestContext();
  await loadDemo(ctx.deps); // a corpus, so the stories' shared words are rare enough to count
});
after(async () => {
  await ctx.close();
});

const story = (sectionId: number, headline: string) =>
  buildArticle(ctx.deps, {
    sectionId,
    headline,
    body: bodyOf(
      "Gunung Merapi kembali meluncurkan awan panas guguran ke arah barat daya pada Selasa pagi.",
      "Warga lereng Merapi diminta menjauhi zona bahaya lima kilometer dari puncak gunung.",
    ),
  });

describe("Berita Terkait (related-stories.service.ts)", () => {
  it("is stored after publish, read without a search query, and shows only live stories", async () => {
    const { deps } = ctx;
    const section = await buildSection(deps);
    const older = await story(section.id, "Awan panas Merapi meluncur ke barat daya");
    const other = await story(section.id, "Warga lereng Merapi menjauhi zona bahaya");
    const article = await story(section.id, "Merapi kembali meluncurkan awan panas guguran");
    await deps.relatedStories.settled();

    const row = await deps.store.db
      .selectFrom("related_stories")
      .select("related_ids")
      .where("article_id", "=", article.id)
      .executeTakeFirstOrThrow();
    const storedIds = JSON.parse(row.related_ids) as number[];
    assert.ok(storedIds.includes(older.id) && storedIds.includes(other.id), row.related_ids);
    assert.ok(!storedIds.includes(article.id));

    // Rendering reads the stored ids: the search service is not asked again.
    const original = deps.search.related;
    let searches = 0;
    deps.search.related = async (...args) => {
      searches += 1;
      return original(...args);
    };
    try {
      const shown = await deps.relatedStories.forArticle(article.id, 5);
      assert.deepEqual(
        shown.map((i) => i.id),
        storedIds.slice(0, 5),
      );
      assert.equal(searches, 0);

      // Unpublished later: dropped when read, the stored list is not rewritten.
      await deps.articles.transition(older.id, "unpublish", SYSTEM_ACTOR);
      assert.deepEqual(
        (await deps.relatedStories.forArticle(article.id, 5)).map((i) => i.id),
        storedIds.filter((id) => id !== older.id).slice(0, 5),
      );
      assert.equal(searches, 0);

      // The article page shows the same list.
      const page = await ctx.app.inject({ method: "GET", url: `/x/${article.id}/x` });
      const location = String(page.headers.location);
      const html = (await ctx.app.inject({ method: "GET", url: location })).body;
      const aside = /<aside class="related-stories"[\s\S]*?<\/aside>/.exec(html)?.[0] ?? "";
      assert.ok(aside.includes(`/${other.id}/`), aside);
      assert.ok(!aside.includes(`/${older.id}/`), aside);
      assert.equal(searches, 0);

      // Unpublishing the article drops its list; an article with no stored list computes it once.
      await deps.articles.transition(article.id, "unpublish", SYSTEM_ACTOR);
      await deps.relatedStories.settled();
      const gone = await deps.store.db
        .selectFrom("related_stories")
        .select("article_id")
        .where("article_id", "=", article.id)
        .executeTakeFirst();
      assert.equal(gone, undefined);
      await deps.store.db.deleteFrom("related_stories").where("article_id", "=", other.id).execute();
      await deps.relatedStories.forArticle(other.id, 5);
      await deps.relatedStories.forArticle(other.id, 5);
      assert.equal(searches, 1);
    } finally {
      deps.search.related = original;
    }
  });
});
