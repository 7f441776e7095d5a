/**
 * Search use cases: reader search, Berita Terkait, Baca Juga suggestions, reindex, and keeping the
 * index in sync with domain events. Everything returned is live: the index holds only live
 * articles, the index query re-checks the publication time, and hydration re-reads the article
 * row with the same live condition, so a story unpublished a moment ago is never shown.
 */
import type { ArticleEvent, DomainEvent } from "../core/events.ts";
import { AppError } from "../core/errors.ts";
import type { IndonesianTimeZone } from "../core/time-zones.ts";
import type { SectionDirectory, SectionDirectorySource } from "../core/section.ts";
import { articlePath } from "../core/urls.ts";
import type { Store } from "../db/store.ts";
import type { ArticleListItem } from "../db/read/reading.models.ts";
import type { AliasesService } from "./aliases.service.ts";
import type { Analyzer } from "./analyzer/analyzer.ts";
import { compileQuery, type Correction } from "./query/compile-query.ts";
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
    const now = clock().toISOString();
    const rows = await store.db
      .selectFrom("articles")
      .select([
        "id",
        "slug",
        "headline",
        "lede",
        "body",
        "section_id",
        "time_zone",
        "published_at",
        "updated_at",
      ])
      .where("id", "in", ids)
      .where("status", "=", "published")
      .where("published_at", "<=", now)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      const path = row ? directory.pathOf(row.section_id) : null;
      if (!row || !path || !row.published_at) return [];
      const item: ArticleListItem = {
        id: row.id,
        headline: row.headline,
        lede: row.lede,
        url: articlePath(path, row.id, row.slug),
        publishedAt: new Date(row.published_at),
        updatedAt: row.updated_at ? new Date(row.updated_at) : null,
        timeZone: row.time_zone as IndonesianTimeZone,
        section: path.section,
        image: null,
      };
      return [{ item, body: row.body }];
    });
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
      const base = { request, corrections: compiled.corrections, filters: named, page: request.page };
      if (!compiled.match)
        return { ...base, items: [], total: 0, totalExact: true, pageCount: 1, empty: true };

      const result = await index.search({
        match: compiled.match,
        exclude: compiled.exclude,
        filters,
        sort: request.sort,
        limit: request.pageSize,
        offset: (request.page - 1) * request.pageSize,
        now: clock(),
      });
      const scores = new Map(result.hits.map((h) => [h.id, h.score]));
      const hydrated = await hydrate(
        result.hits.map((h) => h.id),
        directory,
      );
      const items = hydrated.map(({ item, body }) => {
        const text = `${item.lede}\n${bodyText(body)}`;
        return {
          ...item,
          headlineSegments: highlightText(item.headline, compiled.highlight, analyzer),
          snippet: snippet(text, compiled.highlight, analyzer),
          score: scores.get(item.id) ?? 0,
        };
      });
      return {
        ...base,
        items,
        total: result.total,
        totalExact: result.exhaustive,
        pageCount: Math.max(1, Math.ceil(result.total / request.pageSize)),
        empty: false,
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
