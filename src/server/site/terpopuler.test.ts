import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { loadConfig } from "../../app/config.ts";
import { createDeps, type Deps } from "../../app/deps.ts";
import type { Article } from "../../core/article.ts";
import { SYSTEM_ACTOR } from "../../core/actor.ts";
import type { Section } from "../../core/section.ts";
import { buildApp } from "../app.ts";
import { buildArticle, buildSection } from "../../testing/factories.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";

const NOW = new Date("2026-11-26T05:30:00Z");
const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

interface Node {
  deps: Deps;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** Several nodes (processes) of one site: separate deps and page caches over one store. */
describe("Terpopuler: reads counted on the serving path, added up in the store", () => {
  let dir: string;
  let database: TestDatabase;
  let now = NOW;
  let a: Node;
  let b: Node;
  let nasional: Section;
  let olahraga: Section;
  let first: Article;
  let second: Article;
  let sport: Article;
  let scheduled: Article;

  async function node(env: Record<string, string> = {}): Promise<Node> {
    const config = loadConfig({
      WARTA_DATABASE_URL: database.url,
      WARTA_MEDIA_DIR: join(dir, "media"),
      WARTA_SITE_URL: "https://warta.test",
      WARTA_LOG_LEVEL: "silent",
      ...env,
    });
    const deps = await createDeps(config, { clock: () => new Date(now), viewFlushEveryMs: 0 });
    const app = await buildApp(deps);
    return {
      deps,
      app,
      async close() {
        await app.close();
        await deps.close();
      },
    };
  }

  const read = (n: Node, url: string, userAgent?: string, method: "GET" | "HEAD" = "GET") =>
    n.app.inject({ method, url, headers: { "user-agent": userAgent ?? "" } });
  const urlOf = async (n: Node, article: Article) => {
    const model = await n.deps.reading.articlePage(article.id);
    assert.ok(model);
    return model.url;
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "warta-views-"));
    database = await createTestDatabase(dir);
    a = await node();
    b = await node();
    nasional = await buildSection(a.deps, { name: "Nasional", slug: "nasional" });
    olahraga = await buildSection(a.deps, { name: "Olahraga", slug: "olahraga" });
    const at = new Date("2026-11-20T01:00:00Z");
    first = await buildArticle(a.deps, {
      headline: "Banjir Rob Pesisir Utara",
      sectionId: nasional.id,
      publishedAt: at,
    });
    second = await buildArticle(a.deps, {
      headline: "Anggaran Daerah Disahkan",
      sectionId: nasional.id,
      publishedAt: at,
    });
    sport = await buildArticle(a.deps, {
      headline: "Timnas Menang Tipis",
      sectionId: olahraga.id,
      publishedAt: at,
    });
    scheduled = await buildArticle(a.deps, {
      headline: "Berita Embargo Terpopuler",
      sectionId: nasional.id,
      status: "scheduled",
      publishedAt: new Date("2026-11-27T00:00:00Z"),
    });
  });

  after(async () => {
    await a.close();
    await b.close();
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("counts a reader's reads, page-cache hits and revalidations included, and no bot, HEAD or missing user agent", async () => {
    const url = await urlOf(a, first);
    const miss = await read(a, url, BROWSER);
    assert.equal(miss.statusCode, 200);
    assert.equal(miss.headers["x-cache"], "MISS");
    const hit = await read(a, url, BROWSER);
    assert.equal(hit.headers["x-cache"], "HIT");
    const revalidated = await a.app.inject({
      method: "GET",
      url,
      headers: { "user-agent": BROWSER, "if-none-match": String(hit.headers.etag) },
    });
    assert.equal(revalidated.statusCode, 304);
    await read(a, url, GOOGLEBOT);
    await read(a, url, "curl/8.5.0");
    await read(a, url);
    await read(a, url, BROWSER, "HEAD");
    for (const response of [miss, hit]) {
      assert.equal(response.headers["set-cookie"], undefined, "no cookie");
      assert.equal(response.headers["x-warta-view"], undefined, "the internal header stays inside");
    }
    assert.equal(a.deps.reader.views.pendingViews(), 3);
    assert.equal(await a.deps.reader.views.total(first.id), 0, "in memory until the batch is flushed");
    await a.deps.reader.views.flush();
    assert.equal(await a.deps.reader.views.total(first.id), 3);
    assert.equal(a.deps.reader.views.pendingViews(), 0);
  });

  it("keeps nothing about the reader: the store holds an article id, an hour and a number", async () => {
    const rows = await a.deps.store.db.selectFrom("article_views").selectAll().execute();
    assert.deepEqual(
      rows.map((row) => ({ ...row, views: Number(row.views) })),
      [{ article_id: first.id, hour: "2026-11-26T05", views: 3 }],
    );
  });

  it("adds up the counts of two nodes through the store", async () => {
    const url = await urlOf(b, first);
    for (let i = 0; i < 2; i++) await read(b, url, BROWSER);
    await read(a, url, BROWSER);
    await Promise.all([a.deps.reader.views.flush(), b.deps.reader.views.flush()]);
    assert.equal(await a.deps.reader.views.total(first.id), 6);
  });

  it("keeps counts across a restart: what was not flushed yet is written on shutdown", async () => {
    await read(a, await urlOf(a, first), BROWSER);
    assert.equal(a.deps.reader.views.pendingViews(), 1);
    await a.close();
    a = await node();
    assert.equal(await a.deps.reader.views.total(first.id), 7);
  });

  it("lists the most read live stories site-wide and per section, 24 hours and 7 days, on home, section and article pages", async () => {
    // Three days ago: `second` was read a lot, so it leads the 7-day list but is not in the 24-hour one.
    now = new Date("2026-11-23T05:00:00Z");
    for (let i = 0; i < 9; i++) a.deps.reader.views.record(second.id, BROWSER);
    a.deps.reader.views.record(scheduled.id, BROWSER);
    await a.deps.reader.views.flush();
    now = NOW;
    a.deps.reader.views.record(sport.id, BROWSER);
    a.deps.reader.views.record(scheduled.id, BROWSER);
    await a.deps.reader.views.flush();

    const day = await a.deps.reader.views.popular("24j", null);
    assert.deepEqual(
      day.map((item) => item.id),
      [first.id, sport.id],
    );
    const week = await a.deps.reader.views.popular("7h", null);
    assert.deepEqual(
      week.map((item) => item.id),
      [second.id, first.id, sport.id],
    );
    const section = await a.deps.reader.views.popular("7h", olahraga.id);
    assert.deepEqual(
      section.map((item) => item.id),
      [sport.id],
    );

    const home = await read(a, "/", BROWSER);
    assert.match(home.body, /<h2 class="aside-title" id="terpopuler">Terpopuler<\/h2>/);
    assert.match(
      home.body,
      /24 jam terakhir[\s\S]*Banjir Rob Pesisir Utara[\s\S]*7 hari terakhir[\s\S]*Anggaran Daerah Disahkan/,
    );
    assert.ok(!home.body.includes("Berita Embargo Terpopuler"), "an embargoed story is nowhere");
    assert.ok(String(home.headers["surrogate-key"]).split(" ").includes(`article:${second.id}`));

    const sectionPage = await read(a, "/olahraga", BROWSER);
    assert.match(sectionPage.body, /Terpopuler di Olahraga[\s\S]*Timnas Menang Tipis/);
    assert.ok(
      !/Terpopuler di Olahraga[\s\S]*Banjir Rob/.test(sectionPage.body),
      "only the section's stories",
    );

    const article = await read(a, await urlOf(a, second), BROWSER);
    assert.match(article.body, /Terpopuler di Nasional[\s\S]*7 hari terakhir[\s\S]*Anggaran Daerah Disahkan/);
  });

  it("never purges a page for a read: the lists refresh when the cached pages and lists expire", async () => {
    const home = await read(a, "/", BROWSER);
    assert.equal(home.headers["x-cache"], "HIT");
    for (let i = 0; i < 50; i++) a.deps.reader.views.record(sport.id, BROWSER);
    await a.deps.reader.views.flush();
    assert.equal((await read(a, "/", BROWSER)).headers["x-cache"], "HIT");
    const cached = await a.deps.reader.views.popular("24j", null);
    assert.equal(cached[0]?.id, first.id, "the list is kept for its TTL");
    now = new Date(NOW.getTime() + 4 * 60_000);
    const fresh = await a.deps.reader.views.popular("24j", null);
    assert.equal(fresh[0]?.id, sport.id, "and recomputed after it");
    now = NOW;
  });

  it("drops a story from the lists as soon as it is withdrawn", async () => {
    await a.deps.reader.views.popular("24j", null);
    await a.deps.articles.transition(sport.id, "unpublish", SYSTEM_ACTOR);
    const list = await a.deps.reader.views.popular("24j", null);
    assert.ok(!list.some((item) => item.id === sport.id));
  });
});

