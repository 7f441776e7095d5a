/**
 * The page cache's store path (the plugin's onSend hook): a public page a route rendered gets its
 * Cache-Control, is compressed once and kept under its surrogate keys, and is answered in the
 * negotiated encoding — an article shell composed with its fragments first.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { composeIncludes, hasIncludes } from "../../cache/esi.ts";
import { buildEntry, type CacheEntry, type PageCache } from "../../cache/page-cache.ts";
import { GLOBAL_KEYS } from "../../cache/purge-keys.ts";
import { shellKeyOf, type EsiComposer } from "./esi-composer.ts";
import type { PageCacheRequestState } from "./page-cache.plugin.ts";
import {
  COMPRESSIBLE,
  hasSession,
  headerString,
  PAGE_CACHE_CONTROL,
  PAGE_TTL_SECONDS,
  replayedHeaders,
  SEARCH_CACHE_CONTROL,
  SEARCH_TTL_SECONDS,
  VIEW_HEADER,
  type EncodingNegotiator,
} from "./page-cache-http.ts";

export interface PageStoreOptions {
  cache: PageCache | null;
  composer: EsiComposer | null;
  countView: ((articleId: number, userAgent: string | undefined) => void) | null;
  negotiate: EncodingNegotiator;
  brotliQuality: number;
}

/** A rendered page as the cache keeps it, before compression. */
interface RenderedPage {
  key: string;
  body: Buffer;
  headers: Record<string, string>;
  surrogateKeys: string[];
  isSearch: boolean;
  viewOf: number | null;
}

export function createPageStore(options: PageStoreOptions) {
  const { cache, composer, countView, negotiate, brotliQuality } = options;

  /** The story a rendered page counts a read for (VIEW_HEADER, taken off the response). */
  function takeView(request: FastifyRequest, reply: FastifyReply): number | null {
    const viewHeader = reply.getHeader(VIEW_HEADER);
    if (viewHeader === undefined) return null;
    reply.removeHeader(VIEW_HEADER);
    const viewOf = Number(viewHeader);
    // A rendered article page is a read too; a logged-in editor's preview is not.
    const state = request.pageCacheState;
    if (countView !== null && state !== null && request.method === "GET" && reply.statusCode === 200)
      countView(viewOf, request.headers["user-agent"]);
    return viewOf;
  }

  /** A shared cache may keep the response: a 200 with surrogate keys, no cookie, not private. */
  function isStorable(reply: FastifyReply, surrogate: string, payload: unknown): payload is string | Buffer {
    const control = headerString(reply.getHeader("cache-control"));
    return (
      surrogate !== "" &&
      reply.statusCode === 200 &&
      !reply.hasHeader("set-cookie") &&
      !(control !== undefined && /private|no-store/i.test(control)) &&
      (typeof payload === "string" || Buffer.isBuffer(payload))
    );
  }

  /** Compresses the page, stores it (its shell, if it has includes) and answers in the negotiated encoding. */
  async function storeAndAnswer(
    request: FastifyRequest,
    reply: FastifyReply,
    into: { cache: PageCache; state: PageCacheRequestState },
    page: RenderedPage,
  ): Promise<Buffer> {
    const { cache, state } = into;
    const { key, body, headers, surrogateKeys, isSearch, viewOf } = page;
    const entry = await buildEntry(
      {
        key,
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
    if (state.store) cache.store(shell ? { ...entry, key: shellKeyOf(key) } : entry, state.seq);
    const served = shell ? await composeShell(page, entry.expiresAt) : entry;
    const variant = served.variants[negotiate(request.headers["accept-encoding"])];
    if (shell) reply.removeHeader("surrogate-control");
    for (const [name, value] of variant.headers) if (name !== "x-cache") reply.header(name, value);
    reply.header("x-cache", "MISS");
    return variant.body;
  }

  /** A freshly rendered shell, composed for a direct reader (its fragments from the cache or rendered). */
  async function composeShell(page: RenderedPage, expiresAt: number): Promise<CacheEntry> {
    const { key, headers, surrogateKeys, viewOf } = page;
    const shell = { body: page.body.toString("utf8"), headers, surrogateKeys, expiresAt, viewOf };
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

  /** The onSend hook: Cache-Control on every public page, and the cache's copy of it. */
  async function onSend(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
    const state = request.pageCacheState;
    const viewOf = takeView(request, reply);
    if (state === null) {
      // A logged-in or authorized request: a shared cache must not keep what it got.
      if (
        hasSession(request.headers) &&
        reply.getHeader("surrogate-key") &&
        !reply.hasHeader("cache-control")
      )
        reply.header("cache-control", "private, no-store");
      return payload;
    }
    try {
      const surrogate = headerString(reply.getHeader("surrogate-key"))?.trim() ?? "";
      if (!isStorable(reply, surrogate, payload)) return payload;
      const surrogateKeys = surrogate.split(/\s+/);
      const isSearch = surrogateKeys.includes(GLOBAL_KEYS.search);
      const cacheControl =
        headerString(reply.getHeader("cache-control")) ??
        (isSearch ? SEARCH_CACHE_CONTROL : PAGE_CACHE_CONTROL);
      reply.header("cache-control", cacheControl);
      if (!cache) return payload;
      const headers = replayedHeaders(reply.getHeaders());
      headers["cache-control"] = cacheControl;
      headers["surrogate-key"] = surrogate;
      const body = typeof payload === "string" ? Buffer.from(payload) : payload;
      return await storeAndAnswer(
        request,
        reply,
        { cache, state },
        {
          key: state.key,
          body,
          headers,
          surrogateKeys,
          isSearch,
          viewOf,
        },
      );
    } finally {
      state.finish();
    }
  }

  return { onSend };
}
