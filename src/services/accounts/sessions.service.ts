import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Actor } from "../../core/actor.ts";
import { AppError } from "../../core/errors.ts";
import type { User } from "../../core/user.ts";
import { parseInput } from "../validation.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { normalizeEmail, passwordSchema, type AccountsDeps, type RequestMeta } from "./users.service.ts";

/**
 * Sessions and login. The cookie carries 32 random bytes; the store keeps only their SHA-256, so
 * a leaked database cannot be replayed as sessions. Sessions slide: each use within the idle
 * window extends them, up to an absolute lifetime.
 *
 * Throttling (stored in `login_attempts`, so it holds across restarts and app nodes): after
 * ACCOUNT_LIMIT failed logins for one email since its last success within WINDOW, or IP_LIMIT
 * failures from one IP within WINDOW, further attempts get `rate_limited` (429, Retry-After)
 * before the password is even checked.
 */
export const SESSION_IDLE_MS = 14 * 24 * 3600_000;
export const SESSION_MAX_MS = 90 * 24 * 3600_000;
const TOUCH_AFTER_MS = 5 * 60_000;
export const THROTTLE = { windowMs: 15 * 60_000, accountLimit: 5, ipLimit: 20 };

export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

export interface LoginResult {
  user: User;
  /** The cookie value; never stored. */
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ResolvedSession {
  actor: Extract<Actor, { kind: "user" }>;
  user: User;
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
}

export const actorOf = (user: User): Extract<Actor, { kind: "user" }> => ({
  kind: "user",
  userId: user.id,
  role: user.role,
  personId: user.personId,
});

const loginSchema = z.object({
  email: z.string().trim().min(1, "Email wajib diisi.").max(254),
  password: z.string().min(1, "Kata sandi wajib diisi.").max(1024),
});

const rateLimited = (retryAfterMs: number) =>
  new AppError("rate_limited", "Terlalu banyak percobaan masuk yang gagal. Coba lagi nanti.", {
    extra: { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) },
  });

const badCredentials = () => new AppError("unauthenticated", "Email atau kata sandi salah.");

