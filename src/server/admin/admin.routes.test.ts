import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import Fastify, { type FastifyInstance } from "fastify";
import { ADMIN_ASSET_CACHE_CONTROL, adminRoutes } from "./admin.routes.ts";

describe("the admin at /admin", () => {
  let app: FastifyInstance;
  let dist: string;

  before(async () => {
    dist = mkdtempSync(join(tmpdir(), "warta-admin-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(
      join(dist, "index.html"),
      '<!doctype html><script type="module" src="/admin/assets/index-abc.js"></script>',
    );
    writeFileSync(join(dist, "assets", "index-abc.js"), "console.log('warta');".repeat(50));
    app = Fastify();
    await app.register(adminRoutes(dist));
  });
  after(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("answers /admin and every client route below it with index.html, never cached", async () => {
    for (const url of ["/admin", "/admin/", "/admin/masuk", "/admin/berita/12/riwayat"]) {
      const response = await app.inject(url);
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.headers["cache-control"], "no-cache", url);
      assert.match(response.body, /index-abc\.js/);
    }
  });

  it("serves hashed assets as immutable, gzipped when the client accepts it", async () => {
    const plain = await app.inject("/admin/assets/index-abc.js");
    assert.equal(plain.statusCode, 200);
    assert.equal(plain.headers["cache-control"], ADMIN_ASSET_CACHE_CONTROL);
    assert.match(String(plain.headers["content-type"]), /^text\/javascript/);
    const zipped = await app.inject({
      url: "/admin/assets/index-abc.js",
      headers: { "accept-encoding": "gzip, br" },
    });
    assert.equal(zipped.headers["content-encoding"], "gzip");
    assert.equal(gunzipSync(zipped.rawPayload).toString(), plain.body);
  });

  it("answers a missing asset or a path escape with 404, not the shell", async () => {
    for (const url of [
      "/admin/assets/nope-123.js",
      "/admin/assets/..%2f..%2fetc%2fpasswd",
      "/admin/assets/x.exe",
    ]) {
      const response = await app.inject(url);
      assert.equal(response.statusCode, 404, url);
      assert.equal(response.headers["cache-control"], "no-store");
    }
  });

  it("says in Indonesian how to build the admin when it has not been built", async () => {
    const bare = Fastify();
    await bare.register(adminRoutes(join(dist, "nothing-here")));
    const response = await bare.inject("/admin/masuk");
    assert.equal(response.statusCode, 503);
    assert.match(response.body, /Admin belum dibangun/);
    await bare.close();
  });
});
