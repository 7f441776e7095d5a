import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ARTICLE_STATUSES, isLive, type Article } from "../../core/article.ts";
import { buildSectionDirectory } from "../../core/section.ts";
import { createArticlesRepository } from "../repositories/articles.repository.ts";
import { createTaxonomyRepository } from "../repositories/taxonomy.repository.ts";
import { insertArticle, openTestStore, type TestStore } from "../store.test-support.ts";
import { listItemOf } from "./list-item.ts";
import { liveArticles, livePublishedAt } from "./live.ts";

const NOW = new Date("2026-12-03T05:00:00.000Z");
const TIMES = {
  none: null,
  past: new Date(NOW.getTime() - 60_000),
  now: NOW,
  future: new Date(NOW.getTime() + 60_000),
} as const;

/**
 * The live read model's rule on both stores: the SQL form (`liveAt`) selects exactly the articles
 * the in-memory form (`core/article.ts` isLive) calls live, over every status × publication time,
 * and the tag/person lists that read the link tables' copy agree with both.
 */
describe("live read model", () => {
  let t: TestStore;
  const written: Article[] = [];
  let tagId: number;
  let personId: number;
  const articles = createArticlesRepository();

  before(async () => {
    t = await openTestStore();
    const db = t.store.db;
    const taxonomy = createTaxonomyRepository();
    tagId = await taxonomy.insertTag(db, { slug: "banjir", name: "Banjir" });
    personId = await taxonomy.insertPerson(db, { slug: "ani", name: "Ani", bio: "", photoMediaId: null });
    for (const status of ARTICLE_STATUSES)
      for (const [name, publishedAt] of Object.entries(TIMES))
        written.push(
          await insertArticle(db, {
            slug: `${status}-${name}`,
            headline: `${status} ${name}`,
            status,
            publishedAt,
            tagIds: [tagId],
            credits: [{ role: "penulis", personId, position: 0 }],
          }),
        );
  });
  after(() => t.close());

  const expectedLive = () =>
    written
      .filter((a) => isLive(a, NOW))
      .map((a) => a.headline)
      .sort();

  it("is published with a time that has come: 2 of the 24 status × time cases", () => {
    assert.deepEqual(expectedLive(), ["published now", "published past"]);
  });

  it("liveAt selects exactly what isLive calls live", async () => {
    const rows = await liveArticles(t.store.db, NOW).select("articles.headline").execute();
    assert.deepEqual(rows.map((r) => r.headline).sort(), expectedLive());
  });

  it("the link-table lists (tag, person) and the article lists agree with it", async () => {
    const headlines = async (query: { tagId?: number; personId?: number; sectionIds?: number[] }) =>
      (await articles.listLive(t.store.db, { now: NOW, limit: 100, ...query })).map((s) => s.headline).sort();
    assert.deepEqual(await headlines({ tagId }), expectedLive());
    assert.deepEqual(await headlines({ personId }), expectedLive());
    assert.deepEqual(await headlines({}), expectedLive());
    assert.equal(await articles.countLive(t.store.db, { now: NOW, tagId }), 2);
    const byIds = await articles.liveByIds(
      t.store.db,
      written.map((a) => a.id),
      NOW,
    );
    assert.deepEqual(byIds.map((s) => s.headline).sort(), expectedLive());
  });

  it("the link tables keep the publication time of published articles only", () => {
    assert.equal(
      livePublishedAt({ status: "published", publishedAt: TIMES.future }),
      TIMES.future.toISOString(),
    );
    assert.equal(livePublishedAt({ status: "scheduled", publishedAt: TIMES.past }), null);
    assert.equal(livePublishedAt({ status: "published", publishedAt: null }), null);
  });
});

describe("list item mapper", () => {
  const ekonomi = { id: 7, slug: "ekonomi", name: "Ekonomi", parentId: null, position: 0, description: "" };
  const directory = buildSectionDirectory([ekonomi]);
  const summary = {
    id: 42,
    slug: "rupiah-menguat",
    headline: "Rupiah menguat",
    lede: "Ditutup menguat.",
    sectionId: 7,
    timeZone: "Asia/Makassar" as const,
    publishedAt: NOW,
    updatedAt: null,
  };

  it("gives the canonical URL, the section and the times", () => {
    assert.deepEqual(listItemOf(summary, directory), {
      id: 42,
      headline: "Rupiah menguat",
      lede: "Ditutup menguat.",
      url: "/ekonomi/42/rupiah-menguat",
      publishedAt: NOW,
      updatedAt: null,
      timeZone: "Asia/Makassar",
      section: ekonomi,
      image: null,
    });
  });

  it("is null when the section is gone or there is no publication time", () => {
    assert.equal(listItemOf({ ...summary, sectionId: 99 }, directory), null);
    assert.equal(listItemOf({ ...summary, publishedAt: null }, directory), null);
  });
});
