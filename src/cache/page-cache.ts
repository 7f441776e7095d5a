import { createHash } from "node:crypto";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import type { Encoding } from "./accept-encoding.ts";

/** Below this size compression is not worth a header; such pages are kept as identity only. */
const MIN_COMPRESS_BYTES = 512;
/** Fixed bookkeeping per entry (maps, header arrays), counted against the memory bound. */
const ENTRY_OVERHEAD_BYTES = 1024;
/** How many recent purges a finishing render is checked against (see `store`). */
const PURGE_LOG_SIZE = 512;

/** One ready-to-write representation: the bytes and its headers (with `x-cache: HIT`). */
export interface Variant {
  body: Buffer;
  headers: [string, string][];
  /** The same headers as a flat `[name, value, …]` list: `writeHead`'s fastest form. */
  flat: string[];
}

export interface CacheEntry {
  key: string;
  surrogateKeys: readonly string[];
  /** Strong ETags of the variants (they differ by encoding, RFC 9110 §8.8.3). */
  etags: readonly string[];
  variants: Record<Encoding, Variant>;
  /** Headers for a 304: ETag, Cache-Control, Vary. */
  notModified: Record<Encoding, string[]>;
  bytes: number;
  storedAt: number;
  expiresAt: number;
  /** The story a hit on this page is a read of (Terpopuler), or null. */
  viewOf: number | null;
}

export interface EntryInput {
  key: string;
  body: Buffer;
  /** Headers to replay on every hit (content-type, surrogate-key, cache-control, …), lowercase names. */
  headers: Record<string, string>;
  surrogateKeys: readonly string[];
  ttlSeconds: number;
  /** Compress only text: HTML, XML, JSON, CSS, JS, plain. */
  compress: boolean;
  brotliQuality: number;
  /** The story a read of this page counts for (an article page), if any. */
  viewOf?: number | null;
}

export interface PageCacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  misses: number;
  stores: number;
  staleRefusals: number;
  evictions: number;
  purges: number;
  purgedEntries: number;
  /** Pages put together from a cached shell and its fragments (edge-side includes), no render. */
  compositions: number;
}

