import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ArticleFields } from "../lib/types.ts";
import { mergeFields, resolveConflicts } from "./merge.ts";

const p = (text: string) => ({ type: "paragraph" as const, content: [{ text }] });

const BASE: ArticleFields = {
  headline: "Banjir di Jakarta",
  sectionId: 1,
  lede: "Hujan deras semalam.",
  dateline: { place: "Jakarta", outlet: null, timeZone: "Asia/Jakarta" },
  body: { version: 1, blocks: [p("Satu."), p("Dua."), p("Tiga.")] },
  credits: [{ role: "penulis", personId: 1 }],
  tagIds: [1],
  hero: null,
  sources: [],
};

describe("merging two people's edits of one story", () => {
  it("takes each side's change when they touch different fields or different blocks", () => {
    const mine = {
      ...BASE,
      headline: "Banjir besar di Jakarta",
      body: { version: 1 as const, blocks: [p("Satu!"), p("Dua."), p("Tiga.")] },
    };
    const theirs = {
      ...BASE,
      lede: "Hujan deras sejak sore.",
      body: { version: 1 as const, blocks: [p("Satu."), p("Dua."), p("Tiga!")] },
    };
    const result = mergeFields(BASE, mine, theirs);
    assert.deepEqual(result.conflicts, []);
    assert.equal(result.merged.headline, "Banjir besar di Jakarta");
    assert.equal(result.merged.lede, "Hujan deras sejak sore.");
    assert.deepEqual(result.merged.body.blocks, [p("Satu!"), p("Dua."), p("Tiga!")]);
  });

  it("reports real overlaps and keeps mine until the user chooses", () => {
    const mine = { ...BASE, headline: "Versi A", body: { version: 1 as const, blocks: [p("Satu A.")] } };
    const theirs = {
      ...BASE,
      headline: "Versi B",
      tagIds: [1, 2],
      body: { version: 1 as const, blocks: [p("Satu B."), p("Dua.")] },
    };
    const result = mergeFields(BASE, mine, theirs);
    assert.deepEqual(result.conflicts, ["headline", "body"]);
    assert.equal(result.merged.headline, "Versi A");
    assert.deepEqual(result.merged.tagIds, [1, 2], "their non-overlapping change is kept");
    const chosen = resolveConflicts(result, theirs, { headline: "theirs", body: "mine" });
    assert.equal(chosen.headline, "Versi B");
    assert.deepEqual(chosen.body.blocks, [p("Satu A.")]);
  });

  it("is not a conflict when both made the same change", () => {
    const both = { ...BASE, headline: "Sama" };
    assert.deepEqual(mergeFields(BASE, both, { ...both }).conflicts, []);
  });
});
