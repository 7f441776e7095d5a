import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { insertArticle, openTestStore, type TestStore } from "../store.test-support.ts";
import { createLiveTaxonomyRepository } from "./live-taxonomy.repository.ts";
import { createTaxonomyRepository } from "./taxonomy.repository.ts";

const live = createLiveTaxonomyRepository();
const taxonomy = createTaxonomyRepository();
const NOW = new Date("2026-12-01T12:00:00.000Z");

describe("live taxonomy repository", () => {
  let t: TestStore;
  const tags = { live: 0, embargoed: 0, draft: 0 };
  const people = { live: 0, embargoed: 0 };
  before(async () => {
    t = await openTestStore();
    const db = t.store.db;
    for (const key of Object.keys(tags) as (keyof typeof tags)[])
      tags[key] = await taxonomy.insertTag(db, { slug: `tag-${key}`, name: key });
    for (const key of Object.keys(people) as (keyof typeof people)[])
      people[key] = await taxonomy.insertPerson(db, {
        slug: `orang-${key}`,
        name: key,
        bio: "",
        photoMediaId: null,
      });
    const publishedAt = new Date(NOW.getTime() - 3_600_000);
    await insertArticle(db, {
      slug: "tayang",
      status: "published",
      publishedAt,
      firstPublishedAt: publishedAt,
      tagIds: [tags.live],
      credits: [{ role: "penulis", personId: people.live, position: 0 }],
    });
    // Published with a time still to come (an embargo): its links are not live before that time.
    const later = new Date(NOW.getTime() + 3_600_000);
    await insertArticle(db, {
      slug: "embargo",
      status: "published",
      publishedAt: later,
      firstPublishedAt: later,
      tagIds: [tags.embargoed],
      credits: [{ role: "penulis", personId: people.embargoed, position: 0 }],
    });
    await insertArticle(db, { slug: "draf", tagIds: [tags.draft, tags.live] });
  });
  after(() => t.close());

  it("a tag or person is live only through a live article", async () => {
    const db = t.store.db;
    assert.equal(await live.tagIsLive(db, tags.live, NOW), true);
    assert.equal(await live.tagIsLive(db, tags.embargoed, NOW), false);
    assert.equal(await live.tagIsLive(db, tags.draft, NOW), false);
    assert.equal(await live.personIsLive(db, people.live, NOW), true);
    assert.equal(await live.personIsLive(db, people.embargoed, NOW), false);
    assert.deepEqual([...(await live.liveTagIds(db, NOW))], [tags.live]);
    assert.deepEqual([...(await live.livePersonIds(db, NOW))], [people.live]);
  });

  it("an embargoed article's tags and people become live at its time", async () => {
    const db = t.store.db;
    const after = new Date(NOW.getTime() + 2 * 3_600_000);
    assert.equal(await live.tagIsLive(db, tags.embargoed, after), true);
    assert.equal(await live.personIsLive(db, people.embargoed, after), true);
    assert.deepEqual(
      [...(await live.liveTagIds(db, after))].sort((a, b) => a - b),
      [tags.live, tags.embargoed].sort((a, b) => a - b),
    );
  });
});
