import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ConfigError, loadConfig } from "../app/config.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";

describe("trusting X-Forwarded-For", () => {
  it("trusts only loopback proxies by default and parses lists", () => {
    assert.deepEqual(loadConfig({}).trustProxy, ["loopback"]);
    assert.deepEqual(loadConfig({ WARTA_TRUST_PROXY: "loopback, 10.0.0.0/8" }).trustProxy, [
      "loopback",
      "10.0.0.0/8",
    ]);
    assert.equal(loadConfig({ WARTA_TRUST_PROXY: "false" }).trustProxy, false);
    assert.throws(() => loadConfig({ WARTA_TRUST_PROXY: "<script>" }), ConfigError);
  });

  describe("in the app", () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext();
      ctx.app.get("/_ip", async (request) => ({ ip: request.ip }));
    });
    after(() => ctx.close());

    it("takes the client address from a trusted proxy and ignores it from anyone else", async () => {
      const viaProxy = await ctx.app.inject({
        url: "/_ip",
        remoteAddress: "127.0.0.1",
        headers: { "x-forwarded-for": "203.0.113.7" },
      });
      assert.equal(viaProxy.json().ip, "203.0.113.7");
      const forged = await ctx.app.inject({
        url: "/_ip",
        remoteAddress: "198.51.100.4",
        headers: { "x-forwarded-for": "203.0.113.7" },
      });
      assert.equal(forged.json().ip, "198.51.100.4");
    });
  });
});
