import type { Generated, Selectable } from "kysely";
import type { Actor, Role } from "../core/actor.ts";

/** Account tables (migration 002): users, sessions, API tokens, login attempts, audit log. */
export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  person_id: number | null;
  /** PHC string: `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`. */
  password_hash: string;
  /** 0 or 1. */
  disabled: number;
  created_at: string;
  password_changed_at: string;
}

export interface SessionTable {
  /** SHA-256 hex of the cookie value. */
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string;
  user_agent: string;
  csrf_token: string;
}

export interface ApiTokenTable {
  id: Generated<number>;
  name: string;
  /** SHA-256 hex of the whole token. */
  token_hash: string;
  /** The first characters of the token, shown in lists (`wt_AbCd…`). */
  prefix: string;
  /** JSON of TokenScope[]. */
  scopes: string;
  user_id: number;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  at: string;
  email: string;
  ip: string;
  success: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_kind: Actor["kind"] | "anonymous";
  actor_id: number | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  /** JSON object. */
  detail: string;
  ip: string | null;
}

export interface AccountsTables {
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_attempts: LoginAttemptTable;
  audit_log: AuditLogTable;
}

export type UserRow = Selectable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
