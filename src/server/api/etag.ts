import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

/**
 * ETags for /api resources. A resource with a version number gets a strong ETag `"v<version>"`
 * (what `If-Match` compares for optimistic saves); anything else gets a weak ETag from a hash of
 * what identifies its state (e.g. id + updated time).
 */
export function versionEtag(version: number): string {
  return `"v${version}"`;
}

export function weakEtag(...parts: (string | number | Date | null | undefined)[]): string {
  const text = parts.map((p) => (p instanceof Date ? p.toISOString() : String(p ?? ""))).join("|");
  return `W/"${createHash("sha256").update(text).digest("base64url").slice(0, 22)}"`;
}

const opaque = (tag: string) => tag.trim().replace(/^W\//, "");

/** `If-None-Match` semantics (weak comparison): true when any listed tag matches, or `*`. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => opaque(tag) === opaque(etag));
}

/** The version number in an `If-Match: "v7"` header, null when absent; undefined when unparseable. */
export function ifMatchVersion(request: FastifyRequest): number | null | undefined {
  const header = request.headers["if-match"];
  if (header === undefined) return null;
  const match = /^\s*"v(\d+)"\s*$/.exec(header);
  return match ? Number(match[1]) : undefined;
}

/**
 * Sets the ETag header and answers 304 when the client already has it. Returns true when a 304
 * was sent (the route then returns the reply without a body).
 */
export function sendNotModified(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header("etag", etag);
  if (!etagMatches(request.headers["if-none-match"], etag)) return false;
  reply.code(304).send();
  return true;
}
