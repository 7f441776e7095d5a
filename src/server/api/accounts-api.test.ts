import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createApiContext, type ApiTestContext } from "../../testing/api-test-support.ts";

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("API tokens: scopes, role limits, revocation", () => {
  let ctx: ApiTestContext;
  before(async () => {
    ctx = await createApiContext();
  });
  after(() => ctx.close());

  it("creates a token shown once, stored hashed, listed by prefix, usable until revoked", async () => {
    const editor = await ctx.user("editor");
    const session = await ctx.login(editor.email);
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      payload: { name: "Aplikasi seluler", scopes: ["content:read", "articles:write"] },
      headers: session.write,
    });
    assert.equal(created.statusCode, 201);
    const { token, record } = created.json();
    assert.match(token, /^wt_[A-Za-z0-9_-]{43}$/);
    assert.equal(record.prefix, token.slice(0, 11));
    assert.deepEqual(record.scopes, ["content:read", "articles:write"]);
    const stored = await ctx.deps.store.db.selectFrom("api_tokens").selectAll().execute();
    assert.equal(stored.length, 1);
    assert.notEqual(stored[0]!.token_hash, token);
    assert.ok(!JSON.stringify(stored).includes(token.slice(11)), "the secret part is not stored");

    const list = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/tokens",
      headers: { cookie: session.cookie },
    });
    assert.deepEqual(
      list.json().items.map((t: { name: string }) => t.name),
      ["Aplikasi seluler"],
    );
    assert.ok(!list.body.includes(token), "lists never show the token again");

    const me = await ctx.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: bearer(token) });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().via, "token");
    assert.deepEqual(me.json().scopes, ["content:read", "articles:write"]);
    assert.equal(me.json().csrfToken, null);

    const revoked = await ctx.app.inject({
      method: "DELETE",
      url: `/api/v1/tokens/${record.id}`,
      headers: session.write,
    });
    assert.equal(revoked.statusCode, 200);
    assert.ok(revoked.json().revokedAt);
    const after = await ctx.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: bearer(token) });
    assert.equal(after.statusCode, 401);
    assert.equal(after.json().code, "unauthenticated");
    const actions = (await ctx.deps.audit.list({ action: "token.", limit: 10 })).map((e) => e.action);
    assert.deepEqual(actions, ["token.revoke", "token.create"]);
  });

  it("refuses scopes beyond the owner's role, listing each", async () => {
    const writer = await ctx.user("penulis");
    const session = await ctx.login(writer.email);
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      payload: { name: "terlalu luas", scopes: ["articles:publish", "audit:read", "articles:write"] },
      headers: session.write,
    });
    assert.equal(response.statusCode, 422);
    assert.deepEqual(response.json().errors, [
      { field: "scopes", message: "Peran penulis tidak bisa memberi cakupan articles:publish." },
      { field: "scopes", message: "Peran penulis tidak bisa memberi cakupan audit:read." },
    ]);
    assert.deepEqual(response.json().allowed, ["content:read", "articles:write"]);
  });

  it("limits a token to its scopes and to its owner's current role", async () => {
    const redaktur = await ctx.user("redaktur");
    const system = { kind: "system", name: "test" } as const;
    const reader = await ctx.deps.accounts.tokens.create(
      redaktur,
      { name: "baca", scopes: ["content:read"] },
      system,
    );
    const writer = await ctx.deps.accounts.tokens.create(
      redaktur,
      { name: "tulis", scopes: ["taxonomy:write"] },
      system,
    );
    const section = (token: string) =>
      ctx.app.inject({
        method: "POST",
        url: "/api/v1/sections",
        payload: { name: "Opini" },
        headers: bearer(token),
      });

    const denied = await section(reader.token);
    assert.equal(denied.statusCode, 403);
    assert.equal(denied.json().detail, "Token API ini tidak memiliki cakupan taxonomy:write.");
    assert.equal(
      (await ctx.app.inject({ method: "GET", url: "/api/v1/media", headers: bearer(reader.token) }))
        .statusCode,
      200,
    );
    assert.equal((await section(writer.token)).statusCode, 201);
    // Tokens never manage accounts or tokens, whatever their owner may do.
    const users = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/users",
      headers: bearer(writer.token),
    });
    assert.equal(users.statusCode, 403);

    // Demoting the owner takes effect at once.
    await ctx.deps.accounts.users.update(redaktur.id, { role: "editor" }, system);
    assert.equal((await section(writer.token)).statusCode, 403);
    // Disabling the owner stops every token.
    await ctx.deps.accounts.users.update(redaktur.id, { disabled: true }, system);
    assert.equal((await section(writer.token)).statusCode, 401);
  });

  it("rejects malformed and unknown bearer tokens with 401 instead of falling back to the cookie", async () => {
    const editor = await ctx.user("editor");
    const session = await ctx.login(editor.email);
    for (const authorization of ["Bearer wt_nope", "Basic abc", "Bearer "]) {
      const response = await ctx.app.inject({
        method: "GET",
        url: "/api/v1/auth/me",
        headers: { authorization, cookie: session.cookie },
      });
      assert.equal(response.statusCode, 401, authorization);
    }
  });

  it("lets admins list and revoke other people's tokens but never mint one for them", async () => {
    const admin = await ctx.user("admin");
    const editor = await ctx.user("editor");
    const adminSession = await ctx.login(admin.email);
    const editorSession = await ctx.login(editor.email);
    const forEditor = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      payload: { name: "untuk editor", scopes: ["content:read"], userId: editor.id },
      headers: adminSession.write,
    });
    assert.equal(forEditor.statusCode, 403, "minting for someone else is impersonation");
    assert.equal(forEditor.json().errors[0].field, "body.userId");
    const byEditor = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      payload: { name: "untuk admin", scopes: ["content:read"], userId: admin.id },
      headers: editorSession.write,
    });
    assert.equal(byEditor.statusCode, 403);
    const own = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      payload: { name: "milik editor", scopes: ["content:read"] },
      headers: editorSession.write,
    });
    assert.equal(own.statusCode, 201);
    const all = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/tokens?all=true",
      headers: { cookie: editorSession.cookie },
    });
    assert.equal(all.statusCode, 403);
    const allAdmin = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/tokens?all=true",
      headers: { cookie: adminSession.cookie },
    });
    assert.ok(allAdmin.json().items.some((t: { userId: number }) => t.userId === editor.id));
    const revoked = await ctx.app.inject({
      method: "DELETE",
      url: `/api/v1/tokens/${own.json().record.id}`,
      headers: adminSession.write,
    });
    assert.equal(revoked.statusCode, 200);
    assert.notEqual(revoked.json().revokedAt, null);
  });
});

