import { z } from "zod";
import { AppError, type FieldIssue } from "../core/errors.ts";

/** zod's Indonesian messages, for every field a schema does not word itself. */
export const indonesianErrors = z.locales.id().localeError;

/** Parses service input; every failing field becomes a detail of one `validation_failed` error. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input, { error: indonesianErrors });
  if (result.success) return result.data;
  const details: FieldIssue[] = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
  throw new AppError("validation_failed", "Data yang dikirim tidak valid.", { details });
}
