import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { SYSTEM_ACTOR } from "../../core/actor.ts";
import { isAppError } from "../../core/errors.ts";
import { loadConfig } from "../../app/config.ts";
import { createDeps, type Deps } from "../../app/deps.ts";
import { loadDemo } from "../../cli/load-demo.ts";
import { bodyOf } from "../../testing/factories.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { copyStore, planCopy } from "./store-copy.ts";

/**
 * A whole newsroom copied from SQLite to a second store (PostgreSQL when WARTA_TEST_POSTGRES_URL
 * is set, otherwise another SQLite file) and back: same rows, same checksums, a working site,
 * accounts and tokens on the other side, and ids that continue after the copied ones.
 */
describe("migrate-store: copying a newsroom between stores", { timeout: 120_000 }, () => {
  let dir: string;
  let target: TestDatabase;
  const open = (url: string) =>
    createDeps(loadConfig({ WARTA_DATABASE_URL: url, WARTA_MEDIA_DIR: join(dir, "media") }), {
      argon2: { memory: 1024, passes: 1, parallelism: 1 },
      // As `warta migrate-store` opens them: no background work writing while the copy reads.
      backgroundWork: false,
    });
  let source: Deps;
  let token: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "warta-copy-"));
    target = await createTestDatabase(dir);
    source = await open(`sqlite:${join(dir, "source.db")}`);
    await loadDemo(source);
    const { user } = await source.accounts.users.create(
      {
        email: "redaksi@warta.test",
        name: "Redaksi",
        role: "editor",
        personId: null,
        password: "rahasia-redaksi-1",
      },
      SYSTEM_ACTOR,
    );
    token = (
      await source.accounts.tokens.create(user, { name: "salin", scopes: ["content:read"] }, SYSTEM_ACTOR)
    ).token;
  });
  after(async () => {
    await source?.close();
    await target?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("copies every table with equal counts and checksums, and the copy serves the same newsroom", async () => {
    const copier = await open(target.url);
    const checks = await copyStore(source.store, copier.store).finally(() => copier.close());
    // The copy is read by a process that opens the store afresh, as a server started on it would.
    const destination = await open(target.url);
    try {
      const byName = new Map(checks.map((check) => [check.name, check]));
      for (const table of [
        "articles",
        "article_revisions",
        "users",
        "api_tokens",
        "media",
        "people",
        "sections",
        "audit_log",
      ]) {
        assert.ok(byName.has(table), `${table} copied`);
      }
      assert.ok(byName.get("articles")!.rows > 10);
      await destination.search.reindex();

      const [home, copiedHome] = [await source.reading.home(), await destination.reading.home()];
      assert.equal(copiedHome.lead?.headline, home.lead?.headline);
      assert.deepEqual(
        copiedHome.latest.map((item) => item.url),
        home.latest.map((item) => item.url),
      );
      assert.ok((await destination.accounts.tokens.resolve(token))?.user.email === "redaksi@warta.test");
      const word = home.lead!.headline.split(" ")[0]!;
      const hits = await destination.search.search({ q: word, sort: "relevance", page: 1, pageSize: 10 });
      assert.ok(
        hits.items.some((item) => item.url === home.lead!.url),
        `search for ${word} finds the lead`,
      );

      // New rows continue after the copied ids (PostgreSQL sequences moved past them).
      const maxId = Math.max(
        ...(await destination.store.db.selectFrom("articles").select("id").execute()).map((r) => r.id),
      );
      const created = await destination.articles.create(
        {
          headline: "Berita baru setelah pindah",
          sectionId: home.lead!.section.id,
          body: bodyOf("Isi."),
        },
        SYSTEM_ACTOR,
      );
      assert.ok(created.id > maxId);
    } finally {
      await destination.close();
    }
  });

  it("copies back into a fresh SQLite file with the same checksums (round trip)", async () => {
    const destination = await open(target.url);
    const back = await open(`sqlite:${join(dir, "back.db")}`);
    try {
      const checks = await copyStore(destination.store, back.store);
      const original = await planCopy(source.store, back.store);
      assert.equal(
        checks.find((c) => c.name === "users")?.rows,
        original.find((p) => p.name === "users")?.rows,
      );
    } finally {
      await back.close();
      await destination.close();
    }
  });

  it("refuses a destination that already holds a newsroom and changes nothing in it", async () => {
    const destination = await open(target.url);
    try {
      const before = await destination.store.db.selectFrom("articles").select("id").execute();
      await assert.rejects(copyStore(source.store, destination.store), (error: unknown) => {
        assert.ok(isAppError(error) && error.code === "conflict");
        assert.match(error.message, /tidak kosong/);
        return true;
      });
      assert.equal(
        (await destination.store.db.selectFrom("articles").select("id").execute()).length,
        before.length,
      );
    } finally {
      await destination.close();
    }
  });
});
