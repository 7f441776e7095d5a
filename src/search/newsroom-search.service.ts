/**
 * The newsroom's search: every story, drafts, stories in review and scheduled ones included, by
 * headline, lede, body, credited people (the writer's name is searchable text) and status. It reads
 * its own index (index-layout.ts, "newsroom"), through the same SearchIndex port and query language
 * as readers' search (words in any form, "phrases", -exclusions, aliases, typo tolerance), and is
 * only ever reached by staff: GET /api/v1/newsroom/search, behind `article.search` in core/policy.ts.
 * Readers' surfaces read the public index, which holds live stories alone.
 */
import type { ArticleStatus } from "../core/article.ts";
import type { DomainEvent } from "../core/events.ts";
import type { SectionDirectorySource } from "../core/section.ts";
import type { Store } from "../db/store.ts";
import type { AliasesService } from "./aliases.service.ts";
import type { Analyzer } from "./analyzer/analyzer.ts";
import { createIndexSync } from "./index-sync.ts";
import { compileQuery, type Correction } from "./query/compile-query.ts";
import { parseQuery } from "./query/parse-query.ts";
import { highlightText, snippet, type Segment } from "./query/snippet.ts";
import { bodyText, createDocumentSource, rebuildFromStore } from "./search-documents.ts";
import type { ProgressCallback, SearchFilters, SearchIndex, SearchSort } from "./search-index.ts";

export interface NewsroomSearchRequest {
  q: string;
  /** Any of these statuses (all when absent). */
  statuses?: ArticleStatus[];
  /** The section and its subsections. */
  sectionId?: number;
  /** Stories crediting this person (writer, editor, photographer …). */
  personId?: number;
  /** Last activity at or after `from` and before `to` (the story list's range). */
  from?: Date;
  to?: Date;
  /** Relevance, or last activity, newest first. */
  sort: SearchSort;
  page: number;
  pageSize: number;
}

export interface NewsroomSearchItem {
  id: number;
  headline: string;
  slug: string;
  sectionId: number;
  status: ArticleStatus;
  publishedAt: Date | null;
  modifiedAt: string;
  version: number;
  headlineSegments: Segment[];
  snippet: Segment[];
  score: number;
}

export interface NewsroomSearchResults {
  items: NewsroomSearchItem[];
  total: number;
  /** False when more matched than were counted. */
  totalExact: boolean;
  page: number;
  pageCount: number;
  corrections: Correction[];
  /** Nothing searchable was typed. */
  empty: boolean;
}

export interface NewsroomSearchDeps {
  store: Store;
  clock: () => Date;
  sections: SectionDirectorySource;
  /** The "newsroom" index (never the public one). */
  index: SearchIndex;
  analyzer: Analyzer;
  aliases: AliasesService;
  onIndexError?: (error: unknown, articleId: number) => void;
}

export function createNewsroomSearchService(deps: NewsroomSearchDeps) {
  const { store, clock, sections, index, analyzer, aliases } = deps;
  const documents = createDocumentSource({ store, analyzer, scope: "newsroom" });
  const sync = createIndexSync({
    clock,
    index,
    documents,
    directory: () => sections.directory(),
    ...(deps.onIndexError ? { onError: deps.onIndexError } : {}),
  });

  async function hydrate(ids: number[]) {
    if (ids.length === 0) return new Map();
    const rows = await store.db
      .selectFrom("articles")
      .select([
        "id",
        "slug",
        "headline",
        "lede",
        "body",
        "section_id",
        "status",
        "published_at",
        "modified_at",
        "version",
      ])
      .where("id", "in", ids)
      .execute();
    return new Map(rows.map((row) => [row.id, row]));
  }

  return {
    index,

    /** The event subscriber: every change to any story (a draft saved, submitted, scheduled …). */
    async handleEvent(event: DomainEvent): Promise<void> {
      if (!event.type.startsWith("article.")) return;
      sync.changed((event as { articleId: number }).articleId);
    },

    flush: () => sync.flush(),
    settled: () => sync.settled(),

    /** Builds a new or outdated index from every story; returns the count, or null. */
    async ensureIndexed(): Promise<number | null> {
      await index.ready?.();
      if (!index.needsRebuild) return null;
      return rebuildFromStore(index, documents, { sections, clock });
    },

    async reindex(progress?: ProgressCallback): Promise<number> {
      await sync.flush();
      return rebuildFromStore(index, documents, { sections, clock }, progress);
    },

    async search(request: NewsroomSearchRequest): Promise<NewsroomSearchResults> {
      await sync.flush();
      const parsed = parseQuery(request.q, analyzer);
      const compiled = await compileQuery(parsed, { aliases: await aliases.table(), index, analyzer });
      const base = { page: request.page, corrections: compiled.corrections };
      if (!compiled.match)
        return { ...base, items: [], total: 0, totalExact: true, pageCount: 1, empty: true };
      const filters: SearchFilters = {};
      if (request.statuses && request.statuses.length > 0) filters.statuses = request.statuses;
      if (request.sectionId !== undefined) filters.sectionIds = [request.sectionId];
      if (request.personId !== undefined) filters.personIds = [request.personId];
      // The newsroom index dates a story by its last activity; the index's `to` is inclusive.
      if (request.from) filters.from = request.from;
      if (request.to) filters.to = new Date(request.to.getTime() - 1);
      const result = await index.search({
        match: compiled.match,
        exclude: compiled.exclude,
        filters,
        sort: request.sort,
        limit: request.pageSize,
        offset: (request.page - 1) * request.pageSize,
        now: clock(),
      });
      const rows = await hydrate(result.hits.map((hit) => hit.id));
      const items = result.hits.flatMap((hit): NewsroomSearchItem[] => {
        const row = rows.get(hit.id);
        if (!row) return []; // deleted a moment ago
        return [
          {
            id: row.id,
            headline: row.headline,
            slug: row.slug,
            sectionId: row.section_id,
            status: row.status as ArticleStatus,
            publishedAt: row.published_at ? new Date(row.published_at) : null,
            modifiedAt: row.modified_at,
            version: row.version,
            headlineSegments: highlightText(row.headline, compiled.highlight, analyzer),
            snippet: snippet(`${row.lede}\n${bodyText(row.body)}`, compiled.highlight, analyzer),
            score: hit.score,
          },
        ];
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
  };
}

export type NewsroomSearchService = ReturnType<typeof createNewsroomSearchService>;
