import { FACET_TOKEN } from "./facet-tokens.ts";
/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), with an early exit:
 * returns `max + 1` as soon as the distance is known to exceed `max`.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let previous2 = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (previous2[j - 2] as number) + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  const distance = previous[n] as number;
  return distance > max ? max + 1 : distance;
}

/** How many typos a word of this length may carry: none below 4 letters, 1 up to 6, 2 from 7. */
export function allowedTypos(word: string): number {
  if (word.length < 4) return 0;
  return word.length < 7 ? 1 : 2;
}

/** Typo candidates considered per word, nearest first. */
export const MAX_CANDIDATES = 12;
/**
 * Candidates are counted up to here: past it two stems tie on documents and the alphabet decides
 * (either is a plausible correction; counting 10 000 matches of a common stem cost ~10 ms on
 * PostgreSQL at 100k articles).
 */
export const TYPO_DF_CAP = 1_000;

/**
 * The best `limit` of `near` (fewest edits, then in most documents), dropping stems no document
 * holds. Documents are counted one distance at a time, nearest first, and no further once `limit`
 * candidates are found: counting a common stem is the costly part of a typo lookup.
 */
export async function bestCandidates(
  near: { term: string; distance: number }[],
  limit: number,
  count: (term: string) => Promise<number> | number,
): Promise<{ term: string; documents: number }[]> {
  const nearest = [...near]
    .sort((a, b) => a.distance - b.distance || a.term.localeCompare(b.term))
    .slice(0, MAX_CANDIDATES);
  const found: { term: string; documents: number; distance: number }[] = [];
  for (let i = 0; i < nearest.length && found.length < limit;) {
    const distance = (nearest[i] as { distance: number }).distance;
    for (; i < nearest.length && (nearest[i] as { distance: number }).distance === distance; i++) {
      const candidate = nearest[i] as { term: string; distance: number };
      const documents = await count(candidate.term);
      if (documents > 0) found.push({ ...candidate, documents });
    }
  }
  found.sort((a, b) => a.distance - b.distance || b.documents - a.documents);
  return found.slice(0, limit).map(({ term, documents }) => ({ term, documents }));
}

/** The vocabulary rows within `maxDistance` edits of `term` (itself and facet tokens left out). */
export function nearTerms(
  rows: readonly { term: string }[],
  term: string,
  maxDistance: number,
): { term: string; distance: number }[] {
  const near: { term: string; distance: number }[] = [];
  for (const row of rows) {
    if (row.term === term || FACET_TOKEN.test(row.term)) continue;
    const distance = boundedEditDistance(term, row.term, maxDistance);
    if (distance <= maxDistance) near.push({ term: row.term, distance });
  }
  return near;
}
