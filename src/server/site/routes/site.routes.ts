import type { FastifyInstance, FastifyReply } from "fastify";
import type { Deps } from "../../../app/deps.ts";
import { mediaFileRoutes } from "./media-files.routes.ts";
import { ESI_SURROGATE_CONTROL } from "../../../cache/esi.ts";
import { TERBARU_FRAGMENT_PATH } from "../../../cache/purge-keys.ts";
import { createEncodingNegotiator } from "../../../cache/accept-encoding.ts";
import type { SiteAssets } from "../assets.ts";
import { VIEW_HEADER } from "../../plugins/page-cache-http.ts";
import type { SiteRenderer } from "../site-renderer.ts";

/** `/aset/warta.0123abcd.css` and `/aset/warta.89ef.css` name the same asset in two versions. */
function sameAssetName(a: string, b: string): boolean {
  const unhashed = (url: string) => url.replace(/\.[0-9a-f]{6,64}(\.[a-z]+)$/, "$1");
  return /\.[0-9a-f]{6,64}\.[a-z]+$/.test(b) && unhashed(a) === unhashed(b);
}

/** The public site: pages, the stylesheet and media files. */
export function siteRoutes(deps: Deps, renderer: SiteRenderer, assets: SiteAssets) {
  const negotiate = createEncodingNegotiator();
  return async function register(app: FastifyInstance): Promise<void> {
    const send = (reply: FastifyReply, page: Awaited<ReturnType<SiteRenderer["home"]>>) => {
      if (page.includes) reply.header("surrogate-control", ESI_SURROGATE_CONTROL);
      return reply
        .code(page.status)
        .header("content-type", "text/html; charset=utf-8")
        .header("surrogate-key", page.surrogateKeys.join(" "))
        .send(page.html.value);
    };

    app.get("/healthz", async () => ({ status: "ok" }));

    await app.register(mediaFileRoutes(deps, renderer));
    // Terpopuler's beacon for sites behind a CDN: counts only in that mode, keeps nothing of the reader.
    app.post("/_tayang/:id", async (request, reply) => {
      const { id } = request.params as { id: string };
      if (!/^\d{1,12}$/.test(id)) return reply.code(404).header("cache-control", "no-store").send();
      if (deps.config.viewCounting === "beacon")
        deps.reader.views.record(Number(id), request.headers["user-agent"]);
      return reply.code(204).header("cache-control", "no-store").send();
    });

    // Static assets, precompressed at boot (br, gzip); an outdated hash redirects to the current file.
    app.get("/aset/:file", async (request, reply) => {
      const { file } = request.params as { file: string };
      const asset = assets.byUrl.get(`/aset/${file}`);
      if (!asset) {
        const current = [...assets.byUrl.values()].find((a) => sameAssetName(a.url, `/aset/${file}`));
        return current ? reply.redirect(current.url, 301) : send(reply, await renderer.error(404));
      }
      const encoding = negotiate(request.headers["accept-encoding"]);
      reply
        .header("content-type", asset.contentType)
        .header("cache-control", "public, max-age=31536000, immutable")
        .header("etag", asset.etag)
        .header("vary", "accept-encoding");
      if (encoding !== "identity") reply.header("content-encoding", encoding);
      if (request.headers["if-none-match"] === asset.etag) return reply.code(304).send();
      return reply.send(asset.variants[encoding]);
    });

    app.get("/", async (_request, reply) => send(reply, await renderer.home()));

    // The shared TERBARU block that article pages include; not a page of its own for search engines.
    app.get(TERBARU_FRAGMENT_PATH, async (_request, reply) =>
      send(reply.header("x-robots-tag", "noindex"), await renderer.terbaru()),
    );

    app.get("/tag/:slug", async (request, reply) => {
      const { slug } = request.params as { slug: string };
      return send(reply, await renderer.tag(slug, (request.query as Record<string, unknown>).halaman));
    });

    app.get("/profil/:slug", async (request, reply) => {
      const { slug } = request.params as { slug: string };
      return send(reply, await renderer.person(slug, (request.query as Record<string, unknown>).halaman));
    });

    // Everything else: `/{section-path}` or `/{section-path}/{id}/{slug}`.
    app.get("/*", async (request, reply) => {
      const rest = (request.params as { "*": string })["*"];
      const segments = rest.split("/").filter((s) => s.length > 0);
      const id = segments.length >= 2 ? segments[segments.length - 2] : undefined;
      if (id && /^\d{1,12}$/.test(id)) {
        const path = request.url.split("?")[0] ?? "";
        const canInclude = request.esiMode !== "none" && deps.config.terbaru === "include";
        const result = await renderer.article(Number(id), path, canInclude);
        if ("redirect" in result) return reply.redirect(result.redirect, 301);
        // A read of the story (Terpopuler): counted by the page cache plugin, on hits as well.
        if (result.status === 200) reply.header(VIEW_HEADER, String(id));
        return send(reply, result);
      }
      return send(
        reply,
        await renderer.section(segments, (request.query as Record<string, unknown>).halaman),
      );
    });
  };
}
