/** Builds the search stack for a store: analyzer, index adapter, aliases and the service. */
import type { Store } from "../db/store.ts";
import type { SectionDirectorySource } from "../core/section.ts";
import { createAliasesService, type AliasesService } from "./aliases.service.ts";
import { createAnalyzer, type Analyzer } from "./analyzer/analyzer.ts";
import { loadRootWords } from "./analyzer/root-words.ts";
import { createStemmer } from "./analyzer/stemmer.ts";
import type { IndexLayout } from "./index-layout.ts";
import type { SearchIndex } from "./search-index.ts";
import { createSearchService, type SearchService } from "./search.service.ts";
import { createNewsroomSearchService, type NewsroomSearchService } from "./newsroom-search.service.ts";
import { createFts5SearchIndex } from "./sqlite/fts5.index.ts";
import { createTsvectorSearchIndex } from "./postgres/tsvector.index.ts";

export interface SearchStack {
  analyzer: Analyzer;
  index: SearchIndex;
  aliases: AliasesService;
  search: SearchService;
  /** Staff search over every story (its own index: index-layout.ts). */
  newsroom: NewsroomSearchService;
}

export function createSearchStack(deps: {
  store: Store;
  clock: () => Date;
  sections: SectionDirectorySource;
  analyzer?: Analyzer;
  /** Reports an article the index could not take (defaults to stderr). */
  onIndexError?: (error: unknown, articleId: number) => void;
}): SearchStack {
  // One analyzer per process; a stemmer cache that holds a newsroom's whole working vocabulary
  // keeps reindexing and indexing on publish at cache speed.
  const analyzer =
    deps.analyzer ??
    createAnalyzer({ stemmer: createStemmer({ rootWords: loadRootWords(), cacheSize: 200_000 }) });
  // SQLite: FTS5 over the raw connection; PostgreSQL: tsvector through Kysely.
  const indexOf = (layout: IndexLayout) =>
    deps.store.sqlite
      ? createFts5SearchIndex(deps.store.sqlite, layout)
      : createTsvectorSearchIndex(deps.store.db, layout);
  const index = indexOf("search");
  const aliases = createAliasesService({ store: deps.store, analyzer, clock: deps.clock });
  const search = createSearchService({ ...deps, index, analyzer, aliases });
  const newsroom = createNewsroomSearchService({ ...deps, index: indexOf("newsroom"), analyzer, aliases });
  return { analyzer, index, aliases, search, newsroom };
}
