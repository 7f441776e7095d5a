import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { createEncodingNegotiator } from "../../cache/accept-encoding.ts";
import { cacheKeyOf, createPageCache, type CacheEntry, type PageCache } from "../../cache/page-cache.ts";
import type { PurgeSinks } from "../../cache/purge-sinks.ts";
import { createPurgeHook, type PurgeMethod } from "../../cache/purge-hook.ts";
import type { Deps } from "../../app/deps.ts";
import { composesAtEdge } from "../../cache/esi.ts";
import { createEsiComposer, shellKeyOf, type EsiComposer } from "./esi-composer.ts";
import { asksBypass, isPublicRead, isShell, writeEntry } from "./page-cache-http.ts";
import { createPageStore } from "./page-cache-store.ts";

export interface PageCachePluginOptions {
  /** Null: no in-memory cache, but CDN headers and the purge hook still work. */
  cache: PageCache | null;
  /** Where the event subscriber (app/subscribers.ts) hands out the keys each event touched. */
  purges: Pick<PurgeSinks, "add">;
  /** A CDN/Varnish to tell about every purge (WARTA_PURGE_URL). */
  purge?: { url: string; method: PurgeMethod; timeoutMs?: number } | null;
  /** Honour `x-warta-cache-bypass: 1` (benchmarks force misses with it). */
  allowBypass?: boolean;
  brotliQuality?: number;
  /**
   * Counts a read of a story (an article page served: rendered, from the cache, or 304), given the
   * reader's user agent. Must be cheap and synchronous: it runs on the hit path. Null: not counted.
   */
  countView?: ((articleId: number, userAgent: string | undefined) => void) | null;
}

/** What the page cache decided for a request: its key, and whether the rendered page is stored. */
export interface PageCacheRequestState {
  key: string;
  seq: number;
  store: boolean;
  finish: () => void;
}

declare module "fastify" {
  interface FastifyInstance {
    pageCache: PageCache | null;
  }
  interface FastifyRequest {
    pageCacheState: PageCacheRequestState | null;
    /**
     * Who composes edge-side includes in this response: the cache in front ("edge", it sent
     * `Surrogate-Capability: …ESI/1.0`), this plugin ("compose"), or nobody ("none": render inline).
     */
    esiMode: "edge" | "compose" | "none";
  }
}

const noop = () => {};

/**
 * The page cache in front of every public GET (DESIGN.md §4). Hits are answered from the
 * `onRequest` hook with the precompressed buffer — no routing work past the lookup, no database,
 * no promise. Misses render normally; `onSend` compresses the page once, stores it under its
 * surrogate keys and answers with the negotiated encoding. Domain events purge by surrogate key.
 */
