/**
 * The Indonesian analyzer: tokenize → fold → drop stop words → stem. The same analysis feeds the
 * index (FTS5 or tsvector, via `toIndexText`) and the parsing of search queries.
 */
import { fold } from "./fold.ts";
import { loadRootWords } from "./root-words.ts";
import { createStemmer } from "./stemmer.ts";
import type { Stemmer } from "./stemmer.ts";
import { INDONESIAN_STOP_WORDS } from "./stopwords.ts";
import { tokenize } from "./tokenizer.ts";

export interface AnalyzedToken {
  /** The folded surface form ("Menegaskan" → "menegaskan"). */
  readonly token: string;
  /** The stem used for matching ("tegas"); numbers drop their thousands separators ("3.000" → "3000"). */
  readonly stem: string;
  /** Offsets into the analyzed text, in UTF-16 code units: `text.slice(start, end)` is the original. */
  readonly start: number;
  readonly end: number;
  /** Ordinal of the token among all tokens of the text, stop words included, so phrase gaps survive. */
  readonly position: number;
}

export interface AnalyzeOptions {
  /** Keep stop words (e.g. for phrase queries). Default false. */
  readonly keepStopWords?: boolean;
}

export interface AnalyzerOptions {
  /** A stemmer to share; by default one is built on the vendored root-word dictionary. */
  readonly stemmer?: Stemmer;
  readonly stopWords?: ReadonlySet<string>;
  /** Default for `keepStopWords` when `analyze` is called without options. */
  readonly keepStopWords?: boolean;
}

export interface Analyzer {
  analyze(text: string, options?: AnalyzeOptions): AnalyzedToken[];
  /** The stems of `text`, space-separated, ready to be stored in a full-text column. */
  toIndexText(text: string): string;
  /** Whether a stem is a root word of the dictionary: an Indonesian word spelt right. */
  isDictionaryWord(stem: string): boolean;
}

/** The particles -kah, -lah, -tah (and -pun) that attach to any word. */
const PARTICLE = /(?:kah|lah|tah|pun)$/u;

/** Thousands separators in Indonesian are periods: "3.000" and "1.250.000" are whole numbers. */
const GROUPED_THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/u;

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const stemmer = options.stemmer ?? createStemmer({ rootWords: loadRootWords() });
  const stopWords = options.stopWords ?? INDONESIAN_STOP_WORDS;

  // A function word with a particle is still one: "siapakah", "dimanakah", "bukanlah", "apatah".
  const isStop = (token: string): boolean => {
    if (stopWords.has(token)) return true;
    const particle = PARTICLE.exec(token);
    return particle !== null && stopWords.has(token.slice(0, particle.index));
  };

  function analyze(text: string, analyzeOptions: AnalyzeOptions = {}): AnalyzedToken[] {
    const keepStopWords = analyzeOptions.keepStopWords ?? options.keepStopWords ?? false;
    const result: AnalyzedToken[] = [];
    for (const [position, raw] of tokenize(text).entries()) {
      const token = fold(raw.normalized);
      if (token.length === 0) continue;
      if (raw.kind === "number") {
        const stem = GROUPED_THOUSANDS.test(token) ? token.replaceAll(".", "") : token;
        result.push({ token, stem, start: raw.start, end: raw.end, position });
        continue;
      }
      if (!keepStopWords && isStop(token)) continue;
      result.push({ token, stem: stemmer.stem(token), start: raw.start, end: raw.end, position });
    }
    return result;
  }

  return {
    analyze,
    isDictionaryWord: (stem) => stemmer.isRoot(stem),
    toIndexText(text: string): string {
      return analyze(text)
        .map((token) => token.stem)
        .join(" ");
    },
  };
}
