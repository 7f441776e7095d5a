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
    // The search service's ranking is tested in src/search; here it answers a fixed list and
    // counts how often it is asked.
    const original = deps.search.related;
    let searches = 0;
    let answer: number[] = [];
    deps.search.related = async () => {
      searches += 1;
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

      // Unpublishing the article drops its list.
      await deps.articles.transition(article.id, "unpublish", SYSTEM_ACTOR);
      await deps.relatedStories.settled();
      const gone = await deps.store.db
        .selectFrom("related_stories")
        .select("article_id")
        .where("article_id", "=", article.id)
        .executeTakeFirst();
      assert.equal(gone, undefined);
    } finally {
      deps.search.related = original;
    }
  });

  it("in a one-shot command (no background work) events drop stale lists and renders compute nothing", async () => {
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
    assert.deepEqual(await related.forArticle(article.id, 5), [], "no list yet: none shown");
    await related.settled();
    assert.equal(searches, 0, "a render never computes a list");
  });
});

describe("Berita Terkait for the whole archive (warta related --all)", () => {
  /** A "more like this" answering from a table (the ranking itself is tested in src/search). */
  function fakeRelated(deps: TestContext["deps"], table: Map<number, number[]>, asked: number[]) {
    return async (articleId: number) => {
      asked.push(articleId);
      return deps.reading.liveItems(table.get(articleId) ?? []);
    };
  }
  const storedRow = (deps: TestContext["deps"], id: number) =>
    deps.store.db
      .selectFrom("related_stories")
      .select(["related_ids", "stale"])
      .where("article_id", "=", id)
      .executeTakeFirst()
      .then((row) => (row ? { ids: JSON.parse(row.related_ids) as number[], stale: row.stale } : null));

  it("a render that finds no stored list shows none, never searches, and queues it for the background", async () => {
    const { deps } = ctx;
    const original = deps.search.related;
    const asked: number[] = [];
    try {
      const [a, b] = [await buildArticle(deps), await buildArticle(deps)];
      deps.search.related = fakeRelated(deps, new Map([[a.id, [b.id]]]), asked);
      await deps.relatedStories.settled();
      await deps.store.db.deleteFrom("related_stories").where("article_id", "=", a.id).execute();
      asked.length = 0;
      const renders = await Promise.all([1, 2, 3].map(() => deps.relatedStories.forArticle(a.id, 5)));
      assert.deepEqual(
        renders.map((r) => r.length),
        [0, 0, 0],
      );
      assert.deepEqual(asked, [], "no search on the request path");
      await deps.relatedStories.settled();
      assert.deepEqual(asked, [a.id], "computed once in the background");
      assert.deepEqual(
        (await deps.relatedStories.forArticle(a.id, 5)).map((i) => i.id),
        [b.id],
      );
    } finally {
      deps.search.related = original;
    }
  });

  it("publishing a story flags the lists of the stories most like it, which are recomputed to include it", async () => {
    const { deps } = ctx;
    const original = deps.search.related;
    const asked: number[] = [];
    const table = new Map<number, number[]>();
    deps.search.related = fakeRelated(deps, table, asked);
    try {
      const [old1, old2, unrelated] = [
        await buildArticle(deps),
        await buildArticle(deps),
        await buildArticle(deps),
      ];
      table.set(old1.id, [old2.id]).set(old2.id, [old1.id]).set(unrelated.id, []);
      await deps.relatedStories.settled();
      for (const id of [old1.id, old2.id, unrelated.id]) await deps.relatedStories.recompute(id);
      asked.length = 0;

      // The new story's own list names old1 and old2: their lists may now include it.
      const fresh = await buildArticle(deps, { status: "draft" });
      table
        .set(fresh.id, [old1.id, old2.id])
        .set(old1.id, [fresh.id, old2.id])
        .set(old2.id, [fresh.id, old1.id]);
      await deps.articles.transition(fresh.id, "publish", SYSTEM_ACTOR, { at: new Date(Date.now() - 1000) });
      await deps.relatedStories.settled();
      assert.deepEqual(
        asked.sort(),
        [fresh.id, old1.id, old2.id].sort(),
        "the unrelated story is left alone",
      );
      assert.deepEqual(await storedRow(deps, old1.id), { ids: [fresh.id, old2.id], stale: 0 });
      assert.deepEqual(await storedRow(deps, old2.id), { ids: [fresh.id, old1.id], stale: 0 });
      assert.deepEqual(
        (await deps.relatedStories.forArticle(old1.id, 5)).map((i) => i.id),
        [fresh.id, old2.id],
      );
    } finally {
      deps.search.related = original;
    }
  });

  it("fills every live story's missing or stale list, skips fresh ones, and resumes where a run stopped", async () => {
    const { deps } = ctx;
    const related = createRelatedStoriesService({
      db: deps.db,
      clock: deps.clock,
      reading: deps.reading,
      related: async () => [],
      background: false,
    });
    const original = deps.search.related;
    try {
      const stories = [await buildArticle(deps), await buildArticle(deps), await buildArticle(deps)];
      const draft = await buildArticle(deps, { status: "draft" });
      await deps.relatedStories.settled();
      // An archive without lists (imported or generated), one list fresh and one flagged stale.
      await deps.store.db.deleteFrom("related_stories").execute();
      const [kept, flagged, missing] = stories.map((s) => s.id) as [number, number, number];
      const asked: number[] = [];
      const table = new Map<number, number[]>([
        [kept, [flagged]],
        [flagged, [kept]],
        [missing, [kept, flagged]],
      ]);
      const fill = createRelatedStoriesService({
        db: deps.db,
        clock: deps.clock,
        reading: deps.reading,
        related: fakeRelated(deps, table, asked),
        background: false,
      });
      await fill.recompute(kept);
      await fill.recompute(flagged);
      await deps.store.db
        .updateTable("related_stories")
        .set({ stale: 1 })
        .where("article_id", "=", flagged)
        .execute();
      asked.length = 0;

      const progress: string[] = [];
      const first = await fill.fill({ progress: (done, total) => progress.push(`${done}/${total}`) });
      assert.ok(!asked.includes(kept), "a fresh list is skipped");
      assert.ok(!asked.includes(draft.id), "drafts get no list");
      assert.ok(asked.includes(flagged) && asked.includes(missing));
      assert.equal(first, asked.length);
      assert.equal(progress.at(-1), `${first}/${first}`);
      assert.deepEqual(await storedRow(deps, flagged), { ids: [kept], stale: 0 });
      assert.deepEqual(await storedRow(deps, missing), { ids: [kept, flagged], stale: 0 });
      assert.equal(await related.fill(), 0, "a second run finds nothing left to do");

      // A run stopped part-way keeps what it wrote: the next one computes only the rest.
      await deps.store.db.deleteFrom("related_stories").where("article_id", "in", [kept, missing]).execute();
      asked.length = 0;
      const failing = createRelatedStoriesService({
        db: deps.db,
        clock: deps.clock,
        reading: deps.reading,
        related: async (id) => {
          if (id === missing) throw new Error("interrupted");
          return fakeRelated(deps, table, asked)(id);
        },
        background: false,
      });
      await assert.rejects(failing.fill(), /interrupted/);
      assert.notEqual(await storedRow(deps, kept), null, "written before the stop");
      asked.length = 0;
      assert.equal(await fill.fill(), 1);
      assert.deepEqual(asked, [missing]);
    } finally {
      deps.search.related = original;
    }
  });

  it("a server picks up the stale flags a previous run left", async () => {
    const { deps } = ctx;
    const story = await buildArticle(deps);
    const other = await buildArticle(deps);
    await deps.relatedStories.settled();
    await deps.store.db
      .insertInto("related_stories")
      .values({ article_id: story.id, related_ids: "[]", computed_at: new Date(0).toISOString(), stale: 1 })
      .onConflict((oc) => oc.column("article_id").doUpdateSet({ related_ids: "[]", stale: 1 }))
      .execute();
    const restarted = createRelatedStoriesService({
      db: deps.db,
      clock: deps.clock,
      reading: deps.reading,
      related: async () => deps.reading.liveItems([other.id]),
      deferMs: 0,
    });
    for (let i = 0; i < 50 && (await storedRow(deps, story.id))?.stale !== 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await restarted.stop();
    assert.deepEqual(await storedRow(deps, story.id), { ids: [other.id], stale: 0 });
  });
});
