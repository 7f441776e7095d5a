import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Migrator, sql } from "kysely";
import { migrateToLatest } from "../migrate.ts";
import { openTestStore, type TestStore } from "../store.test-support.ts";
import { MIGRATIONS, migrationProvider } from "./index.ts";

const NAMES = [
  "001-content",
  "002-accounts",
  "003-newsroom",
  "004-search-aliases",
  "005-import",
  "006-related-stories",
  "007-reader-features",
  "008-media-pipeline",
  "009-newsroom-list-indexes",
  "013-outbox",
  "014-live-entry-media",
  "015-related-stories-stale",
  "016-live-entries-pending",
  "017-media-background-work",
  "018-edit-presence",
];

const TABLES = [
  "api_tokens",
  "article_corrections",
  "article_credits",
  "article_media",
  "article_revisions",
  "article_staged",
  "article_tags",
  "article_views",
  "article_workflow_log",
  "articles",
  "audit_log",
  "edit_presence",
  "fact_checks",
  "import_items",
  "import_pending_media",
  "import_pending_related",
  "import_remote_images",
  "live_blogs",
  "live_entries",
  "login_attempts",
  "media",
  "media_prewarm_claims",
  "outbox",
  "outbox_consumers",
  "people",
  "related_stories",
  "scheduled_publications",
  "search_aliases",
  "sections",
  "sessions",
  "tags",
  "topic_articles",
  "topics",
  "users",
  "webhook_deliveries",
  "webhooks",
];

/** Every index the migrations create by name, with its table. */
const INDEXES: Record<string, string> = {
  sections_parent_slug: "sections",
  articles_status_published: "articles",
  articles_section_published: "articles",
  article_tags_tag: "article_tags",
  article_credits_person: "article_credits",
  sessions_user: "sessions",
  api_tokens_user: "api_tokens",
  login_attempts_email: "login_attempts",
  login_attempts_ip: "login_attempts",
  audit_log_at: "audit_log",
  audit_log_actor: "audit_log",
  audit_log_resource: "audit_log",
  article_revisions_article_number: "article_revisions",
  article_workflow_log_article: "article_workflow_log",
  article_corrections_article: "article_corrections",
  webhook_deliveries_due: "webhook_deliveries",
  webhook_deliveries_webhook: "webhook_deliveries",
  import_pending_related_key: "import_pending_related",
  article_tags_live: "article_tags",
  article_credits_live: "article_credits",
  topic_articles_article: "topic_articles",
  article_views_hour: "article_views",
  live_entries_article_published: "live_entries",
  media_sha256: "media",
  article_media_media: "article_media",
  articles_modified: "articles",
  articles_status_modified: "articles",
  articles_section_modified: "articles",
  outbox_unhandled: "outbox",
  webhook_deliveries_event: "webhook_deliveries",
  live_entries_media: "live_entries",
  live_entries_pending: "live_entries",
  related_stories_stale: "related_stories",
  import_remote_images_item: "import_remote_images",
  import_remote_images_due: "import_remote_images",
  edit_presence_seen: "edit_presence",
};

async function indexesOf(t: TestStore): Promise<Map<string, string>> {
  const { rows } =
    t.store.dialect === "sqlite"
      ? await sql<{ name: string; table: string }>`
          SELECT name, tbl_name AS "table" FROM sqlite_master WHERE type = 'index'`.execute(t.store.db)
      : await sql<{ name: string; table: string }>`
          SELECT indexname AS name, tablename AS "table" FROM pg_indexes
          WHERE schemaname = current_schema()`.execute(t.store.db);
  return new Map(rows.map((r) => [r.name, r.table]));
}

async function userTables(t: TestStore): Promise<string[]> {
  const tables = await t.store.db.introspection.getTables();
  return tables
    .map((table) => table.name)
    .filter((name) => !name.startsWith("warta_migrations"))
    .sort();
}

describe("migrations", () => {
  it("lists every migration, in order", () => {
    assert.deepEqual(Object.keys(MIGRATIONS), NAMES);
  });

  describe("up from an empty store", () => {
    let t: TestStore;
    before(async () => {
      t = await openTestStore({ migrate: false });
    });
    after(() => t.close());

    it("starts with no tables", async () => {
      assert.deepEqual(await userTables(t), []);
    });

    it("runs each migration in order, one step at a time", async () => {
      const migrator = new Migrator({
        db: t.store.db,
        provider: migrationProvider,
        migrationTableName: "warta_migrations",
        migrationLockTableName: "warta_migrations_lock",
      });
      const applied: string[] = [];
      for (const name of NAMES) {
        const { error, results } = await migrator.migrateUp();
        assert.equal(error, undefined, `${name}: ${String(error)}`);
        assert.deepEqual(
          results?.map((r) => [r.migrationName, r.status]),
          [[name, "Success"]],
        );
        applied.push(name);
      }
      assert.deepEqual(applied, NAMES);
      const { results } = await migrator.migrateUp();
      assert.deepEqual(results, [], "nothing left to run after the last one");
    });

    it("a run after the last migration is a no-op", async () => {
      const before = await indexesOf(t);
      assert.deepEqual(await migrateToLatest(t.store.db), []);
      assert.deepEqual(await indexesOf(t), before);
      const recorded = await t.store.db
        .selectFrom("warta_migrations" as never)
        .select(sql<string>`name`.as("name"))
        .orderBy(sql`name`)
        .execute();
      assert.deepEqual(
        recorded.map((r) => r.name),
        NAMES,
      );
    });

    it("creates every table of the schema", async () => {
      assert.deepEqual(await userTables(t), TABLES);
    });

    it("creates every named index on its table", async () => {
      const indexes = await indexesOf(t);
      for (const [name, table] of Object.entries(INDEXES))
        assert.equal(indexes.get(name), table, `index ${name} on ${table}`);
    });

    it("enforces the keys the repositories rely on", async () => {
      const db = t.store.db;
      const top = { slug: "nasional", name: "Nasional", parent_id: null, position: 0, description: "" };
      const { id } = await db.insertInto("sections").values(top).returning("id").executeTakeFirstOrThrow();
      const child = { ...top, slug: "politik", name: "Politik", parent_id: id };
      await db.insertInto("sections").values(child).execute();
      // sections_parent_slug: one slug among siblings (top-level slugs are the service's to check).
      await assert.rejects(db.insertInto("sections").values(child).execute());
      // Foreign keys: a credit must point at an existing article and person.
      await assert.rejects(
        db
          .insertInto("article_credits")
          .values({ article_id: 999, role: "penulis", person_id: 999, position: 0 })
          .execute(),
      );
    });
  });

  describe("migrateToLatest on an empty store", () => {
    let t: TestStore;
    before(async () => {
      t = await openTestStore({ migrate: false });
    });
    after(() => t.close());

    it("returns the names it ran, in order, then nothing on a second run", async () => {
      assert.deepEqual(await migrateToLatest(t.store.db), NAMES);
      assert.deepEqual(await migrateToLatest(t.store.db), []);
      assert.deepEqual(await userTables(t), TABLES);
    });
  });
});
