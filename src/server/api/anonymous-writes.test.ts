import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createApiContext, type ApiTestContext } from "../../testing/api-test-support.ts";

describe("anonymous writes", () => {
  let ctx: ApiTestContext;
  before(async () => {
    ctx = await createApiContext();
  });
  after(() => ctx.close());

  const writes: [string, string][] = [
    ["POST", "/api/v1/articles"],
    ["PATCH", "/api/v1/articles/1"],
    ["DELETE", "/api/v1/articles/1"],
    ["POST", "/api/v1/tags"],
    ["POST", "/api/v1/users"],
    ["POST", "/api/v1/tokens"],
    ["POST", "/api/v1/webhooks"],
    ["POST", "/api/v1/media"],
    ["POST", "/api/v1/auth/password"],
  ];

  for (const [method, url] of writes)
    it(`${method} ${url} with a malformed body is 401, never a validation answer`, async () => {
      const response = await ctx.app.inject({
        method: method as "POST",
        url,
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({ headline: 42, body: "x".repeat(10), unknown: true }),
      });
      assert.equal(response.statusCode, 401, response.body);
      const problem = response.json() as { code: string; errors: unknown[] };
      assert.equal(problem.code, "unauthenticated");
      assert.deepEqual(problem.errors, []);
    });

  it("login is the one anonymous write, and still validates its body", async () => {
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: 1 },
    });
    assert.equal(response.statusCode, 422);
  });
});
