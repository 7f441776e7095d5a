import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { SYSTEM_ACTOR } from "../core/actor.ts";
import type { PrewarmClaimTables } from "../db/repositories/prewarm-claims.repository.ts";
import { prewarmSpecs } from "../media/derivative-prewarm.ts";
import { derivativeKey } from "../media/derivatives.ts";
import { SEARCH_DEFAULTS } from "../search/search.service.ts";
import { solidJpeg } from "../testing/image-fixtures.ts";
import { buildApp } from "../server/app.ts";
import { buildArticle, buildSection } from "../testing/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { loadConfig } from "./config.ts";
import { createDeps, type Deps } from "./deps.ts";

/**
 * Two Warta nodes on one store (a fresh SQLite file, or a PostgreSQL database when
 * WARTA_TEST_POSTGRES_URL is set), each with its own page cache, kept counts and section tree:
 * what one node writes reaches the other through the outbox (poll; LISTEN/NOTIFY on PostgreSQL).
 */
interface WartaNode {
  deps: Deps;
  app: FastifyInstance;
}

async function startNode(url: string, dir: string, name: string, clock: () => Date): Promise<WartaNode> {
  const config = loadConfig({
    WARTA_DATABASE_URL: url,
    WARTA_MEDIA_DIR: join(dir, "media"),
    WARTA_SITE_URL: "https://warta.test",
    WARTA_NODE_ID: name,
    // On PostgreSQL a poll far beyond the 1 s limit: only LISTEN/NOTIFY can wake the other node in time.
    WARTA_OUTBOX_POLL_MS: url.startsWith("postgres") ? "60000" : "250",
  });
  const deps = await createDeps(config, { clock, onEventError: (e) => assert.fail(String(e)) });
  const app = await buildApp(deps);
  await deps.startEventDelivery();
  return { deps, app };
}

