/**
 * What the index says about words, remembered briefly: the document count, each stem's document
 * frequency (capped), the idf of a query's units, and an article's most distinctive stems for
 * "more like this". Used by search.service.ts (ranking, relaxed search, Berita Terkait).
 */
import type { Analyzer } from "./analyzer/analyzer.ts";
import type { CompiledQuery } from "./query/compile-query.ts";
import { idf, type ScoredUnit } from "./relevance-scorer.ts";
import type { MatchNode, SearchIndex } from "./search-index.ts";

const RELATED_DF_CAP = 1_000;
/** Search idf: document frequencies counted up to here (a word in more stories is "everywhere"). */
const SEARCH_DF_CAP = 10_000;
/** How many distinctive stems describe an article for "more like this". */
const RELATED_TERMS = 16;

export function createTermStatistics(index: SearchIndex, analyzer: Analyzer) {
  const searchFrequencies = new Map<string, { df: number; at: number }>();
  async function searchFrequency(term: string): Promise<number> {
    const now = Date.now();
    const known = searchFrequencies.get(term);
    if (known && now - known.at < 60_000) return known.df;
    const df = await index.documentFrequency(term, SEARCH_DF_CAP);
    if (searchFrequencies.size >= 100_000) searchFrequencies.clear();
    searchFrequencies.set(term, { df, at: now });
    return df;
  }

  /** A unit's document frequency: its commonest alternative, each as rare as its rarest stem. */
  async function unitFrequency(alternatives: string[][]): Promise<number> {
    let df = 0;
    for (const alternative of alternatives) {
      let rarest = Infinity;
      for (const stem of alternative) rarest = Math.min(rarest, await searchFrequency(stem));
      if (rarest !== Infinity) df = Math.max(df, rarest);
    }
    return df;
  }

  async function scoredUnits(compiled: CompiledQuery): Promise<(ScoredUnit & { df: number })[]> {
    const documents = Math.max(1, await documentCount());
    const units: (ScoredUnit & { df: number })[] = [];
    for (const unit of compiled.units) {
      const df = await unitFrequency(unit.alternatives);
      units.push({ alternatives: unit.alternatives, idf: idf(documents, df), df });
    }
    return units;
  }

  // Document count and frequencies only weigh terms (idf), so figures a minute old weigh them the
  // same. Per article view they cost a full page walk (stats() reads dbstat: 400 ms at 100k
  // articles) and ~250 vocabulary lookups (11 ms); remembered for a minute they cost nothing.
  // A small index is recounted every time (cheap there): it may grow from 1 to 30 stories within
  // the minute (a fresh site, the demo, an import), and a count of 1 makes every word "common".
  let counted: { documents: number; at: number } | null = null;
  const frequencies = new Map<string, number>();
  async function documentCount(): Promise<number> {
    const now = Date.now();
    if (counted === null || now - counted.at > 60_000 || counted.documents < 1_000) {
      counted = {
        documents: index.documentCount ? await index.documentCount() : (await index.stats()).documents,
        at: now,
      };
      frequencies.clear();
    }
    return counted.documents;
  }
  /** Document frequencies of the stems, those not remembered asked at once (one round trip on PostgreSQL). */
  async function documentFrequencies(terms: string[]): Promise<Map<string, number>> {
    const unknown = terms.filter((term) => !frequencies.has(term));
    // Capped: past RELATED_DF_CAP documents a word is simply "common" (bounded cost per lookup).
    const counted = unknown.length > 0 ? await index.documentFrequencies(unknown, RELATED_DF_CAP) : null;
    if (counted && frequencies.size + counted.size > 100_000) frequencies.clear();
    for (const [term, df] of counted ?? []) frequencies.set(term, df);
    return new Map(terms.map((term) => [term, counted?.get(term) ?? frequencies.get(term) ?? 0]));
  }

  /** The most distinctive stems of a text (tf × idf against the index), as a match-any node. */
  async function termsOf(text: string, extraTerms: string[]): Promise<MatchNode | null> {
    const counts = new Map<string, number>();
    for (const token of analyzer.analyze(text)) {
      if (token.stem.length < 3 || /^\d+$/u.test(token.stem)) continue;
      counts.set(token.stem, (counts.get(token.stem) ?? 0) + 1);
    }
    const total = Math.max(1, await documentCount());
    const scored: { term: string; weight: number }[] = [];
    const dfs = await documentFrequencies([...counts.keys()]);
    for (const [term, tf] of counts) {
      const df = dfs.get(term) ?? 0;
      if (df === 0 || df > total * 0.5) continue;
      scored.push({ term, weight: tf * Math.log(1 + total / df) });
    }
    scored.sort((a, b) => b.weight - a.weight);
    const nodes: MatchNode[] = [
      ...scored.slice(0, RELATED_TERMS).map(({ term }): MatchNode => ({ kind: "term", term })),
      ...extraTerms.map((term): MatchNode => ({ kind: "term", term })),
    ];
    return nodes.length === 0 ? null : { kind: "any", nodes };
  }

  return { documentCount, scoredUnits, termsOf };
}

export type TermStatistics = ReturnType<typeof createTermStatistics>;
