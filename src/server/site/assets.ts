import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Encoding } from "../../cache/accept-encoding.ts";

/**
 * A static file of the site, read and compressed once at boot (brotli at its best quality and gzip
 * level 9: it is done once, not per request). Its URL carries a content hash so it is cached forever.
 */
export interface StaticAsset {
  url: string;
  contentType: string;
  etag: string;
  variants: Record<Encoding, Buffer>;
}

/**
 * The stylesheet: inlined into every page (7 KB, 2 KB compressed — a separate request would block
 * the first paint) and also served precompressed at its hashed URL. `cspHash` is the
 * `'sha256-…'` source a Content-Security-Policy's `style-src` needs to allow the inline copy.
 */
export interface Stylesheet extends StaticAsset {
  text: string;
  cspHash: string;
}

/** Every static asset of the public site. */
export interface SiteAssets {
  stylesheet: Stylesheet;
  /** The live blog's progressive enhancement (Server-Sent Events), an external file for a strict CSP. */
  liveScript: StaticAsset;
  /** Terpopuler's read beacon for sites behind a CDN (WARTA_VIEW_COUNTING=beacon). */
  viewBeacon: StaticAsset;
  byUrl: Map<string, StaticAsset>;
}

function staticAsset(file: string, contentType: string): StaticAsset & { body: Buffer } {
  const body = readFileSync(new URL(`./assets/${file}`, import.meta.url));
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
  const dot = file.lastIndexOf(".");
  return {
    url: `/aset/${file.slice(0, dot)}.${hash}${file.slice(dot)}`,
    contentType,
    etag: `"${hash}"`,
    body,
    variants: {
      identity: body,
      gzip: gzipSync(body, { level: 9 }),
      br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    },
  };
}

export function loadSiteAssets(): SiteAssets {
  const css = staticAsset("warta.css", "text/css; charset=utf-8");
  const text = css.body.toString("utf8");
  const stylesheet: Stylesheet = {
    ...css,
    text,
    cspHash: `'sha256-${createHash("sha256").update(text).digest("base64")}'`,
  };
  const liveScript = staticAsset("live-blog.js", "text/javascript; charset=utf-8");
  const viewBeacon = staticAsset("view-beacon.js", "text/javascript; charset=utf-8");
  return {
    stylesheet,
    liveScript,
    viewBeacon,
    byUrl: new Map([stylesheet, liveScript, viewBeacon].map((a) => [a.url, a])),
  };
}
