import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema.ts";

/** A repository runs on the database or inside a transaction the service opened. */
export type Executor = Kysely<Database> | Transaction<Database>;

export const toIso = (date: Date | null): string | null => (date ? date.toISOString() : null);
export const fromIso = (value: string | null): Date | null => (value === null ? null : new Date(value));
