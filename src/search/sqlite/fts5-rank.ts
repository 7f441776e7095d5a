/**
 * Relevance for search results on SQLite, computed without FTS5's `bm25()`.
 *
 * `bm25()` needs each phrase's document frequency and gets it by reading the phrase's whole doclist
 * on every query (measured at 1 000 000 articles: ~50 ms for a word in 40 % of them, whatever the
 * LIMIT or rowid range), so it made every query with a common word slow. Here the same ingredients
 * are gathered at a cost bounded by the documents being ranked:
 *
 * - rarity: each phrase's document frequency is counted over its newest DF_SAMPLE matches (ids
 *   descending, which FTS5 streams and stops early); past that it is extrapolated from how far back
 *   the sample reached in the id range;
 * - where it occurs: per phrase and column, one query `anchor AND {column} : phrase` over the id range
 *   of the ranked documents. The anchor is the rarest part every match must hold (a rare word, a tag),
 *   so FTS5 walks that short list and skips through the common one. A phrase every match must hold is
 *   in each ranked document somewhere, so only headline, lede and body are asked; an optional one
 *   (an alias alternative) is asked for "anywhere" too;
 * - score = freshness × Σ over phrases found of idf × f × (k1 + 1) / (f + k1), where f = 0.5 + 0.5 if
 *   in the body + 4 if in the lede + 10 if in the headline (bm25's weights: headline 10, lede 4, body
 *   1, credits/tags 0.5), k1 = 1.2 as in FTS5's bm25 (a headline match gets most
 *   of what a phrase can give, so freshness decides between stories that have the words in their
 *   headlines), and idf = ln(1 + (N − df + 0.5) / (df + 0.5)) (BM25's idf, kept positive so a
 *   headline match of a very common word still counts).
 *
 * Unlike bm25 it counts where a word occurs, not how often or in how long a text: a story that says
 * "banjir" ten times in its body scores like one that says it once; recency then decides.
 */
import type { StatementSync } from "node:sqlite";
import type { MatchNode } from "../search-index.ts";
import { compileMatch, compileQuery } from "./fts5-match.ts";

/** BM25's term-frequency saturation, as in FTS5's bm25. */
const K1 = 1.2;
/**
 * Found anywhere counts 0.5 (what credits and tag names weigh), plus these for the columns that weigh
 * more: the body 0.5 more (1 in all, as bm25 weighed it), the lede 4, the headline 10. There is no
 * query for the credits/tags column itself: FTS5 reads a word's doclist to its end looking for an
 * occurrence in a column it never appears in (a word is seldom in credits or tag names), whatever the
 * rowid bounds; a word is nearly always in some story's body, so the body walk stays in its range.
 */
const FOUND = 0.5;
const COLUMN_BONUS = [
  ["headline", 10],
  ["lede", 4],
  ["body", 0.5],
] as const;
/** A phrase's document frequency is counted up to here, then extrapolated. */
export const DF_SAMPLE = 2_000;
/** A story published now scores up to 1 + FRESHNESS; the boost halves after FRESHNESS_HALF_DAYS. */
export const FRESHNESS = 0.5;
export const FRESHNESS_HALF_DAYS = 30;

export const freshness = (publishedSec: number, nowSec: number): number =>
  1 + FRESHNESS / (1 + Math.max(0, nowSec - publishedSec) / (FRESHNESS_HALF_DAYS * 86_400));

/** The term and phrase leaves of a match tree, each once. */
export function phrasesOf(node: MatchNode, into = new Map<string, MatchNode>()): Map<string, MatchNode> {
  if (node.kind === "term" || node.kind === "phrase") into.set(compileMatch(node), node);
  else for (const child of node.nodes) phrasesOf(child, into);
  return into;
}

/** The parts every match must hold: the root, or the children of a top-level "all". */
export const requiredOf = (node: MatchNode): MatchNode[] => (node.kind === "all" ? node.nodes : [node]);

export interface Corpus {
  /** Indexed documents. */
  documents: number;
  minId: number;
  maxId: number;
}

