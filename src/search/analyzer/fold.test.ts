import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fold } from "./fold.ts";

describe("fold", () => {
  it("lower-cases", () => {
    assert.equal(fold("KOMPAS"), "kompas");
    assert.equal(fold("Korut"), "korut");
  });

  it("strips accents after NFKD decomposition", () => {
    assert.equal(fold("Café"), "cafe");
    assert.equal(fold("naïve CRÈME brûlée"), "naive creme brulee");
    assert.equal(fold("Erdoğan"), "erdogan");
    assert.equal(fold("São Paulo"), "sao paulo");
  });

  it("folds decomposed input the same as precomposed input", () => {
    assert.equal(fold("e\u0301"), fold("\u00e9"));
  });

  it("unfolds compatibility forms", () => {
    assert.equal(fold("ﬁnal"), "final");
    assert.equal(fold("ＡＢＣ"), "abc");
  });

  it("maps letters without a decomposition", () => {
    assert.equal(fold("Straße"), "strasse");
    assert.equal(fold("Łódź"), "lodz");
    assert.equal(fold("Søren"), "soren");
  });

  it("keeps digits and non-Latin letters", () => {
    assert.equal(fold("2024"), "2024");
    assert.equal(fold("Москва"), "москва");
  });
});
