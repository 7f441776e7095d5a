/**
 * Queries as people type them (strict → relaxed), through the search service on a real store:
 * SQLite by default, PostgreSQL with WARTA_TEST_POSTGRES_URL (the same assertions on both).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Section } from "../core/section.ts";
import { bodyOf, buildArticle, buildSection } from "../testing/factories.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import { SEARCH_DEFAULTS } from "./search.service.ts";

let ctx: TestContext;
let sejarah: Section;
let budaya: Section;
const ids: Record<string, number> = {};

const search = (q: string, extra: Partial<typeof SEARCH_DEFAULTS> = {}) =>
  ctx.deps.search.search({ ...SEARCH_DEFAULTS, q, ...extra });
const found = async (q: string, extra: Partial<typeof SEARCH_DEFAULTS> = {}) =>
  (await search(q, extra)).items.map((item) => item.id);

// The fixture: a few stories about Javanese kingdoms, written for this test.
const STORIES = {
  erlangga: {
    section: "sejarah",
    headline: "Erlangga membagi kerajaannya",
    body: "Raja Erlangga membagi Kahuripan kepada dua penerusnya, Jenggala dan Panjalu, pada tahun 1045.",
  },
  candi: {
    section: "budaya",
    headline: "Candi-candi peninggalan Kahuripan",
    body: "Kahuripan meninggalkan candi dan petirtaan yang masih dikunjungi peziarah.",
  },
  majapahit: {
    section: "sejarah",
    headline: "Majapahit di bawah Hayam Wuruk",
    body: "Hayam Wuruk memerintah Majapahit bersama Mahapatih Gajah Mada hingga 1389.",
  },
  cuaca: {
    section: "budaya",
    headline: "Hujan deras di Jakarta",
    body: "Hujan deras mengguyur Jakarta sejak pagi; genangan muncul di beberapa ruas jalan.",
  },
} as const;

before(async () => {
  ctx = await createTestContext();
  sejarah = await buildSection(ctx.deps, { name: "Sejarah", slug: "sejarah" });
  budaya = await buildSection(ctx.deps, { name: "Budaya", slug: "budaya" });
  for (const [key, story] of Object.entries(STORIES)) {
    const article = await buildArticle(ctx.deps, {
      headline: story.headline,
      body: bodyOf(story.body),
      sectionId: story.section === "sejarah" ? sejarah.id : budaya.id,
    });
    ids[key] = article.id;
  }
});
after(async () => {
  await ctx.close();
});

describe("relaxed search", () => {
  it("a question whose words are not all in any story finds the story holding most of them, labelled relaxed", async () => {
    const results = await search("Siapakah penerus Raja Erlangga di Kahuripan yang terkenal?");
    assert.equal(results.relaxed, true);
    assert.equal(results.items[0]?.id, ids.erlangga);
    assert.equal(results.items[0]?.allWords, false);
    assert.ok(!results.items.some((item) => item.id === ids.cuaca), "a story with none of the words");
    assert.ok(results.total >= 2);
  });

  it("stays strict while enough stories hold every word (no relaxation for one word)", async () => {
    const one = await search("Kahuripan");
    assert.equal(one.relaxed, false);
    assert.deepEqual(new Set(one.items.map((i) => i.id)), new Set([ids.erlangga, ids.candi]));
    assert.ok(one.items.every((item) => item.allWords));
    // One word unknown to every story: nothing to relax to, nothing found.
    const none = await search("zzqxv");
    assert.equal(none.items.length, 0);
    assert.equal(none.relaxed, false);
  });

  it("question words and particles are not searched for", async () => {
    const plain = await found("penerus Erlangga");
    for (const q of [
      "Siapakah penerus Erlangga?",
      "siapa penerus erlangga",
      "Di mana penerus Erlangga?",
      "dimanakah penerus Erlangga",
      "Bagaimanakah penerus Erlangga",
      "Kapankah penerus Erlangga?",
      "Berapakah penerus Erlangga",
      "Mengapa penerus Erlangga",
      "Apakah penerus Erlangga",
    ]) {
      const results = await search(q);
      assert.deepEqual(
        results.items.map((i) => i.id),
        plain,
        q,
      );
      assert.equal(results.relaxed, false, q);
      assert.deepEqual(results.corrections, [], q);
    }
  });

  it("a quoted phrase stays required when the other words relax", async () => {
    const results = await search('"Raja Erlangga" candi peziarah');
    assert.equal(results.relaxed, true);
    assert.deepEqual(
      results.items.map((i) => i.id),
      [ids.erlangga],
      "the candi story holds the words but not the phrase",
    );
  });

  it("an exclusion stays strict when the other words relax", async () => {
    const results = await search("penerus Erlangga Kahuripan candi -Jenggala");
    assert.equal(results.relaxed, true);
    assert.ok(!results.items.some((item) => item.id === ids.erlangga), "it says Jenggala");
    assert.equal(results.items[0]?.id, ids.candi);
  });

  it("filters are kept in relaxed results", async () => {
    const results = await search("Kahuripan candi Majapahit", { section: "sejarah" });
    assert.equal(results.relaxed, true);
    assert.equal(results.filters.section, "Sejarah");
    assert.deepEqual(new Set(results.items.map((i) => i.id)), new Set([ids.erlangga, ids.majapahit]));
  });

  it('"Mungkin maksud Anda": a dictionary word no story holds is offered its indexed neighbour', async () => {
    const results = await search("candu Kahuripan");
    assert.equal(results.relaxed, true);
    assert.equal(results.suggestion, "candi Kahuripan");
    assert.equal((await search("candi Kahuripan")).suggestion, null, "strong results: no suggestion");
  });
});

describe("relevance regression on a fixed set of questions (own fixture)", () => {
  // Questions as readers type them, each with the one story that answers it.
  const QUESTIONS: [string, keyof typeof STORIES][] = [
    ["Siapa yang membagi kerajaan Kahuripan?", "erlangga"],
    ["kapan Erlangga membagi kerajaannya", "erlangga"],
    ["Apa saja peninggalan Kahuripan?", "candi"],
    ["dimanakah peziarah berkunjung di Kahuripan", "candi"],
    ["Siapakah mahapatih Majapahit?", "majapahit"],
    ["Sampai tahun berapa Hayam Wuruk memerintah?", "majapahit"],
    ["Mengapa Jakarta tergenang?", "cuaca"],
    ["bagaimana cuaca di Jakarta pagi ini", "cuaca"],
  ];

  it("MRR@10 stays at 1 (measured 1.0; fails below 0.9)", async () => {
    let reciprocal = 0;
    for (const [question, story] of QUESTIONS) {
      const at = (await found(question)).indexOf(ids[story] as number);
      if (at >= 0 && at < 10) reciprocal += 1 / (at + 1);
    }
    const mrr = reciprocal / QUESTIONS.length;
    assert.ok(mrr >= 0.9, `MRR@10 ${mrr.toFixed(3)}`);
  });
});
