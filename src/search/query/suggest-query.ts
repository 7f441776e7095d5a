/**
 * "Mungkin maksud Anda …": when a search finds nothing or only relaxed results, a word of the query
 * that no story holds (and that was not already corrected automatically, see compile-query.ts) is
 * likely a typo. The suggestion is the query as typed with each such word replaced by the closest
 * indexed stem (same first letter, 1 edit for 4–6 letters, 2 from 7; the most used first). Unlike an
 * automatic correction it applies to dictionary words too ("tentera" → "tentara"): the reader chooses.
 */
import type { Analyzer } from "../analyzer/analyzer.ts";
import { allowedTypos } from "../edit-distance.ts";
import type { SearchIndex } from "../search-index.ts";
import type { Correction } from "./compile-query.ts";
import type { ParsedQuery } from "./parse-query.ts";

export async function suggestQuery(
  parsed: ParsedQuery,
  options: { index: SearchIndex; analyzer: Analyzer; corrections: readonly Correction[] },
): Promise<string | null> {
  const corrected = new Set(options.corrections.map((c) => c.from));
  let changed = false;
  const parts: string[] = [];
  for (const clause of parsed.clauses) {
    let text = clause.text;
    if (!clause.negated) {
      // Right to left, so earlier offsets stay valid while later words are replaced.
      const tokens = options.analyzer.analyze(clause.text).reverse();
      for (const token of tokens) {
        if (corrected.has(token.token) || /^\d/u.test(token.stem)) continue;
        if ((await options.index.documentFrequency(token.stem, 1)) > 0) continue;
        const [best] = await options.index.similarTerms(token.stem, allowedTypos(token.stem), 1);
        if (!best) continue;
        text = `${text.slice(0, token.start)}${best.term}${text.slice(token.end)}`;
        changed = true;
      }
    }
    const quoted = clause.phrase ? `"${text}"` : text;
    parts.push(clause.negated ? `-${quoted}` : quoted);
  }
  return changed ? parts.join(" ") : null;
}
