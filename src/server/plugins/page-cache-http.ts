/**
 * The page cache's HTTP rules, shared by its two hit paths (the raw request listener and Fastify's
 * onRequest hook) and its store path: which requests a shared cache may answer, conditional
 * requests, and which response headers a cached page keeps.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { Encoding } from "../../cache/accept-encoding.ts";
import type { CacheEntry } from "../../cache/page-cache.ts";
import { hasIncludes } from "../../cache/esi.ts";
import { SESSION_COOKIE } from "./auth.plugin.ts";

export type EncodingNegotiator = (header: string | undefined) => Encoding;

/** Browsers keep a page a minute; a CDN five, serving stale for 30 s while it refetches. */
export const PAGE_CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=30";
/** Search results change with every indexed article and are not purged precisely: short. */
export const SEARCH_CACHE_CONTROL = "public, max-age=60, s-maxage=60, stale-while-revalidate=30";
export const PAGE_TTL_SECONDS = 300;
export const SEARCH_TTL_SECONDS = 60;
/**
 * Set by a route on a page whose read counts for a story (Terpopuler): the article id. The plugin
 * takes it off the response and keeps it with the cached page, so hits count without any lookup.
 */
export const VIEW_HEADER = "x-warta-view";

export const BYPASS_HEADER = "x-warta-cache-bypass";

/**
 * Response headers not replayed on hits: per-connection or per-response ones, and those the cache
 * sets itself. Everything else the route (or an earlier onSend hook) set is part of the cached page.
 */
export const NOT_REPLAYED = new Set([
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

export const COMPRESSIBLE =
  /^(text\/|application\/(xml|json|ld\+json|rss\+xml|atom\+xml|feed\+json|javascript|xhtml\+xml)|image\/svg\+xml)/;

/** The request carries a newsroom login (session cookie) or an API authorization. */
export function hasSession(headers: IncomingHttpHeaders): boolean {
  if (headers.authorization !== undefined) return true;
  const cookie = headers.cookie;
  return cookie !== undefined && cookie.includes(`${SESSION_COOKIE}=`);
}

/** A public read a shared cache may answer: GET or HEAD, no login, not the newsroom admin. */
export function isPublicRead(method: string | undefined, url: string, headers: IncomingHttpHeaders): boolean {
  return (method === "GET" || method === "HEAD") && !hasSession(headers) && !url.startsWith("/admin");
}

/** The request asks to skip the cache (`x-warta-cache-bypass: 1`, honoured only when allowed). */
export const asksBypass = (headers: IncomingHttpHeaders): boolean => headers[BYPASS_HEADER] === "1";

/** A cached response whose HTML holds edge-side includes (an article page's shell). */
export const isShell = (entry: CacheEntry): boolean =>
  entry.variants.identity.headers.some(([name, value]) => name === "surrogate-control" && hasIncludes(value));

/** If-None-Match matches one of the entry's tags (weak comparison, `*` included). */
export function matchesEtag(header: string, etags: readonly string[]): boolean {
  for (const etag of etags) if (header === etag) return true;
  for (const part of header.split(",")) {
    const tag = part.trim().replace(/^W\//, "");
    if (tag === "*" || etags.includes(tag)) return true;
  }
  return false;
}

export function headerString(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.join(", ");
  return undefined;
}

/** Writes a cached entry: 304 when If-None-Match matches, else the negotiated bytes. */
export function writeEntry(
  negotiate: EncodingNegotiator,
  req: IncomingMessage,
  res: ServerResponse,
  entry: CacheEntry,
): void {
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

/** The headers a rendered page is cached with: what the route set, minus NOT_REPLAYED. */
export function replayedHeaders(raw: Record<string, unknown>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    const text = headerString(value);
    if (text !== undefined && !NOT_REPLAYED.has(name.toLowerCase())) headers[name.toLowerCase()] = text;
  }
  return headers;
}
