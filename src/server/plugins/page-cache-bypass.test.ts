/**
 * The page cache's two hit paths (the raw request listener when listening, the onRequest hook under
 * inject) read a request the same way: `x-warta-cache-bypass: 1` (when allowed) renders, any other
 * value is served from the cache, and a login is never served from it.
 */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import Fastify, { type FastifyInstance } from "fastify";
import { createPageCache } from "../../cache/page-cache.ts";
import { createPurgeSinks } from "../../cache/purge-sinks.ts";
import { pageCachePlugin } from "./page-cache.plugin.ts";

describe("page cache bypass and session, listening and injected", () => {
  let app: FastifyInstance;
  let base: string;
  let renders = 0;

  before(async () => {
    app = Fastify();
    const cache = createPageCache({ maxBytes: 1024 * 1024 });
    await app.register(pageCachePlugin({ cache, purges: createPurgeSinks(), allowBypass: true }));
    app.get("/halaman", async (_request, reply) => {
      renders++;
      reply.header("surrogate-key", "home").type("text/html; charset=utf-8");
      return `<p>render ${renders}</p>`;
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  after(() => app.close());

  /** The body and x-cache of GET /halaman with `headers`, over the socket and through inject(). */
  async function both(headers: Record<string, string>) {
    const fetched = await fetch(`${base}/halaman`, { headers });
    const injected = await app.inject({ method: "GET", url: "/halaman", headers });
    return {
      listening: { body: await fetched.text(), cache: fetched.headers.get("x-cache") },
      injected: { body: injected.body, cache: injected.headers["x-cache"] ?? null },
    };
  }

  test("the first read renders and is stored; later reads are hits on both paths", async () => {
    const first = await fetch(`${base}/halaman`);
    assert.equal(first.headers.get("x-cache"), "MISS");
    assert.equal(await first.text(), "<p>render 1</p>");
    assert.deepEqual(await both({}), {
      listening: { body: "<p>render 1</p>", cache: "HIT" },
      injected: { body: "<p>render 1</p>", cache: "HIT" },
    });
    assert.equal(renders, 1);
  });

  test("`x-warta-cache-bypass: 1` renders on both paths and stores nothing", async () => {
    const bypassed = await both({ "x-warta-cache-bypass": "1" });
    assert.deepEqual(bypassed, {
      listening: { body: "<p>render 2</p>", cache: "MISS" },
      injected: { body: "<p>render 3</p>", cache: "MISS" },
    });
    assert.equal((await both({})).listening.body, "<p>render 1</p>");
  });

  test("another bypass value is a normal read: a hit on both paths", async () => {
    const before = renders;
    assert.deepEqual(await both({ "x-warta-cache-bypass": "0" }), {
      listening: { body: "<p>render 1</p>", cache: "HIT" },
      injected: { body: "<p>render 1</p>", cache: "HIT" },
    });
    assert.equal(renders, before);
  });

  test("a newsroom login is rendered on both paths, never answered from the cache", async () => {
    const before = renders;
    const session = await both({ cookie: "warta_session=x" });
    assert.equal(session.listening.cache, null);
    assert.equal(session.injected.cache, null);
    assert.equal(renders, before + 2);
  });
});
