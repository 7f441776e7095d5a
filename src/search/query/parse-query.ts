/**
 * Reads what a person typed into the search box:
 *   kata biasa            every word must match, in any form ("menegaskan" finds "tegas")
 *   "frasa persis"        the words in this order (after analysis, so "pertahanan bersama" finds
 *                         "pertahanan bersamanya")
 *   -kata  -"frasa"       leave out articles containing it
 * Every word goes through the same analyzer as the index. Never throws.
 */
import type { AnalyzedToken, Analyzer } from "../analyzer/analyzer.ts";

export const MAX_QUERY_LENGTH = 200;
const MAX_CLAUSES = 16;

export interface QueryClause {
  /** The text as typed, without the quotes or the minus sign. */
  text: string;
  /** Analyzed tokens, stop words removed. */
  tokens: AnalyzedToken[];
  /** Folded tokens including stop words: how aliases are looked up. */
  words: string[];
  phrase: boolean;
  negated: boolean;
}

export interface ParsedQuery {
  clauses: QueryClause[];
}

const CLAUSE = /(-?)"([^"]*)"?|(-?)([^\s"]+)/gu;

export function parseQuery(input: string, analyzer: Analyzer): ParsedQuery {
  const text = input.normalize("NFC").slice(0, MAX_QUERY_LENGTH);
  const clauses: QueryClause[] = [];
  for (const match of text.matchAll(CLAUSE)) {
    if (clauses.length >= MAX_CLAUSES) break;
    const phrase = match[2] !== undefined;
    const negated = (phrase ? match[1] : match[3]) === "-";
    const body = (phrase ? match[2] : match[4]) ?? "";
    const tokens = analyzer.analyze(body);
    if (tokens.length === 0) continue;
    const words = analyzer.analyze(body, { keepStopWords: true }).map((t) => t.token);
    clauses.push({ text: body.trim(), tokens, words, phrase, negated });
  }
  return { clauses };
}
