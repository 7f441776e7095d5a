/**
 * The one relevance score for reader search, computed in TypeScript over the analyzed text of the
 * stories being ranked, so SQLite and PostgreSQL order the same candidates identically (the stores
 * only find candidates). BM25F with the field weights of the index (headline 10, lede 4, body 1),
 * real term frequencies and field lengths, plus a bonus for query words the story's text mentions
 * early (the inverted pyramid: what a story is about comes first) and one for query words that
 * stand close together (adjacent: the typed phrase), times the freshness boost.
 *
 *   score = freshness × ( Σ_units idf_u × tf̃_u × (k1 + 1) / (tf̃_u + k1)  +  early  +  proximity )
 *   tf̃_u  = Σ_fields w_f × tf_{u,f} / (1 − b + b × len_f / avglen_f)
 *   idf_u  = ln(1 + (N − df_u + 0.5) / (df_u + 0.5))
 *   early  = EARLY × Σ_units idf_u / (1 + first_u / EARLY_SPAN)
 *   proximity = PROXIMITY × Σ_{pairs u<v} min(idf_u, idf_v) / d_{u,v}²   (d ≤ PROXIMITY_WINDOW)
 *
 * where a unit is what the query asks for (a word, a quoted phrase, an alias with its alternatives),
 * first_u the token ordinal of its first mention in the story's text (the lede, then the body; stop
 * words counted; 0 when the headline has it) and d_{u,v} the smallest distance, in tokens, between the two in one field.
 */
import type { AnalyzedToken } from "./analyzer/analyzer.ts";

/** BM25 term-frequency saturation and length normalisation. */
export const K1 = 1.2;
export const B = 0.6;
/** Field weights: the index's (headline 10, lede 4, body 1). */
export const FIELD_WEIGHTS = { headline: 10, lede: 4, body: 1 } as const;
export type ScoredField = keyof typeof FIELD_WEIGHTS;
const FIELDS = Object.keys(FIELD_WEIGHTS) as ScoredField[];
/** How much two query words close together add, relative to their idf. */
export const PROXIMITY = 0.1;
/** Words further apart than this (in tokens) are not "close". */
export const PROXIMITY_WINDOW = 3;
/**
 * A word's first mention in the story's text adds up to EARLY × idf, halved EARLY_SPAN tokens in
 * (the inverted pyramid: what a story is about comes first).
 */
export const EARLY = 1;
export const EARLY_SPAN = 5;
/** A story published now scores up to 1 + FRESHNESS; the boost halves after FRESHNESS_HALF_DAYS. */
export const FRESHNESS = 0.5;
export const FRESHNESS_HALF_DAYS = 30;

export const freshness = (publishedSec: number, nowSec: number): number =>
  1 + FRESHNESS / (1 + Math.max(0, nowSec - publishedSec) / (FRESHNESS_HALF_DAYS * 86_400));

export const idf = (documents: number, frequency: number): number => {
  const n = Math.max(documents, frequency);
  return Math.log(1 + (n - frequency + 0.5) / (frequency + 0.5));
};

/** One thing the query asks for: any of its alternatives, each a stem sequence (one stem: a word). */
export interface ScoredUnit {
  alternatives: string[][];
  idf: number;
}

/** A story's analyzed fields: stems with their token positions. */
export type AnalyzedFields = Record<ScoredField, { stems: string[]; positions: number[] }>;

export function analyzedFields(
  fields: Record<ScoredField, string>,
  analyze: (text: string) => AnalyzedToken[],
): AnalyzedFields {
  const result = {} as AnalyzedFields;
  for (const field of FIELDS) {
    const tokens = analyze(fields[field]);
    result[field] = { stems: tokens.map((t) => t.stem), positions: tokens.map((t) => t.position) };
  }
  return result;
}

/** Field lengths (in stems) averaged over a set of stories; never zero. */
export function averageLengths(docs: Iterable<AnalyzedFields>): Record<ScoredField, number> {
  const sums = { headline: 0, lede: 0, body: 0 };
  let n = 0;
  for (const doc of docs) {
    n++;
    for (const field of FIELDS) sums[field] += doc[field].stems.length;
  }
  const avg = {} as Record<ScoredField, number>;
  for (const field of FIELDS) avg[field] = Math.max(1, n === 0 ? 1 : sums[field] / n);
  return avg;
}

