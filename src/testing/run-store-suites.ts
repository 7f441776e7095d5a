/**
 * `npm run test:postgres` (the last step of `npm test`): every store suite (src/testing/store-suites.ts)
 * again on PostgreSQL, a fresh database per test context.
 *
 * The server is WARTA_TEST_POSTGRES_URL, else postgres://postgres@127.0.0.1:5432/postgres. When none
 * answers, the pass is skipped with a message saying so — unless PostgreSQL is required (CI=true,
 * WARTA_REQUIRE_POSTGRES=1, or WARTA_TEST_POSTGRES_URL set explicitly), where that is a failure.
 *
 *   npm run test:postgres              run the store suites on PostgreSQL
 *   npm run test:postgres -- --list    print the store suites and the SQLite-only ones, run nothing
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { postgresTarget, SQLITE_ONLY, storeSuites, testFiles } from "./store-suites.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const { values } = parseArgs({
  options: { list: { type: "boolean", default: false }, concurrency: { type: "string", default: "2" } },
  strict: true,
});

const suites = storeSuites(ROOT, testFiles(ROOT, ["src", "e2e"]));

if (values.list) {
  for (const suite of suites) console.log(suite);
  console.log(`\n${suites.length} store suites. SQLite only:`);
  for (const [file, reason] of Object.entries(SQLITE_ONLY)) console.log(`  ${file}: ${reason}`);
  process.exit(0);
}

const { url, shown, required } = postgresTarget(process.env);

/** Why the server does not answer, or null when it does. */
async function unreachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || error.constructor.name : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

const reason = await unreachable();
if (reason !== null) {
  const what = `no PostgreSQL server answers at ${shown} (${reason})`;
  if (required) {
    console.error(
      `✗ PostgreSQL pass: ${what}; it is required here (CI=true, WARTA_REQUIRE_POSTGRES=1 or WARTA_TEST_POSTGRES_URL).`,
    );
    process.exit(1);
  }
  console.log(
    `⚠ PostgreSQL pass SKIPPED: ${what}. The ${suites.length} store suites were not run on PostgreSQL.\n` +
      `  Start PostgreSQL on 127.0.0.1:5432 or set WARTA_TEST_POSTGRES_URL; in CI a missing server fails.`,
  );
  process.exit(0);
}

console.log(`== ${suites.length} store suites on PostgreSQL (${shown})`);
const started = performance.now();
const child = spawn(process.execPath, ["--test", `--test-concurrency=${values.concurrency}`, ...suites], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, WARTA_TEST_POSTGRES_URL: url },
});
const code = await new Promise<number>((resolve) =>
  child.on("exit", (exit, signal) => resolve(exit ?? (signal ? 1 : 0))),
);
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(`== PostgreSQL pass: ${code === 0 ? "passed" : "FAILED"} in ${seconds} s`);
process.exit(code);
