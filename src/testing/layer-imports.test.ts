/**
 * The layer rule (`warta/layers`, eslint/layer-imports.rule.js with the table in eslint.config.js)
 * run through ESLint's Node API on small in-memory files placed in each layer.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** The layer rule's messages for `code` as if it were the file at `path` (relative to the repo). */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = 1;\n`, { filePath: join(ROOT, path) });
  assert.ok(result, "ESLint returned no result");
  return result.messages.filter((m) => m.ruleId === "warta/layers").map((m) => m.message);
}

describe("layer rule (eslint.config.js)", () => {
  it("rejects search importing a service", async () => {
    const errors = await layerErrors(
      "src/search/wrong.ts",
      'import type { SectionsService } from "../services/sections.service.ts";\nexport type S = SectionsService;',
    );
    assert.equal(errors.length, 1);
    assert.match(
      errors[0] ?? "",
      /src\/search\/wrong\.ts may not import src\/services\/sections\.service\.ts/,
    );
  });

  it("rejects distribution importing a service, core importing db, and db importing services", async () => {
    assert.equal(
      (
        await layerErrors(
          "src/distribution/wrong.ts",
          'export { createReadingService } from "../services/reading.service.ts";',
        )
      ).length,
      1,
    );
    assert.equal((await layerErrors("src/core/wrong.ts", 'import "../db/store.ts";')).length, 1);
    assert.equal(
      (await layerErrors("src/db/wrong.ts", 'await import("../services/articles.service.ts");')).length,
      1,
    );
  });

  it("rejects the PostgreSQL search adapter importing the SQLite one", async () => {
    const errors = await layerErrors("src/search/postgres/wrong.ts", 'import "../sqlite/fts5-match.ts";');
    assert.equal(errors.length, 1);
    assert.deepEqual(await layerErrors("src/search/postgres/right.ts", 'import "../facet-tokens.ts";'), []);
  });

  it("keeps the CLI and tests out of server internals (buildApp is the server's one entry)", async () => {
    assert.equal((await layerErrors("src/cli/wrong.ts", 'import "../server/api/problem.ts";')).length, 1);
    assert.equal(
      (await layerErrors("src/services/wrong.test.ts", 'import "../server/plugins/auth.plugin.ts";')).length,
      1,
    );
    assert.deepEqual(
      await layerErrors("src/cli/right.ts", 'import "../server/app.ts";\nimport "../app/deps.ts";'),
      [],
    );
  });

  it("lets routes reach read models but not repositories or the store", async () => {
    assert.equal(
      (await layerErrors("src/server/api/wrong.ts", 'import "../../db/repositories/articles.repository.ts";'))
        .length,
      1,
    );
    assert.deepEqual(
      await layerErrors("src/server/api/right.ts", 'import "../../db/read/reading.models.ts";'),
      [],
    );
  });

  it("allows core only the body document's type from content, never a value", async () => {
    assert.deepEqual(
      await layerErrors(
        "src/core/right.ts",
        'import type { BodyDocument } from "../content/body.schema.ts";\nexport type B = BodyDocument;',
      ),
      [],
    );
    assert.equal(
      (
        await layerErrors(
          "src/core/wrong.ts",
          'import { bodyDocumentSchema } from "../content/body.schema.ts";\nexport const s = bodyDocumentSchema;',
        )
      ).length,
      1,
    );
  });
});
