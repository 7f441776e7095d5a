/**
 * The function-size rule (`warta/function-size`, eslint/function-size.rule.js, configured in
 * eslint.config.js) run through ESLint's Node API on small in-memory files.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

async function sizeErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  assert.ok(result, "ESLint returned no result");
  return result.messages.filter((m) => m.ruleId === "warta/function-size").map((m) => m.message);
}

/** `n` lines of statements. */
const statements = (n: number): string => Array.from({ length: n }, (_, i) => `  total += ${i};`).join("\n");

/** A function whose body holds `n` statement lines (plus its header, `let`, return and brace). */
const fn = (name: string, n: number): string =>
  `export function ${name}(): number {\n  let total = 0;\n${statements(n)}\n  return total;\n}\n`;

describe("function size rule (eslint.config.js)", () => {
  it("rejects a function of 81 lines of its own code and names it", async () => {
    const errors = await sizeErrors("src/services/long.ts", fn("tooLong", 77));
    assert.equal(errors.length, 1);
    assert.match(errors[0] ?? "", /Function 'tooLong' has 81 lines of its own code \(max 80/);
    assert.deepEqual(await sizeErrors("src/services/long.ts", fn("justRight", 76)), []);
  });

  it("does not count blank lines and comments", async () => {
    const padded = fn("padded", 76).replace(/\n {2}total/g, "\n\n  // a comment\n  total");
    assert.deepEqual(await sizeErrors("src/core/padded.ts", padded), []);
  });

  it("measures a factory of small closures by its own lines, each closure by its own", async () => {
    const closures = Array.from(
      { length: 30 },
      (_, i) =>
        `  function step${i}(): number {\n    let total = 0;\n${statements(4)}\n    return total;\n  }`,
    ).join("\n");
    const factory = `export function createThing() {\n${closures}\n  return { step0, step1 };\n}\n`;
    assert.deepEqual(await sizeErrors("src/services/thing.ts", factory), []);
    const longClosure = `export function createOther() {\n  ${fn("inner", 77).replace("export ", "")}  return { inner };\n}\n`;
    const errors = await sizeErrors("src/services/other.ts", longClosure);
    assert.equal(errors.length, 1);
    assert.match(errors[0] ?? "", /Function 'inner' has 81 lines/);
  });

  it("applies to the admin too, not to tests", async () => {
    assert.equal((await sizeErrors("admin/src/long.tsx", fn("Screen", 77))).length, 1);
    assert.deepEqual(await sizeErrors("src/services/long.test.ts", fn("scenario", 77)), []);
  });
});
