import type { FastifyInstance, FastifyReply } from "fastify";
import { parseIndexDay } from "../../../core/index-day.ts";
import type { Deps } from "../../../app/deps.ts";
import type { ReaderRenderer } from "../reader-renderer.ts";
import type { SitePage } from "../site-page.ts";
import type { SiteRenderer } from "../site-renderer.ts";
import { indexDayPath } from "../views/index-page.view.ts";

/** The reader features' pages; registered before the site's catch-all section route. */
export function readerRoutes(_deps: Deps, site: SiteRenderer, reader: ReaderRenderer) {
  return async function register(app: FastifyInstance): Promise<void> {
    const send = (reply: FastifyReply, page: SitePage) =>
      reply
        .code(page.status)
        .header("content-type", "text/html; charset=utf-8")
        .header("surrogate-key", page.surrogateKeys.join(" "))
        .send(page.html.value);

    app.get("/cek-fakta", async (request, reply) =>
      send(reply, await reader.factChecks((request.query as Record<string, unknown>).halaman)),
    );

    app.get("/topik", async (_request, reply) => send(reply, await reader.topics()));
    app.get("/topik/:slug", async (request, reply) => {
      const { slug } = request.params as { slug: string };
      return send(reply, await reader.topic(slug, (request.query as Record<string, unknown>).halaman));
    });

    // The no-JavaScript date picker submits `?tanggal=YYYY-MM-DD`: redirect to the day's own URL.
    app.get("/indeks", async (request, reply) => {
      const { tanggal } = request.query as { tanggal?: unknown };
      if (tanggal === undefined) return send(reply, await reader.indexDay(null));
      const day = typeof tanggal === "string" ? parseIndexDay(tanggal) : null;
      if (day === null) return send(reply, await site.error(400));
      return reply.redirect(indexDayPath(day), 303);
    });

    app.get("/indeks/:day", async (request, reply) => {
      const { day } = request.params as { day: string };
      return send(reply, await reader.indexDay(day));
    });
  };
}
