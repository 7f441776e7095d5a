/**
 * The admin's one way to /api/v1: JSON in and out, the session's CSRF token on writes, problem+json
 * errors as ApiError. When the session has expired (401 on a call made while signed in), the
 * registered re-authentication handler asks for the password and the same call is sent again, so a
 * pending save goes through instead of being lost.
 */
export interface Problem {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
  current?: unknown;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.status = problem.status;
    this.problem = problem;
  }
  get code(): string {
    return this.problem.code;
  }
}

let csrfToken: string | null = null;
let reauthenticate: (() => Promise<boolean>) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on a 401 while signed in; resolves true once the user has signed in again. */
export function onSessionExpired(handler: (() => Promise<boolean>) | null): void {
  reauthenticate = handler;
}

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
}

export interface RequestOptions {
  ifMatch?: string;
  /** False for the auth calls themselves (a failed login is not an expired session). */
  reauth?: boolean;
}

export async function request<T>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const raw = body instanceof Blob;
  const send = () => {
    const headers: Record<string, string> = { accept: "application/json" };
    if (raw) headers["content-type"] = body.type || "application/octet-stream";
    else if (body !== undefined) headers["content-type"] = "application/json";
    if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
    if (options.ifMatch) headers["if-match"] = options.ifMatch;
    return fetch(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
  };
  let response: Response;
  try {
    response = await send();
  } catch {
    throw new ApiError({ status: 0, code: "network", detail: "Tidak ada sambungan ke server." });
  }
  if (response.status === 401 && options.reauth !== false && reauthenticate) {
    if (await reauthenticate()) response = await send();
  }
  const etag = response.headers.get("etag");
  if (response.status === 204) return { data: undefined as T, etag };
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const problem = (parsed ?? {}) as Partial<Problem>;
    throw new ApiError({
      ...problem,
      status: response.status,
      code: problem.code ?? `http_${response.status}`,
    });
  }
  return { data: parsed as T, etag };
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path).then((r) => r.data),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>("POST", path, body ?? {}, options).then((r) => r.data),
  put: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>("PUT", path, body, options).then((r) => r.data),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body).then((r) => r.data),
  delete: (path: string) => request<void>("DELETE", path).then(() => undefined),
  /** A file as the raw request body (POST /media). */
  upload: <T>(path: string, file: Blob) => request<T>("POST", path, file).then((r) => r.data),
};

/** Query string from defined values (arrays repeat the key). */
export function qs(params: Record<string, string | number | undefined | null | (string | number)[]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    for (const v of [value].flat()) search.append(key, String(v));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
