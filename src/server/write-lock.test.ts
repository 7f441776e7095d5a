import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { holdWriteLock } from "../testing/write-lock-holder.ts";
import { createApiContext, type ApiTestContext, type Session } from "../testing/api-test-support.ts";

/**
 * Another process holds SQLite's write lock (a CLI import or reindex beside the server): the
 * server keeps answering, reads and session bookkeeping do not wait, writes wait asynchronously
 * and, if the lock stays, fail with a clear 503 + Retry-After.
 */
describe("SQLite write lock held by another process", { skip: !!process.env.WARTA_TEST_POSTGRES_URL }, () => {
  let ctx: ApiTestContext;
  let session: Session;
  let path: string;
  const start = new Date("2026-03-01T08:00:00Z");

  before(async () => {
    ctx = await createApiContext({ env: { WARTA_DB_BUSY_WAIT_MS: "400" }, now: start });
    const database = ctx.deps.config.database;
    assert.equal(database.dialect, "sqlite");
    path = database.dialect === "sqlite" ? database.path : "";
    const editor = await ctx.user("editor");
    session = await ctx.login(editor.email);
  });
  after(() => ctx.close());

  const createTag = (name: string) =>
    ctx.app.inject({
      method: "POST",
      url: "/api/v1/tags",
      headers: session.write,
      payload: { name },
    });

  it("answers /healthz while a write waits for the lock, then the write gets 503 with Retry-After", async () => {
    const holder = await holdWriteLock(path);
    try {
      const order: string[] = [];
      const write = createTag("Terkunci").then((response) => {
        order.push("write");
        return response;
      });
      const health = await ctx.app.inject({ method: "GET", url: "/healthz" });
      order.push("healthz");
      const response = await write;
      assert.equal(health.statusCode, 200);
      assert.deepEqual(order, ["healthz", "write"], "healthz must not queue behind the waiting write");
      assert.equal(response.statusCode, 503);
      assert.equal(response.headers["retry-after"], "2");
      const problem = response.json() as { code: string; detail: string };
      assert.equal(problem.code, "unavailable");
      assert.match(problem.detail, /sibuk/);
    } finally {
      await holder.release();
    }
  });

  it("serves signed-in reads whose session needs sliding before a waiting write, without waiting for the lock", async () => {
    ctx.setNow(new Date(start.getTime() + 60 * 60_000)); // last seen an hour ago: a touch is due
    const holder = await holdWriteLock(path);
    try {
      const order: string[] = [];
      const write = createTag("Antre").then(() => order.push("write"));
      const me = await ctx.app.inject({
        method: "GET",
        url: "/api/v1/auth/me",
        headers: { cookie: session.cookie },
      });
      order.push("me");
      const list = await ctx.app.inject({
        method: "GET",
        url: "/api/v1/tags",
        headers: { cookie: session.cookie },
      });
      order.push("list");
      await write;
      assert.equal(me.statusCode, 200, me.body);
      assert.equal(list.statusCode, 200, list.body);
      assert.deepEqual(order, ["me", "list", "write"]);
    } finally {
      await holder.release();
    }
  });

  it("a write that waits succeeds once the other process lets go within the budget", async () => {
    const holder = await holdWriteLock(path);
    const write = createTag("Sabar");
    await new Promise((resolve) => setTimeout(resolve, 100));
    await holder.release();
    const response = await write;
    assert.equal(response.statusCode, 201, response.body);
  });

  it("serves site pages while the lock is held (reads never queue behind writes)", async () => {
    const holder = await holdWriteLock(path);
    try {
      // The page itself only reads: it is served while the lock is held.
      const home = await ctx.app.inject({ method: "GET", url: "/" });
      assert.equal(home.statusCode, 200);
    } finally {
      await holder.release();
    }
  });
});
