import { ARTICLE_STATUSES, type ArticleStatus } from "../core/article.ts";

/**
 * Facet tokens (both index adapters) live in their own column: `s12` section, `t5` tag, `p3`
 * person, `m202410` month (UTC), `k1` status (the newsroom index; FTS5 only, PostgreSQL keeps a column).
 */
export const facetToken = (kind: "s" | "t" | "p", id: number): string => `${kind}${id}`;
export const FACET_TOKEN = /^[stpmk]\d+$/u;

export const statusToken = (status: ArticleStatus): string => `k${ARTICLE_STATUSES.indexOf(status) + 1}`;

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