/** How many documents an FTS5 expression matches: exact up to DF_SAMPLE, estimated past it. */
export function estimateFrequency(
  newest: (expression: string, limit: number) => { id: number }[],
  expression: string,
  corpus: Corpus,
): number {
  const sample = newest(expression, DF_SAMPLE);
  if (sample.length < DF_SAMPLE) return sample.length;
  // The sample covers ids [oldest, newest]: scale its density to the whole id range (the corpus
  // figures may be a minute old, so the newest match may lie past them).
  const newestId = Math.max(corpus.maxId, Number((sample[0] as { id: number }).id));
  const oldest = Number((sample[sample.length - 1] as { id: number }).id);
  const span = Math.max(1, newestId - corpus.minId + 1);
  const density = (DF_SAMPLE - 1) / Math.max(1, newestId - oldest);
  return Math.min(corpus.documents, Math.round(density * span));
}

export interface RankInput {
  match: MatchNode;
  /** Facet groups (`facets : (…)` expressions) every match holds, with their frequencies. */
  facetGroups: { expression: string; documents: number }[];
  /** The documents to score, all known to match the query; ids with their publication second. */
  documents: Map<number, number>;
  nowSec: number;
  corpus: Corpus;
  newest: (expression: string, limit: number) => { id: number }[];
  /** Runs an FTS5 expression over an id range; returns the matching ids. */
  inRange: StatementSync;
}

/** Scores each of `documents` (higher is better). */
export function rank(input: RankInput): Map<number, number> {
  const { corpus } = input;
  const scores = new Map<number, number>();
  for (const id of input.documents.keys()) scores.set(id, 0);
  if (scores.size === 0) return scores;
  const phrases = [...phrasesOf(input.match)].map(([key, node]) => ({
    key,
    node,
    documents: estimateFrequency(input.newest, compileQuery({ match: node }), corpus),
  }));
  // The anchor: the rarest part every match holds (a required phrase or a facet group).
  const required = new Set(requiredOf(input.match).map((node) => compileMatch(node)));
  const anchors = [
    ...phrases
      .filter((p) => required.has(p.key))
      .map((p) => ({ key: p.key, expression: compileQuery({ match: p.node }), documents: p.documents })),
    ...input.facetGroups.map((group) => ({ key: null, ...group })),
  ].sort((a, b) => a.documents - b.documents);
  const anchor = anchors[0];

  let low = Infinity;
  let high = -Infinity;
  for (const id of input.documents.keys()) {
    low = Math.min(low, id);
    high = Math.max(high, id);
  }
  /** Adds `weight` to the phrase's frequency in the ranked documents matching `found`. */
  const add = (frequency: Map<number, number>, phrase: string, found: string, weight: number): void => {
    // The anchor narrows the walk; a phrase that is the anchor needs none.
    const expression = anchor && anchor.key !== phrase ? `(${anchor.expression}) AND ${found}` : found;
    // BigInt: FTS5 honours rowid bounds bound as integers only (a double is silently ignored).
    for (const row of input.inRange.all(expression, BigInt(low), BigInt(high)) as { id: number }[]) {
      const id = Number(row.id);
      const f = frequency.get(id);
      if (f !== undefined) frequency.set(id, f + weight);
    }
  };
  for (const phrase of phrases) {
    // The count may be a minute older than the phrase's frequency: never fewer documents than that.
    const n = Math.max(corpus.documents, phrase.documents);
    const idf = Math.log(1 + (n - phrase.documents + 0.5) / (phrase.documents + 0.5));
    const frequency = new Map<number, number>();
    const found = required.has(phrase.key) ? FOUND : 0;
    for (const id of scores.keys()) frequency.set(id, found);
    if (!found) add(frequency, phrase.key, compileQuery({ match: phrase.node }), FOUND);
    for (const [column, bonus] of COLUMN_BONUS)
      add(frequency, phrase.key, `{${column}} : (${phrase.key})`, bonus);
    for (const [id, f] of frequency)
      if (f > 0) scores.set(id, (scores.get(id) as number) + (idf * f * (K1 + 1)) / (f + K1));
  }
  for (const [id, score] of scores)
    scores.set(id, score * freshness(input.documents.get(id) as number, input.nowSec));
  return scores;
}
