import type { FastifyInstance, FastifyReply } from "fastify";
import { existsSync, readFileSync } from "node:fs";
import { join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { ADMIN_DIST } from "../../app/admin-build.ts";

/** Hashed file names never change content: cached for a year, immutable. */
export const ADMIN_ASSET_CACHE_CONTROL = "public, max-age=31536000, immutable";
/** The shell is small and names the current hashed files: always revalidated. */
export const ADMIN_SHELL_CACHE_CONTROL = "no-cache";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".png": "image/png",
  ".json": "application/json",
};

const NOT_BUILT = `<!doctype html><html lang="id"><meta charset="utf-8"><title>Admin belum dibangun - Warta</title>
<main><h1>Admin belum dibangun</h1><p>Jalankan <code>npm ci</code> atau <code>npm start</code> untuk membangun admin.</p>
<p lang="en">The admin has not been built: run <code>npm ci</code> or <code>npm start</code>.</p></main></html>`;

/**
 * The admin SPA at /admin: hashed assets under /admin/assets/ (immutable), and index.html for
 * /admin and every client route below it (no-cache). The page cache skips /admin entirely
 * (plugins/page-cache.plugin.ts). The build lives in admin/dist (app/admin-build.ts).
 */
export function adminRoutes(dist = ADMIN_DIST) {
  return async function register(app: FastifyInstance): Promise<void> {
    /** Assets compressed once, on first request (they never change under a name). */
    const gzipped = new Map<string, Buffer>();
    const shell = (reply: FastifyReply) => {
      const file = join(dist, "index.html");
      const built = existsSync(file);
      return reply
        .code(built ? 200 : 503)
        .header("content-type", "text/html; charset=utf-8")
        .header("cache-control", ADMIN_SHELL_CACHE_CONTROL)
        .header("x-robots-tag", "noindex")
        .send(built ? readFileSync(file) : NOT_BUILT);
    };

    app.get("/admin/assets/*", async (request, reply) => {
      const name = (request.params as { "*": string })["*"];
      const path = normalize(join(dist, "assets", name));
      const type = TYPES[/\.[a-z0-9]+$/i.exec(name)?.[0] ?? ""];
      if (!path.startsWith(join(dist, "assets")) || !type || !existsSync(path)) {
        return reply
          .code(404)
          .header("cache-control", "no-store")
          .type("text/plain; charset=utf-8")
          .send("Berkas tidak ditemukan.");
      }
      reply
        .header("content-type", type)
        .header("cache-control", ADMIN_ASSET_CACHE_CONTROL)
        .header("vary", "accept-encoding");
      const body = readFileSync(path);
      if (!/\bgzip\b/.test(String(request.headers["accept-encoding"] ?? "")) || !type.startsWith("text/"))
        return reply.send(body);
      let zipped = gzipped.get(path);
      if (!zipped) gzipped.set(path, (zipped = gzipSync(body, { level: 9 })));
      return reply.header("content-encoding", "gzip").send(zipped);
    });
    app.get("/admin", async (_request, reply) => shell(reply));
    app.get("/admin/*", async (_request, reply) => shell(reply));
  };
}
