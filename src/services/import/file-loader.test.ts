import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ImportError } from "../../importers/import-error.ts";
import { createFileLoader, type LoadedFile } from "./file-loader.ts";

const page = (n: number): string =>
  [
    "Nasional",
    `Berita Nomor ${n} dari Daerah`,
    "Nasional | 3 Maret 2024, 10:15 WIB",
    `Isi berita ${n}.`,
  ].join("\n");

/** What a loaded file says, comparable across threads. */
function summary(loaded: LoadedFile): string {
  if ("error" in loaded)
    return `error ${loaded.error instanceof ImportError ? loaded.error.code : loaded.error.name}`;
  if ("text" in loaded) return loaded.format;
  return loaded.items.map((item) => ("error" in item ? "bad item" : item.article.headline)).join("|");
}

describe("the file loader (file-loader.ts)", () => {
  it("gives every file back in order with the same result on parser threads as in process", async () => {
    const dir = await mkdtemp(join(tmpdir(), "warta-loader-"));
    try {
      const files: string[] = [];
      for (let n = 0; n < 60; n++) {
        const file = join(dir, `${String(n).padStart(3, "0")}.txt`);
        await writeFile(file, n % 10 === 7 ? "\u0000\u0001 binary" : page(n));
        files.push(file);
      }
      files.push(join(dir, "missing.txt"));
      const results: string[][] = [];
      for (const workers of [0, 2]) {
        const loader = createFileLoader(files, { workers });
        const seen: string[] = [];
        try {
          for await (const { file, loaded } of loader)
            seen.push(`${file.split("/").at(-1)}: ${summary(loaded)}`);
        } finally {
          await loader.close();
        }
        results.push(seen);
      }
      const [inProcess, threaded] = results as [string[], string[]];
      assert.equal(inProcess.length, 61);
      assert.equal(inProcess[0], "000.txt: Berita Nomor 0 dari Daerah");
      assert.equal(inProcess[7], "007.txt: error binary_file");
      assert.equal(inProcess[60], "missing.txt: error unreadable_file");
      assert.deepEqual(threaded, inProcess);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("when a parser thread stops, its files fail with a reason and the rest load in process (no hang)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "warta-loader-"));
    try {
      const files: string[] = [];
      for (let n = 0; n < 80; n++) {
        const file = join(dir, `${String(n).padStart(3, "0")}.txt`);
        await writeFile(file, page(n));
        files.push(file);
      }
      const loader = createFileLoader(files, { workers: 1 });
      const seen: string[] = [];
      for await (const { loaded } of loader) {
        seen.push(summary(loaded));
        // The thread goes away mid-run (as a crash would): terminate it under the loader.
        if (seen.length === 2) await loader.close();
      }
      assert.equal(seen.length, 80, "every file is accounted for");
      const failed = seen.filter((s) => s.startsWith("error"));
      assert.ok(
        failed.every((s) => s === "error unreadable_file"),
        failed.join(", "),
      );
      assert.equal(seen.at(-1), "Berita Nomor 79 dari Daerah", "files after the stop still load");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("per-file time limit on parser threads", () => {
  it("reports a file that takes too long, replaces the thread and completes the batch", async () => {
    const dir = await mkdtemp(join(tmpdir(), "warta-loader-"));
    try {
      const files: string[] = [];
      for (let n = 0; n < 40; n++) {
        const file = join(dir, `${String(n).padStart(3, "0")}.txt`);
        await writeFile(file, page(n));
        files.push(file);
      }
      // A page that needs far longer than the limit below: 200,000 paragraphs in one container.
      const slow = join(dir, "010.html");
      await writeFile(
        slow,
        `<html><head><title>Berita Lambat</title></head><body><article>${"<p>Kalimat yang cukup panjang untuk dianggap prosa oleh pengurai.</p>".repeat(200_000)}</article></body></html>`,
      );
      files[10] = slow;
      const loader = createFileLoader(files, { workers: 1, fileTimeoutMs: 1000 });
      const seen: string[] = [];
      try {
        for await (const { loaded } of loader) seen.push(summary(loaded));
      } finally {
        await loader.close();
      }
      assert.equal(seen.length, 40, "every file is accounted for");
      assert.equal(seen[10], "error timeout");
      assert.equal(seen[9], "Berita Nomor 9 dari Daerah");
      assert.equal(
        seen[11],
        "Berita Nomor 11 dari Daerah",
        "the file after the hung one loads on the new thread",
      );
      assert.equal(seen.at(-1), "Berita Nomor 39 dari Daerah");
      assert.equal(seen.filter((s) => s.startsWith("error")).length, 1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
