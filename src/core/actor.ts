/** Who is doing something. Services take an explicit actor, never a request (DESIGN.md §5.1). */
export type Role = "penulis" | "editor" | "redaktur" | "admin";

export type Actor =
  { kind: "system"; name: string } | { kind: "user"; userId: number; role: Role; personId: number | null };

export const SYSTEM_ACTOR: Actor = { kind: "system", name: "system" };
