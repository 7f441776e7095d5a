import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Actor } from "../../core/actor.ts";
import { AppError, notFound } from "../../core/errors.ts";
import { scopesForRole, TOKEN_SCOPES, type TokenScope } from "../../core/policy.ts";
import type { ApiToken, User } from "../../core/user.ts";
import { parseInput } from "../validation.ts";
import { actorOf, sha256 } from "./sessions.service.ts";
import type { AccountsDeps, RequestMeta } from "./users.service.ts";

/**
 * API tokens for integrations: `wt_` + 32 random bytes (base64url), shown once at creation and
 * stored as a SHA-256 hash (enough for a high-entropy secret; no slow hash needed). A token acts
 * as its owner with the owner's current role, further limited to its scopes; disabling the owner
 * or revoking the token stops it at once.
 */
export const TOKEN_PREFIX = "wt_";
const LAST_USED_EVERY_MS = 60_000;

export const newTokenSchema = z.object({
  name: z.string().trim().min(1, "Nama token wajib diisi.").max(100),
  scopes: z
    .array(z.enum(TOKEN_SCOPES, { error: `Cakupan yang dikenal: ${TOKEN_SCOPES.join(", ")}.` }))
    .min(1, "Pilih setidaknya satu cakupan.")
    .transform((scopes) => [...new Set(scopes)]),
});

export type NewTokenInput = z.input<typeof newTokenSchema>;

export function createTokensService(deps: AccountsDeps) {
  const { db, clock, audit, repo, background } = deps;

  return {
    async create(
      owner: User,
      input: NewTokenInput,
      actor: Actor,
      meta: RequestMeta = {},
    ): Promise<{ token: string; record: ApiToken }> {
      const data = parseInput(newTokenSchema, input);
      const allowed = scopesForRole(owner.role);
      const excess = data.scopes.filter((s) => !allowed.includes(s));
      if (excess.length > 0)
        throw new AppError("validation_failed", "Cakupan token melebihi hak peran pemiliknya.", {
          details: excess.map((scope) => ({
            field: "scopes",
            message: `Peran ${owner.role} tidak bisa memberi cakupan ${scope}.`,
          })),
          extra: { allowed },
        });
      const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
      const id = await repo.insertToken(db, {
        name: data.name,
        tokenHash: sha256(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 8),
        scopes: data.scopes,
        userId: owner.id,
        at: clock(),
      });
      await audit.record({
        actor,
        action: "token.create",
        resourceType: "api_token",
        resourceId: id,
        detail: { ownerId: owner.id, name: data.name, scopes: data.scopes },
        ip: meta.ip ?? null,
      });
      const record = await repo.tokenById(db, id);
      if (!record) throw notFound("Token");
      return { token, record };
    },

    get: async (id: number): Promise<ApiToken> => {
      const token = await repo.tokenById(db, id);
      if (!token) throw notFound("Token");
      return token;
    },

    /** Tokens of one user, or of everyone when `userId` is null. */
    list: (userId: number | null) => repo.listTokens(db, userId),

    async revoke(id: number, actor: Actor, meta: RequestMeta = {}): Promise<ApiToken> {
      const token = await repo.tokenById(db, id);
      if (!token) throw notFound("Token");
      await repo.revokeToken(db, id, clock());
      await audit.record({
        actor,
        action: "token.revoke",
        resourceType: "api_token",
        resourceId: id,
        detail: { ownerId: token.userId, name: token.name },
        ip: meta.ip ?? null,
      });
      return (await repo.tokenById(db, id)) ?? token;
    },

    /** The actor behind a bearer token, or null when unknown, revoked or its owner is disabled. */
    async resolve(
      token: string,
    ): Promise<{ actor: Extract<Actor, { kind: "user" }>; user: User; token: ApiToken } | null> {
      if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
      const found = await repo.tokenWithUserByHash(db, sha256(token));
      if (!found || found.token.revokedAt !== null || found.user.disabled) return null;
      const now = clock();
      if (!found.token.lastUsedAt || now.getTime() - found.token.lastUsedAt.getTime() > LAST_USED_EVERY_MS)
        background.run(repo.markTokenUsed(db, found.token.id, now)); // never on the read path
      const scopes = found.token.scopes.filter((s): s is TokenScope =>
        (TOKEN_SCOPES as readonly string[]).includes(s),
      );
      return { actor: { ...actorOf(found.user), scopes }, user: found.user, token: found.token };
    },
  };
}

export type TokensService = ReturnType<typeof createTokensService>;