async function eventually(check: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) assert.fail(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("several nodes on one store", () => {
  let dir: string;
  let database: TestDatabase;
  let a: WartaNode;
  let b: WartaNode;
  let now = Date.now();
  const clock = () => new Date(now);
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "warta-nodes-"));
    database = await createTestDatabase(dir);
    a = await startNode(database.url, dir, "node-a", clock);
    b = await startNode(database.url, dir, "node-b", clock);
  });
  after(async () => {
    for (const node of [a, b]) {
      await node.app.close();
      await node.deps.close();
    }
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("a story published through node A is on node B's cached home page within a second", async () => {
    now = Date.now();
    const section = await buildSection(a.deps, { name: "Nusantara" });
    await buildArticle(a.deps, { sectionId: section.id, headline: "Berita pembuka di simpul A" });
    // B renders the story as soon as it is in the store, but the events behind it may still be on
    // their way and purge that render: B's home page is warm once a request hits the cache with it.
    await eventually(async () => {
      const home = await b.app.inject("/");
      return home.body.includes("Berita pembuka") && home.headers["x-cache"] === "HIT";
    }, 2000);

    const story = await buildArticle(a.deps, {
      sectionId: section.id,
      headline: "Banjir rob di pesisir utara",
    });
    const published = Date.now();
    await eventually(
      async () => (await b.app.inject("/")).body.includes("Banjir rob di pesisir utara"),
      1000,
    );
    const seenAfterMs = Date.now() - published;
    assert.ok(seenAfterMs <= 1000);
    const page = await b.app.inject(`/nusantara/${story.id}/${story.slug}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes("Banjir rob di pesisir utara"));

    // Shared work ran once, on the writer (the index is written in batches there), and every
    // event is handled.
    await eventually(async () => {
      await a.deps.search.flush();
      const hits = await b.deps.search.search({ ...SEARCH_DEFAULTS, q: "banjir rob" });
      return hits.items.length === 1 && hits.items[0]?.id === story.id;
    }, 2000);
    await a.deps.outbox.settle();
    const unhandled = await a.deps.store.db
      .selectFrom("outbox")
      .select("id")
      .where("handled_at", "is", null)
      .execute();
    assert.deepEqual(unhandled, []);
  });

  it("a story withdrawn through node B leaves node A's cached pages within a second", async () => {
    now = Date.now();
    const story = await buildArticle(a.deps, { headline: "Kabar yang akan ditarik" });
    await eventually(async () => (await a.app.inject("/")).body.includes("Kabar yang akan ditarik"), 1000);
    await a.app.inject("/"); // cached on A
    await b.deps.articles.transition(story.id, "unpublish", SYSTEM_ACTOR);
    await eventually(async () => !(await a.app.inject("/")).body.includes("Kabar yang akan ditarik"), 1000);
  });

  it("an editor with a story open on node A is seen on node B's desk", async () => {
    now = Date.now();
    const section = await buildSection(a.deps, { name: "Kehadiran" });
    const story = await buildArticle(a.deps, { sectionId: section.id, status: "draft" });
    const make = (email: string, name: string) =>
      a.deps.accounts.users.create(
        { email, name, role: "editor", personId: null, password: "kata-sandi-panjang-sekali" },
        SYSTEM_ACTOR,
      );
    const { user: dewi } = await make("dewi@warta.test", "Dewi");
    const { user: budi } = await make("budi@warta.test", "Budi");
    await a.deps.newsroom.presence.heartbeat(story.id, dewi.id);
    const seenOnB = await b.deps.newsroom.presence.othersOn([story.id], budi.id);
    assert.deepEqual(
      seenOnB.get(story.id)?.map((e) => e.name),
      ["Dewi"],
    );
    // Budi opening it on B is what Dewi's next heartbeat on A answers with.
    await b.deps.newsroom.presence.heartbeat(story.id, budi.id);
    const others = await a.deps.newsroom.presence.heartbeat(story.id, dewi.id);
    assert.deepEqual(
      others.map((e) => e.name),
      ["Budi"],
    );
  });

  it("the scheduler publishes a due story exactly once when both nodes run it", async () => {
    now = Date.now();
    const due = new Date(now + 60_000);
    const story = await buildArticle(a.deps, { status: "scheduled", publishedAt: due, headline: "Embargo" });
    now = due.getTime() + 1000;
    const runs = await Promise.all([a.deps.newsroom.scheduler.tick(), b.deps.newsroom.scheduler.tick()]);
    assert.equal(runs.flat().filter((p) => p.articleId === story.id).length, 1);
    const log = await a.deps.store.db
      .selectFrom("scheduled_publications")
      .select("runner")
      .where("article_id", "=", story.id)
      .execute();
    assert.equal(log.length, 1, "one publication recorded");
    const events = await a.deps.store.db
      .selectFrom("outbox")
      .select("payload")
      .where("event_type", "=", "article.published")
      .execute();
    assert.equal(events.filter((e) => JSON.parse(e.payload).articleId === story.id).length, 1);
  });

  it("an image stored through node A is prewarmed once across both nodes on the shared storage", async () => {
    now = Date.now();
    const madeBefore = a.deps.derivatives.made + b.deps.derivatives.made;
    const image = await a.deps.media.storeImage(
      { bytes: await solidJpeg(400, 300, "#3366aa"), fileName: "dua-simpul.jpg", alt: "Uji" },
      SYSTEM_ACTOR,
    );
    const specs = prewarmSpecs(image);
    const lastId = async () =>
      (
        await a.deps.store.db
          .selectFrom("outbox")
          .select((eb) => eb.fn.max("id").as("id"))
          .executeTakeFirst()
      )?.id ?? 0;
    const last = Number(await lastId());
    // Both nodes heard media.changed and their queues are empty.
    await eventually(async () => {
      if (b.deps.outbox.stats().position < last || a.deps.outbox.stats().position < last) return false;
      await Promise.all([a.deps.mediaPrewarm.settled(), b.deps.mediaPrewarm.settled()]);
      return a.deps.derivatives.made + b.deps.derivatives.made - madeBefore === specs.length;
    }, 60_000);
    await Promise.all([a.deps.mediaPrewarm.settled(), b.deps.mediaPrewarm.settled()]);
    assert.equal(
      a.deps.derivatives.made + b.deps.derivatives.made - madeBefore,
      specs.length,
      "each file once",
    );
    const claims = await a.deps.store.db
      .withTables<PrewarmClaimTables>()
      .selectFrom("media_prewarm_claims")
      .select(["claimed_by"])
      .where("media_id", "=", image.id)
      .execute();
    assert.equal(claims.length, 1, "one node claimed the image's version");
    for (const spec of specs)
      assert.ok(
        await a.deps.storage.get(derivativeKey(image, spec)),
        `${spec.crop}-${spec.width}.${spec.format}`,
      );
  });
});
