import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatAnalysis } from "./analyze-command.ts";
import { createAnalyzer } from "./analyzer.ts";
import { loadRootWords } from "./root-words.ts";
import { createStemmer } from "./stemmer.ts";
import { INDONESIAN_STOP_WORDS, isStopWord } from "./stopwords.ts";

const analyzer = createAnalyzer({ stemmer: createStemmer({ rootWords: loadRootWords() }) });

describe("stop words", () => {
  it("holds the common function words, folded", () => {
    for (const word of ["yang", "dan", "di", "ke", "dari", "ini", "itu", "untuk", "dengan", "adalah"]) {
      assert.ok(isStopWord(word), word);
    }
    assert.ok(INDONESIAN_STOP_WORDS.size >= 100 && INDONESIAN_STOP_WORDS.size <= 250);
    for (const word of INDONESIAN_STOP_WORDS) assert.match(word, /^[a-z]+$/u);
  });

  it("leaves content words out", () => {
    for (const word of ["presiden", "harga", "rusia", "as", "korut", "banjir"]) assert.ok(!isStopWord(word));
  });
});

describe("createAnalyzer", () => {
  it("folds, stems, drops stop words and keeps offsets and positions", () => {
    const text = "Presiden Putin menegaskan bahwa KTT di Kazan memperkuat kerja sama.";
    const tokens = analyzer.analyze(text);
    assert.deepEqual(
      tokens.map(({ token, stem }) => [token, stem]),
      [
        ["presiden", "presiden"],
        ["putin", "putin"],
        ["menegaskan", "tegas"],
        ["ktt", "ktt"],
        ["kazan", "kazan"],
        ["memperkuat", "kuat"],
        ["kerja", "kerja"],
        ["sama", "sama"],
      ],
    );
    const kazan = tokens.find((token) => token.token === "kazan");
    assert.deepEqual(kazan, { token: "kazan", stem: "kazan", start: 39, end: 44, position: 6 });
    assert.equal(text.slice(kazan.start, kazan.end), "Kazan");
  });

  it("keeps stop words on request, with contiguous positions", () => {
    const tokens = analyzer.analyze("Rapat di Jakarta", { keepStopWords: true });
    assert.deepEqual(
      tokens.map(({ token, position }) => [token, position]),
      [
        ["rapat", 0],
        ["di", 1],
        ["jakarta", 2],
      ],
    );
  });

  it("does not mangle abbreviations and proper nouns", () => {
    const stems = analyzer.analyze("AS, Korut, KTT BRICS, Putin, Jokowi").map((token) => token.stem);
    assert.deepEqual(stems, ["as", "korut", "ktt", "brics", "putin", "jokowi"]);
  });

  it("folds accents and stems reduplication", () => {
    const tokens = analyzer.analyze("Anak-anak BERLARI-LARI di café");
    assert.deepEqual(
      tokens.map(({ token, stem }) => [token, stem]),
      [
        ["anak-anak", "anak"],
        ["berlari-lari", "lari"],
        ["cafe", "cafe"],
      ],
    );
  });

  it("indexes numbers without thousands separators", () => {
    assert.equal(
      analyzer.toIndexText("3.000 delegasi, 16 negara, 2024, 2,5 persen"),
      "3000 delegasi 16 negara 2024 2,5 persen",
    );
  });

  it("builds index text from stems", () => {
    assert.equal(
      analyzer.toIndexText("Pemerintah mengirimkan bantuan untuk pengungsi di Kazan"),
      "perintah kirim bantu ungsi kazan",
    );
    assert.equal(analyzer.toIndexText(""), "");
  });
});

describe("formatAnalysis", () => {
  it("prints one token<TAB>stem line per token", () => {
    assert.equal(formatAnalysis("Pertahanan diperkuat", analyzer), "pertahanan\ttahan\ndiperkuat\tkuat");
    assert.equal(formatAnalysis("yang dan", analyzer), "");
  });
});
