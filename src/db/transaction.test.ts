import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTaxonomyRepository } from "./repositories/taxonomy.repository.ts";
import type { Executor } from "./repositories/executor.ts";
import { openTestStore, type TestStore } from "./store.test-support.ts";
import { inTransaction } from "./transaction.ts";

const taxonomy = createTaxonomyRepository();
const tag = (slug: string) => ({ slug, name: slug });
const tagSlugs = async (db: Executor) => (await taxonomy.allTags(db)).map((t) => t.slug).sort();

describe("transactions (inTransaction)", () => {
  let t: TestStore;
  before(async () => {
    t = await openTestStore();
  });
  after(() => t.close());

  it("commits the work when the function resolves", async () => {
    const id = await inTransaction(t.store.db, async (tx) => {
      assert.equal(tx.isTransaction, true);
      return taxonomy.insertTag(tx, tag("komit"));
    });
    assert.deepEqual(await taxonomy.tagsByIds(t.store.db, [id]), [{ id, slug: "komit", name: "komit" }]);
  });

  it("rolls every write back when the function throws, and rethrows its error", async () => {
    const failure = new Error("gagal di tengah");
    await assert.rejects(
      inTransaction(t.store.db, async (tx) => {
        await taxonomy.insertTag(tx, tag("batal-1"));
        await taxonomy.insertTag(tx, tag("batal-2"));
        throw failure;
      }),
      (error) => error === failure,
    );
    assert.equal(await taxonomy.tagBySlug(t.store.db, "batal-1"), null);
    assert.equal(await taxonomy.tagBySlug(t.store.db, "batal-2"), null);
  });

  it("rolls back when a statement fails (a constraint), keeping the earlier state", async () => {
    await assert.rejects(
      inTransaction(t.store.db, async (tx) => {
        await taxonomy.insertTag(tx, tag("sebelum-gagal"));
        // people.photo_media_id references media: no medium 999 exists.
        await taxonomy.insertPerson(tx, { slug: "orang", name: "Orang", bio: "", photoMediaId: 999 });
      }),
    );
    assert.equal(await taxonomy.tagBySlug(t.store.db, "sebelum-gagal"), null);
  });

  it("joins an outer transaction: inner work commits or rolls back with it", async () => {
    await assert.rejects(
      inTransaction(t.store.db, async (outer) => {
        await taxonomy.insertTag(outer, tag("luar"));
        const inner = await inTransaction(outer, async (tx) => {
          assert.equal(tx, outer, "the inner function runs on the outer transaction");
          return taxonomy.insertTag(tx, tag("dalam"));
        });
        assert.ok((await taxonomy.tagsByIds(outer, [inner])).length === 1, "visible inside the outer one");
        throw new Error("luar gagal setelah yang dalam selesai");
      }),
    );
    assert.equal(await taxonomy.tagBySlug(t.store.db, "luar"), null);
    assert.equal(
      await taxonomy.tagBySlug(t.store.db, "dalam"),
      null,
      "the inner work was not committed alone",
    );

    await inTransaction(t.store.db, async (outer) => {
      await taxonomy.insertTag(outer, tag("luar-ok"));
      await inTransaction(outer, (tx) => taxonomy.insertTag(tx, tag("dalam-ok")));
    });
    const slugs = await tagSlugs(t.store.db);
    assert.ok(slugs.includes("luar-ok") && slugs.includes("dalam-ok"), slugs.join(","));
  });

  it("an inner failure caught by the outer function does not undo the outer work (one transaction)", async () => {
    await inTransaction(t.store.db, async (outer) => {
      await taxonomy.insertTag(outer, tag("tetap"));
      await assert.rejects(
        inTransaction(outer, async () => {
          throw new Error("dalam gagal");
        }),
      );
    });
    assert.notEqual(await taxonomy.tagBySlug(t.store.db, "tetap"), null);
  });

  it("serialises concurrent transactions: every one commits, none is lost", async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        inTransaction(t.store.db, async (tx) => {
          const id = await taxonomy.insertTag(tx, tag(`serentak-${i}`));
          await taxonomy.tagsByIds(tx, [id]);
        }),
      ),
    );
    const slugs = (await tagSlugs(t.store.db)).filter((s) => s.startsWith("serentak-"));
    assert.equal(slugs.length, 8);
  });
});
