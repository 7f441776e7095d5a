/**
 * Relevance regression on a fixed slice of the search development set (../shared/data/search-dev/,
 * see its README; the full set is `npm run bench -- --only relevance`): the first SLICE passages
 * imported as published stories (headline `Dokumen <id>`, the passage as the body, as the bench
 * does), and every question answered by one of them asked through the search service exactly as
 * typed. Fails when MRR@10 drops below what the pipeline reaches minus a margin. SQLite by default,
 * PostgreSQL with WARTA_TEST_POSTGRES_URL (the same threshold on both: the order is the shared
 * scorer's).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { bodyOf, buildArticle, buildSection } from "../testing/factories.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import { SEARCH_DEFAULTS } from "./search.service.ts";

const DATA = new URL("../../../shared/data/search-dev/", import.meta.url);
/** Passages imported (the corpus's first ones, in file order): 442 questions are answered there. */
const SLICE = 250;
/**
 * Measured on this slice: 0.785 on SQLite and on PostgreSQL (0.780 before the early-mention bonus);
 * the test fails MARGIN below it.
 */
const REACHED = 0.785;
const MARGIN = 0.03;

const lines = (name: string) =>
  readFileSync(new URL(name, DATA), "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0);

const passages = lines("corpus.jsonl")
  .slice(0, SLICE)
  .map((line) => JSON.parse(line) as { id: string; text: string });
const inSlice = new Set(passages.map((p) => p.id));
const relevant = new Map(
  lines("qrels.txt")
    .map((line) => line.trim().split(/\s+/u))
    .filter(([, , docId]) => docId !== undefined && inSlice.has(docId))
    .map(([qid, , docId]) => [qid as string, docId as string]),
);
const questions = lines("queries.jsonl")
  .map((line) => JSON.parse(line) as { qid: string; query: string })
  .flatMap((q) => {
    const docId = relevant.get(q.qid);
    return docId ? [{ query: q.query, relevant: docId }] : [];
  });

let ctx: TestContext;
const passageOf = new Map<number, string>();

before(async () => {
  ctx = await createTestContext();
  const section = await buildSection(ctx.deps, { name: "Ensiklopedia", slug: "ensiklopedia" });
  for (const passage of passages) {
    const article = await buildArticle(ctx.deps, {
      headline: `Dokumen ${passage.id}`,
      body: bodyOf(passage.text),
      sectionId: section.id,
    });
    passageOf.set(article.id, passage.id);
  }
  await ctx.deps.search.flush();
});
after(async () => {
  await ctx.close();
});

describe("relevance regression on a fixed slice of the dev set", () => {
  it(`MRR@10 stays near ${REACHED} (fails below ${(REACHED - MARGIN).toFixed(3)})`, async () => {
    assert.equal(questions.length, 442, "the slice's questions");
    let reciprocal = 0;
    for (const question of questions) {
      const results = await ctx.deps.search.search({ ...SEARCH_DEFAULTS, q: question.query, pageSize: 10 });
      const at = results.items.findIndex((item) => passageOf.get(item.id) === question.relevant);
      if (at >= 0) reciprocal += 1 / (at + 1);
    }
    const mrr = reciprocal / questions.length;
    assert.ok(mrr >= REACHED - MARGIN, `MRR@10 ${mrr.toFixed(3)} on ${questions.length} questions`);
  });
});
