import type { FastifyInstance, FastifyReply } from "fastify";
import { isAppError, type FieldIssue } from "../../core/errors.ts";
import { formatIsoWithOffset } from "../../core/house-date.ts";
import { API_PARAMS, parseSearchParams } from "../../search/query/search-params.ts";
import { segmentsToText, type Segment } from "../../search/query/snippet.ts";
import type { Deps } from "../deps.ts";

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

function problem(
  reply: FastifyReply,
  status: number,
  title: string,
  detail: string,
  errors: FieldIssue[] = [],
) {
  return reply
    .code(status)
    .header("content-type", "application/problem+json; charset=utf-8")
    .send({
      type: status === 400 ? "https://warta.dev/problems/validation-failed" : "about:blank",
      title,
      status,
      detail,
      errors,
    });
}

/**
 * `GET /api/v1/search?q=`: public search over live articles (registered under /api/v1 from app.ts).
 * Bad parameters are problem+json with one entry per field; nothing internal ever leaks.
 */
export function searchApiRoutes(deps: Deps) {
  return async function register(app: FastifyInstance): Promise<void> {
    app.setErrorHandler(async (error, request, reply) => {
      request.log.error({ err: error }, "search api failed");
      return problem(reply, 500, "Terjadi kesalahan", "Pencarian gagal diproses. Silakan coba lagi.");
    });

    app.get("/search", async (request, reply) => {
      try {
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
          })),
        });
      } catch (error) {
        if (isAppError(error) && error.code === "validation_failed")
          return problem(reply, 400, "Parameter pencarian tidak valid", error.message, error.details);
        throw error;
      }
    });
  };
}
