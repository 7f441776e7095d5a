/**
 * An index that accepts writes and finds nothing: a stand-in where a test needs an index but not
 * its contents (query compilation). Both stores have a real adapter (FTS5, tsvector).
 */
import type { SearchIndex } from "./search-index.ts";

export function createUnavailableIndex(): SearchIndex {
  return {
    name: "unavailable",
    upsert: async () => {},
    remove: async () => {},
    writeBatch: async () => {},
    search: async () => ({ total: 0, hits: [], exhaustive: true }),
    matchingIds: async () => [],
    rebuild: async () => 0,
    stats: async () => ({ documents: 0, terms: 0, bytes: null }),
    documentFrequency: async () => 0,
    documentFrequencies: async (terms) => new Map(terms.map((term) => [term, 0])),
    similarTerms: async () => [],
    ids: async () => [],
  };
}
