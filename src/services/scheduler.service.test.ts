import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { SYSTEM_ACTOR } from "../core/actor.ts";
import type { ArticleEvent } from "../core/events.ts";
import { loadConfig } from "../app/config.ts";
import { createDeps, type Deps } from "../app/deps.ts";
import { buildArticle, buildSection } from "../testing/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";

const T = new Date("2026-05-01T03:00:00.000Z");

/** Deps on a given store with a clock the test moves (one "process" of the server). */
async function open(database: TestDatabase, dir: string, clock: { now: Date }): Promise<Deps> {
  const config = loadConfig({
    WARTA_DATABASE_URL: database.url,
    WARTA_MEDIA_DIR: join(dir, "media"),
    WARTA_SITE_URL: "https://warta.test",
  });
  return createDeps(config, {
    clock: () => new Date(clock.now),
    onEventError: (e) => assert.fail(String(e)),
  });
}

describe("scheduler", () => {
  let dir: string;
  const databases: TestDatabase[] = [];
  /** A fresh store (SQLite file in `sub`, or a PostgreSQL database) for one test. */
  const store = async (sub: string) => {
    const database = await createTestDatabase(sub);
    databases.push(database);
    return database;
  };
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "warta-scheduler-"));
  });
  after(async () => {
    for (const database of databases) await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("catches up across a restart: published once, lateness recorded", async () => {
    const clock = { now: new Date(T.getTime() - 3_600_000) };
    const database = await store(dir);
    const first = await open(database, dir, clock);
    const article = await buildArticle(first, { status: "scheduled", publishedAt: T });
    assert.equal(article.status, "scheduled");
    await first.newsroom.scheduler.start();
    await first.close(); // the server goes down before T…

    clock.now = new Date(T.getTime() + 90_000); // …and comes back 90 s after T.
    const second = await open(database, dir, clock);
    const third = await open(database, dir, clock); // a second process on the same store
    const published: ArticleEvent[] = [];
    second.events.subscribe(
      (e) => void ("before" in e && e.type === "article.published" && published.push(e)),
    );
    third.events.subscribe(
      (e) => void ("before" in e && e.type === "article.published" && published.push(e)),
    );
    try {
      assert.equal(await second.reading.articlePage(article.id), null, "not live before the scheduler runs");
      // Both processes see it due at the same version; the first conditional UPDATE wins.
      const seen = await third.articles.get(article.id);
      const caughtUp = await second.newsroom.scheduler.start();
      assert.equal(caughtUp.length, 1);
      assert.equal(await third.articles.publishScheduled(article.id, seen.version, SYSTEM_ACTOR), null);
      assert.deepEqual(await third.newsroom.scheduler.tick(), [], "the other process finds nothing due");
      assert.equal(published.length, 1, "one article.published event");
      const live = await second.articles.get(article.id);
      assert.equal(live.status, "published");
      assert.equal(live.publishedAt?.toISOString(), T.toISOString(), "the page shows the scheduled time");
      assert.ok(await second.reading.articlePage(article.id));
      const log = await second.newsroom.scheduler.publications();
      assert.deepEqual(
        log.map((p) => [p.articleId, p.latenessMs, p.scheduledFor.toISOString()]),
        [[article.id, 90_000, T.toISOString()]],
      );
      const audit = await second.audit.list({ action: "article.publish", limit: 5 });
      assert.equal(audit.length, 1);
      assert.equal(audit[0]?.detail.latenessMs, 90_000);
      // Idempotent: more ticks publish nothing more.
      assert.deepEqual(await second.newsroom.scheduler.tick(), []);
      assert.deepEqual(await third.newsroom.scheduler.tick(), []);
    } finally {
      await second.close();
      await third.close();
    }
  });

  it("publishes within seconds of T with the real timers, and never before", async () => {
    const sub = await mkdtemp(join(dir, "live-"));
    const clock = { now: new Date() };
    const deps = await open(await store(sub), sub, clock);
    try {
      const section = await buildSection(deps);
      // Real time for this one: the loop and the precise timer do the work.
      clock.now = new Date();
      const at = new Date(Date.now() + 600);
      const article = await deps.articles.create(
        { headline: "Jadwal nyata", sectionId: section.id, body: { version: 1, blocks: [] } },
        SYSTEM_ACTOR,
      );
      await deps.articles.transition(article.id, "schedule", SYSTEM_ACTOR, { at });
      const realClock = setInterval(() => (clock.now = new Date()), 20);
      try {
        await deps.newsroom.scheduler.start();
        assert.equal((await deps.articles.get(article.id)).status, "scheduled");
        const started = Date.now();
        while ((await deps.articles.get(article.id)).status !== "published") {
          assert.ok(Date.now() - started < 5000, "live within 5 s of T");
          await new Promise((r) => setTimeout(r, 25));
        }
        assert.ok(Date.now() >= at.getTime(), "not before T");
        const [entry] = await deps.newsroom.scheduler.publications();
        assert.ok(entry && entry.latenessMs < 1500, `lateness ${entry?.latenessMs} ms`);
      } finally {
        clearInterval(realClock);
      }
    } finally {
      await deps.close();
    }
  });

  it("does not publish an article an editor pulled back meanwhile", async () => {
    const sub = await mkdtemp(join(dir, "pulled-"));
    const clock = { now: new Date(T.getTime() - 60_000) };
    const deps = await open(await store(sub), sub, clock);
    try {
      const article = await buildArticle(deps, { status: "scheduled", publishedAt: T });
      const again = await buildArticle(deps, {
        status: "scheduled",
        publishedAt: new Date(T.getTime() + 500),
      });
      await deps.articles.transition(article.id, "unpublish", SYSTEM_ACTOR);
      clock.now = new Date(T.getTime() + 1000);
      // A stale version is refused (the conditional UPDATE).
      assert.equal(await deps.articles.publishScheduled(again.id, again.version - 1, SYSTEM_ACTOR), null);
      assert.equal((await deps.articles.get(again.id)).status, "scheduled");
      const ticked = await deps.newsroom.scheduler.tick();
      assert.deepEqual(
        ticked.map((p) => p.articleId),
        [again.id],
      );
      assert.equal((await deps.articles.get(article.id)).status, "unpublished");
    } finally {
      await deps.close();
    }
  });
});
