import type { FastifyInstance } from "fastify";
import { formatIsoWithOffset } from "../../core/house-date.ts";
import { API_PARAMS, parseSearchParams } from "../../search/query/search-params.ts";
import { segmentsToText, type Segment } from "../../search/query/snippet.ts";
import type { Deps } from "../../app/deps.ts";

const markedText = (segments: readonly Segment[]) => ({
  text: segmentsToText(segments),
  /** [start, end) offsets of the matched words within `text`. */
  highlights: segments.reduce<{ at: number; spans: [number, number][] }>(
    (acc, s) => {
      if (s.mark) acc.spans.push([acc.at, acc.at + s.text.length]);
      acc.at += s.text.length;
      return acc;
    },
    { at: 0, spans: [] },
  ).spans,
});

/**
 * `GET /api/v1/search?q=`: public search over live articles, inside the API plugin, so bad
 * parameters (an AppError from parseSearchParams) get the API's one problem+json mapping.
 */
export function searchApiRoutes(deps: Deps) {
  return async function register(app: FastifyInstance): Promise<void> {
    app.get("/search", async (request, reply) => {
      const params = parseSearchParams(request.query as Record<string, unknown>, API_PARAMS, {
        pageSize: 10,
        maxPageSize: 50,
      });
      const results = await deps.search.search(params);
      return reply.header("cache-control", "public, max-age=60").send({
        query: params.q,
        sort: params.sort,
        page: results.page,
        pageSize: params.pageSize,
        pageCount: results.pageCount,
        total: results.total,
        /** False when more matched than were counted (`total` is then a lower bound). */
        totalExact: results.totalExact,
        corrections: results.corrections,
        /** Too few stories hold every word: these hold most of them (phrases and exclusions still apply). */
        relaxed: results.relaxed,
        /** A likely typo corrected ("Mungkin maksud Anda …"), or null. */
        suggestion: results.suggestion,
        filters: results.filters,
        items: results.items.map((item) => ({
          id: item.id,
          headline: item.headline,
          url: deps.config.siteUrl + item.url,
          path: item.url,
          section: { id: item.section.id, name: item.section.name, slug: item.section.slug },
          publishedAt: formatIsoWithOffset(item.publishedAt, item.timeZone),
          updatedAt: item.updatedAt ? formatIsoWithOffset(item.updatedAt, item.timeZone) : null,
          headlineHighlights: markedText(item.headlineSegments).highlights,
          snippet: markedText(item.snippet),
          score: Number(item.score.toFixed(4)),
          allWords: item.allWords,
        })),
      });
    });
  };
}