/** Compresses once per render: brotli (quality tuned for speed), gzip and identity, with ETags. */
export async function buildEntry(input: EntryInput, now: number): Promise<CacheEntry> {
  const { body } = input;
  const worth = input.compress && body.length >= MIN_COMPRESS_BYTES;
  // Synchronous on purpose: a few milliseconds once per render, no thread-pool hop, and no
  // per-thread malloc arenas inflating the resident set under a burst of misses.
  const br = worth
    ? brotliCompressSync(body, {
        params: {
          [zlib.BROTLI_PARAM_QUALITY]: input.brotliQuality,
          [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
          [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
          // A window just big enough for the page: same output, a fraction of the encoder's
          // memory (the default 4 MB window costs megabytes per miss).
          [zlib.BROTLI_PARAM_LGWIN]: Math.min(24, Math.max(16, Math.ceil(Math.log2(body.length + 1)) + 1)),
        },
      })
    : null;
  const gz = worth ? gzipSync(body, { level: 6 }) : null;
  const hash = createHash("sha256").update(body).digest("base64url").slice(0, 27);
  const vary = worth ? "Accept-Encoding" : null;

  const make = (encoding: Encoding, bytes: Buffer | null): { variant: Variant; etag: string } => {
    const useIdentity = bytes === null || bytes.length >= body.length;
    const payload = useIdentity ? body : bytes;
    const etag = useIdentity ? `"${hash}"` : `"${hash}-${encoding === "br" ? "br" : "gz"}"`;
    const headers: [string, string][] = Object.entries(input.headers);
    headers.push(["etag", etag]);
    if (vary) headers.push(["vary", vary]);
    if (!useIdentity) headers.push(["content-encoding", encoding]);
    headers.push(["content-length", String(payload.length)]);
    headers.push(["x-cache", "HIT"]);
    return { variant: { body: payload, headers, flat: headers.flat() }, etag };
  };
  const identity = make("identity", null);
  const brotli = make("br", br);
  const gzipped = make("gzip", gz);
  const notModified = (etag: string): string[] => {
    const headers = ["etag", etag];
    const cacheControl = input.headers["cache-control"];
    if (cacheControl) headers.push("cache-control", cacheControl);
    if (vary) headers.push("vary", vary);
    headers.push("x-cache", "HIT");
    return headers;
  };
  const variants = { br: brotli.variant, gzip: gzipped.variant, identity: identity.variant };
  const unique = new Set([body, brotli.variant.body, gzipped.variant.body]);
  let bytes = ENTRY_OVERHEAD_BYTES + input.key.length * 2;
  for (const buffer of unique) bytes += buffer.length;
  return {
    key: input.key,
    surrogateKeys: [...new Set(input.surrogateKeys)],
    etags: [...new Set([identity.etag, brotli.etag, gzipped.etag])],
    variants,
    notModified: {
      br: notModified(brotli.etag),
      gzip: notModified(gzipped.etag),
      identity: notModified(identity.etag),
    },
    bytes,
    storedAt: now,
    expiresAt: now + input.ttlSeconds * 1000,
    viewOf: input.viewOf ?? null,
  };
}

/**
 * The in-memory page cache: entries by request key, an index from surrogate key to entries, LRU
 * eviction by bytes, purge by surrogate key, and single-flight bookkeeping for cold pages.
 * Synchronous on every path a hit takes.
 */
export function createPageCache(options: { maxBytes: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const maxBytes = options.maxBytes;
  const entries = new Map<string, CacheEntry>();
  const bySurrogate = new Map<string, Set<string>>();
  const flights = new Map<string, Promise<void>>();
  const purgeLog: { seq: number; keys: ReadonlySet<string> }[] = [];
  let purgeSeq = 0;
  let totalBytes = 0;
  const stats = {
    hits: 0,
    misses: 0,
    stores: 0,
    staleRefusals: 0,
    evictions: 0,
    purges: 0,
    purgedEntries: 0,
    compositions: 0,
  };

  function remove(entry: CacheEntry): void {
    entries.delete(entry.key);
    totalBytes -= entry.bytes;
    for (const surrogate of entry.surrogateKeys) {
      const set = bySurrogate.get(surrogate);
      if (!set) continue;
      set.delete(entry.key);
      if (set.size === 0) bySurrogate.delete(surrogate);
    }
  }

  /** True when a purge since `seq` touched any of the keys (the render may have read old data). */
  function purgedSince(seq: number, keys: readonly string[]): boolean {
    if (seq === purgeSeq) return false;
    const oldest = purgeLog[0];
    if (!oldest || oldest.seq > seq + 1) return true;
    for (const purge of purgeLog) {
      if (purge.seq <= seq) continue;
      for (const key of keys) if (purge.keys.has(key)) return true;
    }
    return false;
  }

  return {
    /** The live entry for a request key, refreshed in LRU order; undefined on a miss or expiry. */
    get(key: string): CacheEntry | undefined {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      if (entry.expiresAt <= now()) {
        remove(entry);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, entry);
      stats.hits++;
      return entry;
    },

    countMiss(): void {
      stats.misses++;
    },

    countComposition(): void {
      stats.compositions++;
    },

    /** The purge sequence number to pass to `store` when a render starts. */
    get seq(): number {
      return purgeSeq;
    },

    /**
     * Keeps a rendered entry unless a purge that touches its keys ran while it was being rendered
     * (it may show data from before the change) or it cannot fit at all. Evicts least recently used.
     */
    store(entry: CacheEntry, renderStartSeq: number): boolean {
      if (entry.bytes > maxBytes) return false;
      if (purgedSince(renderStartSeq, entry.surrogateKeys)) {
        stats.staleRefusals++;
        return false;
      }
      const previous = entries.get(entry.key);
      if (previous) remove(previous);
      entries.set(entry.key, entry);
      totalBytes += entry.bytes;
      for (const surrogate of entry.surrogateKeys) {
        let set = bySurrogate.get(surrogate);
        if (!set) bySurrogate.set(surrogate, (set = new Set()));
        set.add(entry.key);
      }
      while (totalBytes > maxBytes) {
        const oldest = entries.values().next().value;
        if (oldest === undefined) break;
        remove(oldest);
        stats.evictions++;
      }
      stats.stores++;
      return true;
    },

    /** Drops every entry carrying any of the surrogate keys; returns how many went. */
    purge(keys: readonly string[]): number {
      if (keys.length === 0) return 0;
      purgeSeq++;
      purgeLog.push({ seq: purgeSeq, keys: new Set(keys) });
      if (purgeLog.length > PURGE_LOG_SIZE) purgeLog.shift();
      let count = 0;
      for (const surrogate of keys) {
        const set = bySurrogate.get(surrogate);
        if (!set) continue;
        for (const key of [...set]) {
          const entry = entries.get(key);
          if (entry) {
            remove(entry);
            count++;
          }
        }
      }
      stats.purges++;
      stats.purgedEntries += count;
      return count;
    },

    clear(): void {
      purgeSeq++;
      purgeLog.length = 0;
      entries.clear();
      bySurrogate.clear();
      totalBytes = 0;
    },

    /**
     * Single flight: the first caller for a key gets `lead` (call `finish` when its response is
     * stored or given up); later callers get the leader's promise to wait on.
     */
    joinFlight(key: string): { lead: true; finish: () => void } | { lead: false; wait: Promise<void> } {
      const existing = flights.get(key);
      if (existing) return { lead: false, wait: existing };
      let finish!: () => void;
      const promise = new Promise<void>((resolve) => {
        finish = () => {
          if (flights.get(key) === promise) flights.delete(key);
          resolve();
        };
      });
      flights.set(key, promise);
      return { lead: true, finish };
    },

    stats(): PageCacheStats {
      return { entries: entries.size, bytes: totalBytes, maxBytes, ...stats };
    },

    has(key: string): boolean {
      return entries.has(key);
    },
  };
}

export type PageCache = ReturnType<typeof createPageCache>;

/**
 * The cache key of a request: method + path + normalized query, independent of the host.
 * Query parameters are sorted; campaign trackers (`utm_*`, `fbclid`, `gclid`) that never change a
 * page are dropped so they cannot fragment the cache.
 */
export function cacheKeyOf(url: string): string {
  const q = url.indexOf("?");
  if (q < 0) return url;
  const path = url.slice(0, q);
  const query = url.slice(q + 1);
  if (query === "") return path;
  const params = new URLSearchParams(query);
  const kept: [string, string][] = [];
  for (const [name, value] of params)
    if (!name.startsWith("utm_") && name !== "fbclid" && name !== "gclid") kept.push([name, value]);
  if (kept.length === 0) return path;
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return `${path}?${new URLSearchParams(kept).toString()}`;
}
