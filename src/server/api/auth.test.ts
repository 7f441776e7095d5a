import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createApiContext, passwordFor, type ApiTestContext } from "../../testing/api-test-support.ts";

const login = (ctx: ApiTestContext, email: string, password: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password }, headers });

async function auditActions(ctx: ApiTestContext): Promise<string[]> {
  return (await ctx.deps.audit.list({ limit: 1000 })).map((e) => e.action);
}

describe("auth: login, session cookie, logout, me", () => {
  let ctx: ApiTestContext;
  before(async () => {
    ctx = await createApiContext();
  });
  after(() => ctx.close());

  it("logs in, sets a HttpOnly SameSite=Lax Secure cookie, and returns the user and a CSRF token", async () => {
    const user = await ctx.user("editor", { email: "Editor@Warta.test" });
    const response = await login(ctx, " EDITOR@warta.test ", passwordFor("editor"));
    assert.equal(response.statusCode, 200);
    const cookie = String(response.headers["set-cookie"]);
    assert.match(cookie, /^warta_session=[A-Za-z0-9_-]{43};/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.match(cookie, /Path=\//);
    assert.match(cookie, /Secure/);
    const body = response.json();
    assert.equal(body.user.id, user.id);
    assert.equal(body.user.email, "editor@warta.test");
    assert.equal("passwordHash" in body.user, false);
    assert.match(body.csrfToken, /^[A-Za-z0-9_-]{32}$/);
    // Only the hash of the cookie value is stored.
    const value = cookie.split(";")[0]!.split("=")[1]!;
    const rows = await ctx.deps.store.db.selectFrom("sessions").select("id").execute();
    assert.equal(
      rows.some((r) => r.id === value),
      false,
    );
    assert.equal(rows.length, 1);
  });

  it("answers a wrong password and an unknown email alike, with 401 problem+json, and audits both", async () => {
    await ctx.user("penulis", { email: "p@warta.test" });
    const wrong = await login(ctx, "p@warta.test", "salah-sekali-123");
    const unknown = await login(ctx, "siapa@warta.test", "salah-sekali-123");
    for (const response of [wrong, unknown]) {
      assert.equal(response.statusCode, 401);
      assert.match(String(response.headers["content-type"]), /^application\/problem\+json/);
      assert.equal(response.json().code, "unauthenticated");
      assert.equal(response.json().detail, "Email atau kata sandi salah.");
      assert.equal(response.headers["set-cookie"], undefined);
    }
    const failures = (await ctx.deps.audit.list({ action: "auth.login.failed", limit: 10 })).map(
      (e) => e.detail,
    );
    assert.deepEqual(
      failures.map((d) => [d.email, d.reason]),
      [
        ["siapa@warta.test", "unknown_email"],
        ["p@warta.test", "wrong_password"],
      ],
    );
    assert.ok(!JSON.stringify(failures).includes("salah-sekali"), "passwords never reach the audit log");
  });

  it("GET /auth/me needs a session; logout ends it and clears the cookie", async () => {
    const user = await ctx.user("redaktur");
    const session = await ctx.login(user.email);
    assert.equal((await ctx.app.inject({ method: "GET", url: "/api/v1/auth/me" })).statusCode, 401);
    const me = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/auth/me",
      headers: { cookie: session.cookie },
    });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().user.role, "redaktur");
    assert.equal(me.json().via, "session");
    assert.equal(me.json().csrfToken, session.csrf);

    const noCsrf = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie: session.cookie },
    });
    assert.equal(noCsrf.statusCode, 403, "logout is a cookie write: CSRF applies");
    const out = await ctx.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: session.write });
    assert.equal(out.statusCode, 204);
    assert.match(String(out.headers["set-cookie"]), /warta_session=;.*Expires=Thu, 01 Jan 1970/);
    const after = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/auth/me",
      headers: { cookie: session.cookie },
    });
    assert.equal(after.statusCode, 401);
    const actions = await auditActions(ctx);
    assert.ok(actions.includes("auth.login") && actions.includes("auth.logout"));
  });

  it("a disabled user's session stops working at once", async () => {
    const user = await ctx.user("editor");
    const session = await ctx.login(user.email);
    await ctx.deps.accounts.users.update(user.id, { disabled: true }, { kind: "system", name: "test" });
    const me = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/auth/me",
      headers: { cookie: session.cookie },
    });
    assert.equal(me.statusCode, 401);
    assert.equal((await login(ctx, user.email, passwordFor("editor"))).statusCode, 401);
  });
});

describe("auth: Secure cookie only over TLS", () => {
  it("omits Secure on plain http and sets it behind a TLS-terminating proxy", async () => {
    const ctx = await createApiContext({ env: { WARTA_SITE_URL: "http://localhost:3000" } });
    try {
      const user = await ctx.user("editor");
      const plain = await login(ctx, user.email, passwordFor("editor"));
      assert.equal(plain.statusCode, 200);
      assert.doesNotMatch(String(plain.headers["set-cookie"]), /Secure/);
      const proxied = await login(ctx, user.email, passwordFor("editor"), { "x-forwarded-proto": "https" });
      assert.match(String(proxied.headers["set-cookie"]), /Secure/);
    } finally {
      await ctx.close();
    }
  });
});

