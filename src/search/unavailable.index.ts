/**
 * The index on a store without a search adapter yet (PostgreSQL until the tsvector adapter lands):
 * accepts writes, finds nothing. Search pages then show "no results" instead of failing.
 */
import type { SearchIndex } from "./search-index.ts";

export function createUnavailableIndex(): SearchIndex {
  return {
    name: "unavailable",
    upsert: async () => {},
    remove: async () => {},
    search: async () => ({ total: 0, hits: [], exhaustive: true }),
    rebuild: async () => 0,
    stats: async () => ({ documents: 0, terms: 0, bytes: null }),
    documentFrequency: async () => 0,
    similarTerms: async () => [],
    ids: async () => [],
  };
}
