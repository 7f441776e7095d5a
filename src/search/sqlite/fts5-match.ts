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
