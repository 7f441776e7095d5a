/** Who is doing something. Services take an explicit actor, never a request (DESIGN.md §5.1). */
import type { TokenScope } from "./policy.ts";

export type Role = "penulis" | "editor" | "redaktur" | "admin";

export type Actor =
  | { kind: "system"; name: string }
  | {
      kind: "user";
      userId: number;
      role: Role;
      personId: number | null;
      /** Set when the user acts through an API token: the token's scopes limit the role (policy.ts). */
      scopes?: readonly TokenScope[];
      /** Where the request came from (the audit log's `ip`); absent outside HTTP (CLI, import). */
      ip?: string;
    };

export const SYSTEM_ACTOR: Actor = { kind: "system", name: "system" };
