import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tokenize } from "./tokenizer.ts";

const surfaces = (text: string): string[] => tokenize(text).map((token) => token.surface);

describe("tokenize", () => {
  it("splits words and keeps offsets that slice back to the surface", () => {
    const text = "KAZAN, KOMPAS.TV - Presiden Rusia Vladimir Putin.";
    const tokens = tokenize(text);
    assert.deepEqual(
      tokens.map((token) => token.surface),
      ["KAZAN", "KOMPAS", "TV", "Presiden", "Rusia", "Vladimir", "Putin"],
    );
    for (const token of tokens) assert.equal(text.slice(token.start, token.end), token.surface);
    assert.deepEqual(tokens[0], { surface: "KAZAN", normalized: "KAZAN", kind: "word", start: 0, end: 5 });
  });

  it("reads numbers with thousands separators and decimals as one token", () => {
    const tokens = tokenize("Sebanyak 3.000 orang, 16 negara, tahun 2024, naik 2,5 persen.");
    const numbers = tokens.filter((token) => token.kind === "number").map((token) => token.surface);
    assert.deepEqual(numbers, ["3.000", "16", "2024", "2,5"]);
  });

  it("keeps hyphenated reduplication as one token", () => {
    assert.deepEqual(surfaces("anak-anak berlari-lari, sayur-mayur"), [
      "anak-anak",
      "berlari-lari",
      "sayur-mayur",
    ]);
  });

  it("splits a hyphen before digits", () => {
    assert.deepEqual(surfaces("KTT ke-16 dan Covid-19"), ["KTT", "ke", "16", "dan", "Covid", "19"]);
  });

  it("keeps abbreviations whole", () => {
    assert.deepEqual(surfaces("AS, Korut, KTT BRICS"), ["AS", "Korut", "KTT", "BRICS"]);
    const dotted = tokenize("A.S. dan Rusia");
    assert.equal(dotted[0]?.surface, "A.S");
    assert.equal(dotted[0]?.normalized, "AS");
  });

  it("drops quotes and in-word apostrophes", () => {
    const tokens = tokenize(`"Kami siap," ujarnya pada hari Jum'at. ‘Trump’s’ «oui»`);
    assert.deepEqual(
      tokens.map((token) => token.normalized),
      ["Kami", "siap", "ujarnya", "pada", "hari", "Jumat", "Trump", "oui"],
    );
    const jumat = tokens.find((token) => token.normalized === "Jumat");
    assert.equal(jumat?.surface, "Jum'at");
  });

  it("does not crash on URLs, e-mail addresses, symbols and emoji", () => {
    const text = "Lihat https://www.kompas.tv/article/123?x=1&y=2#a atau redaksi@warta.id 🙂 — ©2024 ½ @#$%";
    const tokens = tokenize(text);
    assert.ok(tokens.length > 0);
    for (const token of tokens) assert.equal(text.slice(token.start, token.end), token.surface);
    assert.ok(tokens.some((token) => token.surface === "kompas"));
  });

  it("handles empty and whitespace-only input", () => {
    assert.deepEqual(tokenize(""), []);
    assert.deepEqual(tokenize("  \n\t — … "), []);
  });

  it("counts offsets in UTF-16 code units around astral characters", () => {
    const text = "𝔸 kata";
    const kata = tokenize(text).find((token) => token.surface === "kata");
    assert.equal(kata?.start, 3);
    assert.equal(text.slice(kata?.start, kata?.end), "kata");
  });
});
