/**
 * Turns a parsed query into what the index matches: aliases expanded both ways (Korut ↔ Korea Utara),
 * words unknown to the index corrected to the nearest indexed stem ("vladimr" → "vladimir") unless
 * they are dictionary words (a story about "tentara" is simply not there yet: it is not a typo of
 * "tenggara"), and the set of stems to highlight in snippets.
 */
import type { Analyzer } from "../analyzer/analyzer.ts";
import { allowedTypos } from "../edit-distance.ts";
import type { MatchNode, SearchIndex } from "../search-index.ts";
import type { ParsedQuery, QueryClause } from "./parse-query.ts";

/** Alias lookups: folded word sequence (space-joined) → alternative stem sequences. */
export type AliasTable = ReadonlyMap<string, readonly string[][]>;

export interface AliasPair {
  term: string;
  expansion: string;
}

const MAX_ALIAS_WORDS = 4;

/** Builds the two-way alias table from stored pairs. */
export function buildAliasTable(pairs: readonly AliasPair[], analyzer: Analyzer): AliasTable {
  const table = new Map<string, string[][]>();
  // Keys are folded words without stop words, exactly as query words arrive.
  const key = (text: string) =>
    analyzer
      .analyze(text)
      .map((t) => t.token)
      .join(" ");
  const stems = (text: string) => analyzer.analyze(text).map((t) => t.stem);
  const add = (from: string, to: string) => {
    const k = key(from);
    const alternative = stems(to);
    if (k.length === 0 || alternative.length === 0) return;
    const list = table.get(k) ?? [];
    if (!list.some((existing) => existing.join(" ") === alternative.join(" "))) list.push(alternative);
    table.set(k, list);
  };
  for (const pair of pairs) {
    add(pair.term, pair.expansion);
    add(pair.expansion, pair.term);
  }
  return table;
}

export interface Correction {
  from: string;
  to: string;
}

/** One thing the query asks for: a word (or its alias), or a quoted phrase (`explicit`). */
export interface QueryUnit {
  node: MatchNode;
  /** Typed in quotes: it stays required when the query is relaxed. */
  explicit: boolean;
  /** Its stem sequences (a word: one stem; an alias: each alternative). */
  alternatives: string[][];
}

export interface CompiledQuery {
  match: MatchNode | null;
  /** The required parts of `match`, one per word, alias or quoted phrase, in the order typed. */
  units: QueryUnit[];
  exclude: MatchNode[];
  /** Stems to mark in headlines and snippets. */
  highlight: Set<string>;
  corrections: Correction[];
}

const sequence = (stems: readonly string[]): MatchNode =>
  stems.length === 1 ? { kind: "term", term: stems[0] as string } : { kind: "phrase", terms: [...stems] };

export async function compileQuery(
  parsed: ParsedQuery,
  options: { aliases: AliasTable; index: SearchIndex; analyzer: Analyzer; typos?: boolean },
): Promise<CompiledQuery> {
  const required: MatchNode[] = [];
  const units: QueryUnit[] = [];
  const alternativesOf = (node: MatchNode): string[][] =>
    node.kind === "term"
      ? [[node.term]]
      : node.kind === "phrase"
        ? [node.terms]
        : node.kind === "any"
          ? node.nodes.flatMap(alternativesOf)
          : [node.nodes.flatMap(alternativesOf).flat()];
  const requireNode = (node: MatchNode, explicit: boolean): void => {
    required.push(node);
    units.push({ node, explicit, alternatives: alternativesOf(node) });
    mark(node);
  };
  const exclude: MatchNode[] = [];
  const highlight = new Set<string>();
  const corrections: Correction[] = [];

  const withAliases = (words: string[], stems: string[]): MatchNode | null => {
    const alternatives = options.aliases.get(words.join(" "));
    if (!alternatives) return null;
    return { kind: "any", nodes: [sequence(stems), ...alternatives.map(sequence)] };
  };
  const mark = (node: MatchNode): void => {
    if (node.kind === "term") highlight.add(node.term);
    else if (node.kind === "phrase") node.terms.forEach((t) => highlight.add(t));
    else node.nodes.forEach(mark);
  };

  // Consecutive plain words form one run, so a multi-word alias ("Korea Utara") typed without
  // quotes is still recognised; quoted phrases and exclusions stand on their own.
  type Token = QueryClause["tokens"][number];
  const runs: (Token[] | QueryClause)[] = [];
  for (const clause of parsed.clauses) {
    const last = runs[runs.length - 1];
    if (clause.negated || clause.phrase) runs.push(clause);
    else if (Array.isArray(last)) last.push(...clause.tokens);
    else runs.push([...clause.tokens]);
  }

  for (const run of runs) {
    if (!Array.isArray(run)) {
      const stems = run.tokens.map((t) => t.stem);
      const node =
        withAliases(
          run.tokens.map((t) => t.token),
          stems,
        ) ?? sequence(stems);
      if (run.negated) exclude.push(node);
      else requireNode(node, true);
      continue;
    }
    // The longest alias match first, then each word on its own.
    const tokens = run;
    let i = 0;
    while (i < tokens.length) {
      let matched: { node: MatchNode; length: number } | null = null;
      for (let length = Math.min(MAX_ALIAS_WORDS, tokens.length - i); length >= 1 && !matched; length--) {
        const slice = tokens.slice(i, i + length);
        const node = withAliases(
          slice.map((t) => t.token),
          slice.map((t) => t.stem),
        );
        if (node) matched = { node, length };
      }
      if (matched) {
        requireNode(matched.node, false);
        i += matched.length;
        continue;
      }
      const token = tokens[i] as Token;
      let term = token.stem;
      if (
        options.typos !== false &&
        !options.analyzer.isDictionaryWord(term) &&
        (await options.index.documentFrequency(term, 1)) === 0
      ) {
        const [best] = await options.index.similarTerms(term, allowedTypos(term), 1);
        if (best) {
          corrections.push({ from: token.token, to: best.term });
          term = best.term;
        }
      }
      requireNode({ kind: "term", term }, false);
      i++;
    }
  }
  // A query of only exclusions matches nothing (there is nothing to subtract from).
  const match: MatchNode | null =
    required.length === 0
      ? null
      : required.length === 1
        ? (required[0] as MatchNode)
        : { kind: "all", nodes: required };
  return { match, units, exclude, highlight, corrections };
}
