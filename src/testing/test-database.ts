import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pg from "pg";

/**
 * Which store tests run on: SQLite files by default; a fresh PostgreSQL database per context when
 * WARTA_TEST_POSTGRES_URL is set (e.g. postgres://postgres@127.0.0.1:5432/postgres), so the same
 * suites prove both dialects (DESIGN.md §5.6).
 */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(dir: string): Promise<TestDatabase> {
  const adminUrl = process.env.WARTA_TEST_POSTGRES_URL;
  if (!adminUrl) return { url: `sqlite:${join(dir, "warta.db")}`, drop: async () => {} };
  const name = `warta_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
