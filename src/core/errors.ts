/**
 * The one error model (DESIGN.md §5.7). A stable `code` for machines, an Indonesian message for
 * people, and `details` naming every failing field. Transports map it once: problem+json for the
 * API, an Indonesian HTML page for the site.
 */
export type ErrorCode =
  | "validation_failed"
  | "not_found"
  | "conflict"
  | "version_conflict"
  | "unauthenticated"
  | "forbidden"
  | "invalid_transition"
  | "rate_limited"
  | "payload_too_large"
  | "unavailable"
  | "internal";

export interface FieldIssue {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: FieldIssue[];
  readonly extra: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: FieldIssue[]; extra?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.details = options.details ?? [];
    this.extra = options.extra ?? {};
  }
}

export function notFound(what: string): AppError {
  return new AppError("not_found", `${what} tidak ditemukan.`);
}

export function validationFailed(details: FieldIssue[], message = "Data tidak valid."): AppError {
  return new AppError("validation_failed", message, { details });
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
