import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createAnalyzer } from "./analyzer/analyzer.ts";
import { analyzedFields, averageLengths, idf, scoreDocument, type ScoredUnit } from "./relevance-scorer.ts";

const analyzer = createAnalyzer();
const story = (headline: string, lede: string, body: string) =>
  analyzedFields({ headline, lede, body }, (text) => analyzer.analyze(text));
const unit = (stems: string[][], weight = 1): ScoredUnit => ({ alternatives: stems, idf: weight });

describe("shared relevance scorer", () => {
  const filler = "Warga kota berkumpul di alun-alun untuk mendengar pengumuman dari balai kota pagi itu.";

  it("field weights: headline > lede > body; nothing matched scores 0", () => {
    const docs = [
      story("Banjir di Bekasi", "", filler),
      story("Kabar pagi", "Banjir di Bekasi", filler),
      story("Kabar pagi", "", `${filler} Banjir di Bekasi.`),
      story("Kabar pagi", "", filler),
    ];
    const avg = averageLengths(docs);
    const scores = docs.map((d) => scoreDocument(d, [unit([["banjir"]])], avg).score);
    assert.ok(scores[0]! > scores[1]! && scores[1]! > scores[2]! && scores[2]! > 0, String(scores));
    assert.equal(scores[3], 0);
  });

  it("more of the query's words, rarer words, and words early or close together score higher", () => {
    const rare = unit([["erlangga"]], idf(1000, 3));
    const common = unit([["raja"]], idf(1000, 400));
    const both = story("", "", `${filler} Raja Erlangga membagi wilayah.`);
    const rareOnly = story("", "", `${filler} Erlangga membagi wilayah.`);
    const commonOnly = story("", "", `${filler} Raja membagi wilayah.`);
    const early = story("", "", `Erlangga membagi wilayah. ${filler}`);
    const close = story("", "", `${filler} Raja Erlangga membagi wilayah. ${filler}`);
    const apart = story("", "", `${filler} Raja membagi wilayah. ${filler} Erlangga.`);
    const avg = averageLengths([both, rareOnly, commonOnly, early, close, apart]);
    const s = (d: ReturnType<typeof story>, units = [common, rare]) => scoreDocument(d, units, avg);
    assert.ok(s(both).score > s(rareOnly).score);
    assert.ok(s(rareOnly).score > s(commonOnly).score);
    assert.ok(s(early, [rare]).score > s(rareOnly, [rare]).score, "the lead weighs more");
    assert.ok(s(close).score > s(apart).score, "adjacent words get the proximity bonus");
    assert.equal(s(both).matchedUnits, 2);
    assert.equal(s(rareOnly).matchedUnits, 1);
  });

  it("the earlier a word's first mention, the higher (a headline mention is the first of all)", () => {
    const rare = unit([["erlangga"]], idf(1000, 3));
    const at = (prefix: string) => story("", "", `${prefix} Erlangga membagi wilayah. ${filler}`);
    const first = at("");
    const fifth = at("Pada masa itu raja");
    const later = at(filler);
    const inHeadline = story("Erlangga", "", `${filler} ${filler}`);
    const docs = [first, fifth, later, inHeadline];
    const avg = averageLengths(docs);
    const [s0, s5, sLate, sHeadline] = docs.map((d) => scoreDocument(d, [rare], avg).score);
    assert.ok(s0! > s5! && s5! > sLate!, `${s0} ${s5} ${sLate}`);
    assert.ok(sHeadline! > s0!, "headline weight and the first mention");
  });

  it("a phrase counts only where its stems are consecutive; an alias counts any alternative", () => {
    const phrase = unit([["korea", "utara"]]);
    const alias = unit([["korut"], ["korea", "utara"]]);
    const inOrder = story("", "", "Pasukan Korea Utara berlatih.");
    const reversed = story("", "", "Utara dan Korea berlatih.");
    const short = story("", "", "Pasukan Korut berlatih.");
    const avg = averageLengths([inOrder, reversed, short]);
    assert.equal(scoreDocument(inOrder, [phrase], avg).matchedUnits, 1);
    assert.equal(scoreDocument(reversed, [phrase], avg).matchedUnits, 0);
    assert.equal(scoreDocument(short, [alias], avg).matchedUnits, 1);
  });
});
