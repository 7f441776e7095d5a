/** Compiles a MatchNode to an FTS5 MATCH expression. Every term is quoted, so no user text is syntax. */
import type { MatchNode } from "../search-index.ts";

const quote = (text: string): string => `"${text.replaceAll('"', '""')}"`;

export function compileMatch(node: MatchNode): string {
  switch (node.kind) {
    case "term":
      return quote(node.term);
    case "phrase":
      return quote(node.terms.join(" "));
    case "any":
      return node.nodes.length === 1
        ? compileMatch(node.nodes[0] as MatchNode)
        : `(${node.nodes.map(compileMatch).join(" OR ")})`;
    case "all":
      return node.nodes.length === 1
        ? compileMatch(node.nodes[0] as MatchNode)
        : `(${node.nodes.map(compileMatch).join(" AND ")})`;
  }
}

/** Facet tokens live in their own column: `s12` section, `t5` tag, `p3` person, `m202410` month (UTC). */
export const facetToken = (kind: "s" | "t" | "p", id: number): string => `${kind}${id}`;
export const FACET_TOKEN = /^[stpm]\d+$/u;

export const monthToken = (date: Date): string =>
  `m${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, "0")}`;

/** The month tokens covering [from, to], or null when the range is too long to be worth narrowing. */
export function monthTokens(from: Date, to: Date, max = 120): string[] | null {
  const tokens: string[] = [];
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (cursor.getTime() <= to.getTime()) {
    tokens.push(monthToken(cursor));
    if (tokens.length > max) return null;
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return tokens;
}

const TEXT_COLUMNS = "{headline lede body extra}";

/** A facet group: any of these tokens, in the facets column. */
export const facetExpression = (group: string[]): string => `facets : (${group.map(quote).join(" OR ")})`;

/** The full expression: text match, minus exclusions, within the facet filters. */
export function compileQuery(options: {
  match: MatchNode;
  exclude?: MatchNode[];
  facets?: string[][];
  /** Related mode: facets also score, so the match may run over every column. */
  allColumns?: boolean;
}): string {
  const text = options.allColumns
    ? `(${compileMatch(options.match)})`
    : `${TEXT_COLUMNS} : (${compileMatch(options.match)})`;
  // Facets first: they are usually the most selective, and FTS5 drives an AND from its left side
  // (about twice as fast for "common word in one tag" in measurements).
  const facets = (options.facets ?? []).filter((group) => group.length > 0).map(facetExpression);
  let expression = [...facets, text].join(" AND ");
  for (const excluded of options.exclude ?? []) {
    expression = `(${expression}) NOT ${TEXT_COLUMNS} : (${compileMatch(excluded)})`;
  }
  return expression;
}
