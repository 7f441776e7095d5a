import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { sql } from "kysely";
import { bodyDocumentSchema } from "../../content/body.schema.ts";
import { buildApp } from "../../server/app.ts";
import { loadConfig } from "../../app/config.ts";
import { createDeps, type Deps } from "../../app/deps.ts";
import { createTestDatabase } from "../../testing/test-database.ts";
import { generateCorpus, StoreNotEmptyError } from "./generate-corpus.ts";

async function withStore<T>(run: (deps: Deps) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "warta-generate-"));
  const database = await createTestDatabase(dir);
  const deps = await createDeps(
    loadConfig({
      WARTA_DATABASE_URL: database.url,
      WARTA_MEDIA_DIR: join(dir, "media"),
    }),
  );
  try {
    return await run(deps);
  } finally {
    await deps.close();
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The indexes of the tables the bulk load writes (dropped for the load, built again after it). */
async function loadIndexes(deps: Deps): Promise<string[]> {
  const rows =
    deps.store.dialect === "postgres"
      ? await sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes
          WHERE tablename IN ('articles', 'article_tags', 'article_credits')`.execute(deps.store.db)
      : await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index'
          AND tbl_name IN ('articles', 'article_tags', 'article_credits')`.execute(deps.store.db);
  return rows.rows.map((row) => row.name).sort();
}

const small = { articles: 300, seed: 7, people: 20, tags: 40, images: 2, batchSize: 64 };

test("generates a valid, readable, reproducible corpus and refuses a store that has content", async () => {
  const first = await withStore(async (deps) => {
    const indexes = await loadIndexes(deps);
    assert.ok(indexes.length > 3);
    const result = await generateCorpus(deps, small);
    assert.deepEqual(await loadIndexes(deps), indexes);
    assert.equal(result.articles, 300);
    assert.ok(result.published > 290);
    const rows = await deps.store.db
      .selectFrom("articles")
      .select(["id", "headline", "body"])
      .orderBy("id")
      .execute();
    assert.equal(rows.length, 300);
    for (const row of rows) bodyDocumentSchema.parse(JSON.parse(row.body));
    const tagged = await deps.store.db.selectFrom("article_tags").select("article_id").distinct().execute();
    assert.equal(tagged.length, 300);
    const sections = await deps.sections.directory();
    assert.ok(
      sections.all.some((s) => sections.pathOf(s.id)?.ancestors.length === 2),
      "three levels deep",
    );

    const app = await buildApp(deps);
    try {
      const latest = await deps.reading.latest(1);
      const page = await app.inject({ url: latest[0]?.url ?? "/" });
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes("WARTA"));
      assert.equal((await app.inject({ url: "/" })).statusCode, 200);
    } finally {
      await app.close();
    }
    await assert.rejects(generateCorpus(deps, small), StoreNotEmptyError);
    return rows.map((r) => r.headline);
  });
  const second = await withStore(async (deps) => {
    await generateCorpus(deps, small);
    return (await deps.store.db.selectFrom("articles").select("headline").orderBy("id").execute()).map(
      (r) => r.headline,
    );
  });
  assert.deepEqual(second, first);
});
