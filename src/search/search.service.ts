/**
 * Search use cases: reader search, Berita Terkait, Baca Juga suggestions, reindex, and keeping the
 * index in sync with domain events. Everything returned is live: the index holds only live
 * articles, the index query re-checks the publication time, and hydration re-reads the article
 * row with the same live condition, so a story unpublished a moment ago is never shown.
 */
import type { ArticleEvent, DomainEvent } from "../core/events.ts";
import { AppError } from "../core/errors.ts";
import type { SectionDirectory, SectionDirectorySource } from "../core/section.ts";
import type { Store } from "../db/store.ts";
import type { ArticleListItem } from "../db/read/reading.models.ts";
import { listItemOf } from "../db/read/list-item.ts";
import { liveArticles } from "../db/read/live.ts";
import { SUMMARY_COLUMNS, summaryFromRow } from "../db/repositories/article-summary.mapper.ts";
import type { AliasesService } from "./aliases.service.ts";
import type { Analyzer } from "./analyzer/analyzer.ts";
import { compileQuery, type CompiledQuery, type Correction } from "./query/compile-query.ts";
import { suggestQuery } from "./query/suggest-query.ts";
import {
  analyzedFields,
  type AnalyzedFields,
  averageLengths,
  freshness,
  idf,
  scoreDocument,
  type ScoredUnit,
} from "./relevance-scorer.ts";
import { parseQuery } from "./query/parse-query.ts";
import { endOfWibDay, type SearchRequest, startOfWibDay } from "./query/search-params.ts";
import { highlightText, snippet, type Segment } from "./query/snippet.ts";
import { createIndexSync } from "./index-sync.ts";
import { bodyText, createDocumentSource } from "./search-documents.ts";
import type { MatchNode, ProgressCallback, SearchFilters, SearchIndex } from "./search-index.ts";
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

const RELATED_DF_CAP = 1_000;
/** Search idf: document frequencies counted up to here (a word in more stories is "everywhere"). */
const SEARCH_DF_CAP = 10_000;
/** Fewer stories than this holding every word: the query is relaxed (see relaxedCandidates). */
export const RELAX_BELOW = 10;
/** The first RESCORED stories of a strict query are ranked by the shared scorer. */
const RESCORED = 100;
/** A relaxed query ranks the POOL stories holding the rarest of its words. */
const POOL = 100;
/** A word is a relaxed query's candidate source when it is in at most this many stories. */
const CANDIDATE_CAP = 5_000;
/** Analyzed stories kept in memory for ranking. */
const ANALYZED_CACHE = 20_000;
/** How many distinctive stems describe an article for "more like this". */
const RELATED_TERMS = 16;

