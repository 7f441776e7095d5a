import type { Role } from "../../core/actor.ts";
import type { ApiToken, User } from "../../core/user.ts";
import type { ApiTokenRow, SessionRow, UserRow } from "../accounts.schema.ts";
import type { Executor } from "./executor.ts";

export const userFromRow = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  personId: row.person_id,
  disabled: row.disabled !== 0,
  createdAt: new Date(row.created_at),
  passwordChangedAt: new Date(row.password_changed_at),
});

const tokenFromRow = (row: ApiTokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scopes: JSON.parse(row.scopes) as string[],
  userId: row.user_id,
  createdAt: new Date(row.created_at),
  lastUsedAt: row.last_used_at ? new Date(row.last_used_at) : null,
  revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
});

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  personId: number | null;
  passwordHash: string;
  at: Date;
}

/** Users, sessions, API tokens and login attempts. Hashes go in and out only as opaque strings. */
export function createAccountsRepository() {
  return {
    async userById(db: Executor, id: number): Promise<User | null> {
      const row = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? userFromRow(row) : null;
    },

    /** The user with the password hash, for login. */
    async credentialsByEmail(
      db: Executor,
      email: string,
    ): Promise<{ user: User; passwordHash: string } | null> {
      const row = await db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
      return row ? { user: userFromRow(row), passwordHash: row.password_hash } : null;
    },

    async passwordHashOf(db: Executor, userId: number): Promise<string | null> {
      const row = await db
        .selectFrom("users")
        .select("password_hash")
        .where("id", "=", userId)
        .executeTakeFirst();
      return row?.password_hash ?? null;
    },

    async listUsers(db: Executor, page: { afterId: number | null; limit: number }): Promise<User[]> {
      let query = db.selectFrom("users").selectAll().orderBy("id").limit(page.limit);
      if (page.afterId !== null) query = query.where("id", ">", page.afterId);
      return (await query.execute()).map(userFromRow);
    },

    async insertUser(db: Executor, user: NewUser): Promise<number> {
      const { id } = await db
        .insertInto("users")
        .values({
          email: user.email,
          name: user.name,
          role: user.role,
          person_id: user.personId,
          password_hash: user.passwordHash,
          disabled: 0,
          created_at: user.at.toISOString(),
          password_changed_at: user.at.toISOString(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return id;
    },

    async updateUser(
      db: Executor,
      id: number,
      changes: { name?: string; role?: Role; personId?: number | null; disabled?: boolean },
    ): Promise<void> {
      const set: Partial<UserRow> = {};
      if (changes.name !== undefined) set.name = changes.name;
      if (changes.role !== undefined) set.role = changes.role;
      if (changes.personId !== undefined) set.person_id = changes.personId;
      if (changes.disabled !== undefined) set.disabled = changes.disabled ? 1 : 0;
      if (Object.keys(set).length === 0) return;
      await db.updateTable("users").set(set).where("id", "=", id).execute();
    },

    async setPassword(db: Executor, id: number, passwordHash: string, at: Date): Promise<void> {
      await db
        .updateTable("users")
        .set({ password_hash: passwordHash, password_changed_at: at.toISOString() })
        .where("id", "=", id)
        .execute();
    },

    async insertSession(db: Executor, session: SessionRow): Promise<void> {
      await db.insertInto("sessions").values(session).execute();
    },

    async sessionWithUser(db: Executor, id: string): Promise<{ session: SessionRow; user: User } | null> {
      const session = await db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
      if (!session) return null;
      const user = await db
        .selectFrom("users")
        .selectAll()
        .where("id", "=", session.user_id)
        .executeTakeFirst();
      return user ? { session, user: userFromRow(user) } : null;
    },

    async touchSession(db: Executor, id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
      await db
        .updateTable("sessions")
        .set({ last_seen_at: lastSeenAt.toISOString(), expires_at: expiresAt.toISOString() })
        .where("id", "=", id)
        .execute();
    },

    async deleteSession(db: Executor, id: string): Promise<void> {
      await db.deleteFrom("sessions").where("id", "=", id).execute();
    },

    /** Ends every session of a user except `keepId`; returns how many ended. */
    async deleteSessionsOf(db: Executor, userId: number, keepId: string | null = null): Promise<number> {
      let query = db.deleteFrom("sessions").where("user_id", "=", userId);
      if (keepId !== null) query = query.where("id", "!=", keepId);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async deleteExpiredSessions(db: Executor, now: Date): Promise<void> {
      await db.deleteFrom("sessions").where("expires_at", "<=", now.toISOString()).execute();
    },

    async insertToken(
      db: Executor,
      token: { name: string; tokenHash: string; prefix: string; scopes: string[]; userId: number; at: Date },
    ): Promise<number> {
      const { id } = await db
        .insertInto("api_tokens")
        .values({
          name: token.name,
          token_hash: token.tokenHash,
          prefix: token.prefix,
          scopes: JSON.stringify(token.scopes),
          user_id: token.userId,
          created_at: token.at.toISOString(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return id;
    },

    async tokenById(db: Executor, id: number): Promise<ApiToken | null> {
      const row = await db.selectFrom("api_tokens").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? tokenFromRow(row) : null;
    },

    async tokenWithUserByHash(
      db: Executor,
      tokenHash: string,
    ): Promise<{ token: ApiToken; user: User } | null> {
      const token = await db
        .selectFrom("api_tokens")
        .selectAll()
        .where("token_hash", "=", tokenHash)
        .executeTakeFirst();
      if (!token) return null;
      const user = await db
        .selectFrom("users")
        .selectAll()
        .where("id", "=", token.user_id)
        .executeTakeFirst();
      return user ? { token: tokenFromRow(token), user: userFromRow(user) } : null;
    },

    async listTokens(db: Executor, userId: number | null): Promise<ApiToken[]> {
      let query = db.selectFrom("api_tokens").selectAll().orderBy("id");
      if (userId !== null) query = query.where("user_id", "=", userId);
      return (await query.execute()).map(tokenFromRow);
    },

    async markTokenUsed(db: Executor, id: number, at: Date): Promise<void> {
      await db
        .updateTable("api_tokens")
        .set({ last_used_at: at.toISOString() })
        .where("id", "=", id)
        .execute();
    },

    async revokeToken(db: Executor, id: number, at: Date): Promise<void> {
      await db
        .updateTable("api_tokens")
        .set({ revoked_at: at.toISOString() })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .execute();
    },

    /** Revokes every live token of a user; returns how many. */
    async revokeTokensOf(db: Executor, userId: number, at: Date): Promise<number> {
      const result = await db
        .updateTable("api_tokens")
        .set({ revoked_at: at.toISOString() })
        .where("user_id", "=", userId)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Records an attempt; returns its id (attempts are ordered by id). */
    async insertLoginAttempt(
      db: Executor,
      attempt: { at: Date; email: string; ip: string; success: boolean },
    ): Promise<number> {
      const { id } = await db
        .insertInto("login_attempts")
        .values({
          at: attempt.at.toISOString(),
          email: attempt.email,
          ip: attempt.ip,
          success: attempt.success ? 1 : 0,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return id;
    },

    async markLoginSucceeded(db: Executor, id: number): Promise<void> {
      await db.updateTable("login_attempts").set({ success: 1 }).where("id", "=", id).execute();
    },

    async deleteLoginAttempt(db: Executor, id: number): Promise<void> {
      await db.deleteFrom("login_attempts").where("id", "=", id).execute();
    },

    /** Attempts since `since` recorded before `beforeId`, oldest first. */
    async loginAttemptsByEmail(db: Executor, email: string, since: Date, beforeId: number) {
      return db
        .selectFrom("login_attempts")
        .select(["at", "success"])
        .where("email", "=", email)
        .where("at", ">", since.toISOString())
        .where("id", "<", beforeId)
        .orderBy("id")
        .execute();
    },

    /** Failures from one client (address or IPv6 /64) since `since`, before `beforeId`, oldest first. */
    async failedLoginsByIp(db: Executor, ip: string, since: Date, beforeId: number) {
      return db
        .selectFrom("login_attempts")
        .select(["at"])
        .where("ip", "=", ip)
        .where("success", "=", 0)
        .where("at", ">", since.toISOString())
        .where("id", "<", beforeId)
        .orderBy("id")
        .execute();
    },

    async deleteLoginAttemptsBefore(db: Executor, before: Date): Promise<void> {
      await db.deleteFrom("login_attempts").where("at", "<", before.toISOString()).execute();
    },
  };
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
