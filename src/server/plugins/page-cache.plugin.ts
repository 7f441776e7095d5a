import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createEncodingNegotiator } from "../../cache/accept-encoding.ts";
import { buildEntry, cacheKeyOf, type CacheEntry, type PageCache } from "../../cache/page-cache.ts";
import { GLOBAL_KEYS } from "../../cache/purge-keys.ts";
import type { PurgeSinks } from "../../cache/purge-sinks.ts";
import { createPageCache } from "../../cache/page-cache.ts";
import { createPurgeHook, type PurgeMethod } from "../../cache/purge-hook.ts";
import type { Deps } from "../../app/deps.ts";
import { composeIncludes, composesAtEdge, hasIncludes } from "../../cache/esi.ts";
import { createEsiComposer, shellKeyOf, type EsiComposer } from "./esi-composer.ts";

/** Browsers keep a page a minute; a CDN five, serving stale for 30 s while it refetches. */
export const PAGE_CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=30";
/** Search results change with every indexed article and are not purged precisely: short. */
export const SEARCH_CACHE_CONTROL = "public, max-age=60, s-maxage=60, stale-while-revalidate=30";
export const PAGE_TTL_SECONDS = 300;
export const SEARCH_TTL_SECONDS = 60;
/** Requests carrying this cookie (a newsroom login) are never served from or stored in a cache. */
export const SESSION_COOKIE = "warta_session";
export const BYPASS_HEADER = "x-warta-cache-bypass";
/**
 * Set by a route on a page whose read counts for a story (Terpopuler): the article id. The plugin
 * takes it off the response and keeps it with the cached page, so hits count without any lookup.
 */
export const VIEW_HEADER = "x-warta-view";

/**
 * Response headers not replayed on hits: per-connection or per-response ones, and those the cache
 * sets itself. Everything else the route (or an earlier onSend hook) set is part of the cached page.
 */
const NOT_REPLAYED = new Set([
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "etag",
  "vary",
  "age",
  "set-cookie",
  "x-cache",
  "cache-control",
  "surrogate-key",
]);
const COMPRESSIBLE =
  /^(text\/|application\/(xml|json|ld\+json|rss\+xml|atom\+xml|feed\+json|javascript|xhtml\+xml)|image\/svg\+xml)/;

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

interface RequestState {
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
    pageCacheState: RequestState | null;
    /**
     * Who composes edge-side includes in this response: the cache in front ("edge", it sent
     * `Surrogate-Capability: …ESI/1.0`), this plugin ("compose"), or nobody ("none": render inline).
     */
    esiMode: "edge" | "compose" | "none";
  }
}

const noop = () => {};

/** A cached response whose HTML holds edge-side includes (an article page's shell). */
const isShell = (entry: CacheEntry): boolean =>
  entry.variants.identity.headers.some(([name, value]) => name === "surrogate-control" && hasIncludes(value));

function hasSession(request: FastifyRequest): boolean {
  if (request.headers.authorization !== undefined) return true;
  const cookie = request.headers.cookie;
  return cookie !== undefined && cookie.includes(`${SESSION_COOKIE}=`);
}

