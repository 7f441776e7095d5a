import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { openTestStore, type TestStore } from "../store.test-support.ts";
import { createMediaRepository } from "./media.repository.ts";
import { createTaxonomyRepository } from "./taxonomy.repository.ts";

const taxonomy = createTaxonomyRepository();

describe("taxonomy repository", () => {
  let t: TestStore;
  before(async () => {
    t = await openTestStore();
  });
  after(() => t.close());

  it("sections: insert, update and read back every field, ordered by position then id", async () => {
    const db = t.store.db;
    const news = await taxonomy.insertSection(db, {
      slug: "berita",
      name: "Berita",
      parentId: null,
      position: 2,
      description: "Semua berita",
    });
    const sport = await taxonomy.insertSection(db, {
      slug: "olahraga",
      name: "Olahraga",
      parentId: null,
      position: 1,
      description: "",
    });
    const city = await taxonomy.insertSection(db, {
      slug: "metro",
      name: "Metro",
      parentId: news,
      position: 1,
      description: "",
    });
    assert.deepEqual(await taxonomy.allSections(db), [
      { id: sport, slug: "olahraga", name: "Olahraga", parentId: null, position: 1, description: "" },
      { id: city, slug: "metro", name: "Metro", parentId: news, position: 1, description: "" },
      { id: news, slug: "berita", name: "Berita", parentId: null, position: 2, description: "Semua berita" },
    ]);

    await taxonomy.updateSection(db, {
      id: city,
      slug: "megapolitan",
      name: "Megapolitan",
      parentId: sport,
      position: 0,
      description: "Jabodetabek",
    });
    const updated = (await taxonomy.allSections(db)).find((s) => s.id === city);
    assert.deepEqual(updated, {
      id: city,
      slug: "megapolitan",
      name: "Megapolitan",
      parentId: sport,
      position: 0,
      description: "Jabodetabek",
    });
  });

  it("people: insert, read by id, slug and ids, update (photo included), list by name", async () => {
    const db = t.store.db;
    const photo = await createMediaRepository().insert(db, {
      file: "2026/12/wajah.jpg",
      mimeType: "image/jpeg",
      width: 400,
      height: 400,
      alt: "Wajah",
      caption: "",
      credit: "",
      createdAt: new Date("2026-12-01T00:00:00.000Z"),
      sha256: "",
      byteSize: 0,
      focalX: 50,
      focalY: 50,
      creator: "",
      keywords: [],
    });
    const siti = await taxonomy.insertPerson(db, {
      slug: "siti-aminah",
      name: "Siti Aminah",
      bio: "",
      photoMediaId: null,
    });
    const budi = await taxonomy.insertPerson(db, {
      slug: "budi-santoso",
      name: "Budi Santoso",
      bio: "Wartawan ekonomi.",
      photoMediaId: photo,
    });
    const expectedBudi = {
      id: budi,
      slug: "budi-santoso",
      name: "Budi Santoso",
      bio: "Wartawan ekonomi.",
      photoMediaId: photo,
    };
    assert.deepEqual(await taxonomy.personById(db, budi), expectedBudi);
    assert.deepEqual(await taxonomy.personBySlug(db, "budi-santoso"), expectedBudi);
    assert.equal(await taxonomy.personById(db, budi + siti + 1000), null);
    assert.equal(await taxonomy.personBySlug(db, "tidak-ada"), null);
    assert.deepEqual(
      (await taxonomy.allPeople(db)).map((p) => p.name),
      ["Budi Santoso", "Siti Aminah"],
    );
    assert.deepEqual(await taxonomy.peopleByIds(db, []), []);

    await taxonomy.updatePerson(db, {
      id: siti,
      slug: "siti-a",
      name: "Siti A.",
      bio: "Editor.",
      photoMediaId: photo,
    });
    assert.deepEqual(await taxonomy.peopleByIds(db, [siti]), [
      { id: siti, slug: "siti-a", name: "Siti A.", bio: "Editor.", photoMediaId: photo },
    ]);
    await taxonomy.updatePerson(db, { ...expectedBudi, photoMediaId: null });
    assert.equal((await taxonomy.personById(db, budi))?.photoMediaId, null);
  });

  it("tags: insert, read by slug and ids, list by name; slugs are unique", async () => {
    const db = t.store.db;
    const pemilu = await taxonomy.insertTag(db, { slug: "pemilu-2029", name: "Pemilu 2029" });
    const banjir = await taxonomy.insertTag(db, { slug: "banjir", name: "Banjir" });
    assert.deepEqual(await taxonomy.tagBySlug(db, "pemilu-2029"), {
      id: pemilu,
      slug: "pemilu-2029",
      name: "Pemilu 2029",
    });
    assert.equal(await taxonomy.tagBySlug(db, "gempa"), null);
    const byIds = await taxonomy.tagsByIds(db, [banjir, pemilu]);
    assert.deepEqual(
      byIds.sort((a, b) => a.id - b.id),
      [
        { id: pemilu, slug: "pemilu-2029", name: "Pemilu 2029" },
        { id: banjir, slug: "banjir", name: "Banjir" },
      ],
    );
    assert.deepEqual(await taxonomy.tagsByIds(db, []), []);
    assert.deepEqual(
      (await taxonomy.allTags(db)).map((tag) => tag.slug),
      ["banjir", "pemilu-2029"],
    );
    await assert.rejects(taxonomy.insertTag(db, { slug: "banjir", name: "Banjir lagi" }));
  });
});
