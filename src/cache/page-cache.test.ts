import assert from "node:assert/strict";
import { test } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { buildEntry, cacheKeyOf, createPageCache } from "./page-cache.ts";

const page = (key: string, keys: string[], size = 2000, ttlSeconds = 300, now = Date.now()) =>
  buildEntry(
    {
      key,
      body: Buffer.from(`<p>${key}</p>`.padEnd(size, "x")),
      headers: { "content-type": "text/html; charset=utf-8", "surrogate-key": keys.join(" ") },
      surrogateKeys: keys,
      ttlSeconds,
      compress: true,
      brotliQuality: 5,
    },
    now,
  );

test("an entry holds br, gzip and identity bytes of the same page with distinct strong ETags", async () => {
  const entry = await page("/a", ["home"]);
  const identity = entry.variants.identity.body;
  assert.deepEqual(brotliDecompressSync(entry.variants.br.body), identity);
  assert.deepEqual(gunzipSync(entry.variants.gzip.body), identity);
  assert.ok(entry.variants.br.body.length < identity.length);
  assert.equal(new Set(entry.etags).size, 3);
  for (const etag of entry.etags) assert.match(etag, /^"[\w-]+"$/);
  const brHeaders = Object.fromEntries(entry.variants.br.headers);
  assert.equal(brHeaders["content-encoding"], "br");
  assert.equal(brHeaders["content-length"], String(entry.variants.br.body.length));
  assert.equal(brHeaders.vary, "Accept-Encoding");
});

test("small or binary bodies are kept as identity only, without Vary", async () => {
  const entry = await buildEntry(
    {
      key: "/tiny",
      body: Buffer.from("ok"),
      headers: { "content-type": "text/plain" },
      surrogateKeys: ["x"],
      ttlSeconds: 60,
      compress: true,
      brotliQuality: 5,
    },
    0,
  );
  assert.equal(entry.variants.br.body, entry.variants.identity.body);
  assert.equal(entry.etags.length, 1);
  assert.equal(Object.fromEntries(entry.variants.br.headers).vary, undefined);
});

test("purge drops exactly the entries carrying a key", async () => {
  const cache = createPageCache({ maxBytes: 10_000_000 });
  cache.store(await page("/", ["home", "latest"]), cache.seq);
  cache.store(await page("/a/1/x", ["article:1", "latest"]), cache.seq);
  cache.store(await page("/tag/t", ["tag:1"]), cache.seq);
  assert.equal(cache.purge(["latest"]), 2);
  assert.equal(cache.get("/"), undefined);
  assert.equal(cache.get("/a/1/x"), undefined);
  assert.ok(cache.get("/tag/t"));
  assert.equal(cache.stats().entries, 1);
});

test("evicts least recently used entries to stay under the byte bound", async () => {
  const one = await page("/1", ["k"], 40_000);
  const cache = createPageCache({ maxBytes: one.bytes * 2 + 10 });
  cache.store(one, cache.seq);
  cache.store(await page("/2", ["k"], 40_000), cache.seq);
  assert.ok(cache.get("/1")); // now most recently used
  cache.store(await page("/3", ["k"], 40_000), cache.seq);
  assert.ok(cache.has("/1"));
  assert.ok(!cache.has("/2"));
  assert.ok(cache.has("/3"));
  assert.ok(cache.stats().bytes <= cache.stats().maxBytes);
  assert.equal(cache.stats().evictions, 1);
  // Purging after eviction leaves no dangling index entries.
  assert.equal(cache.purge(["k"]), 2);
  assert.equal(cache.stats().bytes, 0);
});

test("expired entries are misses", async () => {
  let now = 0;
  const cache = createPageCache({ maxBytes: 1_000_000, now: () => now });
  cache.store(await page("/cari?q=x", ["search"], 1000, 60, 0), cache.seq);
  now = 59_000;
  assert.ok(cache.get("/cari?q=x"));
  now = 60_000;
  assert.equal(cache.get("/cari?q=x"), undefined);
  assert.equal(cache.stats().entries, 0);
});

test("a render that overlapped a purge of its keys is not stored; unrelated purges do not matter", async () => {
  const cache = createPageCache({ maxBytes: 1_000_000 });
  const started = cache.seq;
  cache.purge(["article:1"]);
  assert.equal(cache.store(await page("/a/1/x", ["article:1"]), started), false);
  assert.equal(cache.store(await page("/tag/t", ["tag:1"]), started), true);
  assert.equal(cache.stats().staleRefusals, 1);
});

test("single flight: one leader per key, followers wait for it", async () => {
  const cache = createPageCache({ maxBytes: 1_000_000 });
  const first = cache.joinFlight("/");
  const second = cache.joinFlight("/");
  assert.equal(first.lead, true);
  assert.equal(second.lead, false);
  let woke = false;
  if (!second.lead) void second.wait.then(() => (woke = true));
  if (first.lead) first.finish();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(woke, true);
  assert.equal(cache.joinFlight("/").lead, true);
});

test("cache keys ignore trackers and parameter order, keep the path and real parameters", () => {
  assert.equal(cacheKeyOf("/dunia"), "/dunia");
  assert.equal(cacheKeyOf("/dunia?"), "/dunia");
  assert.equal(cacheKeyOf("/dunia?utm_source=x&fbclid=1"), "/dunia");
  assert.equal(cacheKeyOf("/cari?q=banjir&halaman=2"), "/cari?halaman=2&q=banjir");
  assert.equal(cacheKeyOf("/cari?halaman=2&q=banjir&utm_medium=y"), "/cari?halaman=2&q=banjir");
  assert.notEqual(cacheKeyOf("/dunia?halaman=2"), cacheKeyOf("/dunia?halaman=3"));
});
