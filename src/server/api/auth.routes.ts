import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../core/errors.ts";
import type { Deps } from "../../app/deps.ts";
import { clearSessionCookie, requireActor, requestMeta, setSessionCookie } from "../plugins/auth.plugin.ts";
import { presentUser, problems, userSchema } from "./api-schemas.ts";

const sessionResponse = z.object({
  user: userSchema,
  csrfToken: z.string().describe("Kirim sebagai header X-CSRF-Token pada setiap POST/PUT/PATCH/DELETE."),
  expiresAt: z.string(),
});

/** Login, logout, who am I, change my password. */
export function authRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/auth/login",
      {
        schema: {
          tags: ["auth"],
          summary: "Masuk dengan email dan kata sandi; memasang cookie sesi warta_session",
          security: [],
          body: z.object({ email: z.string().max(254), password: z.string().max(1024) }),
          response: { 200: sessionResponse, ...problems(401, 422, 429) },
        },
      },
      async (request, reply) => {
        const result = await deps.accounts.sessions.login(request.body, requestMeta(request));
        setSessionCookie(reply, request, deps.config.siteUrl, result.sessionToken);
        return {
          user: presentUser(result.user),
          csrfToken: result.csrfToken,
          expiresAt: result.expiresAt.toISOString(),
        };
      },
    );

    app.post(
      "/auth/logout",
      {
        schema: {
          tags: ["auth"],
          summary: "Keluar: mengakhiri sesi ini",
          response: { 204: z.null(), ...problems(401, 403) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        if (request.auth.kind !== "session")
          throw new AppError("validation_failed", "Keluar hanya berlaku untuk sesi cookie.");
        await deps.accounts.sessions.logout(request.auth.sessionId, actor, requestMeta(request));
        clearSessionCookie(reply, request, deps.config.siteUrl);
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/auth/me",
      {
        schema: {
          tags: ["auth"],
          summary: "Pengguna yang sedang masuk (dan token CSRF sesi ini)",
          response: {
            200: z.object({
              user: userSchema,
              via: z.enum(["session", "token"]),
              csrfToken: z.string().nullable(),
              scopes: z.array(z.string()).nullable(),
            }),
            ...problems(401),
          },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const auth = request.auth;
        if (auth.kind === "anonymous")
          throw new AppError("unauthenticated", "Silakan masuk terlebih dahulu.");
        return {
          user: presentUser(auth.user),
          via: auth.kind,
          csrfToken: auth.kind === "session" ? auth.csrfToken : null,
          scopes: actor.scopes ? [...actor.scopes] : null,
        };
      },
    );

    app.post(
      "/auth/password",
      {
        schema: {
          tags: ["auth"],
          summary: "Ganti kata sandi sendiri (minimal 10 karakter); sesi lain diakhiri",
          body: z.object({ currentPassword: z.string().max(1024), newPassword: z.string().max(1024) }),
          response: { 200: z.object({ endedSessions: z.number().int() }), ...problems(401, 403, 422) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        if (request.auth.kind !== "session")
          throw new AppError(
            "forbidden",
            "Kata sandi hanya bisa diganti dari sesi masuk, bukan dengan token API.",
          );
        return deps.accounts.sessions.changePassword(
          request.body,
          { userId: actor.userId, sessionId: request.auth.sessionId },
          actor,
          requestMeta(request),
        );
      },
    );
  };
}
