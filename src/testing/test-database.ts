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
  // A test database lives for one test context: commits need not wait for the WAL flush (a server
  // crash is the only thing that could lose them; visibility and isolation are unchanged).
  await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      // pg-pool's end() resolves before its sockets have closed: wait (up to 1 s) for the closing
      // backends to leave, so FORCE does not terminate them under a client that no longer listens
      // for errors (an uncaught "terminating connection due to administrator command").
      for (let i = 0; i < 50; i++) {
        const { rows } = await client.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1",
          [name],
        );
        if ((rows[0]?.n ?? 0) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
