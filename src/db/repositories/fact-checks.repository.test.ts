import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FactCheck } from "../../core/fact-check.ts";
import { insertArticle, openTestStore, type TestStore } from "../store.test-support.ts";
import { createFactChecksRepository } from "./fact-checks.repository.ts";

const factChecks = createFactChecksRepository();
const NOW = new Date("2026-12-01T12:00:00.000Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

describe("fact-checks repository", () => {
  let t: TestStore;
  const ids = { older: 0, newer: 0, draft: 0, future: 0 };
  before(async () => {
    t = await openTestStore();
    const db = t.store.db;
    const published = (publishedAt: Date, slug: string) =>
      insertArticle(db, { slug, status: "published", publishedAt, firstPublishedAt: publishedAt });
    ids.older = (await published(hoursAgo(5), "lama")).id;
    ids.newer = (await published(hoursAgo(1), "baru")).id;
    ids.future = (
      await insertArticle(db, { slug: "nanti", status: "scheduled", publishedAt: hoursAgo(-3) })
    ).id;
    ids.draft = (await insertArticle(db, { slug: "draf" })).id;
  });
  after(() => t.close());

  const check = (articleId: number, overrides: Partial<FactCheck> = {}): FactCheck => ({
    articleId,
    claim: "Vaksin mengandung cip pelacak.",
    claimant: "Beredar di media sosial",
    appearance: "Unggahan Facebook",
    appearanceUrl: "https://contoh.test/unggahan/1",
    claimDate: new Date("2026-11-28T09:30:00.000Z"),
    verdict: "hoaks",
    updatedAt: hoursAgo(2),
    ...overrides,
  });

  it("reads back every field it wrote, nulls included", async () => {
    const db = t.store.db;
    await factChecks.upsert(db, check(ids.older));
    await factChecks.upsert(
      db,
      check(ids.newer, { appearanceUrl: null, claimDate: null, verdict: "sebagian-benar" }),
    );
    assert.deepEqual(await factChecks.find(db, ids.older), check(ids.older));
    assert.deepEqual(
      await factChecks.find(db, ids.newer),
      check(ids.newer, { appearanceUrl: null, claimDate: null, verdict: "sebagian-benar" }),
    );
    assert.equal(await factChecks.find(db, ids.draft), null);
  });

  it("upserts: a second write for the article replaces the first", async () => {
    const db = t.store.db;
    const replaced = check(ids.older, {
      claim: "Klaim yang diperbaiki.",
      verdict: "menyesatkan",
      updatedAt: hoursAgo(0),
    });
    await factChecks.upsert(db, replaced);
    assert.deepEqual(await factChecks.find(db, ids.older), replaced);
    const map = await factChecks.byArticleIds(db, [ids.older, ids.newer, ids.draft]);
    assert.deepEqual(
      [...map.keys()].sort((a, b) => a - b),
      [ids.older, ids.newer].sort((a, b) => a - b),
    );
    assert.equal(map.get(ids.older)?.verdict, "menyesatkan");
    assert.equal((await factChecks.byArticleIds(db, [])).size, 0);
  });

  it("lists and counts only live articles' fact-checks, newest first", async () => {
    const db = t.store.db;
    await factChecks.upsert(db, check(ids.draft));
    await factChecks.upsert(db, check(ids.future));
    assert.deepEqual(await factChecks.liveIds(db, NOW, 10), [ids.newer, ids.older]);
    assert.deepEqual(await factChecks.liveIds(db, NOW, 1, 1), [ids.older]);
    assert.equal(await factChecks.countLive(db, NOW), 2);
    // Once the scheduled time has passed, a scheduled article is still not live (status decides).
    assert.equal(await factChecks.countLive(db, hoursAgo(-4)), 2);
  });

  it("removes a fact-check, reporting whether there was one", async () => {
    const db = t.store.db;
    assert.equal(await factChecks.remove(db, ids.newer), true);
    assert.equal(await factChecks.remove(db, ids.newer), false);
    assert.equal(await factChecks.find(db, ids.newer), null);
    assert.equal(await factChecks.countLive(db, NOW), 1);
  });
});
