import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../core/errors.ts";
import { TOKEN_SCOPES } from "../../core/policy.ts";
import type { ApiToken } from "../../core/user.ts";
import type { Deps } from "../../app/deps.ts";
import { authorize, requireActor, requestMeta } from "../plugins/auth.plugin.ts";
import { idParams, problems } from "./api-schemas.ts";

const tokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    userId: z.number().int(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });

const present = (t: ApiToken) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes,
  userId: t.userId,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

/**
 * API tokens: everyone lists, creates and revokes their own; admins also list and revoke those of
 * others (never create them). Tokens cannot manage tokens.
 */
export function tokensRoutes(deps: Deps): FastifyPluginAsyncZod {
  const tokens = deps.accounts.tokens;
  return async (app) => {
    app.get(
      "/tokens",
      {
        schema: {
          tags: ["tokens"],
          summary: "Token API milik sendiri (admin: ?userId= atau ?all=true)",
          querystring: z.object({
            userId: z.coerce.number().int().positive().optional(),
            all: z.enum(["true", "false"]).optional(),
          }),
          response: {
            200: z.object({ items: z.array(tokenSchema), nextCursor: z.null() }),
            ...problems(401, 403),
          },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const { userId, all } = request.query;
        const others = all === "true" || (userId !== undefined && userId !== actor.userId);
        authorize(actor, others ? "token.manageAny" : "token.manageOwn");
        const items = await tokens.list(all === "true" ? null : (userId ?? actor.userId));
        return { items: items.map(present), nextCursor: null };
      },
    );

    app.post(
      "/tokens",
      {
        schema: {
          tags: ["tokens"],
          summary: "Buat token API; nilai token hanya ditampilkan sekali",
          description:
            `Cakupan: ${TOKEN_SCOPES.join(", ")}. Cakupan dibatasi peran pemilik token. ` +
            "Token selalu milik pembuatnya: tidak ada yang bisa membuat token atas nama orang lain.",
          body: z.object({
            name: z.string().max(100),
            scopes: z.array(z.string()).max(10),
            userId: z.number().int().positive().optional().describe("Bila diisi, harus id sendiri."),
          }),
          response: {
            201: z.object({
              token: z.string().describe("Simpan sekarang; tidak bisa dilihat lagi."),
              record: tokenSchema,
            }),
            ...problems(401, 403, 404, 422),
          },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(actor, "token.manageOwn");
        // Minting a token for someone else would be impersonation (their name on our actions).
        if (request.body.userId !== undefined && request.body.userId !== actor.userId)
          throw new AppError("forbidden", "Token API hanya bisa dibuat untuk akun sendiri.", {
            details: [{ field: "body.userId", message: "Harus id akun Anda sendiri." }],
          });
        const owner = await deps.accounts.users.get(actor.userId);
        const { token, record } = await tokens.create(
          owner,
          { name: request.body.name, scopes: request.body.scopes as never },
          actor,
          requestMeta(request),
        );
        return reply.code(201).send({ token, record: present(record) });
      },
    );

    app.delete(
      "/tokens/:id",
      {
        schema: {
          tags: ["tokens"],
          summary: "Cabut token API (langsung berlaku)",
          params: idParams,
          response: { 200: tokenSchema, ...problems(401, 403, 404) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const token = await tokens.get(request.params.id);
        authorize(actor, token.userId === actor.userId ? "token.manageOwn" : "token.manageAny");
        return present(await tokens.revoke(token.id, actor, requestMeta(request)));
      },
    );
  };
}
