import type { FastifyInstance } from "fastify";
import { GLOBAL_KEYS } from "../../cache/purge-keys.ts";
import { DOCS_STYLE_HASH } from "../api/docs-page.ts";
import {
  areaOf,
  BASE_SECURITY_HEADERS,
  contentSecurityPolicy,
  type SecurityArea,
} from "./security-policy.ts";

/**
 * A reader's 404 may be cached, briefly, by browsers and the CDN — and it carries the `notfound`
 * surrogate key (plus `article:ID` for an article URL) so the publication of a story purges it at
 * once: an embargoed URL's 404 never outlives the embargo.
 */
export const NOT_FOUND_CACHE_CONTROL = "public, max-age=10, s-maxage=60";

/** `/{section-path}/{id}/{slug}`: the article id in a site path, if any. */
function articleIdOf(path: string): number | null {
  const segments = path.split("/").filter((s) => s.length > 0);
  const id = segments.length >= 3 ? segments[segments.length - 2] : undefined;
  return id && /^\d{1,12}$/.test(id) ? Number(id) : null;
}

/**
 * Security headers on every response (set in onRequest, before the page cache stores a page, so
 * cached copies replay them), and Cache-Control + surrogate keys on the site's 404s. Register it
 * before the page cache plugin.
 */
export function securityHeadersPlugin(options: { siteStyleHashes: readonly string[] }) {
  const inputs = { siteStyleHashes: options.siteStyleHashes, docsStyleHashes: [DOCS_STYLE_HASH] };
  const policies = new Map<SecurityArea, string>(
    (["site", "docs", "admin", "api", "preview"] as const).map((area) => [
      area,
      contentSecurityPolicy(area, inputs),
    ]),
  );
  const plugin = async (app: FastifyInstance): Promise<void> => {
    app.addHook("onRequest", async (request, reply) => {
      const path = (request.raw.url ?? "/").split("?")[0] ?? "/";
      reply.headers(BASE_SECURITY_HEADERS);
      reply.header("content-security-policy", policies.get(areaOf(path)));
    });
    app.addHook("onSend", async (request, reply, payload) => {
      if (reply.statusCode !== 404 || reply.hasHeader("cache-control")) return payload;
      const path = (request.raw.url ?? "/").split("?")[0] ?? "/";
      if (areaOf(path) !== "site") return payload;
      const id = articleIdOf(path);
      reply.header("cache-control", NOT_FOUND_CACHE_CONTROL);
      reply.header(
        "surrogate-key",
        [GLOBAL_KEYS.notFound, ...(id === null ? [] : [`article:${id}`])].join(" "),
      );
      return payload;
    });
  };
  // Hooks apply to every route of the app, not just an encapsulated child context.
  (plugin as unknown as Record<symbol, boolean>)[Symbol.for("skip-override")] = true;
  return plugin;
}
