import { z } from "zod";
import { AppError } from "../../core/errors.ts";

/**
 * Cursor pagination for every /api collection: the cursor is an opaque base64url JSON of the
 * last item's sort key and id, so pages stay stable while rows are added. Responses are
 * `{ items, nextCursor }`; `nextCursor` is null on the last page.
 */
export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;

export interface Cursor {
  /** The sort key of the last item seen (an ISO instant, a name, a number…). */
  key: string | number;
  id: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Query fields every paginated endpoint accepts; spread into a route's querystring schema. */
export const pageQuery = {
  limit: z.coerce
    .number()
    .int("Harus bilangan bulat.")
    .min(1, "Minimal 1.")
    .max(MAX_LIMIT, `Maksimal ${MAX_LIMIT}.`)
    .default(DEFAULT_LIMIT)
    .describe(`Jumlah item per halaman (1–${MAX_LIMIT}).`),
  cursor: z.string().max(500).optional().describe("Kursor dari `nextCursor` halaman sebelumnya."),
};

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id]), "utf8").toString("base64url");
}

/** Decodes a cursor from a client; anything malformed is a 422 on the `cursor` field. */
export function decodeCursor(value: string | undefined): Cursor | null {
  if (value === undefined || value === "") return null;
  const invalid = () =>
    new AppError("validation_failed", "Kursor tidak valid.", {
      details: [{ field: "query.cursor", message: "Gunakan nilai nextCursor apa adanya." }],
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    !(typeof parsed[0] === "string" || typeof parsed[0] === "number") ||
    !Number.isSafeInteger(parsed[1])
  )
    throw invalid();
  return { key: parsed[0] as string | number, id: parsed[1] as number };
}

/**
 * Builds a page from rows fetched with `limit + 1` (the extra row only says there is more).
 * `keyOf` gives the sort key the next query continues after.
 */
export function toPage<T extends { id: number }>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => string | number,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor({ key: keyOf(last), id: last.id }) : null,
  };
}

/** Zod schema of a page of `item`, for response schemas and the OpenAPI document. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/**
 * Pages through a small, already sorted list (sections, people, tags) with the same cursors:
 * continues after the item whose (key, id) the cursor names.
 */
export function paginateSorted<T extends { id: number }>(
  all: T[],
  options: { limit: number; cursor?: string | undefined; keyOf: (item: T) => string | number },
): Page<T> {
  const cursor = decodeCursor(options.cursor);
  let start = 0;
  if (cursor) {
    const index = all.findIndex((item) => item.id === cursor.id && options.keyOf(item) === cursor.key);
    if (index < 0) {
      // The item was renamed or deleted: continue after the first item sorting past the cursor.
      const after = all.findIndex((item) => {
        const key = options.keyOf(item);
        return key > cursor.key || (key === cursor.key && item.id > cursor.id);
      });
      start = after < 0 ? all.length : after;
    } else start = index + 1;
  }
  return toPage(all.slice(start, start + options.limit + 1), options.limit, options.keyOf);
}
