/** The candidates of a relaxed search (search.service.ts: strict → relaxed). */
import type { CompiledQuery } from "./query/compile-query.ts";
import type { ScoredUnit } from "./relevance-scorer.ts";
import type { MatchNode, SearchFilters, SearchIndex } from "./search-index.ts";

/** A relaxed query ranks the POOL stories holding the rarest of its words. */
export const POOL = 100;
/** A word is a relaxed query's candidate source when it is in at most this many stories. */
const CANDIDATE_CAP = 5_000;

/**
 * A relaxed query's candidates: the stories holding any of its plain words (quoted phrases and
 * exclusions still required), each word asked separately from the rarest, words in more than
 * CANDIDATE_CAP stories skipped while a rarer one is there, plus the stories holding only the
 * quoted phrases; the POOL stories whose words weigh most (Σ idf) are ranked.
 */
export async function relaxedCandidates(
  index: SearchIndex,
  compiled: CompiledQuery,
  units: (ScoredUnit & { df: number })[],
  common: { exclude: MatchNode[]; filters: SearchFilters; now: Date },
): Promise<{ ids: number[]; total: number; exhaustive: boolean }> {
  const required = compiled.units.filter((unit) => unit.explicit).map((unit) => unit.node);
  const plain = compiled.units
    .map((unit, i) => ({ unit, scored: units[i] as ScoredUnit & { df: number } }))
    .filter(({ unit, scored }) => !unit.explicit && scored.df > 0)
    .sort((a, b) => a.scored.df - b.scored.df);
  let sources = plain.filter(({ scored }) => scored.df <= CANDIDATE_CAP);
  if (sources.length === 0) sources = plain.slice(0, 1);
  const weight = new Map<number, number>();
  let exhaustive = sources.length === plain.length;
  for (const { unit, scored } of sources) {
    const match: MatchNode =
      required.length === 0 ? unit.node : { kind: "all", nodes: [...required, unit.node] };
    const ids = await index.matchingIds({ match, ...common, limit: CANDIDATE_CAP });
    if (ids.length >= CANDIDATE_CAP) exhaustive = false;
    for (const id of ids) weight.set(id, (weight.get(id) ?? 0) + scored.idf);
  }
  if (required.length > 0) {
    // Stories holding the quoted phrases and none of the other words are relaxed results too.
    const match: MatchNode =
      required.length === 1 ? (required[0] as MatchNode) : { kind: "all", nodes: required };
    const ids = await index.matchingIds({ match, ...common, limit: CANDIDATE_CAP });
    if (ids.length >= CANDIDATE_CAP) exhaustive = false;
    for (const id of ids) if (!weight.has(id)) weight.set(id, 0);
  }
  const ids = [...weight]
    .sort(([idA, a], [idB, b]) => b - a || idB - idA)
    .slice(0, POOL)
    .map(([id]) => id);
  return { ids, total: weight.size, exhaustive };
}
