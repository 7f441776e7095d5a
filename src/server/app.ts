import Fastify, { type FastifyInstance } from "fastify";
import { isAppError } from "../core/errors.ts";
import { API_PREFIX, apiPlugin } from "./api/api.plugin.ts";
import type { Deps } from "../app/deps.ts";
import { adminRoutes } from "./admin/admin.routes.ts";
import { metricsPlugin } from "./plugins/metrics.plugin.ts";
import { pageCachePluginFromDeps } from "./plugins/page-cache.plugin.ts";
import { securityHeadersPlugin } from "./plugins/security-headers.plugin.ts";
import { loadSiteAssets } from "./site/assets.ts";
import { distributionRoutes } from "./site/routes/distribution.routes.ts";
import { searchRoutes } from "./site/routes/search.routes.ts";
import { siteRoutes } from "./site/routes/site.routes.ts";
import { createSiteRenderer } from "./site/site-renderer.ts";
import { createReaderRenderer } from "./site/reader-renderer.ts";
import { readerRoutes } from "./site/routes/reader.routes.ts";
import { readerFeedsRoutes } from "./site/routes/reader-feeds.routes.ts";
import { createLiveStream } from "./site/live-stream.ts";

/** How long a client may take to send one whole request. */
export const REQUEST_TIMEOUT_MS = 60_000;
/** How long a shutdown waits for requests in flight before it closes their connections. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Stops accepting connections, lets requests in flight finish for `graceMs`, then closes every
 * connection still open (a slow or stalled client never holds a shutdown for minutes).
 */
export async function closeGracefully(app: FastifyInstance, graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
  const timer = setTimeout(() => app.server.closeAllConnections(), graceMs);
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
  }
}

export interface BuildAppOptions {
  logger?: boolean;
}

/** The HTTP application over already-built dependencies (app/deps.ts). */
export async function buildApp(deps: Deps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: deps.config.logLevel } : false,
    trustProxy: deps.config.trustProxy,
    // A client gets this long to send its whole request (uploads included); Node's default is 300 s.
    requestTimeout: REQUEST_TIMEOUT_MS,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
  });
  const assets = loadSiteAssets();
  const renderer = createSiteRenderer(deps, assets);
  // Security headers on everything (before the page cache, so cached pages carry them too).
  await app.register(securityHeadersPlugin({ siteStyleHashes: [assets.stylesheet.cspHash] }));
  // Before any route: serves cached pages from onRequest and purges on domain events.
  await app.register(pageCachePluginFromDeps(deps));
  // /metrics (loopback or WARTA_METRICS_TOKEN); counts responses around the page cache's fast path.
  await app.register(metricsPlugin(deps));

  // The site's errors are Indonesian HTML pages; driver text and stacks never reach the reader.
  app.setNotFoundHandler(async (_request, reply) => {
    const page = await renderer.error(404);
    return reply.code(404).header("content-type", "text/html; charset=utf-8").send(page.html.value);
  });
  app.setErrorHandler(async (error, request, reply) => {
    const busy = isAppError(error) && error.code === "unavailable";
    const status =
      isAppError(error) && error.code === "not_found"
        ? 404
        : busy
          ? 503
          : ((error as { statusCode?: number }).statusCode ?? 500);
    if (busy) reply.header("retry-after", String(error.extra.retryAfterSeconds ?? 2));
    if (status >= 500) request.log.error({ err: error }, "request failed");
    const page = await renderer.error(status >= 400 && status < 600 ? status : 500).catch(() => null);
    return reply
      .code(status)
      .header("content-type", "text/html; charset=utf-8")
      .send(page?.html.value ?? "<!doctype html><title>Terjadi kesalahan</title><h1>Terjadi kesalahan</h1>");
  });

  await app.register(distributionRoutes(deps));
  await app.register(readerFeedsRoutes(deps));
  // The JSON API: its own problem+json error and not-found handlers, auth and OpenAPI.
  await app.register(apiPlugin(deps, renderer), { prefix: API_PREFIX });
  // The newsroom SPA at /admin (built into admin/dist; never in the page cache).
  await app.register(adminRoutes());
  await app.register(searchRoutes(deps, renderer));
  // Server-Sent Events to open live-blog pages (never cached: a stream has no surrogate key).
  await app.register(createLiveStream(deps).register);
  await app.register(readerRoutes(deps, renderer, createReaderRenderer(deps, renderer)));
  await app.register(siteRoutes(deps, renderer, assets));
  return app;
}
