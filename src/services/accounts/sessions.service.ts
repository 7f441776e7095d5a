import { createHash, randomBytes } from "node:crypto";
import { inTransaction } from "../../db/transaction.ts";
import { z } from "zod";
import type { Actor } from "../../core/actor.ts";
import { AppError } from "../../core/errors.ts";
import { throttleKeyOf } from "../../core/ip-address.ts";
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
/** Login attempts older than this are deleted (on every attempt, off the request's path). */
const ATTEMPTS_KEPT_MS = 24 * 3600_000;

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
  const { db, clock, audit, repo, background } = deps;
  let dummyHash: Promise<string> | null = null;

  /**
   * Throws `rate_limited` when this email or client has failed too often recently. Counts only
   * attempts recorded before `attemptId` (this attempt's own row, written before the check), so
   * simultaneous guesses are counted in the order they arrived: at most `accountLimit` of them
   * ever reach the password check. An attempt still being checked counts as a failure.
   */
  async function checkThrottle(email: string, client: string, now: Date, attemptId: number): Promise<void> {
    const since = new Date(now.getTime() - THROTTLE.windowMs);
    const attempts = await repo.loginAttemptsByEmail(db, email, since, attemptId);
    const lastSuccess = attempts.findLastIndex((a) => a.success === 1);
    const failures = attempts.slice(lastSuccess + 1);
    if (failures.length >= THROTTLE.accountLimit) {
      const oldest = failures[failures.length - THROTTLE.accountLimit]!;
      throw rateLimited(new Date(oldest.at).getTime() + THROTTLE.windowMs - now.getTime());
    }
    const clientFailures = await repo.failedLoginsByIp(db, client, since, attemptId);
    if (clientFailures.length >= THROTTLE.ipLimit) {
      const oldest = clientFailures[clientFailures.length - THROTTLE.ipLimit]!;
      throw rateLimited(new Date(oldest.at).getTime() + THROTTLE.windowMs - now.getTime());
    }
  }

  /** One audit row when a failure locks an account or a client, none per refused attempt after. */
  async function auditLock(email: string, client: string, ip: string, now: Date, attemptId: number) {
    const since = new Date(now.getTime() - THROTTLE.windowMs);
    const attempts = await repo.loginAttemptsByEmail(db, email, since, attemptId + 1);
    const failures = attempts.slice(attempts.findLastIndex((a) => a.success === 1) + 1);
    const clientFailures = await repo.failedLoginsByIp(db, client, since, attemptId + 1);
    const scope =
      failures.length === THROTTLE.accountLimit
        ? "account"
        : clientFailures.length === THROTTLE.ipLimit
          ? "client"
          : null;
    if (scope === null) return;
    await audit.record({
      actor: null,
      action: "auth.login.throttled",
      resourceType: "user",
      detail: { email, scope, client, lockedForSeconds: THROTTLE.windowMs / 1000 },
      ip,
    });
  }

  async function startSession(user: User, meta: RequestMeta): Promise<LoginResult> {
    const now = clock();
    const sessionToken = randomBytes(32).toString("base64url");
    const csrfToken = randomBytes(24).toString("base64url");
    const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
    await repo.insertSession(db, {
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
      const client = throttleKeyOf(ip);
      const now = clock();
      // The attempt is recorded (as a failure until proven otherwise) before anything is checked.
      const attemptId = await repo.insertLoginAttempt(db, {
        at: now,
        email,
        ip: client,
        success: false,
      });
      background.run(repo.deleteLoginAttemptsBefore(db, new Date(now.getTime() - ATTEMPTS_KEPT_MS)));
      try {
        await checkThrottle(email, client, now, attemptId);
      } catch (error) {
        // Refused attempts cost the caller nothing and leave nothing behind: no row, no audit entry.
        await repo.deleteLoginAttempt(db, attemptId);
        throw error;
      }
      const found = await repo.credentialsByEmail(db, email);
      // Unknown emails cost the same time as wrong passwords, so timing does not reveal accounts.
      dummyHash ??= hashPassword(randomBytes(16).toString("hex"), deps.argon2);
      const valid = await verifyPassword(data.password, found?.passwordHash ?? (await dummyHash));
      const ok = found !== null && valid && !found.user.disabled;
      if (!ok || !found) {
        await audit.record({
          actor: null,
          action: "auth.login.failed",
          resourceType: "user",
          resourceId: found?.user.id ?? null,
          detail: { email, reason: !found ? "unknown_email" : !valid ? "wrong_password" : "disabled" },
          ip,
        });
        await auditLock(email, client, ip, now, attemptId);
        throw badCredentials();
      }
      await repo.markLoginSucceeded(db, attemptId);
      await repo.deleteExpiredSessions(db, now);
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
      const found = await repo.sessionWithUser(db, id);
      if (!found || found.user.disabled) return null;
      const now = clock();
      const { session, user } = found;
      const createdAt = new Date(session.created_at).getTime();
      let expiresAt = new Date(session.expires_at);
      if (expiresAt.getTime() <= now.getTime() || now.getTime() - createdAt > SESSION_MAX_MS) {
        await repo.deleteSession(db, id);
        return null;
      }
      if (now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_AFTER_MS) {
        expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, createdAt + SESSION_MAX_MS));
        // Off the read path: a request never waits for (or fails on) the store's write lock to
        // slide its session; a touch lost to a busy store is retried on the next request.
        background.run(repo.touchSession(db, id, now, expiresAt));
      }
      return { actor: actorOf(user), user, sessionId: id, csrfToken: session.csrf_token, expiresAt };
    },

    async logout(sessionId: string, actor: Actor, meta: RequestMeta = {}): Promise<void> {
      await repo.deleteSession(db, sessionId);
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
      const stored = await repo.passwordHashOf(db, session.userId);
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
      // A changed password is a recovery: other sessions end and every API token is revoked.
      const { endedSessions, revokedTokens } = await inTransaction(db, async (tx) => {
        await repo.setPassword(tx, session.userId, hash, clock());
        return {
          endedSessions: await repo.deleteSessionsOf(tx, session.userId, session.sessionId),
          revokedTokens: await repo.revokeTokensOf(tx, session.userId, clock()),
        };
      });
      await audit.record({
        actor,
        action: "auth.password.change",
        resourceType: "user",
        resourceId: session.userId,
        detail: { endedSessions, revokedTokens },
        ip: meta.ip ?? null,
      });
      return { endedSessions };
    },
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
