/**
 * Search use cases: reader search, Berita Terkait, Baca Juga suggestions, reindex, and keeping the
 * index in sync with domain events. Everything returned is live: the index holds only live
 * articles, the index query re-checks the publication time, and hydration re-reads the article
 * row with the same live condition, so a story unpublished a moment ago is never shown.
 */
import type { ArticleEvent, DomainEvent } from "../core/events.ts";
import type { SectionDirectory, SectionDirectorySource } from "../core/section.ts";
import type { Store } from "../db/store.ts";
import type { ArticleListItem } from "../db/read/reading.models.ts";
import { listItemOf } from "../db/read/list-item.ts";
import { liveArticles } from "../db/read/live.ts";
import { SUMMARY_COLUMNS, summaryFromRow } from "../db/repositories/article-summary.mapper.ts";
import type { AliasesService } from "./aliases.service.ts";
import type { Analyzer } from "./analyzer/analyzer.ts";
import { compileQuery, type Correction } from "./query/compile-query.ts";
import { suggestQuery } from "./query/suggest-query.ts";
import {
  analyzedFields,
  type AnalyzedFields,
  averageLengths,
  freshness,
  scoreDocument,
  type ScoredUnit,
} from "./relevance-scorer.ts";
import { parseQuery } from "./query/parse-query.ts";
import type { SearchRequest } from "./query/search-params.ts";
import { highlightText, snippet, type Segment } from "./query/snippet.ts";
import { createIndexSync } from "./index-sync.ts";
import { POOL, relaxedCandidates } from "./relaxed-candidates.ts";
import { createTermStatistics } from "./term-statistics.ts";
import { resolveFilters } from "./search-filters.ts";
import { bodyText, createDocumentSource, rebuildFromStore } from "./search-documents.ts";
import type { ProgressCallback, SearchIndex } from "./search-index.ts";
import { facetToken } from "./facet-tokens.ts";
import { createLiveTaxonomyRepository } from "../db/repositories/live-taxonomy.repository.ts";

export interface SearchResultItem extends ArticleListItem {
  headlineSegments: Segment[];
  snippet: Segment[];
  score: number;
  /** Holds every word of the query (false only in relaxed results). */
  allWords: boolean;
}

export interface SearchResults {
  request: SearchRequest;
  items: SearchResultItem[];
  total: number;
  /** False when more matched than were counted: show "more than {total}". */
  totalExact: boolean;
  page: number;
  pageCount: number;
  /** Words the index did not know, and what was searched instead. */
  corrections: Correction[];
  /** Nothing searchable was typed (empty, or only stop words / exclusions). */
  empty: boolean;
  /**
   * Too few stories hold every word, so these are the stories holding the most of them (quoted
   * phrases and exclusions still apply).
   */
  relaxed: boolean;
  /** "Mungkin maksud Anda …": the query with a likely typo replaced, when results are weak. */
  suggestion: string | null;
  filters: { section?: string; tag?: string; person?: string };
}

export interface SearchServiceDeps {
  store: Store;
  clock: () => Date;
  sections: SectionDirectorySource;
  index: SearchIndex;
  analyzer: Analyzer;
  aliases: AliasesService;
  /** Reports an article the index could not take (defaults to stderr). */
  onIndexError?: (error: unknown, articleId: number) => void;
}

/** Events after which an article's index entry may differ (it is re-read from the store then). */
const INDEXED_EVENTS = new Set([
  "article.published",
  "article.updated",
  "article.slugChanged",
  "article.unpublished",
  "article.deleted",
]);

/** A request with nothing but defaults (tests, callers that only have a query). */
export const SEARCH_DEFAULTS: SearchRequest = { q: "", sort: "relevance", page: 1, pageSize: 10 };

/** Fewer stories than this holding every word: the query is relaxed (see relaxedCandidates). */
export const RELAX_BELOW = 10;
/** The first RESCORED stories of a strict query are ranked by the shared scorer. */
const RESCORED = 100;
/** Analyzed stories kept in memory for ranking. */
const ANALYZED_CACHE = 20_000;

