/**
 * Stemmer benchmark: accuracy on the public word → stem lists in ../shared/data/stemmer/ and speed in
 * words per second, cold cache (every word stemmed for the first time) and warm cache (a token stream
 * shaped by the UD-CSUI frequencies, all words already cached). Medians of several runs.
 *
 *   npx node bench/stemmer.bench.ts         prints a summary, writes bench/results/stemmer.json
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import {
  measureAccuracy,
  readStemPairs,
  SASTRAWI_FULL_DICTIONARY_EXCEPTIONS,
} from "../src/search/analyzer/evaluation.ts";
import type { StemPair } from "../src/search/analyzer/evaluation.ts";
import { loadRootWords } from "../src/search/analyzer/root-words.ts";
import { createStemmer } from "../src/search/analyzer/stemmer.ts";

const DATA_DIR = new URL("../../shared/data/stemmer/", import.meta.url);
const RESULT_FILE = new URL("./results/stemmer.json", import.meta.url);

export interface AccuracyResult {
  readonly file: string;
  readonly total: number;
  readonly correct: number;
  readonly accuracyPercent: number;
}

export interface StemmerBenchResult {
  readonly date: string;
  readonly node: string;
  readonly rootWords: number;
  readonly dictionaryLoadMs: number;
  readonly accuracy: readonly AccuracyResult[];
  readonly speed: {
    readonly runs: number;
    readonly coldWords: number;
    readonly coldWordsPerSecond: number;
    readonly warmWords: number;
    readonly warmWordsPerSecond: number;
  };
}

export interface RunOptions {
  readonly runs?: number;
  readonly dataDir?: URL;
}

export function run(options: RunOptions = {}): StemmerBenchResult {
  const runs = options.runs ?? 7;
  const dataDir = options.dataDir ?? DATA_DIR;
  const loadStart = performance.now();
  const rootWords = loadRootWords();
  const dictionaryLoadMs = performance.now() - loadStart;

  const sastrawiFile = new URL("sastrawi-test-pairs.tsv", dataDir);
  const udFile = new URL("ud-csui-lemma-pairs.tsv", dataDir);
  if (!existsSync(sastrawiFile) || !existsSync(udFile)) {
    throw new Error(`evaluation lists not found in ${dataDir.pathname}`);
  }
  const sastrawi = readStemPairs(sastrawiFile);
  const ud = readStemPairs(udFile);
  const stemmer = createStemmer({ rootWords });
  const accuracyOf = (file: string, pairs: readonly StemPair[]): AccuracyResult => {
    const report = measureAccuracy(stemmer, pairs);
    return {
      file,
      total: report.total,
      correct: report.correct,
      accuracyPercent: round(report.accuracy * 100),
    };
  };
  const accuracy = [
    accuracyOf("sastrawi-test-pairs.tsv", sastrawi),
    accuracyOf(
      "sastrawi-test-pairs.tsv (without the 7 full-dictionary exceptions)",
      sastrawi.filter((pair) => !SASTRAWI_FULL_DICTIONARY_EXCEPTIONS.has(pair.word)),
    ),
    accuracyOf("ud-csui-lemma-pairs.tsv", ud),
  ];

  const unique = [...new Set([...ud, ...sastrawi].flatMap((pair) => pair.word.toLowerCase().split(/\s+/u)))];
  const stream = frequencyStream(udFile);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const fresh = createStemmer({ rootWords });
    cold.push(wordsPerSecond(unique, (word) => fresh.stem(word)));
    warm.push(wordsPerSecond(stream, (word) => fresh.stem(word)));
  }
  return {
    date: new Date().toISOString(),
    node: process.version,
    rootWords: rootWords.size,
    dictionaryLoadMs: round(dictionaryLoadMs),
    accuracy,
    speed: {
      runs,
      coldWords: unique.length,
      coldWordsPerSecond: Math.round(median(cold)),
      warmWords: stream.length,
      warmWordsPerSecond: Math.round(median(warm)),
    },
  };
}

/** Every UD-CSUI word repeated by its treebank frequency, in a fixed pseudo-random order. */
function frequencyStream(file: URL): string[] {
  const words: string[] = [];
  for (const pair of readStemPairs(file)) {
    const repeat = Math.max(1, pair.freq ?? 1);
    for (let i = 0; i < repeat; i++) words.push(pair.word);
  }
  let seed = 42;
  for (let i = words.length - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = seed % (i + 1);
    [words[i], words[j]] = [words[j] ?? "", words[i] ?? ""];
  }
  return words;
}

function wordsPerSecond(words: readonly string[], stem: (word: string) => string): number {
  let sink = 0;
  const start = performance.now();
  for (const word of words) sink += stem(word).length;
  const seconds = (performance.now() - start) / 1000;
  if (sink < 0) throw new Error("unreachable");
  return words.length / seconds;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function main(): void {
  const result = run();
  for (const entry of result.accuracy) {
    console.log(
      `accuracy  ${entry.file}: ${entry.correct}/${entry.total} = ${entry.accuracyPercent.toFixed(2)}%`,
    );
  }
  const { speed } = result;
  console.log(`dictionary ${result.rootWords} root words loaded in ${result.dictionaryLoadMs} ms`);
  console.log(
    `speed     cold cache: ${speed.coldWordsPerSecond.toLocaleString("en")} words/s (${speed.coldWords} unique words, median of ${speed.runs})`,
  );
  console.log(
    `speed     warm cache: ${speed.warmWordsPerSecond.toLocaleString("en")} words/s (${speed.warmWords}-token stream, median of ${speed.runs})`,
  );
  mkdirSync(new URL("./", RESULT_FILE), { recursive: true });
  writeFileSync(RESULT_FILE, JSON.stringify(result, null, 2) + "\n");
  console.log(`wrote ${RESULT_FILE.pathname}`);
}

if (import.meta.main) main();
