import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import { SYSTEM_ACTOR } from "../src/core/actor.ts";
import { bodyDocumentSchema } from "../src/content/body.schema.ts";
import { loadConfig } from "../src/app/config.ts";
import { createDeps } from "../src/app/deps.ts";
import { bodyOf, buildSection } from "../src/testing/factories.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database.ts";
import { freePort, startWarta } from "./server-process.ts";

/**
 * Durability: authenticated writes (create, save, publish) run against a real `warta serve`
 * process that is killed with SIGKILL at random moments and restarted. Afterwards every write
 * that was answered 2xx is in the store, the store is sound (SQLite: integrity_check and
 * foreign_key_check), and nothing is half-written (every story has its revision, a valid body,
 * and a published story its publication time and workflow entry). Runs on SQLite, and on
 * PostgreSQL when WARTA_TEST_POSTGRES_URL is set.
 */
const CYCLES = 4;
const WRITERS = 4;

interface Acked {
  created: boolean;
  saved: boolean;
  published: boolean;
}

describe("durability under kill -9", { timeout: 180_000 }, () => {
  let dir: string;
  let database: TestDatabase;
  let env: Record<string, string>;
  let token: string;
  let sectionId: number;
  let origin: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "warta-durability-"));
    database = await createTestDatabase(dir);
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    env = {
      WARTA_DATABASE_URL: database.url,
      WARTA_MEDIA_DIR: join(dir, "media"),
      WARTA_SITE_URL: origin,
      WARTA_LOG_LEVEL: "silent",
      PORT: String(port),
      HOST: "127.0.0.1",
    };
    const deps = await createDeps(loadConfig(env), { argon2: { memory: 1024, passes: 1, parallelism: 1 } });
    sectionId = (await buildSection(deps)).id;
    const { user } = await deps.accounts.users.create(
      {
        email: "editor@warta.test",
        name: "Editor",
        role: "editor",
        personId: null,
        password: "rahasia-editor-123",
      },
      SYSTEM_ACTOR,
    );
    token = (
      await deps.accounts.tokens.create(
        user,
        { name: "beban", scopes: ["articles:write", "articles:publish", "content:read"] },
        SYSTEM_ACTOR,
      )
    ).token;
    await deps.close();
  });
  after(async () => {
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  async function call(method: string, path: string, body: unknown): Promise<Response> {
    return fetch(`${origin}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  /** One story's life: create, save a second headline, publish; each step recorded only on 2xx. */
  async function writeStory(n: number, acked: Map<number, Acked>): Promise<void> {
    const input = { headline: `Ketahanan ${n}`, sectionId, body: bodyOf(`Paragraf pertama cerita ${n}.`) };
    const created = await call("POST", "/articles", input);
    if (created.status !== 201) return;
    const id = ((await created.json()) as { id: number }).id;
    const record: Acked = { created: true, saved: false, published: false };
    acked.set(id, record);
    const saved = await call("PUT", `/articles/${id}`, {
      ...input,
      headline: `Ketahanan ${n} v2`,
      version: 1,
    });
    if (saved.status !== 200) return;
    await saved.arrayBuffer();
    record.saved = true;
    const published = await call("POST", `/articles/${id}/transitions`, { action: "publish" });
    if (published.status !== 200) return;
    await published.arrayBuffer();
    record.published = true;
  }

  it("keeps every acknowledged write through random SIGKILLs, with a sound store", async (t) => {
    const acked = new Map<number, Acked>();
    let counter = 0;
    let failures = 0;
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const server = await startWarta(env);
      let stop = false;
      const writers = Array.from({ length: WRITERS }, async () => {
        while (!stop) {
          await writeStory(++counter, acked).catch(() => failures++);
        }
      });
      // Kill at a random moment while the writers are mid-flight.
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 900));
      await server.stop("SIGKILL");
      stop = true;
      await Promise.all(writers);
    }
    t.diagnostic(
      ` ${acked.size} stories, ${[...acked.values()].filter((r) => r.published).length} published, ${failures} cut off`,
    );
    assert.ok(acked.size >= CYCLES, `only ${acked.size} stories were created`);
    assert.ok(failures > 0, "no request was cut off by a kill: the test did not test anything");

    // A restart after the last kill must come up cleanly on the store as the kill left it.
    const server = await startWarta(env);
    for (const id of acked.keys()) {
      const read = await fetch(`${origin}/api/v1/articles/${id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(read.status, 200, `article ${id} after restart`);
    }
    await server.stop();

    const deps = await createDeps(loadConfig(env));
    try {
      const db = deps.store.db;
      const articles = await db
        .selectFrom("articles")
        .select(["id", "headline", "status", "published_at", "body"])
        .execute();
      const byId = new Map(articles.map((row) => [row.id, row]));
      for (const [id, record] of acked) {
        const row = byId.get(id);
        assert.ok(row, `acknowledged article ${id} is missing`);
        if (record.saved) assert.match(row.headline, / v2$/, `acknowledged save of ${id} is missing`);
        if (record.published)
          assert.equal(row.status, "published", `acknowledged publish of ${id} is missing`);
      }
      for (const row of articles) {
        assert.ok(
          bodyDocumentSchema.safeParse(JSON.parse(row.body)).success,
          `article ${row.id} has a broken body`,
        );
        const revisions = await db
          .selectFrom("article_revisions")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("article_id", "=", row.id)
          .executeTakeFirstOrThrow();
        assert.ok(Number(revisions.n) >= 1, `article ${row.id} has no revision`);
        if (row.status === "published") {
          assert.ok(row.published_at, `published article ${row.id} has no publication time`);
          const log = await db
            .selectFrom("article_workflow_log")
            .select("id")
            .where("article_id", "=", row.id)
            .where("to_status", "=", "published")
            .executeTakeFirst();
          assert.ok(log, `published article ${row.id} has no workflow entry`);
        }
      }
      if (deps.store.dialect === "sqlite") {
        const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
        assert.deepEqual(
          integrity.rows.map((r) => r.integrity_check),
          ["ok"],
        );
        const foreignKeys = await sql`PRAGMA foreign_key_check`.execute(db);
        assert.deepEqual(foreignKeys.rows, []);
      }
    } finally {
      await deps.close();
    }
  });
});
