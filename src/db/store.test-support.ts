import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Article } from "../core/article.ts";
import { paragraph } from "../content/body.schema.ts";
import { createTestDatabase } from "../testing/test-database.ts";
import { createArticlesRepository } from "./repositories/articles.repository.ts";
import type { Executor } from "./repositories/executor.ts";
import { createTaxonomyRepository } from "./repositories/taxonomy.repository.ts";
import { openStore, parseDatabaseUrl, type Store } from "./store.ts";

/**
 * A fresh store for the `src/db` tests: a SQLite file in a temp folder, or a new PostgreSQL
 * database when WARTA_TEST_POSTGRES_URL is set (the same tests prove both dialects).
 */
export interface TestStore {
  store: Store;
  /** Temp folder of this store (SQLite file, scratch files). */
  dir: string;
  close(): Promise<void>;
}

export async function openTestStore(options: { migrate?: boolean } = {}): Promise<TestStore> {
  const dir = await mkdtemp(join(tmpdir(), "warta-db-test-"));
  const database = await createTestDatabase(dir);
  const url = parseDatabaseUrl(database.url);
  if (!url) throw new Error(`Not a database URL: ${database.url}`);
  const store = await openStore(url, options);
  return {
    store,
    dir,
    async close() {
      await store.close();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A draft article row (and its section) written through the repositories, for rows that need one. */
export async function insertArticle(db: Executor, overrides: Partial<Article> = {}): Promise<Article> {
  const sectionId =
    overrides.sectionId ??
    (await createTaxonomyRepository().insertSection(db, {
      slug: `rubrik-${Math.random().toString(36).slice(2, 10)}`,
      name: "Rubrik",
      parentId: null,
      position: 0,
      description: "",
    }));
  const at = new Date("2026-11-20T03:00:00.000Z");
  return createArticlesRepository().insert(db, {
    slug: "berita-uji",
    headline: "Berita uji",
    lede: "",
    dateline: { place: "Jakarta", outlet: null, timeZone: "Asia/Jakarta" },
    body: { version: 1, blocks: [paragraph("Paragraf pertama.")] },
    hero: null,
    sources: [],
    status: "draft",
    publishedAt: null,
    firstPublishedAt: null,
    updatedAt: null,
    createdAt: at,
    modifiedAt: at,
    tagIds: [],
    credits: [],
    ...overrides,
    sectionId,
  });
}