export function createSearchService(deps: SearchServiceDeps) {
  const { store, clock, sections, index, analyzer, aliases } = deps;
  const liveTaxonomy = createLiveTaxonomyRepository();
  const documents = createDocumentSource({ store, analyzer });
  const terms = createTermStatistics(index, analyzer);

  const sync = createIndexSync({
    clock,
    index,
    documents,
    directory: () => sections.directory(),
    ...(deps.onIndexError ? { onError: deps.onIndexError } : {}),
  });

  /** Live article rows for `ids`, in the order given; anything not live is dropped. */
  async function hydrate(ids: number[], directory: SectionDirectory) {
    if (ids.length === 0) return [];
    const rows = await liveArticles(store.db, clock())
      .select([...SUMMARY_COLUMNS, "articles.body"])
      .where("articles.id", "in", ids)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      const item = row ? listItemOf(summaryFromRow(row), directory) : null;
      return row && item ? [{ item, body: row.body }] : [];
    });
  }

  // Stories analyzed for ranking, by id and version (edits change updated_at).
  const analyzedCache = new Map<number, { key: string; fields: AnalyzedFields }>();
  function analyzedOf(entry: { item: ArticleListItem; body: string }): AnalyzedFields {
    const key = `${entry.item.updatedAt?.getTime() ?? ""}:${entry.item.publishedAt.getTime()}:${entry.item.headline.length}`;
    const cached = analyzedCache.get(entry.item.id);
    if (cached && cached.key === key) return cached.fields;
    const fields = analyzedFields(
      { headline: entry.item.headline, lede: entry.item.lede, body: bodyText(entry.body) },
      (text) => analyzer.analyze(text),
    );
    if (analyzedCache.size >= ANALYZED_CACHE) analyzedCache.clear();
    analyzedCache.set(entry.item.id, { key, fields });
    return fields;
  }

  /**
   * The stories, ranked by the shared scorer (relevance-scorer.ts): the same order on every store.
   * Every entry also says whether it holds all the query's units.
   */
  function rankEntries<T extends { item: ArticleListItem; body: string }>(
    entries: T[],
    units: ScoredUnit[],
    now: Date,
  ): (T & { score: number; allWords: boolean })[] {
    const analyzed = entries.map((entry) => analyzedOf(entry));
    const avg = averageLengths(analyzed);
    const nowSec = now.getTime() / 1000;
    return entries
      .map((entry, i) => {
        const { score, matchedUnits } = scoreDocument(analyzed[i] as AnalyzedFields, units, avg);
        return {
          ...entry,
          score: score * freshness(entry.item.publishedAt.getTime() / 1000, nowSec),
          allWords: matchedUnits === units.length,
        };
      })
      .sort(
        (a, b) =>
          b.score - a.score ||
          b.item.publishedAt.getTime() - a.item.publishedAt.getTime() ||
          b.item.id - a.item.id,
      );
  }

  async function moreLike(
    text: string,
    facets: string[],
    limit: number,
    excludeIds: number[],
  ): Promise<ArticleListItem[]> {
    const match = await terms.termsOf(text, facets);
    if (!match) return [];
    const result = await index.search({
      match,
      mode: "related",
      limit: limit + 5,
      now: clock(),
      excludeIds,
      count: false,
    });
    const items = await hydrate(
      result.hits.map((h) => h.id),
      await sections.directory(),
    );
    return items.slice(0, limit).map((entry) => entry.item);
  }

  return {
    index,

    /** The event subscriber (wired in app/deps.ts). */
    async handleEvent(event: DomainEvent): Promise<void> {
      if (!INDEXED_EVENTS.has(event.type)) return;
      sync.changed((event as ArticleEvent).articleId);
    },

    /** Writes pending index changes now (before close, or before reading the index directly). */
    flush: () => sync.flush(),

    /** Resolves when every event heard so far is in the index (without hurrying the batch). */
    settled: () => sync.settled(),

    /** Rebuilds a new or outdated index (see SearchIndex.needsRebuild); returns the count, or null. */
    async ensureIndexed(): Promise<number | null> {
      await index.ready?.();
      if (!index.needsRebuild) return null;
      return rebuildFromStore(index, documents, { sections, clock });
    },

    /** Rebuilds the whole index from the store's live articles. */
    async reindex(progress?: ProgressCallback): Promise<number> {
      await sync.flush();
      return rebuildFromStore(index, documents, { sections, clock }, progress);
    },

    async search(request: SearchRequest): Promise<SearchResults> {
      await sync.flush();
      const directory = await sections.directory();
      const { filters, named } = await resolveFilters(request, { store, clock, directory, liveTaxonomy });

      const parsed = parseQuery(request.q, analyzer);
      const compiled = await compileQuery(parsed, { aliases: await aliases.table(), index, analyzer });
      const base = {
        request,
        corrections: compiled.corrections,
        filters: named,
        page: request.page,
        relaxed: false,
        suggestion: null,
      };
      if (!compiled.match)
        return { ...base, items: [], total: 0, totalExact: true, pageCount: 1, empty: true };

      const now = clock();
      const offset = (request.page - 1) * request.pageSize;
      // The first RESCORED matches by relevance are ranked here (the same on every store); deeper
      // pages and date order keep the adapter's order.
      const rescored = request.sort === "relevance" && offset + request.pageSize <= RESCORED;
      const common = { exclude: compiled.exclude, filters, now };
      const strict = await index.search({
        match: compiled.match,
        ...common,
        sort: request.sort,
        limit: rescored ? RESCORED : request.pageSize,
        offset: rescored ? 0 : offset,
      });
      const units = await terms.scoredUnits(compiled);
      // Relaxing needs something to relax: a plain word beside at least one other word or phrase.
      const relaxable = compiled.units.length >= 2 && compiled.units.some((unit) => !unit.explicit);
      let total = strict.total;
      let totalExact = strict.exhaustive;
      let ranked: { item: ArticleListItem; body: string; score: number; allWords: boolean }[];
      let pool: Awaited<ReturnType<typeof relaxedCandidates>> | null = null;
      if (strict.total < RELAX_BELOW && relaxable) {
        const candidates = await relaxedCandidates(index, compiled, units, common);
        if (candidates.total > strict.total) {
          pool = candidates;
          total = candidates.total;
          totalExact = candidates.exhaustive;
        }
      }
      const relaxed = pool !== null;
      if (pool) {
        const entries = rankEntries(await hydrate(pool.ids, directory), units, now);
        if (request.sort === "date")
          entries.sort(
            (a, b) => b.item.publishedAt.getTime() - a.item.publishedAt.getTime() || b.item.id - a.item.id,
          );
        ranked = entries.slice(offset, offset + request.pageSize);
      } else {
        const entries = await hydrate(
          strict.hits.map((h) => h.id),
          directory,
        );
        if (rescored) ranked = rankEntries(entries, units, now).slice(offset, offset + request.pageSize);
        else {
          const scores = new Map(strict.hits.map((h) => [h.id, h.score]));
          ranked = entries.map((entry) => ({
            ...entry,
            score: scores.get(entry.item.id) ?? 0,
            allWords: true,
          }));
        }
      }
      const items = ranked.map(({ item, body, score, allWords }) => {
        const text = `${item.lede}\n${bodyText(body)}`;
        return {
          ...item,
          headlineSegments: highlightText(item.headline, compiled.highlight, analyzer),
          snippet: snippet(text, compiled.highlight, analyzer),
          score,
          allWords,
        };
      });
      // A likely typo is worth pointing out when the results are weak: none, or relaxed ones.
      const suggestion =
        items.length === 0 || relaxed
          ? await suggestQuery(parsed, { index, analyzer, corrections: compiled.corrections })
          : null;
      return {
        ...base,
        items,
        total,
        totalExact,
        pageCount: Math.max(1, Math.ceil(Math.min(total, relaxed ? POOL : total) / request.pageSize)),
        empty: false,
        relaxed,
        suggestion,
      };
    },

    /** Berita Terkait: live stories sharing stems, tags and people with the article, itself excluded. */
    async related(articleId: number, limit = 5): Promise<ArticleListItem[]> {
      await sync.flush();
      const [entry] = await hydrate([articleId], await sections.directory());
      if (!entry) return [];
      const doc = await documents.one(articleId, clock(), await sections.directory());
      const facets = doc
        ? [...doc.tagIds.map((id) => facetToken("t", id)), ...doc.personIds.map((id) => facetToken("p", id))]
        : [];
      const { item, body } = entry;
      const text = `${item.headline}\n${item.headline}\n${item.lede}\n${bodyText(body)}`;
      return moreLike(text, facets, limit, [articleId]);
    },

    /** Baca Juga suggestions for a story being written: live stories like the draft text. */
    async suggestRelated(
      draftText: string,
      limit = 5,
      options: { excludeIds?: number[]; tagIds?: number[]; personIds?: number[] } = {},
    ): Promise<ArticleListItem[]> {
      const facets = [
        ...(options.tagIds ?? []).map((id) => facetToken("t", id)),
        ...(options.personIds ?? []).map((id) => facetToken("p", id)),
      ];
      await sync.flush();
      return moreLike(draftText.slice(0, 20_000), facets, limit, options.excludeIds ?? []);
    },

    stats: async () => {
      await sync.flush();
      return index.stats();
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
