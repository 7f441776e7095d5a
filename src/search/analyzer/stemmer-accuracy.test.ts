/**
 * Accuracy against public word → stem lists kept beside the repository in ../shared/data/stemmer/
 * (not vendored: they are evaluation data). Skipped, with a message, when that folder is absent.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { describe, it } from "node:test";
import { measureAccuracy, readStemPairs, SASTRAWI_FULL_DICTIONARY_EXCEPTIONS } from "./evaluation.ts";
import { loadRootWords } from "./root-words.ts";
import { createStemmer } from "./stemmer.ts";

const DATA_DIR = new URL("../../../../shared/data/stemmer/", import.meta.url);
const SASTRAWI_PAIRS = new URL("sastrawi-test-pairs.tsv", DATA_DIR);
const UD_CSUI_PAIRS = new URL("ud-csui-lemma-pairs.tsv", DATA_DIR);
const skip =
  existsSync(SASTRAWI_PAIRS) && existsSync(UD_CSUI_PAIRS)
    ? false
    : `evaluation lists not found in ${DATA_DIR.pathname} (../shared beside the repository)`;

describe("stemmer accuracy", { skip }, () => {
  const stemmer = createStemmer({ rootWords: loadRootWords() });

  it("stems at least 95% of the Sastrawi test pairs exactly", (t) => {
    const pairs = readStemPairs(SASTRAWI_PAIRS).filter(
      (pair) => !SASTRAWI_FULL_DICTIONARY_EXCEPTIONS.has(pair.word),
    );
    const report = measureAccuracy(stemmer, pairs);
    t.diagnostic(
      `Sastrawi pairs: ${report.correct}/${report.total} = ${(report.accuracy * 100).toFixed(2)}%`,
    );
    for (const miss of report.mismatches)
      t.diagnostic(`  ${miss.word}: expected ${miss.expected}, got ${miss.actual}`);
    assert.ok(report.total > 190, "the Sastrawi list should hold about 200 pairs");
    assert.ok(report.accuracy >= 0.95, `accuracy ${report.accuracy.toFixed(4)} is below 0.95`);
  });

  it("matches at least 90% of the UD Indonesian-CSUI lemmas exactly", (t) => {
    const report = measureAccuracy(stemmer, readStemPairs(UD_CSUI_PAIRS));
    // Most misses are derived words the treebank keeps whole as their own lemma (e.g. "penelitian").
    const keptWhole = report.mismatches.filter((miss) => miss.word === miss.expected).length;
    t.diagnostic(
      `UD-CSUI lemmas: ${report.correct}/${report.total} = ${(report.accuracy * 100).toFixed(2)}%` +
        ` (${keptWhole} of ${report.mismatches.length} misses are words the treebank keeps whole)`,
    );
    assert.ok(report.total > 2400, "the UD-CSUI list should hold about 2,470 pairs");
    assert.ok(report.accuracy >= 0.9, `accuracy ${report.accuracy.toFixed(4)} is below 0.90`);
  });
});