describe("Terpopuler behind a CDN: the beacon", () => {
  it("counts beacons instead of served pages, and ignores them when the server counts itself", async () => {
    const dir = await mkdtemp(join(tmpdir(), "warta-beacon-"));
    const database = await createTestDatabase(dir);
    const nodes: Node[] = [];
    try {
      for (const mode of ["beacon", "server"]) {
        const config = loadConfig({
          WARTA_DATABASE_URL: database.url,
          WARTA_MEDIA_DIR: join(dir, "media"),
          WARTA_SITE_URL: "https://warta.test",
          WARTA_VIEW_COUNTING: mode,
        });
        const deps = await createDeps(config, { clock: () => NOW, viewFlushEveryMs: 0 });
        const app = await buildApp(deps);
        nodes.push({ deps, app, close: async () => (await app.close(), await deps.close()) });
      }
      const [cdn, origin] = nodes as [Node, Node];
      const section = await buildSection(cdn.deps, { name: "Ekonomi", slug: "ekonomi" });
      const story = await buildArticle(cdn.deps, {
        headline: "Rupiah Menguat",
        sectionId: section.id,
        publishedAt: new Date("2026-11-26T01:00:00Z"),
      });
      const model = await cdn.deps.reading.articlePage(story.id);
      assert.ok(model);
      const page = await cdn.app.inject({
        method: "GET",
        url: model.url,
        headers: { "user-agent": BROWSER },
      });
      assert.match(
        page.body,
        new RegExp(
          `<script src="/aset/view-beacon\\.[0-9a-f]+\\.js" defer data-view-beacon="/_tayang/${story.id}"></script>`,
        ),
      );
      assert.equal(cdn.deps.reader.views.pendingViews(), 0, "the page itself is not counted");
      const beacon = (n: Node, userAgent = BROWSER) =>
        n.app.inject({ method: "POST", url: `/_tayang/${story.id}`, headers: { "user-agent": userAgent } });
      const sent = await beacon(cdn);
      assert.equal(sent.statusCode, 204);
      assert.equal(sent.headers["cache-control"], "no-store");
      assert.equal(sent.headers["set-cookie"], undefined);
      await beacon(cdn, GOOGLEBOT);
      assert.equal(cdn.deps.reader.views.pendingViews(), 1);
      assert.equal((await beacon(origin)).statusCode, 204);
      assert.equal(origin.deps.reader.views.pendingViews(), 0);
      const plain = await origin.app.inject({
        method: "GET",
        url: model.url,
        headers: { "user-agent": BROWSER },
      });
      assert.ok(!plain.body.includes("data-view-beacon"), "no beacon where the server counts");
      // An id that is no story is dropped at the flush, not an error.
      cdn.deps.reader.views.record(987654, BROWSER);
      await cdn.deps.reader.views.flush();
      assert.equal(await cdn.deps.reader.views.total(story.id), 1);
      assert.equal(await cdn.deps.reader.views.total(987654), 0);
    } finally {
      for (const n of nodes) await n.close();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
