import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it, mock } from "node:test";
import { loadConfig } from "../../app/config.ts";
import { createDeps } from "../../app/deps.ts";
import { UsageError } from "../command.ts";
import { loadDemo } from "../load-demo.ts";
import { migrateStoreCommand } from "./migrate-store.command.ts";

describe("warta migrate-store", () => {
  let dir: string;
  const url = (name: string) => `sqlite:${join(dir, name)}`;
  const open = (name: string) =>
    createDeps(loadConfig({ WARTA_DATABASE_URL: url(name), WARTA_MEDIA_DIR: join(dir, "media") }));

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "warta-migrate-store-"));
    const deps = await open("lama.db");
    await loadDemo(deps);
    await deps.close();
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("copies, prints a verified line per table, rebuilds the search index and exits 0", async () => {
    const lines: string[] = [];
    const log = mock.method(console, "log", (line: string) => lines.push(line));
    const progress = mock.method(process.stderr, "write", () => true);
    try {
      assert.equal(await migrateStoreCommand.run(["--from", url("lama.db"), "--to", url("baru.db")]), 0);
    } finally {
      log.mock.restore();
      progress.mock.restore();
    }
    assert.ok(
      lines.some((line) => /^articles: \d+ baris, checksum [0-9a-f]{12} ✓$/.test(line)),
      lines.join("\n"),
    );
    assert.match(
      lines.at(-1) ?? "",
      /Salinan terverifikasi: \d+ tabel; indeks pencarian dibangun ulang \(\d+ artikel\)/,
    );
    const copy = await open("baru.db");
    try {
      const home = await copy.reading.home();
      assert.ok(home.lead);
      const found = await copy.search.search({
        q: home.lead.headline,
        sort: "relevance",
        page: 1,
        pageSize: 5,
      });
      assert.ok(found.items.length > 0);
    } finally {
      await copy.close();
    }
  });

  it("refuses a destination that already holds a newsroom with exit code 1 and a reason", async () => {
    const errors: string[] = [];
    const error = mock.method(console, "error", (line: string) => errors.push(line));
    const progress = mock.method(process.stderr, "write", () => true);
    try {
      assert.equal(await migrateStoreCommand.run(["--from", url("lama.db"), "--to", url("baru.db")]), 1);
    } finally {
      error.mock.restore();
      progress.mock.restore();
    }
    assert.match(errors.join("\n"), /tidak kosong/);
  });

  it("asks for both stores, and for two different ones", async () => {
    await assert.rejects(migrateStoreCommand.run(["--from", url("lama.db")]), UsageError);
    await assert.rejects(
      migrateStoreCommand.run(["--from", url("lama.db"), "--to", url("lama.db")]),
      UsageError,
    );
  });
});
