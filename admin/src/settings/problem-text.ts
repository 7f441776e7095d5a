import { ApiError } from "../lib/api.ts";
import { fieldMessagesOf } from "../lib/field-errors.ts";
import type { MessageKey } from "../lib/messages.ts";

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Messages per form field, keyed by the API's body field names (`name`, `term`, `parentId`). */
export type FieldErrors = Record<string, string>;

/**
 * A failed call as one line for the form and a message per field. Field messages and `detail` are
 * the server's own (Indonesian); the lead-in for a refusal, a network failure or invalid fields is
 * the admin's, in the chosen language.
 */
export function describeError(error: unknown, t: Translate): { message: string; fields: FieldErrors } {
  if (!(error instanceof ApiError)) return { message: t("failed", { detail: String(error) }), fields: {} };
  const fields: FieldErrors = fieldMessagesOf(error);
  const detail = error.problem.detail ?? error.problem.title ?? `HTTP ${error.status}`;
  if (error.status === 0) return { message: t("networkError"), fields };
  if (error.status === 403) return { message: `${t("forbidden")} ${detail}`, fields };
  if (error.status === 422 && Object.keys(fields).length > 0)
    return { message: `${t("fixFields")} ${detail}`, fields };
  return { message: detail, fields };
}
