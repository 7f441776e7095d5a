import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DF_SAMPLE, estimateFrequency, freshness, phrasesOf, requiredOf } from "./fts5-rank.ts";

describe("FTS5 ranking helpers", () => {
  const corpus = { documents: 1_000_000, minId: 1, maxId: 1_000_000 };
  /** A fake "newest matches" reader: every `every`-th id from the top matches. */
  const matchingEvery = (every: number) => (_expression: string, limit: number) =>
    Array.from({ length: Math.min(limit, Math.floor(corpus.maxId / every)) }, (_, i) => ({
      id: corpus.maxId - i * every,
    }));

  it("counts exactly below the sample and extrapolates from how far back the sample reached", () => {
    assert.equal(estimateFrequency(matchingEvery(1_000), "x", corpus), 1_000);
    // Every 4th story: the 2 000 newest reach back 8 000 ids, so about 250 000 in a million.
    assert.equal(estimateFrequency(matchingEvery(4), "x", corpus), 250_000);
    assert.equal(estimateFrequency(matchingEvery(1), "x", corpus), 1_000_000);
    assert.ok(estimateFrequency(matchingEvery(1), "x", { ...corpus, documents: 500_000 }) <= 500_000);
    assert.equal(DF_SAMPLE, 2_000);
  });

  it("knows the phrases of a query once each, and which of them every match holds", () => {
    const alias = {
      kind: "any" as const,
      nodes: [
        { kind: "term" as const, term: "korut" },
        { kind: "phrase" as const, terms: ["korea", "utara"] },
      ],
    };
    const match = {
      kind: "all" as const,
      nodes: [alias, { kind: "term" as const, term: "rudal" }, { kind: "term" as const, term: "korut" }],
    };
    assert.deepEqual([...phrasesOf(match).keys()], ['"korut"', '"korea utara"', '"rudal"']);
    assert.deepEqual(requiredOf(match), match.nodes);
    assert.deepEqual(requiredOf(alias), [alias]);
  });

  it("freshness: 1.5 for a story published now, 1.25 a month later, never above 1.5 for a future one", () => {
    const now = 1_800_000_000;
    assert.equal(freshness(now, now), 1.5);
    assert.equal(freshness(now - 30 * 86_400, now), 1.25);
    assert.equal(freshness(now + 3_600, now), 1.5);
  });
});
