import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { buildArticle, buildSection } from "../testing/factories.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import {
  compileVcl,
  freePort,
  startVarnish,
  varnishSkipReason,
  VCL_DIR,
  type RunningVarnish,
} from "../testing/varnish.ts";

const skip = varnishSkipReason();

test("the shipped VCL compiles (varnishd -C)", { skip }, async () => {
  const result = await compileVcl(join(VCL_DIR, "warta.vcl"), VCL_DIR);
  assert.equal(result.ok, true, result.output);
});

describe("Varnish in front of Warta with the shipped VCL", { skip }, () => {
  let ctx: TestContext;
  let varnish: RunningVarnish;
  let nodePort: number;

  before(async () => {
    const varnishPort = await freePort();
    ctx = await createTestContext({
      env: { WARTA_PURGE_URL: `http://127.0.0.1:${varnishPort}/`, WARTA_PURGE_METHOD: "PURGE" },
    });
    await ctx.app.listen({ host: "127.0.0.1", port: 0 });
    const address = ctx.app.server.address();
    nodePort = typeof address === "object" && address ? address.port : 0;
    varnish = await startVarnish([{ name: "node_a", host: "127.0.0.1", port: nodePort }], varnishPort);
  });
  after(async () => {
    await varnish?.stop();
    await ctx?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${varnish.url}${path}`, { headers, redirect: "manual" });

  test("public pages are cached by Cache-Control and keys never reach readers", async () => {
    const section = await buildSection(ctx.deps, { name: "Ekonomi", slug: "ekonomi" });
    await buildArticle(ctx.deps, { sectionId: section.id, headline: "Rupiah menguat" });
    const first = await get("/ekonomi");
    assert.equal(first.status, 200);
    await first.text();
    const second = await get("/ekonomi");
    assert.equal(second.headers.get("x-cache"), "HIT");
    assert.equal(second.headers.get("surrogate-key"), null);
    assert.equal(second.headers.get("xkey"), null);
    assert.match(await second.text(), /Rupiah menguat/);
  });

  test("a publish purges the pages it touches through Warta's purge hook (xkey)", async () => {
    const section = await buildSection(ctx.deps, { name: "Olahraga", slug: "olahraga" });
    await (await get("/olahraga")).text();
    assert.equal((await get("/olahraga")).headers.get("x-cache"), "HIT");
    await buildArticle(ctx.deps, { sectionId: section.id, headline: "Timnas lolos final" });
    // The purge hook is fire-and-forget: Varnish hears it within moments.
    let page = "";
    for (let i = 0; i < 50 && !page.includes("Timnas lolos final"); i++) {
      page = await (await get("/olahraga")).text();
      if (!page.includes("Timnas lolos final")) await new Promise((r) => setTimeout(r, 20));
    }
    assert.match(page, /Timnas lolos final/);
  });

  test("news day: Varnish composes TERBARU; another publish leaves the article page cached", async () => {
    const section = await buildSection(ctx.deps, { name: "Daerah", slug: "daerah" });
    const older = await buildArticle(ctx.deps, {
      sectionId: section.id,
      headline: "Jembatan lama diresmikan",
      publishedAt: new Date(Date.now() - 86_400_000),
    });
    for (let i = 0; i < 7; i++)
      await buildArticle(ctx.deps, { sectionId: section.id, headline: `Warta ${i}` });
    const url = `/daerah/${older.id}/${older.slug}`;
    const first = await (await get(url)).text();
    assert.doesNotMatch(first, /esi:include/);
    assert.match(first, /Warta 6/);
    await buildArticle(ctx.deps, { sectionId: section.id, headline: "Banjir surut di hilir" });
    let page = "";
    let response: Response | null = null;
    for (let i = 0; i < 50 && !page.includes("Banjir surut di hilir"); i++) {
      response = await get(url);
      page = await response.text();
      if (!page.includes("Banjir surut di hilir")) await new Promise((r) => setTimeout(r, 20));
    }
    assert.match(page, /Banjir surut di hilir/);
    // The page object itself was never purged: Varnish fetched only the TERBARU fragment again.
    assert.equal(response?.headers.get("x-cache"), "HIT");
  });

  test("staff traffic passes: a session cookie, a token, /admin", async () => {
    const withCookie = await get("/", { cookie: "warta_session=abc" });
    await withCookie.text();
    const again = await get("/", { cookie: "warta_session=abc" });
    assert.equal(again.headers.get("x-cache"), "MISS");
    await again.text();
    const token = await get("/api/v1/articles", { authorization: "Bearer nope" });
    assert.equal(token.status, 401);
    await token.text();
    const admin = await get("/admin");
    await admin.text();
    assert.equal((await get("/admin")).headers.get("x-cache"), "MISS");
  });

  test("only the nodes may purge, and a purge names its keys", async () => {
    const noKeys = await fetch(`${varnish.url}/`, { method: "PURGE" });
    assert.equal(noKeys.status, 400);
    const ok = await fetch(`${varnish.url}/`, { method: "PURGE", headers: { "surrogate-key": "home" } });
    assert.equal(ok.status, 200);
  });

  test("/metrics is refused at the edge, though the node answers it on loopback", async () => {
    const edge = await fetch(`${varnish.url}/metrics`);
    assert.equal(edge.status, 404);
    assert.doesNotMatch(await edge.text(), /warta_/);
  });

  test("while the node is down, readers get the page from grace, not an error", async () => {
    const section = await buildSection(ctx.deps, { name: "Hiburan", slug: "hiburan" });
    await buildArticle(ctx.deps, { sectionId: section.id, headline: "Konser akbar" });
    await (await get("/hiburan")).text();
    await ctx.app.close();
    // Let the probe notice (every 250 ms; sick after 3 failures of 4).
    await new Promise((r) => setTimeout(r, 1500));
    const stale = await get("/hiburan");
    assert.equal(stale.status, 200);
    assert.match(await stale.text(), /Konser akbar/);
    const never = await get("/tidak-pernah-dibaca");
    assert.equal(never.status, 503);
    assert.match(await never.text(), /tidak dapat dijangkau/);
  });
});
