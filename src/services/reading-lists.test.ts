import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { SYSTEM_ACTOR } from "../core/actor.ts";
import { buildArticle, buildPerson, buildSection } from "../testing/factories.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";

let ctx: TestContext;
before(async () => {
  ctx = await createTestContext();
});
after(async () => {
  await ctx.close();
});

describe("tag, person and section lists (link-table index, counts kept by events)", () => {
  it("lists live articles newest first, counts each once, and follows publish and unpublish", async () => {
    const { deps } = ctx;
    const section = await buildSection(deps);
    const [tag] = await deps.tags.ensure([`Tag daftar ${Date.now()}`]);
    assert.ok(tag);
    const person = await buildPerson(deps);
    const minutesAgo = (m: number) => new Date(deps.clock().getTime() - m * 60_000);
    const credits = [
      { role: "penulis" as const, personId: person.id },
      { role: "editor" as const, personId: person.id },
    ];
    const first = await buildArticle(deps, {
      sectionId: section.id,
      tagIds: [tag.id],
      credits,
      publishedAt: minutesAgo(30),
    });
    const second = await buildArticle(deps, {
      sectionId: section.id,
      tagIds: [tag.id],
      publishedAt: minutesAgo(20),
    });
    await buildArticle(deps, { sectionId: section.id, tagIds: [tag.id], credits, status: "draft" });
    await buildArticle(deps, { sectionId: section.id, tagIds: [tag.id], credits, status: "scheduled" });

    const repo = deps.repos.articles;
    const countLive = repo.countLive;
    let counted = 0;
    repo.countLive = async (...args) => {
      counted += 1;
      return countLive(...args);
    };
    try {
      const tagPage = await deps.reading.tagPage(tag.slug, 1);
      assert.deepEqual(
        tagPage?.articles.items.map((i) => i.id),
        [second.id, first.id],
      );
      assert.equal(tagPage?.articles.total, 2);
      const personPage = await deps.reading.personPage(person.slug, 1);
      assert.deepEqual(
        personPage?.articles.items.map((i) => [i.id, [...i.roles].sort()]),
        [[first.id, ["editor", "penulis"]]],
      );
      assert.equal(personPage?.articles.total, 1);
      const sectionPage = await deps.reading.sectionPage([section.slug], 1);
      assert.equal(sectionPage?.articles.total, 2);
      assert.equal(counted, 3);

      // A publish and an unpublish move the counts without counting again.
      const third = await buildArticle(deps, { sectionId: section.id, tagIds: [tag.id], credits });
      await deps.articles.transition(second.id, "unpublish", SYSTEM_ACTOR);
      const tagAfter = await deps.reading.tagPage(tag.slug, 1);
      assert.deepEqual(
        tagAfter?.articles.items.map((i) => i.id),
        [third.id, first.id],
      );
      assert.equal(tagAfter?.articles.total, 2);
      const personAfter = await deps.reading.personPage(person.slug, 1);
      assert.deepEqual(
        personAfter?.articles.items.map((i) => i.id),
        [third.id, first.id],
      );
      assert.equal(personAfter?.articles.total, 2);
      assert.equal((await deps.reading.sectionPage([section.slug], 1))?.articles.total, 2);
      assert.equal(counted, 3);

      // The kept counts equal a fresh count.
      assert.equal(await countLive(deps.store.db, { now: deps.clock(), tagId: tag.id }), 2);
      assert.equal(await countLive(deps.store.db, { now: deps.clock(), personId: person.id }), 2);
      assert.equal(await countLive(deps.store.db, { now: deps.clock(), sectionIds: [section.id] }), 2);
    } finally {
      repo.countLive = countLive;
    }
  });
});
