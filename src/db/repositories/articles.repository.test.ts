import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Article } from "../../core/article.ts";
import { paragraph } from "../../content/body.schema.ts";
import { insertArticle, openTestStore, type TestStore } from "../store.test-support.ts";
import { createArticlesRepository, type ArticleWrite } from "./articles.repository.ts";
import { createMediaRepository } from "./media.repository.ts";
import { createTaxonomyRepository } from "./taxonomy.repository.ts";

const articles = createArticlesRepository();
const taxonomy = createTaxonomyRepository();
const T0 = new Date("2026-12-01T01:02:03.456Z");

/** The mapper's round trip and the versioned writes; the live lists are covered by the read-model tests. */
describe("articles repository", () => {
  let t: TestStore;
  let write: ArticleWrite;
  before(async () => {
    t = await openTestStore();
    const db = t.store.db;
    const sectionId = await taxonomy.insertSection(db, {
      slug: "ekonomi",
      name: "Ekonomi",
      parentId: null,
      position: 0,
      description: "",
    });
    const [a, b] = [
      await taxonomy.insertTag(db, { slug: "rupiah", name: "Rupiah" }),
      await taxonomy.insertTag(db, { slug: "bi-rate", name: "BI Rate" }),
    ];
    const writer = await taxonomy.insertPerson(db, { slug: "ani", name: "Ani", bio: "", photoMediaId: null });
    const photographer = await taxonomy.insertPerson(db, {
      slug: "budi",
      name: "Budi",
      bio: "",
      photoMediaId: null,
    });
    const hero = await createMediaRepository().insert(db, {
      file: "2026/12/pasar.jpg",
      mimeType: "image/jpeg",
      width: 1600,
      height: 900,
      alt: "Pasar",
      caption: "",
      credit: "",
      createdAt: T0,
      sha256: "",
      byteSize: 0,
      focalX: 50,
      focalY: 50,
      creator: "",
      keywords: [],
    });
    write = {
      slug: "rupiah-menguat",
      headline: "Rupiah menguat",
      lede: "Rupiah ditutup menguat.",
      sectionId,
      dateline: { place: "Makassar", outlet: "Warta", timeZone: "Asia/Makassar" },
      body: { version: 1, blocks: [paragraph("Rupiah ditutup menguat 0,5 persen.")] },
      hero: { mediaId: hero, caption: "Pedagang di pasar.", credit: "Warta/Budi" },
      sources: [{ name: "Bank Indonesia", url: "https://bi.test/" }],
      status: "draft",
      publishedAt: null,
      firstPublishedAt: null,
      updatedAt: null,
      createdAt: T0,
      modifiedAt: T0,
      // A duplicate tag is stored once; credits come back by position, then role.
      tagIds: [b, a, b],
      credits: [
        { role: "fotografer", personId: photographer, position: 1 },
        { role: "penulis", personId: writer, position: 0 },
        { role: "editor", personId: writer, position: 1 },
      ],
    };
  });
  after(() => t.close());

  it("reads back every field it wrote, and insert returns what findById reads", async () => {
    const inserted = await articles.insert(t.store.db, write);
    const found = await articles.findById(t.store.db, inserted.id);
    assert.deepEqual(found, inserted);
    const { tagIds: _tags, credits: _credits, ...fields } = write;
    assert.deepEqual(found, {
      ...fields,
      id: inserted.id,
      version: 1,
      tagIds: [write.tagIds[0]!, write.tagIds[1]!],
      credits: [write.credits[1]!, write.credits[2]!, write.credits[0]!],
    } satisfies Article);
    assert.equal(await articles.findById(t.store.db, inserted.id + 1000), null);
  });

  it("updates only at the expected version, replacing fields and links", async () => {
    const db = t.store.db;
    const article = await articles.insert(db, { ...write, slug: "versi" });
    const change: ArticleWrite = {
      ...write,
      slug: "versi",
      headline: "Rupiah menguat tajam",
      dateline: { place: "Jayapura", outlet: null, timeZone: "Asia/Jayapura" },
      hero: null,
      tagIds: [write.tagIds[1]!],
      credits: [{ role: "kontributor", personId: write.credits[0]!.personId, position: 0 }],
      modifiedAt: new Date(T0.getTime() + 60_000),
    };
    const updated = await articles.update(db, article.id, change, 1);
    assert.equal(updated?.version, 2);
    assert.deepEqual(await articles.findById(db, article.id), updated);
    assert.equal(updated?.headline, "Rupiah menguat tajam");
    assert.deepEqual(updated?.dateline, { place: "Jayapura", outlet: null, timeZone: "Asia/Jayapura" });
    assert.equal(updated?.hero, null);
    assert.deepEqual(updated?.tagIds, [write.tagIds[1]]);
    assert.deepEqual(updated?.credits, change.credits);

    assert.equal(
      await articles.update(db, article.id, { ...change, headline: "Basi" }, 1),
      null,
      "stale version",
    );
    assert.equal((await articles.findById(db, article.id))?.headline, "Rupiah menguat tajam");
    assert.equal(await articles.bumpVersion(db, article.id, 1), false);
    assert.equal(await articles.bumpVersion(db, article.id, 2), true);
    assert.equal((await articles.findById(db, article.id))?.version, 3);
  });

  it("a status change writes the dates and copies the publication date to the links", async () => {
    const db = t.store.db;
    const article = await articles.insert(db, { ...write, slug: "terbit" });
    const publishedAt = new Date("2026-12-02T00:00:00.000Z");
    const change = {
      status: "published" as const,
      publishedAt,
      firstPublishedAt: publishedAt,
      updatedAt: null,
      modifiedAt: publishedAt,
    };
    assert.equal(await articles.updateStatus(db, article.id, change, 2), false, "stale version");
    assert.equal(await articles.updateStatus(db, article.id, change, 1), true);
    const found = await articles.findById(db, article.id);
    assert.deepEqual(
      [found?.status, found?.publishedAt, found?.firstPublishedAt, found?.version],
      ["published", publishedAt, publishedAt, 2],
    );
    const links = async () => [
      ...(await db
        .selectFrom("article_tags")
        .select("live_published_at")
        .where("article_id", "=", article.id)
        .execute()),
      ...(await db
        .selectFrom("article_credits")
        .select("live_published_at")
        .where("article_id", "=", article.id)
        .execute()),
    ];
    assert.deepEqual(
      (await links()).map((l) => l.live_published_at),
      Array(5).fill(publishedAt.toISOString()),
    );
    await articles.updateStatus(db, article.id, { ...change, status: "unpublished", modifiedAt: T0 }, 2);
    assert.deepEqual(
      (await links()).map((l) => l.live_published_at),
      Array(5).fill(null),
    );
    const [summary] = await articles.summariesByIds(db, [article.id]);
    assert.deepEqual(summary, {
      id: article.id,
      slug: "terbit",
      headline: write.headline,
      lede: write.lede,
      sectionId: write.sectionId,
      timeZone: "Asia/Makassar",
      heroMediaId: write.hero?.mediaId,
      publishedAt,
      updatedAt: null,
      status: "unpublished",
    });
  });

  it("deletes an article with its links", async () => {
    const db = t.store.db;
    const article = await insertArticle(db, {
      sectionId: write.sectionId,
      slug: "hapus",
      tagIds: write.tagIds,
    });
    await articles.delete(db, article.id);
    assert.equal(await articles.findById(db, article.id), null);
    const tags = await db
      .selectFrom("article_tags")
      .select("tag_id")
      .where("article_id", "=", article.id)
      .execute();
    assert.deepEqual(tags, []);
  });
});
