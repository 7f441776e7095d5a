import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { openPostgres } from "../../db/dialects/postgres.ts";
import { createTestDatabase } from "../../testing/test-database.ts";
import {
  CONTRACT_NOW as now,
  describeIndexContract,
  doc,
  type OpenedIndex,
  term,
} from "../index-contract.test-support.ts";
import { createTsvectorSearchIndex } from "./tsvector.index.ts";

const skip = process.env.WARTA_TEST_POSTGRES_URL ? false : "set WARTA_TEST_POSTGRES_URL to run on PostgreSQL";

/** A fresh PostgreSQL database (no migrations: the adapter owns its tables). */
async function open(): Promise<OpenedIndex & { sql: ReturnType<typeof openPostgres>["pool"]; url: string }> {
  const dir = mkdtempSync(join(tmpdir(), "warta-tsvector-"));
  const database = await createTestDatabase(dir);
  const { db, pool } = openPostgres(database.url, 2);
  return {
    index: createTsvectorSearchIndex(db),
    newsroom: () => createTsvectorSearchIndex(db, "newsroom"),
    sql: pool,
    url: database.url,
    close: async () => {
      await db.destroy();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeIndexContract("PostgreSQL tsvector", open, { skip });

describe("PostgreSQL tsvector index, what differs from FTS5", { skip }, () => {
  let opened: Awaited<ReturnType<typeof open>>;
  before(async () => {
    opened = await open();
    const { index } = opened;
    await index.upsert(doc(1, { headline: "anak-anak sekolah", lede: "banjir rob", body: "it's c:\\ 3,5" }));
    await index.upsert(doc(2, { headline: "harga cabai", tagIds: [7], personIds: [5] }));
    await index.upsert(doc(3, { body: "rob banjir", tagIds: [7] }));
  });
  after(async () => {
    await opened?.close();
  });

  it("creates its tables once, records its layout, and asks for a rebuild only when new", async () => {
    assert.equal(opened.index.needsRebuild, true, "a fresh index asks to be rebuilt");
    const { rows } = await opened.sql.query("SELECT value FROM search_meta WHERE key = 'format'");
    assert.equal(rows[0]?.value, "4");
    const { rows: indexes } = await opened.sql.query(
      "SELECT indexname FROM pg_indexes WHERE tablename = 'search_documents' ORDER BY indexname",
    );
    assert.deepEqual(
      indexes.map((r: { indexname: string }) => r.indexname),
      ["search_documents_match", "search_documents_pkey"],
    );
    // A second process on the same database finds the layout current: no rebuild.
    const { db } = openPostgres(opened.url, 1);
    try {
      const second = createTsvectorSearchIndex(db);
      await second.ready?.();
      assert.equal(second.needsRebuild, false);
      assert.equal((await second.search({ match: term("cabai"), limit: 5, now })).total, 1);
    } finally {
      await db.destroy();
    }
  });

  it("stores the analyzer's stems exactly (no re-parsing of anak-anak, 3,5, quotes, backslashes)", async () => {
    const found = async (t: string) => (await opened.index.search({ match: term(t), limit: 5, now })).total;
    assert.equal(await found("anak-anak"), 1);
    assert.equal(await found("anak"), 0, "the parser's split parts are not indexed");
    assert.equal(await found("3,5"), 1);
    assert.equal(await found("it's"), 1);
    assert.equal(await found("c:\\"), 1);
  });

  it("a phrase does not run across the end of one field into the next", async () => {
    const phrase = (terms: string[]) =>
      opened.index.search({ match: { kind: "phrase", terms }, limit: 5, now });
    assert.deepEqual(
      (await phrase(["banjir", "rob"])).hits.map((h) => h.id),
      [1],
    );
    assert.equal((await phrase(["sekolah", "banjir"])).total, 0);
  });

  it("related mode: shared tags and people match on their own, beside shared words", async () => {
    const related = (nodes: ReturnType<typeof term>[]) =>
      opened.index.search({
        match: { kind: "any", nodes },
        mode: "related",
        limit: 5,
        now,
        excludeIds: [1],
        count: false,
      });
    const byFacets = await related([term("banjir"), term("t7"), term("p5")]);
    assert.deepEqual(byFacets.hits.map((h) => h.id).sort(), [2, 3], "2 shares only a tag and a person");
    const byWord = await related([term("banjir")]);
    assert.deepEqual(
      byWord.hits.map((h) => h.id),
      [3],
    );
    const [tagAndPerson, tagOnly] = (await related([term("t7"), term("p5")])).hits;
    assert.equal(tagAndPerson?.id, 2, "two shared facets outrank one");
    assert.ok((tagAndPerson?.score ?? 0) > (tagOnly?.score ?? 0));
  });

  it("keeps each word's document count exact through replaces, removals, two nodes at once and a rebuild", async () => {
    const counted = async () =>
      (
        await opened.sql.query(
          'SELECT term, documents FROM search_terms WHERE documents <> 0 ORDER BY term COLLATE "C"',
        )
      ).rows.map((r: { term: string; documents: number }) => `${r.term}=${r.documents}`);
    const actual = async () =>
      (
        await opened.sql.query(
          `SELECT lexeme AS term, count(*)::int AS documents
           FROM search_documents, unnest(tsvector_to_array(terms)) AS lexeme
           GROUP BY lexeme ORDER BY lexeme COLLATE "C"`,
        )
      ).rows.map((r: { term: string; documents: number }) => `${r.term}=${r.documents}`);
    const { db } = openPostgres(opened.url, 6);
    try {
      // Two nodes' indexes writing the same stories at once, each time with other words.
      const nodes = [createTsvectorSearchIndex(db), createTsvectorSearchIndex(db)];
      const bodies = ["gempa susulan", "gempa bumi", "banjir susulan warga", "warga"];
      await Promise.all(
        Array.from({ length: 24 }, (_, i) => {
          const id = 100 + (i % 3);
          const node = nodes[i % 2] as (typeof nodes)[number];
          // Some batches write one story and remove another, crosswise between the nodes.
          const other = 100 + ((i + 1) % 3);
          return i % 5 === 4
            ? node.writeBatch({ upsert: [], remove: [id] })
            : node.writeBatch({
                upsert: [doc(id, { body: bodies[i % 4] as string })],
                remove: i % 4 === 1 ? [other] : [],
              });
        }),
      );
      assert.deepEqual(await counted(), await actual());
      assert.equal(
        await opened.index.documentFrequency?.("banjir"),
        Number(
          (await opened.sql.query("SELECT count(*) AS n FROM search_documents WHERE terms @@ 'banjir'"))
            .rows[0].n,
        ),
      );
      await opened.index.remove(1);
      assert.deepEqual(await counted(), await actual(), "a removal takes its words off");
      // A rebuild starts the counts again from its documents.
      await opened.index.rebuild([doc(1, { headline: "harga cabai" }), doc(2, { body: "cabai rawit" })]);
      assert.deepEqual(await counted(), ["cabai=2", "harga=1", "rawit=1"]);
      assert.equal(await opened.index.documentFrequency?.("cabai", 1), 1, "counted up to the cap");
      assert.equal(await opened.index.documentFrequency?.("susulan"), 0);
    } finally {
      await db.destroy();
    }
  });
});
