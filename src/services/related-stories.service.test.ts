import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { SYSTEM_ACTOR } from "../core/actor.ts";
import type { DomainEvent } from "../core/events.ts";
import { buildArticle, buildSection } from "../testing/factories.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import { createRelatedStoriesService } from "./related-stories.service.ts";

let ctx: TestContext;
before(async () => {
  ctx = await createTestContext();
});
after(async () => {
  await ctx.close();
});

describe("Berita Terkait (related-stories.service.ts)", () => {
  it("is stored after publish, read without a search query, and shows only live stories", async () => {
    const { deps } = ctx;
    // The search service's ranking is tested in src/search; here it answers a fixed list, counts
    // how often it is asked, and can be held open (`hold`) to fix the order of concurrent renders.
    const original = deps.search.related;
    let searches = 0;
    let answer: number[] = [];
    let hold: { asked: () => void; released: Promise<void> } | null = null;
    deps.search.related = async () => {
      searches += 1;
      hold?.asked();
      await hold?.released;
      return deps.reading.liveItems(answer);
    };
    try {
      const section = await buildSection(deps);
      const older = await buildArticle(deps, { sectionId: section.id });
      const other = await buildArticle(deps, { sectionId: section.id });
      answer = [older.id, other.id];
      const article = await buildArticle(deps, { sectionId: section.id });
      await deps.relatedStories.settled();
      const row = await deps.store.db
        .selectFrom("related_stories")
        .select("related_ids")
        .where("article_id", "=", article.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(row.related_ids), [older.id, other.id]);

      // Rendering reads the stored ids: the search service is not asked again.
      searches = 0;
      const ids = async () => (await deps.relatedStories.forArticle(article.id, 5)).map((i) => i.id);
      assert.deepEqual(await ids(), [older.id, other.id]);
      // Unpublished later: dropped when read.
      await deps.articles.transition(older.id, "unpublish", SYSTEM_ACTOR);
      await deps.relatedStories.settled();
      assert.deepEqual(await ids(), [other.id]);

      // The article page shows the same list.
      const page = await ctx.app.inject({ method: "GET", url: `/x/${article.id}/x` });
      const html = (await ctx.app.inject({ method: "GET", url: String(page.headers.location) })).body;
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
      answer = [article.id, older.id, other.id];
      assert.deepEqual(
        (await deps.relatedStories.forArticle(other.id, 5)).map((i) => i.id),
        [],
        "unpublished and itself never shown",
      );
      await deps.relatedStories.forArticle(other.id, 5);
      assert.equal(searches, 1);

      // Misses while one render computes show none and are computed in the background.
      const [a, b] = [await buildArticle(deps), await buildArticle(deps)];
      await deps.relatedStories.settled();
      await deps.store.db.deleteFrom("related_stories").where("article_id", "in", [a.id, b.id]).execute();
      answer = [other.id];
      searches = 0;
      // A's render is computing (its search held open) when B's render misses.
      let release = () => {};
      const asked = new Promise<void>((resolve) => {
        hold = { asked: resolve, released: new Promise((done) => (release = done)) };
      });
      const rendering = deps.relatedStories.forArticle(a.id, 5);
      await asked;
      const forB = await deps.relatedStories.forArticle(b.id, 5);
      hold = null;
      release();
      const forA = await rendering;
      assert.deepEqual([forA.length, forB.length, searches], [1, 0, 1]);
      await deps.relatedStories.settled();
      assert.equal(searches, 2);
      assert.deepEqual(
        (await deps.relatedStories.forArticle(b.id, 5)).map((i) => i.id),
        [other.id],
      );
    } finally {
      deps.search.related = original;
    }
  });

  it("in a one-shot command (no background work) events drop stale lists and the first render computes", async () => {
    const { deps } = ctx;
    const seen: DomainEvent[] = [];
    const unsubscribe = deps.events.subscribe((event) => void seen.push(event));
    const other = await buildArticle(deps);
    const article = await buildArticle(deps);
    unsubscribe();
    let searches = 0;
    const related = createRelatedStoriesService({
      db: deps.db,
      clock: deps.clock,
      reading: deps.reading,
      related: async () => {
        searches += 1;
        return deps.reading.liveItems([other.id]);
      },
      background: false,
    });
    await deps.relatedStories.settled();
    for (const event of seen) await related.handleEvent(event);
    await related.settled();
    assert.equal(searches, 0, "nothing computed in the background");
    const stored = await deps.store.db
      .selectFrom("related_stories")
      .select("article_id")
      .where("article_id", "in", [other.id, article.id])
      .execute();
    assert.deepEqual(stored, [], "the lists the events made stale are dropped");
    assert.deepEqual(
      (await related.forArticle(article.id, 5)).map((i) => i.id),
      [other.id],
    );
    assert.equal(searches, 1);
  });
});
