import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import {
  checkStoreSuites,
  DEFAULT_POSTGRES_URL,
  postgresTarget,
  relativeImports,
  SQLITE_ONLY,
  storeSuites,
  testFiles,
} from "./store-suites.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("store suites: every suite that touches the store runs on both stores", () => {
  it("the repository's own suites: none opens a store behind the PostgreSQL pass's back", () => {
    const files = testFiles(ROOT, ["src", "e2e"]);
    assert.deepEqual(checkStoreSuites(ROOT, files), []);
  });

  it("finds the suites that reach test-database.ts, including the ones this pass was missing", () => {
    const suites = storeSuites(ROOT, testFiles(ROOT, ["src", "e2e"]));
    for (const suite of [
      "src/db/repositories/articles.repository.test.ts",
      "src/services/import/import.service.test.ts",
      "src/services/scheduler.service.test.ts",
      "src/services/webhooks/webhooks.test.ts",
      "src/server/api/articles.routes.test.ts",
      "e2e/durability.test.ts",
    ])
      assert.ok(suites.includes(suite), `${suite} is a store suite`);
    for (const pure of ["src/core/policy.test.ts", ...Object.keys(SQLITE_ONLY)])
      assert.ok(!suites.includes(pure), `${pure} is not`);
  });

  it("reads static, re-exported, side-effect and dynamic relative imports, and nothing else", () => {
    const source = [
      'import { a } from "./a.ts";',
      'import type { B } from "../b.ts";',
      'export { c } from "./c.ts";',
      'import "./d.ts";',
      'const e = await import("../e.ts");',
      'import pg from "pg";',
      'import { join } from "node:path";',
      '// a string "./f.ts" is not an import',
    ].join("\n");
    assert.deepEqual(relativeImports(source), ["./a.ts", "../b.ts", "./c.ts", "./d.ts", "../e.ts"]);
  });

  it("the PostgreSQL pass: local server by default, skipped when absent except in CI or with an explicit URL", () => {
    assert.deepEqual(postgresTarget({}), {
      url: DEFAULT_POSTGRES_URL,
      shown: DEFAULT_POSTGRES_URL,
      required: false,
    });
    assert.equal(postgresTarget({ WARTA_TEST_POSTGRES_URL: "" }).required, false, "empty means unset");
    assert.equal(postgresTarget({ CI: "true" }).required, true);
    assert.equal(postgresTarget({ WARTA_REQUIRE_POSTGRES: "1" }).required, true);
    const explicit = postgresTarget({ WARTA_TEST_POSTGRES_URL: "postgres://warta:geheim@db:5433/x" });
    assert.deepEqual(explicit, {
      url: "postgres://warta:geheim@db:5433/x",
      shown: "postgres://warta:***@db:5433/x",
      required: true,
    });
  });

  describe("on a made-up repository", () => {
    let root: string;
    const put = async (path: string, text: string) => {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    };
    before(async () => {
      root = await mkdtemp(join(tmpdir(), "warta-store-suites-"));
      await put("src/testing/test-database.ts", "export const createTestDatabase = 1;\n");
      await put("src/testing/helper.ts", 'export { createTestDatabase } from "./test-database.ts";\n');
      await put("src/a/through-helper.test.ts", 'import { x } from "../testing/helper.ts";\n');
      await put(
        "src/a/direct.test.ts",
        'import { createTestDatabase } from "../testing/test-database.ts";\n',
      );
      await put("src/a/pure.test.ts", 'import assert from "node:assert";\n');
      // Spelled in pieces so that this file itself does not look like it opens a store.
      const opensOwnStore = ["const deps = await create", "Deps({ WARTA_DATABASE", "_URL: url });\n"];
      await put("src/a/own-file.test.ts", opensOwnStore.join(""));
      await put("src/a/cycle-one.ts", 'import "./cycle-two.ts";\n');
      await put("src/a/cycle-two.ts", 'import "./cycle-one.ts";\n');
      await put("src/a/cycle.test.ts", 'import "./cycle-one.ts";\n');
    });
    after(() => rm(root, { recursive: true, force: true }));

    it("follows imports through helpers and cycles", () => {
      const files = testFiles(root, ["src"]);
      assert.deepEqual(storeSuites(root, files), ["src/a/direct.test.ts", "src/a/through-helper.test.ts"]);
    });

    it("reports a suite that opens its own store, naming the fix", () => {
      const [problem, ...rest] = checkStoreSuites(root, testFiles(root, ["src"])).filter(
        (p) => !p.startsWith("SQLITE_"), // this repository's declarations name files it lacks
      );
      assert.equal(rest.length, 0);
      assert.match(
        problem ?? "",
        /^src\/a\/own-file\.test\.ts opens a store .*createTestDatabase.*SQLITE_ONLY/,
      );
    });
  });
});
