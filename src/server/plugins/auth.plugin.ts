import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../../core/actor.ts";
import { AppError } from "../../core/errors.ts";
import { can, type Action, type Resource } from "../../core/policy.ts";
import type { User } from "../../core/user.ts";
import { SESSION_MAX_MS } from "../../services/accounts/sessions.service.ts";
import type { RequestMeta } from "../../services/accounts/users.service.ts";
import type { Deps } from "../../app/deps.ts";

/**
 * Who is asking, on every /api request: a bearer API token (`Authorization: Bearer wt_…`) or the
 * `warta_session` cookie. Decorates `request.actor` (null = anonymous) and `request.auth`.
 * Cookie-authenticated writes must echo the session's CSRF token in `X-CSRF-Token`; bearer
 * requests are exempt (a browser never attaches them on its own).
 */
export const SESSION_COOKIE = "warta_session";
export const CSRF_HEADER = "x-csrf-token";

export type UserActor = Extract<Actor, { kind: "user" }>;

export type AuthInfo =
  | { kind: "anonymous" }
  | { kind: "session"; user: User; sessionId: string; csrfToken: string }
  | { kind: "token"; user: User; tokenId: number };

declare module "fastify" {
  interface FastifyRequest {
    actor: UserActor | null;
    auth: AuthInfo;
  }
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Paths (after the /api/v1 prefix) a cookie may write to without a CSRF token. */
const CSRF_EXEMPT = new Set(["/auth/login"]);
/** The only write an anonymous caller may send (everything else is 401 before validation). */
const ANONYMOUS_WRITES = new Set(["/auth/login"]);

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Adds actor resolution and CSRF checks to the given (encapsulated) context. */
export function registerAuth(app: FastifyInstance, deps: Deps, options: { prefix: string }): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("auth", null as never);

  app.addHook("onRequest", async (request) => {
    request.auth = { kind: "anonymous" };
    request.actor = null;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const resolved = match?.[1] ? await deps.accounts.tokens.resolve(match[1]) : null;
      if (!resolved)
        throw new AppError(
          "unauthenticated",
          "Token API tidak valid, sudah dicabut, atau pemiliknya dinonaktifkan.",
        );
      request.actor = { ...resolved.actor, ip: request.ip };
      request.auth = { kind: "token", user: resolved.user, tokenId: resolved.token.id };
      return;
    }
    const path = (request.raw.url ?? "").split("?")[0]?.slice(options.prefix.length) ?? "";
    const cookie = request.cookies[SESSION_COOKIE];
    const session = cookie ? await deps.accounts.sessions.resolve(cookie) : null;
    if (!session) {
      // Anonymous writes are refused before their body is even validated: a stranger learns
      // nothing about a route's schema, and no work is done for them.
      if (UNSAFE_METHODS.has(request.method) && !ANONYMOUS_WRITES.has(path))
        throw new AppError("unauthenticated", "Silakan masuk terlebih dahulu.");
      return;
    }
    request.actor = { ...session.actor, ip: request.ip };
    request.auth = {
      kind: "session",
      user: session.user,
      sessionId: session.sessionId,
      csrfToken: session.csrfToken,
    };
    if (UNSAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(path)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== "string" || !sameSecret(sent, session.csrfToken))
        throw new AppError(
          "forbidden",
          "Token CSRF tidak ada atau tidak cocok. Muat ulang halaman lalu coba lagi.",
          {
            details: [{ field: "X-CSRF-Token", message: "Wajib sama dengan csrfToken sesi." }],
          },
        );
    }
  });
}

/** The signed-in user, or `unauthenticated` (401). */
export function requireActor(request: FastifyRequest): UserActor {
  if (request.actor === null) throw new AppError("unauthenticated", "Silakan masuk terlebih dahulu.");
  return request.actor;
}

/** Throws 401 for an anonymous caller, 403 with the policy's reason otherwise, when not allowed. */
export function authorize(actor: Actor | null, action: Action, resource?: Resource): void {
  const decision = can(actor, action, resource);
  if (decision.allowed) return;
  if (actor === null) throw new AppError("unauthenticated", decision.reason);
  throw new AppError("forbidden", decision.reason, { extra: { action } });
}

/** Where a request came from, for the audit log. `request.ip` honours X-Forwarded-For (trustProxy). */
export function requestMeta(request: FastifyRequest): RequestMeta {
  return { ip: request.ip, userAgent: String(request.headers["user-agent"] ?? "") };
}

/** Secure when this request came over HTTPS (directly or via a TLS-terminating proxy) or the site is https. */
function isSecure(request: FastifyRequest, siteUrl: string): boolean {
  return request.protocol === "https" || siteUrl.startsWith("https://");
}

export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  siteUrl: string,
  token: string,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: isSecure(request, siteUrl),
    maxAge: Math.floor(SESSION_MAX_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest, siteUrl: string): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: isSecure(request, siteUrl),
  });
}
