import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { insertArticle, openTestStore, type TestStore } from "../store.test-support.ts";
import { createImportRepository } from "./import.repository.ts";

const imports = createImportRepository();
const T0 = new Date("2026-12-01T00:00:00.000Z");

describe("import repository", () => {
  let t: TestStore;
  let a: number;
  let b: number;
  before(async () => {
    t = await openTestStore();
    a = (await insertArticle(t.store.db, { slug: "a" })).id;
    b = (await insertArticle(t.store.db, { slug: "b" })).id;
  });
  after(() => t.close());

  it("content hashes: none, set, replaced", async () => {
    const db = t.store.db;
    assert.equal(await imports.contentHash(db, a), null);
    await imports.setContentHash(db, a, "sha-1", T0);
    assert.equal(await imports.contentHash(db, a), "sha-1");
    await imports.setContentHash(db, a, "sha-2", T0);
    assert.equal(await imports.contentHash(db, a), "sha-2");
  });

  it("pending Baca Juga headlines: replaced per article, de-duplicated, found by key", async () => {
    const db = t.store.db;
    await imports.setPendingRelated(db, a, ["banjir jakarta", "banjir jakarta", "gempa cianjur"]);
    await imports.setPendingRelated(db, b, ["banjir jakarta"]);
    assert.deepEqual(await imports.waitingFor(db, "banjir jakarta"), [a, b]);
    assert.deepEqual(await imports.waitingFor(db, "gempa cianjur"), [a]);
    await imports.setPendingRelated(db, a, []);
    assert.deepEqual(await imports.waitingFor(db, "banjir jakarta"), [b]);
    assert.deepEqual(await imports.waitingFor(db, "gempa cianjur"), []);
  });

  it("pending heroes: set, read, listed, replaced and cleared", async () => {
    const db = t.store.db;
    await imports.setPendingHero(
      db,
      a,
      { url: "https://contoh.test/foto.jpg", caption: "Banjir", credit: "Warga" },
      T0,
    );
    await imports.setPendingHero(db, b, { url: null, caption: "Tanpa berkas", credit: "" }, T0);
    assert.deepEqual(await imports.pendingHero(db, a), {
      url: "https://contoh.test/foto.jpg",
      caption: "Banjir",
      credit: "Warga",
    });
    assert.deepEqual(
      [...(await imports.pendingHeroes(db)).entries()].sort(([x], [y]) => x - y),
      [
        [a, { url: "https://contoh.test/foto.jpg", caption: "Banjir", credit: "Warga" }],
        [b, { url: null, caption: "Tanpa berkas", credit: "" }],
      ],
    );
    await imports.setPendingHero(db, a, null, T0);
    assert.equal(await imports.pendingHero(db, a), null);
    assert.equal((await imports.pendingHeroes(db)).size, 1);
  });
});