export function createSessionsService(deps: AccountsDeps) {
  const { store, clock, audit, repo, background } = deps;
  let dummyHash: Promise<string> | null = null;

  /** Throws `rate_limited` when this email or IP has failed too often recently. */
  async function checkThrottle(email: string, ip: string, now: Date): Promise<void> {
    const since = new Date(now.getTime() - THROTTLE.windowMs);
    const attempts = await repo.loginAttemptsByEmail(store.db, email, since);
    const lastSuccess = attempts.findLastIndex((a) => a.success === 1);
    const failures = attempts.slice(lastSuccess + 1);
    if (failures.length >= THROTTLE.accountLimit) {
      const oldest = failures[failures.length - THROTTLE.accountLimit]!;
      throw rateLimited(new Date(oldest.at).getTime() + THROTTLE.windowMs - now.getTime());
    }
    const ipFailures = await repo.failedLoginsByIp(store.db, ip, since);
    if (ipFailures.length >= THROTTLE.ipLimit) {
      const oldest = ipFailures[ipFailures.length - THROTTLE.ipLimit]!;
      throw rateLimited(new Date(oldest.at).getTime() + THROTTLE.windowMs - now.getTime());
    }
  }

  async function startSession(user: User, meta: RequestMeta): Promise<LoginResult> {
    const now = clock();
    const sessionToken = randomBytes(32).toString("base64url");
    const csrfToken = randomBytes(24).toString("base64url");
    const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
    await repo.insertSession(store.db, {
      id: sha256(sessionToken),
      user_id: user.id,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      last_seen_at: now.toISOString(),
      ip: meta.ip ?? "",
      user_agent: (meta.userAgent ?? "").slice(0, 500),
      csrf_token: csrfToken,
    });
    return { user, sessionToken, csrfToken, expiresAt };
  }

  return {
    async login(input: { email: string; password: string }, meta: RequestMeta = {}): Promise<LoginResult> {
      const data = parseInput(loginSchema, input);
      const email = normalizeEmail(data.email);
      const ip = meta.ip ?? "";
      const now = clock();
      try {
        await checkThrottle(email, ip, now);
      } catch (error) {
        await audit.record({
          actor: null,
          action: "auth.login.throttled",
          resourceType: "user",
          detail: { email },
          ip,
        });
        throw error;
      }
      const found = await repo.credentialsByEmail(store.db, email);
      // Unknown emails cost the same time as wrong passwords, so timing does not reveal accounts.
      dummyHash ??= hashPassword(randomBytes(16).toString("hex"), deps.argon2);
      const valid = await verifyPassword(data.password, found?.passwordHash ?? (await dummyHash));
      const ok = found !== null && valid && !found.user.disabled;
      await repo.insertLoginAttempt(store.db, { at: now, email, ip, success: ok });
      if (!ok || !found) {
        await audit.record({
          actor: null,
          action: "auth.login.failed",
          resourceType: "user",
          resourceId: found?.user.id ?? null,
          detail: { email, reason: !found ? "unknown_email" : !valid ? "wrong_password" : "disabled" },
          ip,
        });
        throw badCredentials();
      }
      await repo.deleteLoginAttemptsBefore(store.db, new Date(now.getTime() - 24 * 3600_000));
      await repo.deleteExpiredSessions(store.db, now);
      const result = await startSession(found.user, meta);
      await audit.record({
        actor: actorOf(found.user),
        action: "auth.login",
        resourceType: "user",
        resourceId: found.user.id,
        ip,
      });
      return result;
    },

    /** The session behind a cookie value, or null when unknown, expired or the user is disabled. */
    async resolve(sessionToken: string): Promise<ResolvedSession | null> {
      if (sessionToken.length < 20 || sessionToken.length > 100) return null;
      const id = sha256(sessionToken);
      const found = await repo.sessionWithUser(store.db, id);
      if (!found || found.user.disabled) return null;
      const now = clock();
      const { session, user } = found;
      const createdAt = new Date(session.created_at).getTime();
      let expiresAt = new Date(session.expires_at);
      if (expiresAt.getTime() <= now.getTime() || now.getTime() - createdAt > SESSION_MAX_MS) {
        await repo.deleteSession(store.db, id);
        return null;
      }
      if (now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_AFTER_MS) {
        expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, createdAt + SESSION_MAX_MS));
        // Off the read path: a request never waits for (or fails on) the store's write lock to
        // slide its session; a touch lost to a busy store is retried on the next request.
        background.run(repo.touchSession(store.db, id, now, expiresAt));
      }
      return { actor: actorOf(user), user, sessionId: id, csrfToken: session.csrf_token, expiresAt };
    },

    async logout(sessionId: string, actor: Actor, meta: RequestMeta = {}): Promise<void> {
      await repo.deleteSession(store.db, sessionId);
      await audit.record({
        actor,
        action: "auth.logout",
        resourceType: "user",
        resourceId: actor.kind === "user" ? actor.userId : null,
        ip: meta.ip ?? null,
      });
    },

    /** Changes one's own password after checking the current one; ends every other session. */
    async changePassword(
      input: { currentPassword: string; newPassword: string },
      session: { userId: number; sessionId: string | null },
      actor: Actor,
      meta: RequestMeta = {},
    ): Promise<{ endedSessions: number }> {
      const data = parseInput(
        z.object({
          currentPassword: z.string().min(1, "Kata sandi saat ini wajib diisi."),
          newPassword: passwordSchema,
        }),
        input,
      );
      const stored = await repo.passwordHashOf(store.db, session.userId);
      if (!stored || !(await verifyPassword(data.currentPassword, stored))) {
        await audit.record({
          actor,
          action: "auth.password.failed",
          resourceType: "user",
          resourceId: session.userId,
          ip: meta.ip ?? null,
        });
        throw new AppError("validation_failed", "Kata sandi saat ini salah.", {
          details: [{ field: "currentPassword", message: "Salah." }],
        });
      }
      if (data.newPassword === data.currentPassword)
        throw new AppError("validation_failed", "Kata sandi baru harus berbeda.", {
          details: [{ field: "newPassword", message: "Sama dengan kata sandi saat ini." }],
        });
      const hash = await hashPassword(data.newPassword, deps.argon2);
      const endedSessions = await store.db.transaction().execute(async (tx) => {
        await repo.setPassword(tx, session.userId, hash, clock());
        return repo.deleteSessionsOf(tx, session.userId, session.sessionId);
      });
      await audit.record({
        actor,
        action: "auth.password.change",
        resourceType: "user",
        resourceId: session.userId,
        detail: { endedSessions },
        ip: meta.ip ?? null,
      });
      return { endedSessions };
    },
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
