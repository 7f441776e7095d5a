import type { FastifyInstance, FastifyReply } from "fastify";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { isSafeMediaKey } from "../../../media/media-storage.ts";
import type { Deps } from "../../../app/deps.ts";
import type { Stylesheet } from "../assets.ts";
import type { SiteRenderer } from "../site-renderer.ts";

const MEDIA_TYPES: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
};

/** The public site: pages, the stylesheet and media files. */
export function siteRoutes(deps: Deps, renderer: SiteRenderer, stylesheet: Stylesheet) {
  return async function register(app: FastifyInstance): Promise<void> {
    const send = (reply: FastifyReply, page: Awaited<ReturnType<SiteRenderer["home"]>>) =>
      reply
        .code(page.status)
        .header("content-type", "text/html; charset=utf-8")
        .header("surrogate-key", page.surrogateKeys.join(" "))
        .send(page.html.value);

    app.get("/healthz", async () => ({ status: "ok" }));

    app.get("/aset/:file", async (request, reply) => {
      const { file } = request.params as { file: string };
      if (stylesheet.url !== `/aset/${file}`) return reply.redirect(stylesheet.url, 301);
      return reply
        .header("content-type", "text/css; charset=utf-8")
        .header("cache-control", "public, max-age=31536000, immutable")
        .send(stylesheet.body);
    });

    app.get("/media/*", async (request, reply) => {
      const key = (request.params as { "*": string })["*"];
      const type = MEDIA_TYPES[extname(key).toLowerCase()];
      const path = isSafeMediaKey(key) ? deps.storage.localPath(key) : null;
      const info = path && type ? await stat(path).catch(() => null) : null;
      if (!path || !type || !info?.isFile()) return send(reply, await renderer.error(404));
      return reply
        .header("content-type", type)
        .header("content-length", info.size)
        .header("cache-control", "public, max-age=31536000, immutable")
        .send(createReadStream(path));
    });

    app.get("/", async (_request, reply) => send(reply, await renderer.home()));

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
        const result = await renderer.article(Number(id), request.url.split("?")[0] ?? "");
        if ("redirect" in result) return reply.redirect(result.redirect, 301);
        return send(reply, result);
      }
      return send(
        reply,
        await renderer.section(segments, (request.query as Record<string, unknown>).halaman),
      );
    });
  };
}
