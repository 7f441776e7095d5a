import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { noisyJpeg, solidJpeg } from "../../testing/image-fixtures.ts";
import { fetchRemoteImage } from "./remote-image-fetch.ts";

/**
 * The guard is tested against a local server. Loopback is internal, so the tests that fetch from
 * it allow 127.0.0.1 explicitly through the policy — the same allow-list an operator sets with
 * WARTA_IMAGE_FETCH_ALLOW_INTERNAL — or give their own resolver; nothing global is switched off.
 */
describe("fetching an import's remote photo", () => {
  let server: Server;
  let port: number;
  let hits = 0;
  let photo: Buffer;
  let big: Buffer;
  const loopback = { allow: ["127.0.0.1"] };

  before(async () => {
    photo = await solidJpeg(64, 48, "#336699");
    big = await noisyJpeg(200, 200);
    server = createServer((request, response) => {
      hits++;
      const path = request.url ?? "/";
      if (path === "/foto.jpg") return response.writeHead(200, { "content-type": "text/html" }).end(photo);
      if (path === "/teks.jpg")
        return response.writeHead(200, { "content-type": "image/jpeg" }).end("<html>".repeat(20));
      if (path === "/besar.jpg") return response.writeHead(200).end(big);
      if (path === "/besar-bertahap.jpg") {
        response.writeHead(200); // chunked: no length declared
        response.write(big.subarray(0, 1000));
        return response.end(big.subarray(1000));
      }
      if (path === "/hilang.jpg") return response.writeHead(404).end();
      if (path === "/sibuk.jpg") return response.writeHead(503).end();
      if (path === "/pindah-dalam") return response.writeHead(302, { location: "/foto.jpg" }).end();
      if (path === "/pindah-localhost")
        return response.writeHead(302, { location: `http://localhost:${port}/foto.jpg` }).end();
      if (path === "/pindah-metadata")
        return response.writeHead(301, { location: "http://169.254.169.254/latest/meta-data/" }).end();
      if (path === "/pindah-file") return response.writeHead(302, { location: "file:///etc/passwd" }).end();
      if (path === "/putar") return response.writeHead(302, { location: "/putar" }).end();
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("refuses loopback, private and link-local addresses in every spelling, before connecting", async () => {
    hits = 0;
    for (const host of [
      "127.0.0.1",
      "127.1",
      "0x7f.1",
      "2130706433",
      "0177.0.0.1",
      "[::1]",
      "[::ffff:127.0.0.1]",
      "localhost",
      "localhost.",
      "foto.localhost",
      "10.0.0.1",
      "192.168.1.10",
      "169.254.169.254",
      "[fd00::1]",
      "0.0.0.0",
    ]) {
      const result = await fetchRemoteImage(`http://${host}:${port}/foto.jpg`, { policy: { allow: [] } });
      assert.equal(result.ok, false, host);
      assert.ok(!result.ok && result.permanent, host);
    }
    assert.equal(hits, 0, "no request reached the server");
  });

  it("refuses a name that resolves to an internal address, at the socket too (DNS rebinding)", async () => {
    hits = 0;
    const rebinding = { allow: [], resolve: async () => ["127.0.0.1"] };
    const result = await fetchRemoteImage(`http://foto.contoh.example:${port}/foto.jpg`, {
      policy: rebinding,
    });
    assert.ok(!result.ok && result.permanent);
    assert.equal(hits, 0);
    // The same name allowed by address (an operator's internal photo server) is fetched.
    const allowed = await fetchRemoteImage(`http://foto.contoh.example:${port}/foto.jpg`, {
      policy: { ...rebinding, allow: ["127.0.0.1"] },
    });
    assert.ok(allowed.ok);
    assert.deepEqual(allowed.bytes, photo);
  });

  it("fetches an allowed photo, following a redirect that passes the check again", async () => {
    const direct = await fetchRemoteImage(`http://127.0.0.1:${port}/foto.jpg`, { policy: loopback });
    assert.ok(direct.ok);
    assert.deepEqual(direct.bytes, photo, "the Content-Type header (text/html) does not matter");
    const moved = await fetchRemoteImage(`http://127.0.0.1:${port}/pindah-dalam`, { policy: loopback });
    assert.ok(moved.ok);
    assert.equal(moved.url, `http://127.0.0.1:${port}/foto.jpg`);
  });

  it("re-checks every redirect: to localhost, to cloud metadata, to file:, in a loop", async () => {
    for (const [path, reason] of [
      ["/pindah-localhost", /localhost/],
      ["/pindah-metadata", /169\.254\.169\.254/],
      ["/pindah-file", /http/],
      ["/putar", /pengalihan/],
    ] as const) {
      const result = await fetchRemoteImage(`http://127.0.0.1:${port}${path}`, { policy: loopback });
      assert.ok(!result.ok, path);
      assert.ok(result.permanent, path);
      assert.match(result.error, reason, path);
    }
  });

  it("refuses what is not an image by its bytes, and what is over the size limit (declared or not)", async () => {
    const text = await fetchRemoteImage(`http://127.0.0.1:${port}/teks.jpg`, { policy: loopback });
    assert.ok(!text.ok && text.permanent);
    assert.match(text.error, /bukan gambar/);
    for (const path of ["/besar.jpg", "/besar-bertahap.jpg"]) {
      const result = await fetchRemoteImage(`http://127.0.0.1:${port}${path}`, {
        policy: loopback,
        maxBytes: big.length - 1,
      });
      assert.ok(!result.ok && result.permanent, path);
      assert.match(result.error, /lebih dari/, path);
    }
    const fits = await fetchRemoteImage(`http://127.0.0.1:${port}/besar-bertahap.jpg`, {
      policy: loopback,
      maxBytes: big.length,
    });
    assert.ok(fits.ok);
  });

  it("tells a missing photo (for good) from a busy server (try again later)", async () => {
    const missing = await fetchRemoteImage(`http://127.0.0.1:${port}/hilang.jpg`, { policy: loopback });
    assert.ok(!missing.ok && missing.permanent);
    assert.match(missing.error, /404/);
    const busy = await fetchRemoteImage(`http://127.0.0.1:${port}/sibuk.jpg`, { policy: loopback });
    assert.ok(!busy.ok && !busy.permanent);
  });
});
