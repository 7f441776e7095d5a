import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaCompiler } from "fastify";
import type { ZodType } from "zod";
import { AppError, isAppError, type ErrorCode, type FieldIssue } from "../../core/errors.ts";
import { indonesianErrors } from "../../services/validation.ts";

/**
 * The one error mapping for `/api` (DESIGN.md §5.7): every failure becomes an RFC 9457
 * `application/problem+json` body with a stable `code` and every failing field in `errors`.
 * Driver text and stacks never reach the client; 5xx is always the generic problem.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors: FieldIssue[];
  [extra: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json; charset=utf-8";

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 422,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
  invalid_transition: 409,
  rate_limited: 429,
  payload_too_large: 413,
  unavailable: 503,
  internal: 500,
};

const TITLES: Record<ErrorCode, string> = {
  validation_failed: "Data tidak valid",
  not_found: "Tidak ditemukan",
  conflict: "Bentrok dengan data yang ada",
  version_conflict: "Versi sudah berubah",
  unauthenticated: "Perlu masuk",
  forbidden: "Tidak diizinkan",
  invalid_transition: "Perubahan status tidak diizinkan",
  rate_limited: "Terlalu banyak permintaan",
  payload_too_large: "Data terlalu besar",
  unavailable: "Layanan sedang sibuk",
  internal: "Terjadi kesalahan",
};

/** `extra` keys of an AppError that are safe and useful to show a client. */
const PUBLIC_EXTRA = ["current", "submitted", "retryAfterSeconds", "action", "from", "allowed"] as const;

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

export function problemType(code: ErrorCode): string {
  return `https://warta.dev/problems/${code.replaceAll("_", "-")}`;
}

export function problemOf(code: ErrorCode, detail: string, errors: FieldIssue[] = []): Problem {
  return { type: problemType(code), title: TITLES[code], status: STATUS[code], detail, code, errors };
}

/** Field prefixes as clients know them: `query.limit`, `path.id`, `body.email`, `header.x`. */
const CONTEXT_NAMES: Record<string, string> = {
  querystring: "query",
  params: "path",
  headers: "header",
  body: "body",
};

/** Turns a zod-provider validation failure into field issues (`body.email`, `query.limit`, …). */
function validationIssues(error: {
  validation: { instancePath: string; keyword?: string; message?: string | undefined; params?: unknown }[];
  validationContext?: string;
}): FieldIssue[] {
  const context = CONTEXT_NAMES[error.validationContext ?? "body"] ?? error.validationContext ?? "body";
  return error.validation.map((issue) => {
    const path = issue.instancePath.replace(/^\//, "").replaceAll("/", ".");
    return { field: path ? `${context}.${path}` : context, message: issue.message ?? "Tidak valid." };
  });
}

function isValidationError(error: unknown): error is {
  validation: { instancePath: string; message?: string }[];
  validationContext?: string;
} {
  return (
    typeof error === "object" &&
    error !== null &&
    Array.isArray((error as { validation?: unknown }).validation)
  );
}

/**
 * The /api validator: zod parsing with Indonesian default messages (a schema's own messages win),
 * every issue reported as `{ instancePath, message }` for the problem mapping.
 */
export const apiValidatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { error: indonesianErrors });
    if (result.success) return { value: result.data };
    const issues = result.error.issues.map((issue) => ({
      keyword: issue.code,
      instancePath: `/${issue.path.map(String).join("/")}`,
      schemaPath: "",
      params: {},
      message: issue.message,
    }));
    return { error: issues as unknown as Error };
  };

/** Maps any thrown value to a problem (and headers to set). Pure apart from reading the error. */
export function toProblem(error: unknown): { problem: Problem; headers: Record<string, string> } {
  if (isAppError(error)) return fromAppError(error);
  if (isValidationError(error))
    return {
      problem: problemOf("validation_failed", "Data yang dikirim tidak valid.", validationIssues(error)),
      headers: {},
    };
  const fastifyError = error as Partial<FastifyError> | null;
  const code = fastifyError?.code;
  const status = fastifyError?.statusCode;
  if (code === "FST_ERR_CTP_INVALID_JSON_BODY" || code === "FST_ERR_CTP_EMPTY_JSON_BODY")
    return {
      problem: {
        ...problemOf("validation_failed", "Isi permintaan bukan JSON yang valid.", [
          { field: "body", message: "JSON tidak valid." },
        ]),
        status: 400,
      },
      headers: {},
    };
  if (code === "FST_ERR_CTP_BODY_TOO_LARGE" || status === 413)
    return { problem: problemOf("payload_too_large", "Isi permintaan terlalu besar."), headers: {} };
  if (code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || status === 415)
    return {
      problem: {
        ...problemOf("validation_failed", "Jenis isi (Content-Type) tidak didukung.", [
          { field: "content-type", message: "Tidak didukung." },
        ]),
        status: 415,
      },
      headers: {},
    };
  if (status === 429) return fromAppError(new AppError("rate_limited", "Terlalu banyak permintaan."));
  if (typeof status === "number" && status >= 400 && status < 500)
    return {
      problem: { ...problemOf("validation_failed", "Permintaan tidak valid."), status },
      headers: {},
    };
  return { problem: problemOf("internal", "Terjadi kesalahan pada server. Silakan coba lagi."), headers: {} };
}

function fromAppError(error: AppError): { problem: Problem; headers: Record<string, string> } {
  const problem: Problem = problemOf(error.code, error.message, error.details);
  if (error.code === "internal") problem.detail = "Terjadi kesalahan pada server. Silakan coba lagi.";
  else for (const key of PUBLIC_EXTRA) if (error.extra[key] !== undefined) problem[key] = error.extra[key];
  const headers: Record<string, string> = {};
  if (error.code === "rate_limited" || error.code === "unavailable") {
    const seconds = Number(error.extra.retryAfterSeconds ?? (error.code === "unavailable" ? 2 : 60));
    headers["retry-after"] = String(Math.max(1, Math.ceil(seconds)));
  }
  return { problem, headers };
}

/** Fastify error handler for the /api context. */
export async function problemErrorHandler(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const { problem, headers } = toProblem(error);
  if (problem.status >= 500) request.log.error({ err: error }, "api request failed");
  return reply
    .code(problem.status)
    .headers(headers)
    .header("content-type", PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem));
}

/** Fastify not-found handler for the /api context. */
export async function problemNotFoundHandler(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const problem = problemOf(
    "not_found",
    `Tidak ada endpoint ${request.method} ${request.url.split("?")[0]}.`,
  );
  return reply.code(404).header("content-type", PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
