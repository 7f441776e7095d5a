import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { EXTRACTED_KEYS } from "../../importers/extracted-article.ts";
import { UsageError } from "../command.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { importCommand } from "./import.command.ts";

const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));
const FIXTURES = fileURLToPath(new URL("../../importers/fixtures/", import.meta.url));

function warta(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [MAIN, ...args],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("warta import / analyze-page commands", () => {
  let dir: string;
  let env: Record<string, string>;
  let database: TestDatabase;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "warta-import-cli-"));
    database = await createTestDatabase(dir);
    env = { WARTA_DATABASE_URL: database.url, WARTA_MEDIA_DIR: join(dir, "media") };
  });
  after(async () => {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("analyze-page prints the documented keys in order and writes nothing", async () => {
    const result = await warta(["analyze-page", join(FIXTURES, "kompas-com.txt")], env);
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(json), [...EXTRACTED_KEYS]);
    assert.equal(json.timeZone, "Asia/Makassar");
    const bad = await warta(["analyze-page", join(FIXTURES, "impossible-date.txt")], env);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /Tanggal mustahil/);
  });

  it("import --json reports each file and exits 1 when one failed", async () => {
    const good = join(dir, "good.txt");
    await writeFile(
      good,
      [
        "Nasional",
        "Judul Berita Uji Baris Perintah",
        "Nasional | 3 Maret 2024, 10:15 WIB",
        "Isi berita.",
      ].join("\n"),
    );
    const result = await warta(["import", "--json", good, join(FIXTURES, "invalid.xml")], env);
    assert.equal(result.code, 1, result.stderr);
    const report = JSON.parse(result.stdout) as {
      imported: number;
      failed: number;
      entries: { code?: string }[];
    };
    assert.deepEqual([report.imported, report.failed], [1, 1]);
    assert.equal(report.entries[1]?.code, "invalid_xml");
    await assert.rejects(importCommand.run(["--status", "maybe", good]), UsageError);
  });

  it("Ctrl-C stops after the current article, prints the report so far and exits 130", async () => {
    const pages = join(dir, "many");
    await mkdir(pages);
    for (let n = 0; n < 200; n++)
      await writeFile(
        join(pages, `${String(n).padStart(3, "0")}.txt`),
        [
          "Nasional",
          `Berita Uji Interupsi Nomor ${n}`,
          "Nasional | 3 Maret 2024, 10:15 WIB",
          `Isi ${n}.`,
        ].join("\n"),
      );
    const child = spawn(process.execPath, [MAIN, "import", pages], { env: { ...process.env, ...env } });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    let signalled = false;
    child.stderr.on("data", (chunk: Buffer) => {
      // The first progress line means articles are being imported.
      if (!signalled && /Impor \[/.test(chunk.toString())) {
        signalled = true;
        child.kill("SIGINT");
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    assert.equal(code, 130, stdout);
    assert.match(stdout, /Dihentikan dengan Ctrl-C/);
    const imported = Number(/Diimpor \(imported\): (\d+)/.exec(stdout)?.[1]);
    assert.ok(imported > 0 && imported < 200, `stopped part-way: ${imported}`);
  });
});