export function createSearchService(deps: SearchServiceDeps) {
  const { store, clock, sections, index, analyzer, aliases } = deps;
  const liveTaxonomy = createLiveTaxonomyRepository();
  const documents = createDocumentSource({ store, analyzer });

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

  const searchFrequencies = new Map<string, { df: number; at: number }>();
  async function searchFrequency(term: string): Promise<number> {
    const now = Date.now();
    const known = searchFrequencies.get(term);
    if (known && now - known.at < 60_000) return known.df;
    const df = await index.documentFrequency(term, SEARCH_DF_CAP);
    if (searchFrequencies.size >= 100_000) searchFrequencies.clear();
    searchFrequencies.set(term, { df, at: now });
    return df;
  }

  /** A unit's document frequency: its commonest alternative, each as rare as its rarest stem. */
  async function unitFrequency(alternatives: string[][]): Promise<number> {
    let df = 0;
    for (const alternative of alternatives) {
      let rarest = Infinity;
      for (const stem of alternative) rarest = Math.min(rarest, await searchFrequency(stem));
      if (rarest !== Infinity) df = Math.max(df, rarest);
    }
    return df;
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

  async function scoredUnits(compiled: CompiledQuery): Promise<(ScoredUnit & { df: number })[]> {
    const documents = Math.max(1, await documentCount());
    const units: (ScoredUnit & { df: number })[] = [];
    for (const unit of compiled.units) {
      const df = await unitFrequency(unit.alternatives);
      units.push({ alternatives: unit.alternatives, idf: idf(documents, df), df });
    }
    return units;
  }

  /**
   * A relaxed query's candidates: the stories holding any of its plain words (quoted phrases and
   * exclusions still required), each word asked separately from the rarest, words in more than
   * CANDIDATE_CAP stories skipped while a rarer one is there, plus the stories holding only the
   * quoted phrases; the POOL stories whose words weigh most (Σ idf) are ranked.
   */
  async function relaxedCandidates(
    compiled: CompiledQuery,
    units: (ScoredUnit & { df: number })[],
    common: { exclude: MatchNode[]; filters: SearchFilters; now: Date },
  ): Promise<{ ids: number[]; total: number; exhaustive: boolean }> {
    const required = compiled.units.filter((unit) => unit.explicit).map((unit) => unit.node);
    const plain = compiled.units
      .map((unit, i) => ({ unit, scored: units[i] as ScoredUnit & { df: number } }))
      .filter(({ unit, scored }) => !unit.explicit && scored.df > 0)
      .sort((a, b) => a.scored.df - b.scored.df);
    let sources = plain.filter(({ scored }) => scored.df <= CANDIDATE_CAP);
    if (sources.length === 0) sources = plain.slice(0, 1);
    const weight = new Map<number, number>();
    let exhaustive = sources.length === plain.length;
    for (const { unit, scored } of sources) {
      const match: MatchNode =
        required.length === 0 ? unit.node : { kind: "all", nodes: [...required, unit.node] };
      const ids = await index.matchingIds({ match, ...common, limit: CANDIDATE_CAP });
      if (ids.length >= CANDIDATE_CAP) exhaustive = false;
      for (const id of ids) weight.set(id, (weight.get(id) ?? 0) + scored.idf);
    }
    if (required.length > 0) {
      // Stories holding the quoted phrases and none of the other words are relaxed results too.
      const match: MatchNode =
        required.length === 1 ? (required[0] as MatchNode) : { kind: "all", nodes: required };
      const ids = await index.matchingIds({ match, ...common, limit: CANDIDATE_CAP });
      if (ids.length >= CANDIDATE_CAP) exhaustive = false;
      for (const id of ids) if (!weight.has(id)) weight.set(id, 0);
    }
    const ids = [...weight]
      .sort(([idA, a], [idB, b]) => b - a || idB - idA)
      .slice(0, POOL)
      .map(([id]) => id);
    return { ids, total: weight.size, exhaustive };
  }

  // Document count and frequencies only weigh terms (idf), so figures a minute old weigh them the
  // same. Per article view they cost a full page walk (stats() reads dbstat: 400 ms at 100k
  // articles) and ~250 vocabulary lookups (11 ms); remembered for a minute they cost nothing.
  // A small index is recounted every time (cheap there): it may grow from 1 to 30 stories within
  // the minute (a fresh site, the demo, an import), and a count of 1 makes every word "common".
  let counted: { documents: number; at: number } | null = null;
  const frequencies = new Map<string, number>();
  async function documentCount(): Promise<number> {
    const now = Date.now();
    if (counted === null || now - counted.at > 60_000 || counted.documents < 1_000) {
      counted = {
        documents: index.documentCount ? await index.documentCount() : (await index.stats()).documents,
        at: now,
      };
      frequencies.clear();
    }
    return counted.documents;
  }
  async function documentFrequency(term: string): Promise<number> {
    let df = frequencies.get(term);
    if (df === undefined) {
      // Capped: past RELATED_DF_CAP documents a word is simply "common" (bounded cost per lookup).
      df = await index.documentFrequency(term, RELATED_DF_CAP);
      if (frequencies.size >= 100_000) frequencies.clear();
      frequencies.set(term, df);
    }
    return df;
  }

  /** The most distinctive stems of a text (tf × idf against the index), as a match-any node. */
  async function termsOf(text: string, extraTerms: string[]): Promise<MatchNode | null> {
    const counts = new Map<string, number>();
    for (const token of analyzer.analyze(text)) {
      if (token.stem.length < 3 || /^\d+$/u.test(token.stem)) continue;
      counts.set(token.stem, (counts.get(token.stem) ?? 0) + 1);
    }
    const total = Math.max(1, await documentCount());
    const scored: { term: string; weight: number }[] = [];
    for (const [term, tf] of counts) {
      const df = await documentFrequency(term);
      if (df === 0 || df > total * 0.5) continue;
      scored.push({ term, weight: tf * Math.log(1 + total / df) });
    }
    scored.sort((a, b) => b.weight - a.weight);
    const nodes: MatchNode[] = [
      ...scored.slice(0, RELATED_TERMS).map(({ term }): MatchNode => ({ kind: "term", term })),
      ...extraTerms.map((term): MatchNode => ({ kind: "term", term })),
    ];
    return nodes.length === 0 ? null : { kind: "any", nodes };
  }

  async function moreLike(
    text: string,
    facets: string[],
    limit: number,
    excludeIds: number[],
  ): Promise<ArticleListItem[]> {
    const match = await termsOf(text, facets);
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
      const now = clock();
      const total = await documents.countLive(now);
      return index.rebuild(documents.all(now, await sections.directory()), { total });
    },

    /** Rebuilds the whole index from the store's live articles. */
    async reindex(progress?: ProgressCallback): Promise<number> {
      await sync.flush();
      const now = clock();
      const total = await documents.countLive(now);
      return index.rebuild(documents.all(now, await sections.directory()), { total, progress });
    },

    async search(request: SearchRequest): Promise<SearchResults> {
      await sync.flush();
      const directory = await sections.directory();
      const filters: SearchFilters = {};
      const named: SearchResults["filters"] = {};
      const issues: { field: string; message: string }[] = [];
      if (request.section) {
        const path = directory.resolve(request.section.split("/"));
        if (path) {
          filters.sectionIds = [path.section.id];
          named.section = path.section.name;
        } else issues.push({ field: "section", message: "Rubrik tidak ditemukan." });
      }
      if (request.tag) {
        const tag = await store.db
          .selectFrom("tags")
          .select(["id", "name"])
          .where("slug", "=", request.tag)
          .executeTakeFirst();
        // A tag no live story carries is unknown to readers (its name must not leak via the filter).
        if (tag && (await liveTaxonomy.tagIsLive(store.db, tag.id, clock()))) {
          filters.tagIds = [tag.id];
          named.tag = tag.name;
        } else issues.push({ field: "tag", message: "Tag tidak ditemukan." });
      }
      if (request.person) {
        const person = await store.db
          .selectFrom("people")
          .select(["id", "name"])
          .where("slug", "=", request.person)
          .executeTakeFirst();
        if (person && (await liveTaxonomy.personIsLive(store.db, person.id, clock()))) {
          filters.personIds = [person.id];
          named.person = person.name;
        } else issues.push({ field: "person", message: "Orang tidak ditemukan." });
      }
      if (issues.length > 0)
        throw new AppError("validation_failed", "Filter pencarian tidak dikenal.", { details: issues });
      if (request.from) filters.from = startOfWibDay(request.from) ?? undefined;
      if (request.to) filters.to = endOfWibDay(request.to) ?? undefined;

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
      const units = await scoredUnits(compiled);
      // Relaxing needs something to relax: a plain word beside at least one other word or phrase.
      const relaxable = compiled.units.length >= 2 && compiled.units.some((unit) => !unit.explicit);
      let total = strict.total;
      let totalExact = strict.exhaustive;
      let ranked: { item: ArticleListItem; body: string; score: number; allWords: boolean }[];
      let pool: Awaited<ReturnType<typeof relaxedCandidates>> | null = null;
      if (strict.total < RELAX_BELOW && relaxable) {
        const candidates = await relaxedCandidates(compiled, units, common);
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