describe("auth: CSRF on cookie-authenticated writes", () => {
  let ctx: ApiTestContext;
  before(async () => {
    ctx = await createApiContext();
  });
  after(() => ctx.close());

  it("refuses cookie writes without the session's X-CSRF-Token and accepts them with it", async () => {
    const user = await ctx.user("redaktur");
    const session = await ctx.login(user.email);
    const create = (headers: Record<string, string>) =>
      ctx.app.inject({ method: "POST", url: "/api/v1/tags", payload: { name: "Pemilu" }, headers });
    const missing = await create({ cookie: session.cookie });
    assert.equal(missing.statusCode, 403);
    assert.equal(missing.json().code, "forbidden");
    assert.deepEqual(missing.json().errors, [
      { field: "X-CSRF-Token", message: "Wajib sama dengan csrfToken sesi." },
    ]);
    const wrong = await create({ cookie: session.cookie, "x-csrf-token": "x".repeat(32) });
    assert.equal(wrong.statusCode, 403);
    const other = await ctx.login(user.email);
    assert.equal((await create({ cookie: session.cookie, "x-csrf-token": other.csrf })).statusCode, 403);
    assert.equal((await ctx.deps.tags.list()).length, 0, "nothing was written");
    const ok = await create(session.write);
    assert.equal(ok.statusCode, 201);
    // Reads need no token.
    const read = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/tags",
      headers: { cookie: session.cookie },
    });
    assert.equal(read.statusCode, 200);
  });

  it("does not ask bearer-token requests for a CSRF token", async () => {
    const user = await ctx.user("redaktur");
    const { token } = await ctx.deps.accounts.tokens.create(
      user,
      { name: "integrasi", scopes: ["articles:write"] },
      { kind: "system", name: "test" },
    );
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/tags",
      payload: { name: "Banjir" },
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(response.statusCode, 201);
  });
});

describe("auth: login throttling", () => {
  let ctx: ApiTestContext;
  const start = new Date("2026-03-01T02:00:00Z");
  before(async () => {
    ctx = await createApiContext({ now: start });
  });
  after(() => ctx.close());

  it("locks an account after 5 failures in 15 minutes (even for the right password) and reopens it", async () => {
    const user = await ctx.user("editor");
    const ip = { "x-forwarded-for": "203.0.113.7" };
    for (let i = 0; i < 5; i++)
      assert.equal(
        (await login(ctx, user.email, `salah-${i}-xxxxx`, ip)).statusCode,
        401,
        `attempt ${i + 1}`,
      );
    const locked = await login(ctx, user.email, passwordFor("editor"), ip);
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().code, "rate_limited");
    assert.equal(locked.json().detail, "Terlalu banyak percobaan masuk yang gagal. Coba lagi nanti.");
    assert.equal(locked.headers["retry-after"], "900");
    // Another account from another address is unaffected.
    const other = await ctx.user("penulis");
    assert.equal((await login(ctx, other.email, passwordFor("penulis"))).statusCode, 200);

    ctx.setNow(new Date(start.getTime() + 10 * 60_000));
    const later = await login(ctx, user.email, passwordFor("editor"), ip);
    assert.equal(later.headers["retry-after"], "300");
    ctx.setNow(new Date(start.getTime() + 15 * 60_000 + 1000));
    assert.equal((await login(ctx, user.email, passwordFor("editor"), ip)).statusCode, 200);
    assert.ok((await auditActions(ctx)).includes("auth.login.throttled"));
  });

  it("blocks an address after 20 failures across accounts, not other addresses", async () => {
    ctx.setNow(new Date(start.getTime() + 60 * 60_000));
    const ip = { "x-forwarded-for": "198.51.100.9" };
    for (let i = 0; i < 20; i++)
      assert.equal((await login(ctx, `orang${i}@contoh.id`, "salah-salah-1", ip)).statusCode, 401);
    const user = await ctx.user("admin");
    const blocked = await login(ctx, user.email, passwordFor("admin"), ip);
    assert.equal(blocked.statusCode, 429);
    assert.ok(Number(blocked.headers["retry-after"]) > 0);
    const elsewhere = await login(ctx, user.email, passwordFor("admin"), {
      "x-forwarded-for": "198.51.100.10",
    });
    assert.equal(elsewhere.statusCode, 200);
  });
});

describe("auth: password change", () => {
  let ctx: ApiTestContext;
  before(async () => {
    ctx = await createApiContext();
  });
  after(() => ctx.close());

  it("checks the current password and length, then ends every other session", async () => {
    const user = await ctx.user("penulis");
    const here = await ctx.login(user.email);
    const elsewhere = await ctx.login(user.email);
    const change = (payload: object) =>
      ctx.app.inject({ method: "POST", url: "/api/v1/auth/password", payload, headers: here.write });

    const wrong = await change({ currentPassword: "bukan-ini-123", newPassword: "kata-sandi-baru-1" });
    assert.equal(wrong.statusCode, 422);
    assert.deepEqual(wrong.json().errors, [{ field: "currentPassword", message: "Salah." }]);
    const short = await change({ currentPassword: passwordFor("penulis"), newPassword: "pendek" });
    assert.equal(short.statusCode, 422);
    assert.deepEqual(short.json().errors, [
      { field: "newPassword", message: "Kata sandi minimal 10 karakter." },
    ]);

    const ok = await change({ currentPassword: passwordFor("penulis"), newPassword: "kata-sandi-baru-1" });
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json(), { endedSessions: 1 });
    const me = (cookie: string) =>
      ctx.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { cookie } });
    assert.equal((await me(here.cookie)).statusCode, 200, "this session stays");
    assert.equal((await me(elsewhere.cookie)).statusCode, 401, "the other session ended");
    assert.equal((await login(ctx, user.email, passwordFor("penulis"))).statusCode, 401);
    assert.equal((await login(ctx, user.email, "kata-sandi-baru-1")).statusCode, 200);
    const actions = await auditActions(ctx);
    assert.ok(actions.includes("auth.password.change") && actions.includes("auth.password.failed"));
  });
});