/** If-None-Match matches one of the entry's tags (weak comparison, `*` included). */
function matchesEtag(header: string, etags: readonly string[]): boolean {
  for (const etag of etags) if (header === etag) return true;
  for (const part of header.split(",")) {
    const tag = part.trim().replace(/^W\//, "");
    if (tag === "*" || etags.includes(tag)) return true;
  }
  return false;
}

function headerString(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.join(", ");
  return undefined;
}

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

  /** Writes a cached entry: 304 when If-None-Match matches, else the negotiated bytes. */
  function writeEntry(req: IncomingMessage, res: ServerResponse, entry: CacheEntry): void {
    const encoding = negotiate(req.headers["accept-encoding"]);
    const inm = req.headers["if-none-match"];
    if (inm !== undefined && matchesEtag(inm, entry.etags)) {
      res.writeHead(304, entry.notModified[encoding]);
      res.end();
      return;
    }
    const variant = entry.variants[encoding];
    res.writeHead(200, variant.flat);
    res.end(req.method === "HEAD" ? undefined : variant.body);
  }

  /** A page-cache hit of an article page by GET is a read (a 304 revalidation included). */
  function countHit(req: IncomingMessage, entry: CacheEntry): void {
    if (countView !== null && entry.viewOf !== null && req.method === "GET")
      countView(entry.viewOf, req.headers["user-agent"]);
  }

  function serveHit(request: FastifyRequest, reply: FastifyReply, entry: CacheEntry): void {
    reply.hijack();
    writeEntry(request.raw, reply.raw, entry);
    countHit(request.raw, entry);
  }

  /**
   * The hit path in front of Fastify (installed on the HTTP server's request event): a cached page
   * is written before any routing or request object; anything else goes on to Fastify untouched.
   */
  function tryServeRaw(req: IncomingMessage, res: ServerResponse): boolean {
    if (!cache) return false;
    const method = req.method;
    if (method !== "GET" && method !== "HEAD") return false;
    const headers = req.headers;
    if (headers.authorization !== undefined) return false;
    if (headers.cookie !== undefined && headers.cookie.includes(`${SESSION_COOKIE}=`)) return false;
    if (options.allowBypass && headers[BYPASS_HEADER] !== undefined) return false;
    const url = req.url ?? "/";
    if (url.startsWith("/admin")) return false;
    const key = cacheKeyOf(url);
    const entry = cache.get(composesAtEdge(headers["surrogate-capability"]) ? shellKeyOf(key) : key);
    if (entry === undefined) return false;
    writeEntry(req, res, entry);
    countHit(req, entry);
    return true;
  }

  const plugin = async function register(app: FastifyInstance): Promise<void> {
    app.decorate("pageCache", cache);
    app.decorateRequest("pageCacheState", null);
    app.decorateRequest("esiMode", "none");
    const composer: EsiComposer | null = cache
      ? createEsiComposer({
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
        })
      : null;

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

    // When listening, answer hits before Fastify routes the request (inject() uses onRequest below).
    app.addHook("onReady", async () => {
      const server = app.server;
      const listeners = server.listeners("request");
      const original = listeners[0] as ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
      if (!cache || listeners.length !== 1 || !original) return;
      server.removeListener("request", original);
      server.on("request", (req: IncomingMessage, res: ServerResponse) => {
        if (!tryServeRaw(req, res)) original.call(server, req, res);
      });
    });

    app.addHook("onRequest", (request, reply, done) => {
      const method = request.method;
      if ((method !== "GET" && method !== "HEAD") || hasSession(request)) return done();
      const url = request.raw.url ?? "/";
      if (url.startsWith("/admin")) return done();
      const edge = composesAtEdge(request.headers["surrogate-capability"]);
      request.esiMode = edge ? "edge" : cache ? "compose" : "none";
      const key = edge ? shellKeyOf(cacheKeyOf(url)) : cacheKeyOf(url);
      if (!cache) {
        request.pageCacheState = { key, seq: 0, store: false, finish: noop };
        return done();
      }
      if (options.allowBypass && request.headers[BYPASS_HEADER] === "1") {
        request.pageCacheState = { key, seq: cache.seq, store: false, finish: noop };
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

    app.addHook("onSend", async (request, reply, payload) => {
      const state = request.pageCacheState;
      const viewHeader = reply.getHeader(VIEW_HEADER);
      let viewOf: number | null = null;
      if (viewHeader !== undefined) {
        reply.removeHeader(VIEW_HEADER);
        viewOf = Number(viewHeader);
        // A rendered article page is a read too; a logged-in editor's preview is not.
        if (countView !== null && state !== null && request.method === "GET" && reply.statusCode === 200)
          countView(viewOf, request.headers["user-agent"]);
      }
      if (state === null) {
        // A logged-in or authorized request: a shared cache must not keep what it got.
        if (hasSession(request) && reply.getHeader("surrogate-key") && !reply.hasHeader("cache-control"))
          reply.header("cache-control", "private, no-store");
        return payload;
      }
      try {
        const surrogate = headerString(reply.getHeader("surrogate-key"))?.trim() ?? "";
        const setCookie = reply.hasHeader("set-cookie");
        const existingControl = headerString(reply.getHeader("cache-control"));
        if (
          surrogate === "" ||
          reply.statusCode !== 200 ||
          setCookie ||
          (existingControl !== undefined && /private|no-store/i.test(existingControl)) ||
          !(typeof payload === "string" || Buffer.isBuffer(payload))
        )
          return payload;
        const surrogateKeys = surrogate.split(/\s+/);
        const isSearch = surrogateKeys.includes(GLOBAL_KEYS.search);
        const cacheControl = existingControl ?? (isSearch ? SEARCH_CACHE_CONTROL : PAGE_CACHE_CONTROL);
        reply.header("cache-control", cacheControl);
        if (!cache) return payload;

        const headers: Record<string, string> = {};
        for (const [name, raw] of Object.entries(reply.getHeaders())) {
          const value = headerString(raw);
          if (value !== undefined && !NOT_REPLAYED.has(name.toLowerCase()))
            headers[name.toLowerCase()] = value;
        }
        headers["cache-control"] = cacheControl;
        headers["surrogate-key"] = surrogate;
        const body = typeof payload === "string" ? Buffer.from(payload) : payload;
        const entry = await buildEntry(
          {
            key: state.key,
            body,
            headers,
            surrogateKeys,
            ttlSeconds: isSearch ? SEARCH_TTL_SECONDS : PAGE_TTL_SECONDS,
            compress: COMPRESSIBLE.test(headers["content-type"] ?? ""),
            brotliQuality,
            viewOf,
          },
          Date.now(),
        );
        const shell = request.esiMode === "compose" && hasIncludes(headers["surrogate-control"]);
        if (state.store) cache.store(shell ? { ...entry, key: shellKeyOf(state.key) } : entry, state.seq);
        const served = shell
          ? await composeShell(state.key, body, headers, surrogateKeys, entry.expiresAt, viewOf)
          : entry;

        const encoding = negotiate(request.headers["accept-encoding"]);
        const variant = served.variants[encoding];
        if (shell) reply.removeHeader("surrogate-control");
        for (const [name, value] of variant.headers) if (name !== "x-cache") reply.header(name, value);
        reply.header("x-cache", "MISS");
        return variant.body;
      } finally {
        state.finish();
      }
    });

    /** A freshly rendered shell, composed for a direct reader (its fragments from the cache or rendered). */
    async function composeShell(
      key: string,
      body: Buffer,
      headers: Record<string, string>,
      surrogateKeys: string[],
      expiresAt: number,
      viewOf: number | null,
    ): Promise<CacheEntry> {
      const shell = { body: body.toString("utf8"), headers, surrogateKeys, expiresAt, viewOf };
      const composed = await composer?.compose(key, shell).catch(() => null);
      if (composed) return composed;
      // No fragment to be had (the store failed under it): the page without it, never the raw tag.
      const { "surrogate-control": _ignored, ...rest } = headers;
      return buildEntry(
        {
          key,
          body: Buffer.from(composeIncludes(shell.body, new Map())),
          headers: rest,
          surrogateKeys,
          ttlSeconds: 0,
          compress: false,
          brotliQuality,
        },
        Date.now(),
      );
    }

    app.addHook("onResponse", async (request) => request.pageCacheState?.finish());
    app.addHook("onRequestAbort", async (request) => request.pageCacheState?.finish());
  };
  // Hooks apply to every route of the app, not just an encapsulated child context.
  (plugin as unknown as Record<symbol, boolean>)[Symbol.for("skip-override")] = true;
  return plugin;
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
