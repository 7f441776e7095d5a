import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/**
 * Which test suites touch the store, found rather than listed: a suite is a store suite when it
 * imports, directly or through other modules of the repository, `src/testing/test-database.ts` —
 * the one place that chooses SQLite or PostgreSQL for a test. `npm test` runs exactly these a
 * second time on PostgreSQL (src/testing/run-store-suites.ts).
 *
 * A suite that opens a store without that helper would silently stay on SQLite; `checkStoreSuites`
 * reports it unless it is declared SQLite-only below, by name and with the reason.
 */
export const SQLITE_ONLY: Readonly<Record<string, string>> = {
  "src/db/dialects/sqlite.test.ts": "the node:sqlite adapter itself (statement cache, WAL, bindings)",
  "src/search/sqlite/fts5.index.test.ts":
    "the FTS5 index adapter (its PostgreSQL twin is tsvector.index.test.ts)",
  "src/search/sqlite/sqlite-batch.test.ts": "SQLite's file write lock between processes",
  "src/cli/commands/backup.command.test.ts":
    "`warta backup` is SQLite's online backup API; on PostgreSQL the command only prints pg_dump guidance, which the suite checks without a server",
  "src/cli/commands/migrate-store.command.test.ts":
    "the command's arguments, output and refusals on two SQLite files; the SQLite → PostgreSQL → SQLite copy is store-copy.test.ts, a store suite",
};

/** Store suites that also open a SQLite file of their own on purpose (checked like SQLITE_ONLY). */
export const SQLITE_ALSO: Readonly<Record<string, string>> = {
  "src/services/maintenance/store-copy.test.ts":
    "copies a SQLite newsroom into the test store and back into a fresh SQLite file",
};

/** The server of the PostgreSQL pass and whether its absence is a failure rather than a skip. */
export interface PostgresTarget {
  url: string;
  /** The URL as printed (password masked). */
  shown: string;
  required: boolean;
}

export const DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * WARTA_TEST_POSTGRES_URL, else the local default. Required in CI (CI=true or
 * WARTA_REQUIRE_POSTGRES=1) and when the URL was set explicitly (a wrong URL must not pass quietly).
 */
export function postgresTarget(env: Readonly<Record<string, string | undefined>>): PostgresTarget {
  const explicit = env.WARTA_TEST_POSTGRES_URL || undefined;
  const url = explicit ?? DEFAULT_POSTGRES_URL;
  const shown = new URL(url);
  if (shown.password) shown.password = "***";
  return {
    url,
    shown: shown.toString(),
    required: env.CI === "true" || env.WARTA_REQUIRE_POSTGRES === "1" || explicit !== undefined,
  };
}

/** Test files under `roots` (relative to `root`, with forward slashes), sorted. */
export function testFiles(root: string, roots: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".test.ts")) found.push(relative(root, path).split(sep).join("/"));
    }
  };
  for (const r of roots) walk(join(root, r));
  return found.sort();
}

/** `import … from "./x"` / `export … from "./x"` / `import "./x"` at the start of a line, or `import("./x")`. */
const RELATIVE_IMPORT =
  /^(?:import|export)\b[^'"]*?\bfrom\s*["'](\.{1,2}\/[^"']+)["']|^import\s*["'](\.{1,2}\/[^"']+)["']|\bimport\(\s*["'](\.{1,2}\/[^"']+)["']/gm;

/** Relative module specifiers a TypeScript file imports (static, re-exports and dynamic). */
export function relativeImports(source: string): string[] {
  return [...source.matchAll(RELATIVE_IMPORT)].map((match) => (match[1] ?? match[2] ?? match[3]) as string);
}

/** Whether `file` reaches `target` through its relative imports (both absolute paths). */
function reaches(file: string, target: string, memo: Map<string, boolean>): boolean {
  const known = memo.get(file);
  if (known !== undefined) return known;
  memo.set(file, false); // an import cycle adds nothing
  const result =
    file === target ||
    relativeImports(readFileSync(file, "utf8")).some((specifier) => {
      const next = resolve(dirname(file), specifier);
      return next.endsWith(".ts") && existsSync(next) && reaches(next, target, memo);
    });
  memo.set(file, result);
  return result;
}

const TEST_DATABASE = "src/testing/test-database.ts";

/** The store suites among `files` (relative to `root`): those that reach test-database.ts. */
export function storeSuites(root: string, files: readonly string[]): string[] {
  const memo = new Map<string, boolean>();
  const target = resolve(root, TEST_DATABASE);
  return files.filter((file) => reaches(resolve(root, file), target, memo));
}

/** Opens a store by itself: builds app dependencies, opens a store, or names a database URL. */
const OPENS_A_STORE = /\bcreateDeps\(|\bopenStore\(|\bWARTA_DATABASE_URL\b|["'`]sqlite:/;
/** Builds a SQLite URL of its own (beside the test store). */
const OWN_SQLITE_FILE = /`sqlite:\$\{/;

/**
 * Problems with the split: suites that open a store yet would run on SQLite only without saying
 * so, and SQLite-only entries that name no test file or a suite that is a store suite after all.
 */
export function checkStoreSuites(root: string, files: readonly string[]): string[] {
  const stores = new Set(storeSuites(root, files));
  const problems: string[] = [];
  for (const file of files) {
    if (file in SQLITE_ONLY || file in SQLITE_ALSO) continue;
    const source = readFileSync(join(root, file), "utf8");
    if (stores.has(file)) {
      if (OWN_SQLITE_FILE.test(source))
        problems.push(
          `${file} uses test-database.ts yet builds a SQLite URL of its own, which stays on SQLite in the PostgreSQL pass: use the test store, or add it to SQLITE_ALSO with the reason`,
        );
      continue;
    }
    if (OPENS_A_STORE.test(source))
      problems.push(
        `${file} opens a store but not through src/testing/test-database.ts, so it would never run on PostgreSQL: use createTestDatabase (or a helper built on it), or add it to SQLITE_ONLY with the reason`,
      );
  }
  for (const file of Object.keys(SQLITE_ONLY)) {
    if (!files.includes(file)) problems.push(`SQLITE_ONLY names ${file}, which is not a test file`);
    else if (stores.has(file)) problems.push(`SQLITE_ONLY names ${file}, which uses test-database.ts`);
  }
  for (const file of Object.keys(SQLITE_ALSO))
    if (!stores.has(file)) problems.push(`SQLITE_ALSO names ${file}, which is not a store suite`);
  return problems;
}
