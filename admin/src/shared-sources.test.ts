import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { ADMIN_SHARED_SOURCES } from "../../src/app/admin-build.ts";

const SRC = fileURLToPath(new URL(".", import.meta.url));
const REPO = resolve(SRC, "../..");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts")
        ? [join(dir, e.name)]
        : [],
  );
}

describe("the admin's build stamp", () => {
  it("covers every file outside admin/ that the admin imports, so a change there rebuilds it", () => {
    const imported = new Set<string>();
    for (const file of files(SRC)) {
      for (const match of readFileSync(file, "utf8").matchAll(/from "(\.[^"]+)"/g)) {
        const target = resolve(file, "..", match[1]!);
        if (!target.startsWith(join(REPO, "admin"))) imported.add(relative(REPO, target));
      }
    }
    assert.deepEqual([...imported].sort(), [...ADMIN_SHARED_SOURCES].sort());
  });
});
