/**
 * Literals for PostgreSQL full-text types, built in TypeScript from the analyzer's stems.
 *
 * Why not `to_tsvector('simple', stems)`: PostgreSQL's parser would split the stems again
 * ("anak-anak" becomes `anak-anak`, `anak`, `anak` at three positions; "3,5" becomes `3` and `5`),
 * so the index and the queries would no longer agree with the analyzer. A `tsvector` literal holds
 * exactly the analyzer's stems, with their positions and the field weights (A headline, B lede,
 * C body, D credits and tags), and a `tsquery` literal matches them exactly. Both go to the server as
 * bound parameters (`$1::tsvector`), so no user text is ever SQL.
 */
import type { MatchNode, SearchDocument } from "../search-index.ts";

/** PostgreSQL's limits: a lexeme up to 2 047 bytes, positions 1..16 383 (larger are clamped). */
const MAX_LEXEME_BYTES = 2_047;
const MAX_POSITION = 16_383;
/** Gap between fields, so a phrase never spans the end of the headline and the start of the lede. */
const FIELD_GAP = 8;

const encoder = new TextEncoder();

export const lexemeFits = (stem: string): boolean =>
  stem.length > 0 && (stem.length * 3 <= MAX_LEXEME_BYTES || encoder.encode(stem).length <= MAX_LEXEME_BYTES);

/** A quoted lexeme: backslashes and quotes escaped as the tsvector/tsquery input syntax wants. */
export const quoteLexeme = (stem: string): string =>
  `'${stem.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;

const FIELDS = [
  ["headline", "A"],
  ["lede", "B"],
  ["body", "C"],
  ["extra", "D"],
] as const;

/** The document's stems as a `tsvector` literal with positions and field weights. */
export function toTsvectorLiteral(doc: Pick<SearchDocument, "headline" | "lede" | "body" | "extra">): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const [field, weight] of FIELDS) {
    const text = doc[field];
    if (text.length === 0) continue;
    for (const stem of text.split(" ")) {
      if (stem.length === 0) continue;
      position++;
      if (!lexemeFits(stem)) continue;
      const list = positions.get(stem);
      const entry = `${Math.min(position, MAX_POSITION)}${weight}`;
      if (list) list.push(entry);
      else positions.set(stem, [entry]);
    }
    position += FIELD_GAP;
  }
  const parts: string[] = [];
  for (const [stem, list] of positions) parts.push(`${quoteLexeme(stem)}:${list.join(",")}`);
  return parts.join(" ");
}

/**
 * A MatchNode as a `tsquery` literal, or null when it cannot match anything (a stem too long to be
 * a lexeme is in no document).
 */
export function toTsquery(node: MatchNode): string | null {
  switch (node.kind) {
    case "term":
      return lexemeFits(node.term) ? quoteLexeme(node.term) : null;
    case "phrase": {
      const terms = node.terms.filter((t) => t.length > 0);
      if (terms.length === 0 || !terms.every(lexemeFits)) return null;
      return terms.length === 1
        ? quoteLexeme(terms[0] as string)
        : `(${terms.map(quoteLexeme).join(" <-> ")})`;
    }
    case "any": {
      const parts = node.nodes.map(toTsquery).filter((part): part is string => part !== null);
      if (parts.length === 0) return null;
      return parts.length === 1 ? (parts[0] as string) : `(${parts.join(" | ")})`;
    }
    case "all": {
      const parts = node.nodes.map(toTsquery);
      if (parts.length === 0 || parts.some((part) => part === null)) return null;
      return parts.length === 1 ? (parts[0] as string) : `(${parts.join(" & ")})`;
    }
  }
}

/** The full text condition: the match minus every exclusion (an exclusion that cannot match is moot). */
export function matchWithout(match: MatchNode, exclude: MatchNode[] = []): string | null {
  const base = toTsquery(match);
  if (base === null) return null;
  const excluded = exclude.map(toTsquery).filter((part): part is string => part !== null);
  return excluded.length === 0 ? base : [base, ...excluded.map((part) => `!${part}`)].join(" & ");
}
