import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import {
  derivativePath,
  MEDIA_FORMAT_TYPES,
  mediaVersion,
  offers,
  parseDerivativePath,
  type Media,
} from "../../../core/media.ts";
import { DerivativeGone } from "../../../media/derivatives.ts";
import { isSafeMediaKey } from "../../../media/media-storage.ts";
import { mediaKey } from "../../../cache/purge-keys.ts";
import type { Deps } from "../../../app/deps.ts";
import type { SiteRenderer } from "../site-renderer.ts";

/**
 * Public image responses: cacheable by browsers for a short while and by a CDN until purged
 * (`media:ID` is purged when a story using the image goes live or is withdrawn, or the image
 * changes). Never `immutable`: a URL can be withdrawn (docs/media.md).
 */
export const PUBLIC_MEDIA_CACHE_CONTROL = "public, max-age=3600, s-maxage=2592000";

const SESSION_COOKIE = /(?:^|;\s*)warta_session=([^;]+)/;

/**
 * Image files: `/media/{id}/{version}/{crop}-{width}.{format}` (derivatives, made on first
 * request) and `/media/{key}` (stored originals, the URLs of older pages). A file is served to
 * readers only while a live story or a public profile uses it; staff (session or token) always
 * see it; everyone else gets a 404 that no cache keeps.
 */
export function mediaFileRoutes(deps: Deps, renderer: SiteRenderer) {
  /** Staff: a valid session cookie or API token. Only asked when the image is not public. */
  async function isStaff(request: FastifyRequest): Promise<boolean> {
    const authorization = request.headers.authorization;
    const bearer = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] : undefined;
    if (bearer) return (await deps.accounts.tokens.resolve(bearer)) !== null;
    const cookie = SESSION_COOKIE.exec(request.headers.cookie ?? "")?.[1];
    return cookie ? (await deps.accounts.sessions.resolve(decodeURIComponent(cookie))) !== null : false;
  }

  /** The site's 404 page, kept by no cache: the same URL may turn public at a story's publish. */
  async function notFound(reply: FastifyReply) {
    const page = await renderer.error(404);
    return reply
      .code(404)
      .header("cache-control", "no-store")
      .header("content-type", "text/html; charset=utf-8")
      .send(page.html.value);
  }

  /** Who may see it decides the caching: readers share it, staff keep it private. */
  async function visibility(request: FastifyRequest, media: Media): Promise<"public" | "staff" | null> {
    if (await deps.media.isPublic(media.id)) return "public";
    return (await isStaff(request)) ? "staff" : null;
  }

  async function sendFile(
    reply: FastifyReply,
    key: string,
    type: string,
    media: Media,
    seen: "public" | "staff",
  ) {
    const path = deps.storage.localPath(key);
    const info = path ? await stat(path).catch(() => null) : null;
    if (!path || !info?.isFile()) return notFound(reply);
    if (seen === "public")
      reply.header("cache-control", PUBLIC_MEDIA_CACHE_CONTROL).header("surrogate-key", mediaKey(media.id));
    else reply.header("cache-control", "private, no-store");
    return reply
      .header("content-type", type)
      .header("content-length", info.size)
      .header("x-content-type-options", "nosniff")
      .send(createReadStream(path));
  }

  return async function register(app: FastifyInstance): Promise<void> {
    app.get("/media/*", async (request, reply) => {
      const rest = (request.params as { "*": string })["*"];
      const derivative = parseDerivativePath(rest);
      if (derivative) {
        const media = await deps.media.get(derivative.id).catch(() => null);
        if (!media || !offers(media, derivative.spec)) return notFound(reply);
        const seen = await visibility(request, media);
        if (!seen) return notFound(reply);
        // An older version (replaced file, moved focal point): the current one, same crop and size.
        if (derivative.version !== mediaVersion(media))
          return reply
            .header("cache-control", seen === "public" ? "public, max-age=300" : "private, no-store")
            .redirect(derivativePath(media, derivative.spec), 302);
        const key = await deps.derivatives.ensure(media, derivative.spec).catch((error: unknown) => {
          if (error instanceof DerivativeGone) return null; // deleted or changed while it was made
          throw error;
        });
        if (key === null) return notFound(reply);
        return sendFile(reply, key, MEDIA_FORMAT_TYPES[derivative.spec.format], media, seen);
      }
      if (!isSafeMediaKey(rest)) return notFound(reply);
      const media = await deps.media.byFile(rest);
      if (!media) return notFound(reply);
      const seen = await visibility(request, media);
      if (!seen) return notFound(reply);
      return sendFile(reply, media.file, media.mimeType, media, seen);
    });
  };
}
