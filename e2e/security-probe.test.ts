import assert from "node:assert/strict";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { SYSTEM_ACTOR } from "../src/core/actor.ts";
import { loadConfig } from "../src/app/config.ts";
import { createDeps } from "../src/app/deps.ts";
import { bodyOf, buildArticle, buildSection } from "../src/testing/factories.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database.ts";
import { holdWriteLock } from "../src/testing/write-lock-holder.ts";
import { freePort, startWarta, type WartaProcess } from "./server-process.ts";

/**
 * The hardening review replayed against a real `warta serve` process (docs/security.md): each
 * defect it found, tried again from outside, the way it was first reproduced.
 */
const PASSWORD = "rahasia-probe-123";

describe("security probe against warta serve", { timeout: 120_000 }, () => {
  let dir: string;
  let database: TestDatabase;
  let env: Record<string, string>;
  let server: WartaProcess;
  let origin: string;
  let sectionId: number;
  let writerId: number;
  let writerToken: string;
  const embargoedTag = "Embargo Probe Rahasia";

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "warta-probe-"));
    database = await createTestDatabase(dir);
    const port = await freePort();
    env = {
      WARTA_DATABASE_URL: database.url,
      WARTA_MEDIA_DIR: join(dir, "media"),
      WARTA_SITE_URL: `http://127.0.0.1:${port}`,
      WARTA_LOG_LEVEL: "silent",
      WARTA_DB_BUSY_WAIT_MS: "400",
      PORT: String(port),
      HOST: "127.0.0.1",
    };
    const deps = await createDeps(loadConfig(env), { argon2: { memory: 1024, passes: 1, parallelism: 1 } });
    sectionId = (await buildSection(deps)).id;
    const users = deps.accounts.users;
    const make = async (email: string, role: "penulis" | "editor" | "redaktur" | "admin") =>
      (await users.create({ email, name: email, role, personId: null, password: PASSWORD }, SYSTEM_ACTOR))
        .user;
    await make("admin@probe.test", "admin");
    await make("redaktur@probe.test", "redaktur");
    await make("redaktur2@probe.test", "redaktur");
    await make("korban@probe.test", "editor");
    const writer = await make("penulis@probe.test", "penulis");
    writerId = writer.id;
    writerToken = (
      await deps.accounts.tokens.create(writer, { name: "probe", scopes: ["articles:write"] }, SYSTEM_ACTOR)
    ).token;
    const [tag] = await deps.tags.ensure([embargoedTag]);
    await buildArticle(deps, { status: "scheduled", tagIds: [tag!.id], headline: "Berita embargo probe" });
    await deps.close();
    server = await startWarta(env);
    origin = server.origin;
  });
  after(async () => {
    await server?.stop("SIGKILL");
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const api = (path: string, init: RequestInit = {}) => fetch(`${origin}/api/v1${path}`, init);
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    api(path, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });

  async function login(email: string): Promise<Record<string, string>> {
    const response = await post("/auth/login", { email, password: PASSWORD });
    assert.equal(response.status, 200, `login ${email}`);
    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };
  }

  it(
    "(1) another process holding SQLite's write lock: /healthz answers, a write gets 503 + Retry-After",
    {
      skip: !!process.env.WARTA_TEST_POSTGRES_URL,
    },
    async () => {
      const holder = await holdWriteLock(database.url.slice("sqlite:".length));
      try {
        const write = post("/tags", { name: "Terkunci" }, { authorization: `Bearer ${writerToken}` });
        const health = await fetch(`${origin}/healthz`);
        assert.equal(health.status, 200);
        const response = await write;
        assert.equal(response.status, 503);
        assert.ok(Number(response.headers.get("retry-after")) > 0);
        assert.match(((await response.json()) as { detail: string }).detail, /sibuk/);
      } finally {
        await holder.release();
      }
    },
  );

  it("(2) 15 simultaneous wrong passwords for one account: at most 5 are checked", async () => {
    const guess = { email: "korban@probe.test", password: "salah-sekali-123" };
    const statuses = await Promise.all(
      Array.from({ length: 15 }, () => post("/auth/login", guess).then((r) => r.status)),
    );
    assert.equal(statuses.filter((s) => s === 401).length, 5, statuses.join(","));
    assert.equal(statuses.filter((s) => s === 429).length, 10, statuses.join(","));
  });

  it("(2) IPv6 clients in one /64 share the address limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const response = await post(
        "/auth/login",
        { email: `acak${i}@probe.test`, password: "salah-sekali-123" },
        { "x-forwarded-for": `2001:db8:1:2::${(i + 1).toString(16)}` },
      );
      statuses.push(response.status);
    }
    assert.equal(statuses.at(-1), 429, statuses.join(","));
  });

  it("(3) an API token stops working when its owner's password is reset", async () => {
    const admin = await login("admin@probe.test");
    const before = await api("/auth/me", { headers: { authorization: `Bearer ${writerToken}` } });
    assert.equal(before.status, 200);
    const reset = await api(`/users/${writerId}/password-reset`, {
      method: "POST",
      headers: admin,
      body: "{}",
    });
    assert.equal(reset.status, 200);
    const afterReset = await api("/auth/me", { headers: { authorization: `Bearer ${writerToken}` } });
    assert.equal(afterReset.status, 401);
  });

  it("(4) a tag carried only by a story not yet live is invisible to readers", async () => {
    const slug = embargoedTag.toLowerCase().replaceAll(" ", "-");
    assert.equal((await fetch(`${origin}/tag/${slug}`)).status, 404);
    assert.equal((await fetch(`${origin}/feed/tag/${slug}/rss.xml`)).status, 404);
    const tags = await (await api("/tags?limit=100")).text();
    assert.doesNotMatch(tags, new RegExp(embargoedTag));
    const search = await (await fetch(`${origin}/cari?q=berita`)).text();
    assert.doesNotMatch(search, new RegExp(embargoedTag));
  });

  it("(5) webhooks to the inside of the network are refused", async () => {
    const admin = await login("admin@probe.test");
    for (const url of [
      "http://127.0.0.1:9/x",
      "http://localhost/x",
      "http://0x7f.1/x",
      "http://[::1]/x",
      "http://169.254.169.254/latest",
      "http://10.1.2.3/x",
    ]) {
      const response = await api("/webhooks", {
        method: "POST",
        headers: admin,
        body: JSON.stringify({ url }),
      });
      assert.equal(response.status, 422, url);
      const problem = (await response.json()) as { errors?: { field: string }[] };
      assert.ok(
        problem.errors?.some((error) => error.field === "url"),
        url,
      );
    }
  });

  it("(6) an anonymous write with a bad body gets 401, not validation details", async () => {
    const response = await post("/articles", { headline: 1 });
    assert.equal(response.status, 401);
  });

  it("(7) security headers on the site, the API docs and the admin", async () => {
    for (const path of ["/", "/api/v1/docs", "/admin/"]) {
      const response = await fetch(`${origin}${path}`);
      assert.equal(response.headers.get("x-content-type-options"), "nosniff", path);
      assert.match(response.headers.get("content-security-policy") ?? "", /default-src/, path);
      assert.match(response.headers.get("content-security-policy") ?? "", /frame-ancestors 'none'/, path);
      assert.ok(response.headers.get("referrer-policy"), path);
    }
  });

  it("(8) a 404 carries Cache-Control and a surrogate key a purge can reach", async () => {
    const response = await fetch(`${origin}/nasional/999999/tidak-ada`);
    assert.equal(response.status, 404);
    assert.ok(response.headers.get("cache-control"));
    assert.ok(response.headers.get("surrogate-key"));
  });

  it("(9) a link /\\host leaving the site is refused", async () => {
    const body = {
      headline: "Tautan licik",
      sectionId,
      body: {
        version: 1,
        blocks: [
          {
            type: "paragraph",
            content: [{ text: "x", marks: [{ type: "link", href: "/\\evil.example/x" }] }],
          },
        ],
      },
    };
    const editor = await login("redaktur@probe.test");
    const response = await api("/articles", { method: "POST", headers: editor, body: JSON.stringify(body) });
    assert.equal(response.status, 422);
    const ok = await api("/articles", {
      method: "POST",
      headers: editor,
      body: JSON.stringify({ ...body, body: bodyOf("Tanpa tautan.") }),
    });
    assert.equal(ok.status, 201);
  });

  it("(9) nobody mints a token for another user; a redaktur never receives a peer's password", async () => {
    const admin = await login("admin@probe.test");
    const mint = await api("/tokens", {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ name: "palsu", scopes: ["content:read"], userId: writerId }),
    });
    assert.equal(mint.status, 403);
    const redaktur = await login("redaktur@probe.test");
    const users = (await (await api("/users", { headers: redaktur })).json()) as {
      items: { id: number; email: string }[];
    };
    const peer = users.items.find((u) => u.email === "redaktur2@probe.test")!;
    const reset = await api(`/users/${peer.id}/password-reset`, {
      method: "POST",
      headers: redaktur,
      body: "{}",
    });
    assert.equal(reset.status, 403);
  });

  it("(9) a shutdown does not wait for a stalled client", async () => {
    const socket = connect(Number(new URL(origin).port), "127.0.0.1");
    await once(socket, "connect");
    socket.write("GET / HTTP/1.1\r\nHost: probe\r\nX-Slow: ");
    socket.on("error", () => {});
    // Node's own request timeout would hold the process for 300 s; the grace period is 10 s.
    const code = await server.stop("SIGTERM");
    assert.equal(code, 0);
    socket.destroy();
  });
});