export function pageCachePlugin(options: PageCachePluginOptions) {
  const { cache, purges } = options;
  const countView = options.countView ?? null;
  const negotiate = createEncodingNegotiator();
  const brotliQuality = options.brotliQuality ?? 5;
  const bypassed = (headers: IncomingHttpHeaders): boolean =>
    options.allowBypass === true && asksBypass(headers);

  /**
   * Where a public read is cached: its URL's key, or its shell's when the cache in front composes
   * edge-side includes (`edge`). Null for requests a shared cache must not answer.
   */
  function lookupOf(method: string | undefined, url: string, headers: IncomingHttpHeaders) {
    if (!isPublicRead(method, url, headers)) return null;
    const edge = composesAtEdge(headers["surrogate-capability"]);
    return { key: edge ? shellKeyOf(cacheKeyOf(url)) : cacheKeyOf(url), edge };
  }

  /** Answers with a cached entry; a hit of an article page by GET is a read (a 304 included). */
  function serve(req: IncomingMessage, res: ServerResponse, entry: CacheEntry): void {
    writeEntry(negotiate, req, res, entry);
    if (countView !== null && entry.viewOf !== null && req.method === "GET")
      countView(entry.viewOf, req.headers["user-agent"]);
  }

  function serveHit(request: FastifyRequest, reply: FastifyReply, entry: CacheEntry): void {
    reply.hijack();
    serve(request.raw, reply.raw, entry);
  }

  /**
   * The hit path in front of Fastify (installed on the HTTP server's request event): a cached page
   * is written before any routing or request object; anything else goes on to Fastify untouched.
   */
  function tryServeRaw(req: IncomingMessage, res: ServerResponse): boolean {
    if (!cache || bypassed(req.headers)) return false;
    const lookup = lookupOf(req.method, req.url ?? "/", req.headers);
    const entry = lookup ? cache.get(lookup.key) : undefined;
    if (entry === undefined) return false;
    serve(req, res, entry);
    return true;
  }

  /** When listening, answer hits before Fastify routes the request (inject() uses onRequest). */
  function answerHitsBeforeRouting(app: FastifyInstance): void {
    const server = app.server;
    const listeners = server.listeners("request");
    const original = listeners[0] as ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
    if (!cache || listeners.length !== 1 || !original) return;
    server.removeListener("request", original);
    server.on("request", (req: IncomingMessage, res: ServerResponse) => {
      if (!tryServeRaw(req, res)) original.call(server, req, res);
    });
  }

  /** Every purge empties the in-memory cache's entries and, when configured, the CDN's. */
  function attachPurges(app: FastifyInstance): void {
    const purgeHook = options.purge
      ? createPurgeHook({
          ...options.purge,
          onError: (error, keys) => app.log.error({ err: error, keys }, "CDN purge failed"),
        })
      : null;
    const removeSink = purges.add((keys) => {
      cache?.purge(keys);
      if (purgeHook) void purgeHook(keys);
    });
    app.addHook("onClose", async () => removeSink());
  }

  const plugin = async function register(app: FastifyInstance): Promise<void> {
    app.decorate("pageCache", cache);
    app.decorateRequest("pageCacheState", null);
    app.decorateRequest("esiMode", "none");
    const composer = cache ? createComposer(app, cache, brotliQuality) : null;
    const store = createPageStore({ cache, composer, countView, negotiate, brotliQuality });
    attachPurges(app);
    app.addHook("onReady", async () => answerHitsBeforeRouting(app));

    app.addHook("onRequest", (request, reply, done) => {
      const lookup = lookupOf(request.method, request.raw.url ?? "/", request.headers);
      if (lookup === null) return done();
      const { key, edge } = lookup;
      request.esiMode = edge ? "edge" : cache ? "compose" : "none";
      if (!cache || bypassed(request.headers)) {
        request.pageCacheState = { key, seq: cache?.seq ?? 0, store: false, finish: noop };
        return done();
      }
      const entry = cache.get(key);
      if (entry !== undefined) return serveHit(request, reply, entry);
      if (!edge && composer && cache.has(shellKeyOf(key))) {
        // The page's shell is cached: put it together with its fragments instead of rendering.
        void composer.fromCachedShell(key, isShell).then(
          (composed) => (composed ? serveHit(request, reply, composed) : missed(request, reply, key, done)),
          () => missed(request, reply, key, done),
        );
        return;
      }
      missed(request, reply, key, done);
    });

    /** Not cached: render it, once for all the readers asking at the same time. */
    function missed(request: FastifyRequest, reply: FastifyReply, key: string, done: () => void): void {
      if (!cache) return done();
      if (request.method === "HEAD") {
        request.pageCacheState = { key, seq: cache.seq, store: false, finish: noop };
        return done();
      }
      const flight = cache.joinFlight(key);
      if (flight.lead) {
        cache.countMiss();
        request.pageCacheState = { key, seq: cache.seq, store: true, finish: flight.finish };
        return done();
      }
      // A render of this page is under way: wait for it and answer from the cache.
      void flight.wait.then(() => {
        const ready = cache.get(key);
        if (ready !== undefined) return serveHit(request, reply, ready);
        cache.countMiss();
        request.pageCacheState = { key, seq: cache.seq, store: true, finish: noop };
        done();
      });
    }

    app.addHook("onSend", store.onSend);
    app.addHook("onResponse", async (request) => request.pageCacheState?.finish());
    app.addHook("onRequestAbort", async (request) => request.pageCacheState?.finish());
  };
  // Hooks apply to every route of the app, not just an encapsulated child context.
  (plugin as unknown as Record<symbol, boolean>)[Symbol.for("skip-override")] = true;
  return plugin;
}

/** Composes edge-side includes from the cache, rendering a missing fragment through the app. */
function createComposer(app: FastifyInstance, cache: PageCache, brotliQuality: number): EsiComposer {
  return createEsiComposer({
    cache,
    brotliQuality,
    render: async (src) => {
      const response = await app.inject({ method: "GET", url: src });
      const surrogateKey = response.headers["surrogate-key"];
      return {
        status: response.statusCode,
        body: response.body,
        surrogateKey: typeof surrogateKey === "string" ? surrogateKey : undefined,
      };
    },
  });
}

/** The plugin as configured by the environment (WARTA_PAGE_CACHE_MB, WARTA_PURGE_URL, …). */
export function pageCachePluginFromDeps(deps: Pick<Deps, "config" | "purges" | "reader">) {
  const { config } = deps;
  const views = deps.reader.views;
  return pageCachePlugin({
    cache: config.pageCacheMb > 0 ? createPageCache({ maxBytes: config.pageCacheMb * 1024 * 1024 }) : null,
    purges: deps.purges,
    purge: config.purgeUrl ? { url: config.purgeUrl, method: config.purgeMethod } : null,
    allowBypass: config.pageCacheBypass,
    countView: config.viewCounting === "server" ? (id, userAgent) => views.record(id, userAgent) : null,
  });
}
