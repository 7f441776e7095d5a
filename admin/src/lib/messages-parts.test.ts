import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { idNewsroom } from "./messages-newsroom.ts";
import { idSettings } from "./messages-settings.ts";

/** Keys of the `const base = { … }` literal in messages.ts (not exported: read from the source). */
function baseKeys(): string[] {
  const source = readFileSync(new URL("./messages.ts", import.meta.url), "utf8");
  const start = source.indexOf("const base = {");
  const body = source.slice(start, source.indexOf("\n};", start));
  return [...body.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]!);
}

describe("the admin's message parts", () => {
  it("never define one key twice (a later part would silently replace an earlier string)", () => {
    const parts = { base: baseKeys(), newsroom: Object.keys(idNewsroom), settings: Object.keys(idSettings) };
    assert.ok(parts.base.length > 100, "the base strings were found");
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [part, keys] of Object.entries(parts))
      for (const key of keys) {
        const earlier = seen.get(key);
        if (earlier) twice.push(`${key} (${earlier}, ${part})`);
        seen.set(key, part);
      }
    assert.deepEqual(twice, []);
  });
});
