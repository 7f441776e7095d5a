import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../app/deps.ts";
import { segmentsToText, type Segment } from "../../search/query/snippet.ts";
import { authorize, requireActor } from "../plugins/auth.plugin.ts";
import { problems } from "./api-schemas.ts";
import { articleListItemSchema, storyFilterQuery } from "./articles.schemas.ts";

const query = z.object({
  q: z
    .string()
    .trim()
    .min(1, "Isi kata pencarian.")
    .max(200)
    .describe("Kata pencarian (judul, isi, nama orang)."),
  ...storyFilterQuery,
  sort: z.enum(["relevance", "date"]).default("relevance").describe("Relevansi, atau aktivitas terbaru."),
  page: z.coerce.number().int().min(1).max(100).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(25),
});

const marked = z.object({
  text: z.string(),
  highlights: z
    .array(z.tuple([z.number().int(), z.number().int()]))
    .describe("[awal, akhir) kata yang cocok."),
});

/** A story of the list (without its update time), with where the words matched. */
const item = articleListItemSchema
  .omit({ updatedAt: true })
  .extend({
    headlineHighlights: z.array(z.tuple([z.number().int(), z.number().int()])),
    snippet: marked,
  })
  .meta({ id: "NewsroomSearchItem" });

const results = z.object({
  query: z.string(),
  page: z.number().int(),
  pageCount: z.number().int(),
  total: z.number().int(),
  totalExact: z.boolean(),
  corrections: z.array(z.object({ from: z.string(), to: z.string() })),
  items: z.array(item),
});

function markedText(segments: readonly Segment[]) {
  const spans: [number, number][] = [];
  let at = 0;
  for (const segment of segments) {
    if (segment.mark) spans.push([at, at + segment.text.length]);
    at += segment.text.length;
  }
  return { text: segmentsToText(segments), highlights: spans };
}

/**
 * `GET /api/v1/newsroom/search`: the staff's search over every story (drafts, in review,
 * scheduled, live, withdrawn), never cached and never open to readers (`article.search`).
 */
export function newsroomSearchRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/newsroom/search",
      {
        schema: {
          tags: ["articles"],
          summary: "Cari semua berita ruang redaksi (draf dan terjadwal juga), untuk staf",
          querystring: query,
          response: { 200: results, ...problems(401, 403, 422) },
        },
      },
      async (request, reply) => {
        authorize(requireActor(request), "article.search");
        const q = request.query;
        const found = await deps.newsroomSearch.search({
          q: q.q,
          ...(q.status === undefined ? {} : { statuses: [q.status].flat() }),
          ...(q.sectionId === undefined ? {} : { sectionId: q.sectionId }),
          ...(q.personId === undefined ? {} : { personId: q.personId }),
          ...(q.from === undefined ? {} : { from: new Date(q.from) }),
          ...(q.to === undefined ? {} : { to: new Date(q.to) }),
          sort: q.sort,
          page: q.page,
          pageSize: q.pageSize,
        });
        reply.header("cache-control", "private, no-store");
        return {
          query: q.q,
          page: found.page,
          pageCount: found.pageCount,
          total: found.total,
          totalExact: found.totalExact,
          corrections: found.corrections.map((c) => ({ from: c.from, to: c.to })),
          items: found.items.map((hit) => ({
            id: hit.id,
            headline: hit.headline,
            slug: hit.slug,
            sectionId: hit.sectionId,
            status: hit.status,
            publishedAt: hit.publishedAt?.toISOString() ?? null,
            modifiedAt: hit.modifiedAt,
            version: hit.version,
            headlineHighlights: markedText(hit.headlineSegments).highlights,
            snippet: markedText(hit.snippet),
          })),
        };
      },
    );
  };
}
