import type { Role } from "./actor.ts";

/** A newsroom account. The password hash never leaves the accounts service. */
export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** The person this account writes as (bylines, ownership of drafts). */
  personId: number | null;
  disabled: boolean;
  createdAt: Date;
  passwordChangedAt: Date;
}

export interface ApiToken {
  id: number;
  name: string;
  /** Display prefix, e.g. `wt_AbCdEfGh`; the token itself is shown once at creation. */
  prefix: string;
  scopes: string[];
  userId: number;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}
