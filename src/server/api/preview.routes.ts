import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Article } from "../../core/article.ts";
import { AppError } from "../../core/errors.ts";
import type { Deps } from "../../app/deps.ts";
import type { SitePage } from "../site/site-page.ts";
import { authorize, requireActor } from "../plugins/auth.plugin.ts";
import { idParams, problems } from "./api-schemas.ts";

/** What renders a story that is not public yet as the site would (server/site/site-renderer.ts). */
export interface StoryPreviewer {
  preview(article: Article): Promise<SitePage>;
}

/**
 * GET /articles/:id/preview: the newsroom's working copy of a story (a draft, or a live story's
 * staged update) rendered by the site's own templates, for the editor's "Pratinjau". A page for a
 * signed-in person: `no-store`, `noindex`, the site's Content-Security-Policy
 * (plugins/security-policy.ts, area "preview"), never in the page cache (no surrogate key).
 */
export function previewRoutes(deps: Deps, previewer: StoryPreviewer): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/articles/:id/preview",
      {
        schema: {
          tags: ["articles"],
          summary: "Pratinjau berita seperti di situs (draf atau pembaruan yang belum terbit)",
          description:
            "Halaman HTML versi kerja berita dengan templat situs, bertanggal sekarang bila belum terbit. " +
            "Tidak pernah di-cache (no-store) dan tidak untuk mesin pencari (noindex).",
          produces: ["text/html"],
          params: idParams,
          response: { 200: z.string().describe("Halaman HTML"), ...problems(401, 403, 404) },
        },
        // The page is HTML, not JSON: sent as rendered.
        serializerCompiler: () => (data) => String(data),
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(actor, "article.preview");
        const { article } = await deps.articles.working(request.params.id);
        const page = await previewer.preview(article);
        if (page.status !== 200)
          throw new AppError("not_found", "Rubrik berita ini tidak ditemukan; pratinjau tidak dapat dibuat.");
        return reply
          .header("content-type", "text/html; charset=utf-8")
          .header("cache-control", "no-store")
          .header("x-robots-tag", "noindex")
          .send(page.html.value);
      },
    );
  };
}