/** Positions (token ordinals) where a unit occurs in a field: the first token of each occurrence. */
function occurrences(field: AnalyzedFields[ScoredField], unit: ScoredUnit): number[] {
  const found: number[] = [];
  const { stems, positions } = field;
  for (let i = 0; i < stems.length; i++) {
    for (const alternative of unit.alternatives) {
      if (alternative.length === 0 || stems[i] !== alternative[0]) continue;
      let all = true;
      for (let k = 1; k < alternative.length && all; k++) {
        // A sequence must be consecutive among the stems (stop words between are allowed, as in
        // the index: the analyzer drops them on both sides).
        if (stems[i + k] !== alternative[k]) all = false;
      }
      if (all) {
        found.push(positions[i] as number);
        break;
      }
    }
  }
  return found;
}

/** The scorer's constants (overridable for tuning runs). */
export interface ScorerParams {
  k1: number;
  b: number;
  proximity: number;
  window: number;
  weights: Record<ScoredField, number>;
  /** The first mention of a unit `p` tokens into the text adds `early × idf / (1 + p / earlySpan)`. */
  early: number;
  earlySpan: number;
}
export const SCORER_PARAMS: ScorerParams = {
  k1: K1,
  b: B,
  proximity: PROXIMITY,
  window: PROXIMITY_WINDOW,
  weights: FIELD_WEIGHTS,
  early: EARLY,
  earlySpan: EARLY_SPAN,
};

export interface UnitScore {
  score: number;
  /** How many of the units occur somewhere in the story. */
  matchedUnits: number;
}

/** Scores one story for the query units (higher is better; 0 when nothing matches). */
export function scoreDocument(
  doc: AnalyzedFields,
  units: readonly ScoredUnit[],
  avg: Record<ScoredField, number>,
  params: ScorerParams = SCORER_PARAMS,
): UnitScore {
  const { k1, b: bl } = params;
  let score = 0;
  let matchedUnits = 0;
  const where: Partial<Record<ScoredField, number[]>>[] = [];
  // The story's text is the lede, then the body: the body's tokens count on from the lede's.
  const lede = doc.lede.positions;
  const bodyStart = lede.length > 0 ? (lede[lede.length - 1] as number) + 1 : 0;
  for (const unit of units) {
    let tf = 0;
    const places: Partial<Record<ScoredField, number[]>> = {};
    for (const field of FIELDS) {
      const found = occurrences(doc[field], unit);
      if (found.length === 0) continue;
      places[field] = found;
      const norm = 1 - bl + (bl * doc[field].stems.length) / avg[field];
      tf += (params.weights[field] * found.length) / norm;
    }
    where.push(places);
    if (tf === 0) continue;
    matchedUnits++;
    score += (unit.idf * tf * (k1 + 1)) / (tf + k1);
    // A headline mention is the first of all.
    const first = places.headline
      ? 0
      : (places.lede?.[0] ?? (places.body ? bodyStart + (places.body[0] as number) : undefined));
    if (first !== undefined) score += (params.early * unit.idf) / (1 + first / params.earlySpan);
  }
  // Proximity: each pair of units, their closest occurrences within one field.
  for (let u = 0; u < units.length; u++) {
    for (let v = u + 1; v < units.length; v++) {
      let best = Infinity;
      for (const field of FIELDS) {
        const a = where[u]?.[field];
        const b = where[v]?.[field];
        if (!a || !b) continue;
        best = Math.min(best, closest(a, b));
      }
      if (best <= params.window) {
        const weight = Math.min((units[u] as ScoredUnit).idf, (units[v] as ScoredUnit).idf);
        score += (params.proximity * weight) / (best * best);
      }
    }
  }
  return { score, matchedUnits };
}

/** The smallest distance between a position in `a` and one in `b` (both ascending). */
function closest(a: number[], b: number[]): number {
  let i = 0;
  let j = 0;
  let best = Infinity;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    best = Math.min(best, Math.max(1, Math.abs(x - y)));
    if (x < y) i++;
    else j++;
  }
  return best;
}
