import { composeIncludes, includeSources } from "../../cache/esi.ts";
import { buildEntry, cacheKeyOf, type CacheEntry, type PageCache } from "../../cache/page-cache.ts";

/** The in-process cache's key for what an ESI-capable cache in front (Varnish) is sent: the shell. */
export const shellKeyOf = (key: string): string => `esi:${key}`;

/** Headers of a shell that a composed page does not repeat (buildEntry sets its own). */
const NOT_COPIED = new Set([
  "etag",
  "vary",
  "content-length",
  "content-encoding",
  "x-cache",
  "surrogate-control",
  "surrogate-key",
]);

export interface Fragment {
  body: string;
  surrogateKeys: string[];
  expiresAt: number;
}

export interface ComposerOptions {
  cache: PageCache;
  /** Renders a fragment through the app (and so through the page cache): status, body, keys. */
  render(src: string): Promise<{ status: number; body: string; surrogateKey: string | undefined }>;
  brotliQuality: number;
  now?: () => number;
}

/**
 * Composes article pages from their cached shell and the shared fragments (TERBARU) for readers
 * who reach a node directly: a publish purges the fragment (`latest`) and the composed pages, but
 * not the shells, so the next reader costs a splice and a compression instead of a render.
 */
export function createEsiComposer(options: ComposerOptions) {
  const { cache, brotliQuality } = options;
  const now = options.now ?? Date.now;

  async function fragment(src: string): Promise<Fragment | null> {
    const cached = cache.get(cacheKeyOf(src));
    if (cached) {
      return {
        body: cached.variants.identity.body.toString("utf8"),
        surrogateKeys: [...cached.surrogateKeys],
        expiresAt: cached.expiresAt,
      };
    }
    const rendered = await options.render(src);
    if (rendered.status !== 200) return null;
    const keys = rendered.surrogateKey?.trim().split(/\s+/).filter(Boolean) ?? [];
    return { body: rendered.body, surrogateKeys: keys, expiresAt: now() + 60_000 };
  }

  /**
   * The composed page for `key` from a shell's HTML, headers and keys, stored unless a purge of
   * its keys ran meanwhile; null when a fragment could not be had (the caller renders instead).
   */
  async function compose(
    key: string,
    shell: {
      body: string;
      headers: Record<string, string>;
      surrogateKeys: readonly string[];
      expiresAt: number;
      viewOf?: number | null;
    },
  ): Promise<CacheEntry | null> {
    const seq = cache.seq;
    const fragments = new Map<string, string>();
    const keys = new Set(shell.surrogateKeys);
    let expiresAt = shell.expiresAt;
    for (const src of includeSources(shell.body)) {
      const part = await fragment(src);
      if (!part) return null;
      fragments.set(src, part.body);
      for (const k of part.surrogateKeys) keys.add(k);
      expiresAt = Math.min(expiresAt, part.expiresAt);
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(shell.headers))
      if (!NOT_COPIED.has(name)) headers[name] = value;
    headers["surrogate-key"] = [...keys].join(" ");
    const at = now();
    const entry = await buildEntry(
      {
        key,
        body: Buffer.from(composeIncludes(shell.body, fragments)),
        headers,
        surrogateKeys: [...keys],
        ttlSeconds: Math.max(1, (expiresAt - at) / 1000),
        compress: true,
        brotliQuality,
        viewOf: shell.viewOf ?? null,
      },
      at,
    );
    cache.store(entry, seq);
    cache.countComposition();
    return entry;
  }

  /** Composes from the shell cached under `shellKeyOf(key)`, if there is one with includes. */
  async function fromCachedShell(
    key: string,
    isShell: (entry: CacheEntry) => boolean,
  ): Promise<CacheEntry | null> {
    const shell = cache.get(shellKeyOf(key));
    if (!shell || !isShell(shell)) return null;
    const headers = Object.fromEntries(shell.variants.identity.headers);
    return compose(key, {
      body: shell.variants.identity.body.toString("utf8"),
      headers,
      surrogateKeys: shell.surrogateKeys,
      expiresAt: shell.expiresAt,
      viewOf: shell.viewOf,
    });
  }

  return { compose, fromCachedShell };
}

export type EsiComposer = ReturnType<typeof createEsiComposer>;
