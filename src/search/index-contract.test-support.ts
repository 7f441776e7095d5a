/**
 * The behaviour every SearchIndex adapter must show, as one suite run by each adapter's test file
 * (sqlite/fts5.index.test.ts, postgres/tsvector.index.test.ts), so both stores are held to the same
 * ranking, filter, phrase, exclusion, vocabulary, rebuild, counting and time-guard rules.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { SearchDocument, SearchIndex } from "./search-index.ts";

export interface OpenedIndex {
  index: SearchIndex;
  /** The same adapter's newsroom index (index-layout.ts) on the same store. */
  newsroom(): SearchIndex;
  close(): Promise<void>;
}

export const CONTRACT_NOW = new Date("2026-01-01T00:00:00Z");
const now = CONTRACT_NOW;
export const daysAgo = (n: number): Date => new Date(now.getTime() - n * 86_400_000);
export const doc = (id: number, fields: Partial<SearchDocument>): SearchDocument => ({
  id,
  headline: "",
  lede: "",
  body: "",
  extra: "",
  sectionIds: [1],
  tagIds: [],
  personIds: [],
  publishedAt: daysAgo(1),
  ...fields,
});
export const term = (t: string) => ({ kind: "term" as const, term: t });

export function describeIndexContract(
  label: string,
  open: () => Promise<OpenedIndex>,
  options: { skip?: string | false } = {},
): void {
  describe(`${label} index`, { skip: options.skip }, () => {
    let opened: OpenedIndex;
    let index: SearchIndex;
    before(async () => {
      opened = await open();
      index = opened.index;
      await index.upsert(
        doc(1, { headline: "banjir jakarta", body: "hujan deras", sectionIds: [1, 2], tagIds: [7] }),
      );
      await index.upsert(
        doc(2, { body: "banjir bandang di hulu", personIds: [5], publishedAt: daysAgo(400) }),
      );
      await index.upsert(doc(3, { lede: "banjir rob", publishedAt: daysAgo(2) }));
      await index.upsert(
        doc(4, { headline: "banjir masa depan", publishedAt: new Date(now.getTime() + 60_000) }),
      );
    });
    after(async () => {
      await opened?.close();
    });

    it("ranks headline > lede > body and never returns a document published after now", async () => {
      const result = await index.search({ match: term("banjir"), limit: 10, now });
      assert.deepEqual(
        result.hits.map((h) => h.id),
        [1, 3, 2],
      );
      assert.equal(result.total, 3);
    });

    it("filters by section (ancestors included), tag, person and dates; sorts by date", async () => {
      const ids = async (filters: object, sort: "relevance" | "date" = "relevance") =>
        (await index.search({ match: term("banjir"), filters, sort, limit: 10, now })).hits.map((h) => h.id);
      assert.deepEqual(await ids({ sectionIds: [2] }), [1]);
      assert.deepEqual(await ids({ tagIds: [7] }), [1]);
      assert.deepEqual(await ids({ personIds: [5] }), [2]);
      assert.deepEqual(await ids({ from: daysAgo(3) }, "date"), [1, 3]);
      assert.deepEqual(await ids({ to: daysAgo(300) }), [2]);
    });

    it("phrases, exclusions, pagination and counts", async () => {
      const phrase = await index.search({
        match: { kind: "phrase", terms: ["banjir", "bandang"] },
        limit: 10,
        now,
      });
      assert.deepEqual(
        phrase.hits.map((h) => h.id),
        [2],
      );
      const without = await index.search({ match: term("banjir"), exclude: [term("rob")], limit: 10, now });
      assert.deepEqual(
        without.hits.map((h) => h.id),
        [1, 2],
      );
      const page2 = await index.search({ match: term("banjir"), limit: 1, offset: 1, now });
      assert.deepEqual(
        page2.hits.map((h) => h.id),
        [3],
      );
      assert.equal(page2.total, 3);
    });

    it("matchingIds: the newest matches, unranked, with filters, exclusions, phrases and the time guard", async () => {
      const ids = (query: Partial<Parameters<SearchIndex["matchingIds"]>[0]>) =>
        index.matchingIds({ match: term("banjir"), limit: 10, now, ...query });
      assert.deepEqual(await ids({}), [3, 2, 1], "ids descending; 4 is not published yet");
      assert.deepEqual(await ids({ limit: 2 }), [3, 2]);
      assert.deepEqual(await ids({ exclude: [term("rob")] }), [2, 1]);
      assert.deepEqual(await ids({ filters: { sectionIds: [2] } }), [1]);
      assert.deepEqual(await ids({ filters: { personIds: [5] } }), [2]);
      assert.deepEqual(await ids({ filters: { from: daysAgo(3) } }), [3, 1]);
      assert.deepEqual(await ids({ excludeIds: [3] }), [2, 1]);
      assert.deepEqual(await ids({ match: { kind: "phrase", terms: ["banjir", "bandang"] } }), [2]);
      assert.deepEqual(await ids({ match: { kind: "phrase", terms: ["bandang", "banjir"] } }), []);
      assert.deepEqual(
        await ids({ match: { kind: "any", nodes: [term("hujan"), term("rob")] } }),
        [3, 1],
        "any of the words",
      );
      assert.deepEqual(await ids({ limit: 0 }), []);
    });

    it("knows its vocabulary for typo tolerance; facet tokens are never suggested", async () => {
      assert.equal(await index.documentFrequency("banjir"), 4);
      assert.equal(await index.documentFrequency("banjr"), 0);
      assert.deepEqual(await index.similarTerms("banjr", 1), [{ term: "banjir", documents: 4 }]);
      assert.deepEqual(await index.similarTerms("s3", 1), []);
    });

    it("counts many stems at once as it counts each, capped the same", async () => {
      const stems = ["banjir", "banjr", "banjir", "x".repeat(3000)];
      const counts = await index.documentFrequencies(stems);
      assert.deepEqual(
        [...counts],
        [
          ["banjir", 4],
          ["banjr", 0],
          ["x".repeat(3000), 0],
        ],
      );
      assert.deepEqual([...(await index.documentFrequencies(["banjir"], 2))], [["banjir", 2]]);
      assert.equal(await index.documentFrequency("banjir", 2), 2);
      assert.deepEqual([...(await index.documentFrequencies([]))], []);
    });

    it("a batch upserts and removes together, or not at all", async () => {
      await index.writeBatch({
        upsert: [doc(20, { headline: "gerhana bulan" }), doc(21, { headline: "gerhana matahari" })],
        remove: [],
      });
      assert.equal((await index.search({ match: term("gerhana"), limit: 10, now })).total, 2);
      await index.writeBatch({ upsert: [doc(22, { headline: "gerhana cincin" })], remove: [20, 21, 999] });
      assert.deepEqual(
        (await index.search({ match: term("gerhana"), limit: 10, now })).hits.map((h) => h.id),
        [22],
      );
      // A document that cannot be written fails the whole batch: nothing of it is kept.
      const broken = { ...doc(23, { headline: "gerhana total" }), publishedAt: new Date(Number.NaN) };
      await assert.rejects(
        index.writeBatch({ upsert: [doc(24, { headline: "gerhana parsial" }), broken], remove: [22] }),
      );
      assert.deepEqual(
        (await index.search({ match: term("gerhana"), limit: 10, now })).hits.map((h) => h.id),
        [22],
      );
      await index.writeBatch({ upsert: [], remove: [22] });
    });

    it("upsert replaces, remove deletes, rebuild replaces everything", async () => {
      await index.upsert(doc(3, { lede: "kemarau panjang", publishedAt: daysAgo(2) }));
      assert.equal((await index.search({ match: term("rob"), limit: 10, now })).total, 0);
      await index.remove(3);
      assert.equal((await index.search({ match: term("kemarau"), limit: 10, now })).total, 0);
      const seen: number[] = [];
      const count = await index.rebuild([doc(10, { body: "gempa" }), doc(11, { body: "gempa susulan" })], {
        progress: (done) => seen.push(done),
      });
      assert.equal(count, 2);
      assert.deepEqual(await index.ids(), [10, 11]);
      assert.deepEqual(seen, [2]);
      const stats = await index.stats();
      assert.equal(stats.documents, 2);
      assert.ok(stats.terms >= 2);
    });
  });

  describe(`${label} index, ranking several words`, { skip: options.skip }, () => {
    it("a story with every word in its headline comes first, also beside a word in every story, an alias or a tag", async () => {
      const { index: ranked, close } = await open();
      try {
        const filler = Array.from({ length: 60 }, (_, i) =>
          doc(100 + i, {
            body: `gempa kecil ${i % 2 === 0 ? "palu" : "donggala"}`,
            tagIds: [i % 3],
            publishedAt: daysAgo(10 + i),
          }),
        );
        await ranked.rebuild([
          ...filler,
          doc(1, { body: "gempa melanda palu", tagIds: [1], publishedAt: daysAgo(1) }),
          doc(2, { headline: "gempa palu", body: "warga mengungsi", tagIds: [1], publishedAt: daysAgo(3) }),
          doc(3, { headline: "korea utara uji rudal", publishedAt: daysAgo(5) }),
          doc(4, { body: "korut uji rudal", publishedAt: daysAgo(1) }),
        ]);
        const search = async (query: Omit<Parameters<SearchIndex["search"]>[0], "limit" | "now">) =>
          (await ranked.search({ ...query, limit: 100, now })).hits.map((h) => h.id);
        const both = { kind: "all" as const, nodes: [term("gempa"), term("palu")] };
        const all = await search({ match: both });
        assert.equal(all[0], 2, "both words in the headline");
        assert.equal(all.length, 32);
        assert.deepEqual(
          await search({ match: both, filters: { tagIds: [1] } }).then((ids) => ids.slice(0, 2)),
          [2, 1],
        );
        const alias = {
          kind: "any" as const,
          nodes: [term("korut"), { kind: "phrase" as const, terms: ["korea", "utara"] }],
        };
        assert.deepEqual(await search({ match: { kind: "all", nodes: [alias, term("rudal")] } }), [3, 4]);
        // Field weights: a word in the body outranks the same word only in credits or tag names.
        await ranked.upsert(doc(5, { body: "laporan cuaca", extra: "sutopo", publishedAt: daysAgo(1) }));
        await ranked.upsert(doc(6, { body: "sutopo memantau cuaca", publishedAt: daysAgo(2) }));
        assert.deepEqual(await search({ match: term("sutopo") }), [6, 5]);
      } finally {
        await close();
      }
    });
  });

  describe(`${label} index, newsroom layout`, { skip: options.skip }, () => {
    it("keeps its own documents beside the public index's and filters by status", async () => {
      const opened = await open();
      try {
        const staff = opened.newsroom();
        await staff.ready?.();
        await opened.index.upsert(doc(1, { headline: "waduk baru" }));
        await staff.rebuild([
          doc(1, { headline: "waduk baru", status: "published" }),
          doc(2, { headline: "waduk rencana", status: "draft" }),
          doc(3, { body: "waduk jadwal", status: "scheduled" }),
        ]);
        const ids = async (on: SearchIndex, filters: object = {}) =>
          (await on.search({ match: term("waduk"), filters, limit: 10, now })).hits.map((h) => h.id).sort();
        assert.deepEqual(await ids(opened.index), [1], "the public index is untouched");
        assert.deepEqual(await ids(staff), [1, 2, 3]);
        assert.deepEqual(await ids(staff, { statuses: ["draft"] }), [2]);
        assert.deepEqual(await ids(staff, { statuses: ["scheduled", "published"] }), [1, 3]);
        assert.deepEqual(
          await staff.matchingIds({ match: term("waduk"), filters: { statuses: ["draft"] }, limit: 10, now }),
          [2],
        );
        await staff.upsert(doc(2, { headline: "waduk rencana", status: "in_review" }));
        assert.deepEqual(await ids(staff, { statuses: ["draft"] }), []);
        assert.deepEqual(await ids(staff, { statuses: ["in_review"] }), [2]);
        assert.deepEqual(await staff.ids(), [1, 2, 3]);
        assert.deepEqual(await opened.index.ids(), [1]);
      } finally {
        await opened.close();
      }
    });
  });

  describe(`${label} index, broad queries`, { skip: options.skip }, () => {
    it("count every match and page past the ranking window; the time guard still holds", async () => {
      const { index: broad, close } = await open();
      try {
        const docs = Array.from({ length: 2_600 }, (_, i) =>
          doc(i + 1, {
            body: i % 2 === 0 ? "harga beras naik" : "harga cabai",
            publishedAt: daysAgo(3000 - i),
          }),
        );
        await broad.rebuild(docs);
        const all = await broad.search({ match: term("harga"), limit: 10, now });
        assert.equal(all.total, 1_000);
        assert.equal(all.exhaustive, false, "counted up to the cap");
        assert.equal(all.hits.length, 10);
        const deep = await broad.search({ match: term("harga"), limit: 10, offset: 2_590, now });
        assert.equal(deep.hits.length, 10);
        assert.equal(deep.total, 2_600);
        assert.equal(deep.exhaustive, true);
        const byDate = await broad.search({ match: term("beras"), sort: "date", limit: 3, now });
        assert.deepEqual(
          byDate.hits.map((h) => h.id),
          [2599, 2597, 2595],
        );
        const phrase = await broad.search({
          match: { kind: "phrase", terms: ["harga", "beras"] },
          limit: 10,
          offset: 1_290,
          now,
        });
        assert.deepEqual([phrase.total, phrase.exhaustive, phrase.hits.length], [1_300, true, 10]);
        const reversed = await broad.search({
          match: { kind: "phrase", terms: ["beras", "harga"] },
          limit: 10,
          now,
        });
        assert.equal(reversed.total, 0, "every story holds both words, none in this order");
        await broad.upsert(doc(5_000, { body: "harga", publishedAt: new Date(now.getTime() + 1000) }));
        const guarded = await broad.search({ match: term("harga"), limit: 5, now });
        assert.equal(guarded.total, 1_000);
        assert.ok(!guarded.hits.some((h) => h.id === 5_000));
      } finally {
        await close();
      }
    });
  });
}
