import assert from "node:assert/strict";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { brotliDecompressSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { SYSTEM_ACTOR } from "../../core/actor.ts";
import type { Article } from "../../core/article.ts";
import { paragraph, type BodyDocument } from "../../content/body.schema.ts";
import { buildApp } from "../app.ts";
import { loadConfig } from "../../app/config.ts";
import { createDeps, type Deps } from "../../app/deps.ts";
import { createTestDatabase } from "../../testing/test-database.ts";

interface Site {
  deps: Deps;
  app: FastifyInstance;
  dir: string;
  close(): Promise<void>;
}

async function openSite(env: Record<string, string> = {}, patch?: (deps: Deps) => void): Promise<Site> {
  const dir = await mkdtemp(join(tmpdir(), "warta-cache-"));
  const database = await createTestDatabase(dir);
  const config = loadConfig({
    WARTA_DATABASE_URL: database.url,
    WARTA_MEDIA_DIR: join(dir, "media"),
    WARTA_SITE_URL: "https://warta.test",
    ...env,
  });
  const deps = await createDeps(config, {
    onEventError: (error) => {
      throw error;
    },
  });
  patch?.(deps);
  const app = await buildApp(deps);
  return {
    deps,
    app,
    dir,
    async close() {
      await app.close();
      await deps.close();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const body = (...blocks: BodyDocument["blocks"]): BodyDocument => ({ version: 1, blocks });

/** A small site: Nasional > Politik, Dunia; two tags, two people, three live articles. */
async function seed(deps: Deps) {
  const actor = SYSTEM_ACTOR;
  const nasional = await deps.sections.create({ name: "Nasional", slug: "nasional" }, actor);
  const politik = await deps.sections.create(
    { name: "Politik", slug: "politik", parentId: nasional.id },
    actor,
  );
  const dunia = await deps.sections.create({ name: "Dunia", slug: "dunia" }, actor);
  const [pemilu, iklim] = await deps.tags.ensure(["Pemilu", "Iklim"]);
  const ani = await deps.people.create({ name: "Ani Wijaya", slug: "ani" }, actor);
  const budi = await deps.people.create({ name: "Budi Santoso", slug: "budi" }, actor);
  assert.ok(pemilu && iklim);
  let minute = 0;
  const publish = async (input: Parameters<Deps["articles"]["create"]>[0]): Promise<Article> => {
    const created = await deps.articles.create(input, actor);
    return deps.articles.transition(created.id, "publish", actor, {
      at: new Date(Date.UTC(2024, 9, 25, 1, minute++)),
    });
  };
  const a1 = await publish({
    headline: "Debat calon presiden digelar malam ini",
    sectionId: politik.id,
    body: body(paragraph("Debat pertama berlangsung di Jakarta.")),
    tagIds: [pemilu.id],
    credits: [{ role: "penulis", personId: ani.id }],
  });
  const a2 = await publish({
    headline: "Banjir melanda pesisir Eropa",
    sectionId: dunia.id,
    body: body(paragraph("Hujan deras turun tiga hari."), { type: "related", articleId: a1.id }),
    tagIds: [iklim.id],
    credits: [{ role: "penulis", personId: budi.id }],
  });
  const a3 = await publish({
    headline: "Harga gandum dunia turun",
    sectionId: dunia.id,
    body: body(paragraph("Pasokan membaik.")),
    tagIds: [iklim.id],
    credits: [{ role: "penulis", personId: budi.id }],
  });
  return { nasional, politik, dunia, pemilu, iklim, ani, budi, a1, a2, a3 };
}

describe("page cache over the site", () => {
  let site: Site;
  let data: Awaited<ReturnType<typeof seed>>;
  const url = async (article: Article) => (await site.deps.reading.articlePage(article.id))?.url ?? "";
  const get = (path: string, headers: IncomingHttpHeaders = {}) =>
    site.app.inject({ method: "GET", url: path, headers: headers as Record<string, string> });

  async function warm(paths: string[]) {
    for (const path of paths) {
      await get(path);
      const again = await get(path);
      assert.equal(again.headers["x-cache"], "HIT", `${path} should be cached`);
    }
  }

  async function expectFresh(paths: string[], text: string | null, absent?: string) {
    for (const path of paths) {
      const response = await get(path);
      assert.equal(response.headers["x-cache"], "MISS", `${path} should have been purged`);
      if (text) assert.ok(response.body.includes(text), `${path} should show "${text}"`);
      if (absent) assert.ok(!response.body.includes(absent), `${path} should no longer show "${absent}"`);
    }
  }

  async function expectCached(paths: string[]) {
    for (const path of paths) {
      const response = await get(path);
      assert.equal(response.headers["x-cache"], "HIT", `${path} should have stayed cached`);
    }
  }

  before(async () => {
    site = await openSite();
    data = await seed(site.deps);
  });
  after(async () => site.close());

  test("hits answer the negotiated encoding with a strong ETag, Vary and CDN headers; 304 on match", async () => {
    const first = await get("/");
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers["x-cache"], "MISS");
    assert.equal(
      first.headers["cache-control"],
      "public, max-age=60, s-maxage=300, stale-while-revalidate=30",
    );
    assert.equal(first.headers.vary, "Accept-Encoding");
    assert.match(String(first.headers["surrogate-key"]), /\bhome\b/);
    const br = await get("/", { "accept-encoding": "gzip, deflate, br" });
    assert.equal(br.headers["x-cache"], "HIT");
    assert.equal(br.headers["content-encoding"], "br");
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), first.body);
    assert.equal(br.headers["content-type"], "text/html; charset=utf-8");
    const gz = await get("/", { "accept-encoding": "br;q=0, gzip" });
    assert.equal(gz.headers["content-encoding"], "gzip");
    assert.notEqual(gz.headers.etag, br.headers.etag);
    const notModified = await get("/", { "if-none-match": String(br.headers.etag) });
    assert.equal(notModified.statusCode, 304);
    assert.equal(notModified.body, "");
    assert.equal(notModified.headers.etag, first.headers.etag);
    const head = await site.app.inject({ method: "HEAD", url: "/" });
    assert.equal(head.statusCode, 200);
    assert.equal(head.body, "");
  });

  test("when listening, hits are answered before routing with the same bytes and headers", async () => {
    const listening = await openSite();
    try {
      await seed(listening.deps);
      await listening.app.listen({ port: 0, host: "127.0.0.1" });
      const base = `http://127.0.0.1:${(listening.app.server.address() as AddressInfo).port}`;
      const first = await fetch(`${base}/dunia`);
      const firstBody = await first.text();
      assert.equal(first.headers.get("x-cache"), "MISS");
      const second = await fetch(`${base}/dunia`, { headers: { "accept-encoding": "br" } });
      assert.equal(second.headers.get("x-cache"), "HIT");
      assert.equal(second.headers.get("content-encoding"), "br");
      assert.equal(await second.text(), firstBody);
      const notModified = await fetch(`${base}/dunia`, {
        headers: { "if-none-match": second.headers.get("etag") ?? "" },
      });
      assert.equal(notModified.status, 304);
      const session = await fetch(`${base}/dunia`, { headers: { cookie: "warta_session=x" } });
      assert.equal(session.headers.get("x-cache"), null);
      await session.text();
      assert.equal((await fetch(`${base}/tidak-ada`)).status, 404);
      assert.equal(listening.app.pageCache?.stats().hits, 2);
    } finally {
      await listening.close();
    }
  });

  test("404s, sessions and authorization are never cached", async () => {
    await get("/tidak-ada");
    assert.equal((await get("/tidak-ada")).headers["x-cache"], undefined);
    const session = await get("/dunia", { cookie: "warta_session=abc" });
    assert.equal(session.headers["x-cache"], undefined);
    assert.equal(session.headers["cache-control"], "private, no-store");
    assert.equal((await get("/dunia", { authorization: "Bearer x" })).headers["x-cache"], undefined);
    await get("/dunia");
    assert.equal((await get("/dunia", { cookie: "warta_session=abc" })).headers["x-cache"], undefined);
    assert.equal((await get("/dunia?utm_source=x")).headers["x-cache"], "HIT");
  });

  test("each article event shows on every affected page at once and leaves the others cached", async () => {
    const a1 = await url(data.a1);
    const a2 = await url(data.a2);
    const a3 = await url(data.a3);
    const pages = {
      home: "/",
      nasional: "/nasional",
      politik: "/nasional/politik",
      dunia: "/dunia",
      pemilu: `/tag/${data.pemilu.slug}`,
      iklim: `/tag/${data.iklim.slug}`,
      ani: "/profil/ani",
      budi: "/profil/budi",
    };
    const all = [...Object.values(pages), a1, a2, a3];

    // 1. Update a live article: its page, the lists showing it, Baca Juga on a2, TERBARU everywhere.
    await warm(all);
    const edited = "Debat calon presiden ditunda pekan depan";
    await site.deps.articles.update(
      data.a1.id,
      {
        headline: edited,
        slug: data.a1.slug,
        sectionId: data.politik.id,
        body: body(paragraph("Debat pertama berlangsung di Jakarta.")),
        tagIds: [data.pemilu.id],
        credits: [{ role: "penulis", personId: data.ani.id }],
      },
      SYSTEM_ACTOR,
      { expectedVersion: (await site.deps.articles.get(data.a1.id)).version },
    );
    await expectFresh(
      [pages.home, pages.nasional, pages.politik, pages.pemilu, pages.ani, a1, a2, a3],
      edited,
    );
    await expectCached([pages.dunia, pages.iklim, pages.budi]);

    // 2. Publish a new article in Dunia by Budi with tag Iklim.
    await warm(all);
    const fresh = "Gempa kecil guncang Lisbon";
    const created = await site.deps.articles.create(
      {
        headline: fresh,
        sectionId: data.dunia.id,
        body: body(paragraph("Tidak ada korban.")),
        tagIds: [data.iklim.id],
        credits: [{ role: "penulis", personId: data.budi.id }],
      },
      SYSTEM_ACTOR,
    );
    await expectCached(all); // a draft purges nothing
    await site.deps.articles.transition(created.id, "publish", SYSTEM_ACTOR);
    await expectFresh([pages.home, pages.dunia, pages.iklim, pages.budi, a1, a2, a3], fresh);
    await expectCached([pages.nasional, pages.politik, pages.pemilu, pages.ani]);

    // 3. Slug change: the old URL stops serving the cached page, the new one and Baca Juga links follow.
    await warm(all);
    const current = await site.deps.articles.get(data.a1.id);
    await site.deps.articles.update(
      data.a1.id,
      {
        headline: current.headline,
        slug: "debat-ditunda",
        sectionId: data.politik.id,
        body: current.body,
        tagIds: current.tagIds,
        credits: current.credits.map((c) => ({ role: c.role, personId: c.personId })),
      },
      SYSTEM_ACTOR,
      { expectedVersion: current.version },
    );
    const moved = await url(data.a1);
    assert.notEqual(moved, a1);
    const old = await get(a1);
    assert.equal(old.statusCode, 301);
    assert.equal(old.headers.location, moved);
    assert.equal((await get(moved)).statusCode, 200);
    await expectFresh([a2], moved);
    await expectCached([pages.dunia, pages.iklim, pages.budi]);

    // 4. Unpublish: gone from its page, lists, Baca Juga and TERBARU on the very next request.
    const all4 = [...Object.values(pages), moved, a2, a3];
    await warm(all4);
    await site.deps.articles.transition(data.a1.id, "unpublish", SYSTEM_ACTOR);
    assert.equal((await get(moved)).statusCode, 404);
    // Its tag and its writer have no live story left: their pages are gone for readers too.
    assert.equal((await get(pages.pemilu)).statusCode, 404);
    assert.equal((await get(pages.ani)).statusCode, 404);
    await expectFresh([pages.home, pages.nasional, pages.politik, a2, a3], null, edited);
    await expectCached([pages.dunia, pages.iklim, pages.budi]);

    // 5. A section renamed: navigation is on every page, so every page is rendered again.
    const all5 = [...Object.values(pages).filter((p) => p !== pages.pemilu && p !== pages.ani), a2, a3];
    await warm(all5);
    await site.deps.sections.update(data.dunia.id, { name: "Mancanegara", slug: "dunia" }, SYSTEM_ACTOR);
    await expectFresh(all5, "Mancanegara");
  });
});

describe("single flight and the purge hook", () => {
  test("a stampede on a cold page renders it once", async () => {
    let renders = 0;
    const site = await openSite({}, (deps) => {
      const home = deps.reading.home;
      deps.reading = {
        ...deps.reading,
        home: async () => {
          renders++;
          await new Promise((resolve) => setTimeout(resolve, 20));
          return home();
        },
      };
    });
    try {
      const responses = await Promise.all(
        Array.from({ length: 25 }, () => site.app.inject({ method: "GET", url: "/" })),
      );
      assert.equal(renders, 1);
      assert.ok(responses.every((r) => r.statusCode === 200 && r.body === responses[0]?.body));
      assert.equal(responses.filter((r) => r.headers["x-cache"] === "MISS").length, 1);
      const stats = site.app.pageCache?.stats();
      assert.equal(stats?.misses, 1);
      assert.equal(stats?.hits, 24);
    } finally {
      await site.close();
    }
  });

  test("every purge is sent to WARTA_PURGE_URL with its surrogate keys", async () => {
    const received: { method: string; keys: string }[] = [];
    const cdn = createServer((req, res) => {
      received.push({ method: req.method ?? "", keys: String(req.headers["surrogate-key"] ?? "") });
      res.end("ok");
    });
    await new Promise<void>((resolve) => cdn.listen(0, "127.0.0.1", resolve));
    const port = (cdn.address() as AddressInfo).port;
    const site = await openSite({
      WARTA_PURGE_URL: `http://127.0.0.1:${port}/`,
      WARTA_PURGE_METHOD: "PURGE",
    });
    try {
      const { a1 } = await seed(site.deps);
      const forA1Keys = () => received.find((r) => r.keys.split(" ").includes(`article:${a1.id}`));
      const deadline = Date.now() + 3000;
      while (!forA1Keys() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      assert.ok(received.length >= 3, "section creations and publishes each purge");
      assert.ok(received.every((r) => r.method === "PURGE"));
      const forA1 = forA1Keys();
      assert.ok(forA1);
      assert.ok(forA1.keys.split(" ").includes("home"));
    } finally {
      await site.close();
      cdn.close();
    }
  });

  test("a failing or silent CDN is logged, never thrown", async () => {
    const { createPurgeHook } = await import("../../cache/purge-hook.ts");
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const errors: string[] = [];
    const hook = createPurgeHook({
      url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`,
      method: "PURGE",
      timeoutMs: 100,
      onError: (error) => errors.push(error.message),
    });
    await hook(["home"]);
    silent.closeAllConnections();
    silent.close();
    const refused = createPurgeHook({
      url: "http://127.0.0.1:9/",
      method: "PURGE",
      onError: (error) => errors.push(error.message),
    });
    await refused(["home"]);
    assert.equal(errors.length, 2);
    assert.match(errors[0] ?? "", /timed out/);
  });

  test("BAN is sent as its own method (node:http cannot parse it, so a raw socket listens)", async () => {
    const { createPurgeHook } = await import("../../cache/purge-hook.ts");
    const { createServer: createTcpServer } = await import("node:net");
    let head = "";
    const varnish = createTcpServer((socket) => {
      socket.on("data", (chunk) => {
        head += chunk.toString();
        if (head.includes("\r\n\r\n")) socket.end("HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n");
      });
    });
    await new Promise<void>((resolve) => varnish.listen(0, "127.0.0.1", resolve));
    const errors: Error[] = [];
    const hook = createPurgeHook({
      url: `http://127.0.0.1:${(varnish.address() as AddressInfo).port}/ban`,
      method: "BAN",
      onError: (error) => errors.push(error),
    });
    await hook(["article:1", "home"]);
    varnish.close();
    assert.deepEqual(errors, []);
    assert.match(head, /^BAN \/ban HTTP\/1\.1\r\n/);
    assert.match(head, /surrogate-key: article:1 home\r\n/i);
  });
});
