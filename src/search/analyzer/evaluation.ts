/**
 * Accuracy evaluation of the stemmer against word → expected-stem lists (TSV with a header line,
 * word in the first column, expected stem in the second). Shared by the tests and the benchmark.
 */
import { readFileSync } from "node:fs";
import type { Stemmer } from "./stemmer.ts";

/**
 * Sastrawi test pairs whose expected stem was produced with a smaller test dictionary: with the full
 * dictionary the word itself (or another reading) is a root, so they legitimately differ.
 */
export const SASTRAWI_FULL_DICTIONARY_EXCEPTIONS: ReadonlySet<string> = new Set([
  "apatah",
  "belikan",
  "rerata",
  "lelembut",
  "idealis",
  "idealisme",
  "pendua",
]);

export interface StemPair {
  readonly word: string;
  readonly expected: string;
  /** Corpus frequency, when the list has a `freq` column. */
  readonly freq?: number;
}

export interface StemMismatch extends StemPair {
  readonly actual: string;
}

export interface AccuracyReport {
  readonly total: number;
  readonly correct: number;
  readonly accuracy: number;
  readonly mismatches: readonly StemMismatch[];
}

export function parseStemPairs(tsv: string): StemPair[] {
  const [header = "", ...lines] = tsv.split("\n");
  const freqColumn = header.trim().split("\t").indexOf("freq");
  const pairs: StemPair[] = [];
  for (const line of lines) {
    const columns = line.replace(/\r$/u, "").split("\t");
    const [word, expected] = columns;
    if (word === undefined || expected === undefined || word.length === 0) continue;
    const freq = freqColumn >= 0 ? Number(columns[freqColumn]) : Number.NaN;
    pairs.push(Number.isFinite(freq) ? { word, expected, freq } : { word, expected });
  }
  return pairs;
}

export function readStemPairs(file: URL | string): StemPair[] {
  return parseStemPairs(readFileSync(file, "utf8"));
}

/** Stem each space-separated word of `text` (some pairs are short phrases) and re-join with spaces. */
export function stemPhrase(stemmer: Stemmer, text: string): string {
  return text
    .toLowerCase()
    .split(/\s+/u)
    .filter((word) => word.length > 0)
    .map((word) => stemmer.stem(word))
    .join(" ");
}

export function measureAccuracy(stemmer: Stemmer, pairs: readonly StemPair[]): AccuracyReport {
  const mismatches: StemMismatch[] = [];
  for (const pair of pairs) {
    const actual = stemPhrase(stemmer, pair.word);
    if (actual !== pair.expected.toLowerCase()) mismatches.push({ ...pair, actual });
  }
  const total = pairs.length;
  const correct = total - mismatches.length;
  return { total, correct, accuracy: total === 0 ? 0 : correct / total, mismatches };
}
