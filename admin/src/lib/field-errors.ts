import { ApiError } from "./api.ts";

/** A refused write as the form shows it: one message per field, and a line for the rest. */
export interface FormErrors {
  fields: Record<string, string>;
  message: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, message: null };

/**
 * problem+json field details (`body.text`, `body.embed.url`, `body.publishAt`) keyed by the form's
 * field (`text`, `embed`, `publishAt`); whatever is not about a field becomes the message.
 */
export function formErrorsOf(error: unknown): FormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, message: String(error) };
  const fields = fieldMessagesOf(error);
  const unplaced = Object.keys(fields).length === 0;
  return { fields, message: unplaced ? error.message : null };
}

/** The first message per form field: `body.embed.url` and `embed` both land on `embed`. */
export function fieldMessagesOf(error: ApiError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.problem.errors ?? []) {
    const key = issue.field.replace(/^(body|query|path|params)\./, "").split(".")[0] ?? "";
    if (key && !(key in fields)) fields[key] = issue.message;
  }
  return fields;
}
