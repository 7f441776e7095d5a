import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createApiContext, passwordFor, type ApiTestContext } from "../../testing/api-test-support.ts";

const login = (ctx: ApiTestContext, email: string, password: string, ip: string) =>
  ctx.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    headers: { "x-forwarded-for": ip },
    payload: { email, password },
  });

const auditCount = async (ctx: ApiTestContext, action: string) =>
  (await ctx.deps.audit.list({ limit: 1000 })).filter((e) => e.action === action).length;

const attemptRows = async (ctx: ApiTestContext) =>
  Number(
    (
      await ctx.deps.store.db
        .selectFrom("login_attempts")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("login throttling under simultaneous guesses", () => {
  let ctx: ApiTestContext;
  let now = new Date("2026-04-01T02:00:00Z");
  before(async () => {
    ctx = await createApiContext({ now });
  });
  after(() => ctx.close());
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
    ctx.setNow(now);
  };

  it("checks at most 5 of 15 simultaneous wrong passwords for one account", async () => {
    const user = await ctx.user("editor");
    const responses = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        login(ctx, user.email, `tebakan-${i}-salah`, `203.0.113.${i + 1}`),
      ),
    );
    const codes = responses.map((r) => r.statusCode);
    assert.equal(codes.filter((c) => c === 401).length, 5, codes.join(","));
    assert.equal(codes.filter((c) => c === 429).length, 10, codes.join(","));
    assert.equal(
      await auditCount(ctx, "auth.login.failed"),
      5,
      "only checked attempts are audited as failures",
    );
    assert.equal(
      await auditCount(ctx, "auth.login.throttled"),
      1,
      "one audit row for the lock, none per refusal",
    );
    // Refused attempts keep coming: still no audit row and no stored attempt for each of them.
    const rowsBefore = await attemptRows(ctx);
    for (let i = 0; i < 5; i++)
      assert.equal((await login(ctx, user.email, "lagi-lagi-salah", "203.0.113.99")).statusCode, 429);
    assert.equal(await auditCount(ctx, "auth.login.throttled"), 1);
    assert.equal(await attemptRows(ctx), rowsBefore);
  });

  it("groups IPv6 clients by /64: rotating addresses inside one /64 does not escape the limit", async () => {
    advance(60 * 60_000);
    for (let i = 0; i < 20; i++)
      assert.equal(
        (await login(ctx, `orang${i}@contoh.id`, "salah-salah-1", `2001:db8:7:1::${(i + 1).toString(16)}`))
          .statusCode,
        401,
      );
    const admin = await ctx.user("admin");
    assert.equal(
      (await login(ctx, admin.email, passwordFor("admin"), "2001:db8:7:1:ffff::9")).statusCode,
      429,
    );
    assert.equal((await login(ctx, admin.email, passwordFor("admin"), "2001:db8:7:2::1")).statusCode, 200);
  });

  it("prunes attempts older than a day on any attempt, not only on a success", async () => {
    advance(2 * 24 * 3600_000);
    assert.ok((await attemptRows(ctx)) > 20);
    assert.equal((await login(ctx, "tidak-ada@contoh.id", "salah-salah-1", "198.51.100.1")).statusCode, 401);
    await ctx.deps.accounts.settle();
    assert.equal(await attemptRows(ctx), 1);
  });
});
