import { z } from "zod";
import { ROLES } from "../../core/policy.ts";
import type { User } from "../../core/user.ts";

/** Shapes shared by /api routes (DESIGN.md §5.5: API shapes are their own types, allow-listed). */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })),
  })
  .passthrough()
  .meta({ id: "Problem", description: "RFC 9457 problem details (application/problem+json)." });

/** Error responses to list in a route's schema, for the OpenAPI document. */
export function problems(...statuses: number[]): Record<number, typeof problemSchema> {
  return Object.fromEntries(statuses.map((status) => [status, problemSchema]));
}

export const idParams = z.object({ id: z.coerce.number().int().positive("Id tidak valid.") });

export const roleSchema = z.enum(ROLES as ["penulis", "editor", "redaktur", "admin"]);

export const userSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    personId: z.number().int().nullable(),
    disabled: z.boolean(),
    createdAt: z.string(),
    passwordChangedAt: z.string(),
  })
  .meta({ id: "User" });

export type UserDto = z.output<typeof userSchema>;

export function presentUser(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    personId: user.personId,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
    passwordChangedAt: user.passwordChangedAt.toISOString(),
  };
}