describe("users API and audit log", () => {
  let ctx: ApiTestContext;
  before(async () => {
    ctx = await createApiContext();
  });
  after(() => ctx.close());

  it("redaktur creates, lists and updates accounts but cannot touch admins; every change is audited", async () => {
    const redaktur = await ctx.user("redaktur");
    const admin = await ctx.user("admin");
    const session = await ctx.login(redaktur.email);
    const create = (payload: object) =>
      ctx.app.inject({ method: "POST", url: "/api/v1/users", payload, headers: session.write });

    const created = await create({ email: "Baru@Warta.test", name: "Penulis Baru", role: "penulis" });
    assert.equal(created.statusCode, 201);
    assert.equal(created.json().user.email, "baru@warta.test");
    assert.match(created.json().generatedPassword, /^\S{20}$/);
    const duplicate = await create({ email: "baru@warta.test", name: "Lagi", role: "penulis" });
    assert.equal(duplicate.statusCode, 409);
    assert.deepEqual(duplicate.json().errors, [{ field: "email", message: "Sudah terdaftar." }]);
    assert.equal((await create({ email: "a@warta.test", name: "A", role: "admin" })).statusCode, 403);

    const id = created.json().user.id;
    const promote = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/users/${id}`,
      payload: { role: "editor" },
      headers: session.write,
    });
    assert.equal(promote.statusCode, 200);
    assert.equal(promote.json().role, "editor");
    const touchAdmin = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/users/${admin.id}`,
      payload: { disabled: true },
      headers: session.write,
    });
    assert.equal(touchAdmin.statusCode, 403);

    const page1 = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/users?limit=2",
      headers: { cookie: session.cookie },
    });
    assert.equal(page1.json().items.length, 2);
    const page2 = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/users?limit=2&cursor=${page1.json().nextCursor}`,
      headers: { cookie: session.cookie },
    });
    assert.deepEqual(
      page2.json().items.map((u: { id: number }) => u.id),
      [id],
    );
    assert.equal(page2.json().nextCursor, null);

    const disable = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/users/${id}`,
      payload: { disabled: true },
      headers: session.write,
    });
    assert.equal(disable.json().disabled, true);
    const entries = await ctx.deps.audit.list({ resourceType: "user", resourceId: String(id), limit: 10 });
    assert.deepEqual(
      entries.map((e) => [e.action, e.actorId]),
      [
        ["user.disable", redaktur.id],
        ["user.update", redaktur.id],
        ["user.create", redaktur.id],
      ],
    );
    assert.deepEqual(entries[1]!.detail, { changed: { role: "editor" }, fromRole: "penulis" });
    assert.equal(entries[0]!.ip, "127.0.0.1");
  });

  it("keeps at least one active admin", async () => {
    const fresh = await createApiContext();
    try {
      const admin = await fresh.user("admin");
      const session = await fresh.login(admin.email);
      const response = await fresh.app.inject({
        method: "PATCH",
        url: `/api/v1/users/${admin.id}`,
        payload: { role: "editor" },
        headers: session.write,
      });
      assert.equal(response.statusCode, 409);
      assert.equal(response.json().detail, "Harus tetap ada setidaknya satu admin aktif.");
    } finally {
      await fresh.close();
    }
  });

  it("GET /audit is admin-only, filters by actor, action, resource and dates, and pages by cursor", async () => {
    const admin = await ctx.user("admin");
    const editor = await ctx.user("editor");
    const adminSession = await ctx.login(admin.email);
    const editorSession = await ctx.login(editor.email);
    const get = (query: string, cookie = adminSession.cookie) =>
      ctx.app.inject({ method: "GET", url: `/api/v1/audit${query}`, headers: { cookie } });

    assert.equal((await get("", editorSession.cookie)).statusCode, 403);
    assert.equal((await ctx.app.inject({ method: "GET", url: "/api/v1/audit" })).statusCode, 401);

    const logins = await get(`?action=auth.login&actorId=${editor.id}`);
    assert.equal(logins.statusCode, 200);
    assert.deepEqual(
      logins.json().items.map((e: { action: string; actorId: number }) => [e.action, e.actorId]),
      [["auth.login", editor.id]],
    );
    const family = await get("?action=user.&resourceType=user");
    assert.ok(family.json().items.every((e: { action: string }) => e.action.startsWith("user.")));

    const future = await get("?from=2999-01-01T00:00:00Z");
    assert.deepEqual(future.json().items, []);
    const bad = await get("?from=kemarin&limit=1000");
    assert.equal(bad.statusCode, 422);
    assert.deepEqual(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
      ["query.from", "query.limit"],
    );

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { json(): { items: { id: number }[]; nextCursor: string | null } } = await get(
        `?limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...page.json().items.map((e) => e.id));
      cursor = page.json().nextCursor;
    } while (cursor);
    const all = await ctx.deps.audit.list({ limit: 1000 });
    assert.deepEqual(
      seen,
      all.map((e) => e.id),
      "pages cover every entry once, newest first",
    );
    assert.equal((await get("?cursor=bm9wZQ")).statusCode, 422);
  });
});
