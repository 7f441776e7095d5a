import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { matchWithout, toTsquery, toTsvectorLiteral } from "./tsquery.ts";

describe("tsvector and tsquery literals", () => {
  it("weights fields A–D, keeps positions, and leaves a gap between fields", () => {
    assert.equal(
      toTsvectorLiteral({ headline: "banjir jakarta", lede: "banjir", body: "it's", extra: "" }),
      "'banjir':1A,11B 'jakarta':2A 'it''s':20C",
    );
  });

  it("quotes every lexeme, so user text is never tsquery syntax", () => {
    assert.equal(toTsquery({ kind: "term", term: "a & !b" }), "'a & !b'");
    assert.equal(toTsquery({ kind: "term", term: "c:\\" }), "'c:\\\\'");
    assert.equal(
      toTsquery({ kind: "phrase", terms: ["pakta", "tahan", "sama"] }),
      "('pakta' <-> 'tahan' <-> 'sama')",
    );
    assert.equal(
      toTsquery({
        kind: "all",
        nodes: [
          { kind: "term", term: "a" },
          {
            kind: "any",
            nodes: [
              { kind: "term", term: "b" },
              { kind: "term", term: "c" },
            ],
          },
        ],
      }),
      "('a' & ('b' | 'c'))",
    );
    assert.equal(
      matchWithout({ kind: "term", term: "banjir" }, [{ kind: "term", term: "rob" }]),
      "'banjir' & !'rob'",
    );
  });

  it("a stem too long to be a lexeme matches nothing and is left out of the vector", () => {
    const long = "a".repeat(3_000);
    assert.equal(toTsquery({ kind: "term", term: long }), null);
    assert.equal(
      toTsquery({
        kind: "any",
        nodes: [
          { kind: "term", term: long },
          { kind: "term", term: "b" },
        ],
      }),
      "'b'",
    );
    assert.equal(matchWithout({ kind: "term", term: "b" }, [{ kind: "term", term: long }]), "'b'");
    assert.equal(toTsvectorLiteral({ headline: `${long} b`, lede: "", body: "", extra: "" }), "'b':2A");
  });
});
