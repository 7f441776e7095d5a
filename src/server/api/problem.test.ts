import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { AppError, type ErrorCode } from "../../core/errors.ts";
import { createApiContext, type ApiTestContext } from "../../testing/api-test-support.ts";
import { toProblem } from "./problem.ts";

describe("problem mapping", () => {
  const expected: [ErrorCode, number][] = [
    ["validation_failed", 422],
    ["not_found", 404],
    ["conflict", 409],
    ["version_conflict", 409],
    ["unauthenticated", 401],
    ["forbidden", 403],
    ["invalid_transition", 409],
    ["rate_limited", 429],
    ["payload_too_large", 413],
    ["internal", 500],
  ];
  for (const [code, status] of expected)
    it(`${code} → ${status}`, () => {
      const { problem } = toProblem(new AppError(code, "Pesan."));
      assert.equal(problem.status, status);
      assert.equal(problem.code, code);
      assert.equal(problem.type, `https://warta.dev/problems/${code.replaceAll("_", "-")}`);
      assert.ok(problem.title.length > 0);
      assert.deepEqual(problem.errors, []);
    });

  it("carries both versions on a version conflict and Retry-After on rate limiting", () => {
    const conflict = toProblem(
      new AppError("version_conflict", "Artikel sudah diubah orang lain.", {
        extra: {
          current: { version: 4, headline: "Baru" },
          submitted: { version: 3 },
          secretQuery: "SELECT",
        },
      }),
    ).problem;
    assert.deepEqual(conflict.current, { version: 4, headline: "Baru" });
    assert.deepEqual(conflict.submitted, { version: 3 });
    assert.equal("secretQuery" in conflict, false, "only allow-listed extras are shown");
    const limited = toProblem(
      new AppError("rate_limited", "Tunggu.", { extra: { retryAfterSeconds: 12.2 } }),
    );
    assert.equal(limited.headers["retry-after"], "13");
  });

  it("never leaks driver text or stacks", () => {
    const driver = Object.assign(new Error("SQLITE_CONSTRAINT: UNIQUE constraint failed: users.email"), {
      code: "ERR_SQLITE_ERROR",
    });
    const { problem } = toProblem(driver);
    assert.equal(problem.status, 500);
    assert.equal(problem.code, "internal");
    assert.ok(!JSON.stringify(problem).includes("SQLITE"));
    const internal = toProblem(new AppError("internal", "relation users does not exist")).problem;
    assert.ok(!JSON.stringify(internal).includes("relation"));
  });
});

describe("problem+json over HTTP", () => {
  let ctx: ApiTestContext;
  before(async () => {
    ctx = await createApiContext();
  });
  after(() => ctx.close());

  it("lists every failing field of a request", async () => {
    const admin = await ctx.user("admin");
    const session = await ctx.login(admin.email);
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/users",
      payload: { email: 42, role: "bos", personId: -1 },
      headers: session.write,
    });
    assert.equal(response.statusCode, 422);
    assert.match(String(response.headers["content-type"]), /^application\/problem\+json/);
    const body = response.json();
    assert.deepEqual(Object.keys(body).sort(), ["code", "detail", "errors", "status", "title", "type"]);
    assert.deepEqual(
      body.errors.map((e: { field: string }) => e.field),
      ["body.email", "body.name", "body.role", "body.personId"],
    );
    for (const error of body.errors)
      assert.doesNotMatch(error.message, /Invalid|expected/, "Indonesian messages");
    // Service-level validation lists its fields too.
    const invalid = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/users",
      payload: { email: "bukan-email", name: " ", role: "penulis", password: "pendek" },
      headers: session.write,
    });
    assert.equal(invalid.statusCode, 422);
    assert.deepEqual(
      invalid.json().errors.map((e: { field: string }) => e.field),
      ["email", "name", "password"],
    );
  });

  it("maps malformed JSON to 400, oversized bodies to 413, unknown types to 415, unknown paths to 404", async () => {
    const admin = await ctx.user("admin");
    const session = await ctx.login(admin.email);
    const post = (payload: string, contentType: string) =>
      ctx.app.inject({
        method: "POST",
        url: "/api/v1/tags",
        payload,
        headers: { ...session.write, "content-type": contentType },
      });
    const malformed = await post("{nama:", "application/json");
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().code, "validation_failed");
    const huge = await post(JSON.stringify({ name: "x".repeat(1_100_000) }), "application/json");
    assert.equal(huge.statusCode, 413);
    assert.equal(huge.json().code, "payload_too_large");
    const text = await post("nama=x", "text/csv");
    assert.equal(text.statusCode, 415);
    const missing = await ctx.app.inject({ method: "GET", url: "/api/v1/tidak-ada" });
    assert.equal(missing.statusCode, 404);
    assert.match(String(missing.headers["content-type"]), /^application\/problem\+json/);
    assert.equal(missing.json().code, "not_found");
    const badId = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/users/abc",
      headers: { cookie: session.cookie },
    });
    assert.equal(badId.statusCode, 422);
    assert.deepEqual(badId.json().errors, [
      { field: "path.id", message: "Input tidak valid: diharapkan number, diterima NaN" },
    ]);
  });

  it("answers a store failure with a generic 500 problem", async () => {
    const fresh = await createApiContext();
    await fresh.deps.store.close();
    try {
      const response = await fresh.app.inject({ method: "GET", url: "/api/v1/tags" });
      assert.equal(response.statusCode, 500);
      assert.equal(response.json().code, "internal");
      assert.equal(response.json().detail, "Terjadi kesalahan pada server. Silakan coba lagi.");
      assert.doesNotMatch(response.body, /sqlite|database|stack|at /i);
    } finally {
      await fresh.app.close();
    }
  });
});

describe("OpenAPI document and docs page", () => {
  let ctx: ApiTestContext;
  before(async () => {
    ctx = await createApiContext();
  });
  after(() => ctx.close());

  it("serves OpenAPI 3.1 JSON with every route, schemas and security schemes", async () => {
    const response = await ctx.app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    assert.equal(response.statusCode, 200);
    const doc = JSON.parse(response.body);
    assert.equal(doc.openapi, "3.1.0");
    for (const path of [
      "/api/v1/auth/login",
      "/api/v1/users/{id}",
      "/api/v1/tokens",
      "/api/v1/audit",
      "/api/v1/sections",
      "/api/v1/media",
    ])
      assert.ok(doc.paths[path], path);
    assert.equal(doc.paths["/api/v1/openapi.json"], undefined, "internal routes are hidden");
    assert.ok(doc.paths["/api/v1/users"].post.requestBody.content["application/json"].schema);
    assert.ok(doc.paths["/api/v1/users"].get.parameters.some((p: { name: string }) => p.name === "cursor"));
    assert.ok(doc.components.securitySchemes.bearer);
    assert.ok(doc.components.schemas.Problem && doc.components.schemas.User);
  });

  it("serves a self-contained docs page (no external assets)", async () => {
    const response = await ctx.app.inject({ method: "GET", url: "/api/v1/docs" });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers["content-type"]), /text\/html/);
    assert.match(response.body, /POST<\/span> <code>\/api\/v1\/auth\/login<\/code>/);
    assert.doesNotMatch(response.body, /<script|src="http|href="http/);
  });
});
