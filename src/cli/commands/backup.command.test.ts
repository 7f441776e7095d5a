import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { loadConfig } from "../../app/config.ts";
import { createDeps, type Deps } from "../../app/deps.ts";
import { SEARCH_DEFAULTS } from "../../search/search.service.ts";
import { buildArticle } from "../../testing/factories.ts";
import { createBackupCommand, createRestoreCommand } from "./backup.command.ts";

describe("warta backup / restore (SQLite)", () => {
  let dir: string;
  let env: Record<string, string>;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "warta-backup-"));
    env = { WARTA_DATABASE_URL: `sqlite:${join(dir, "warta.db")}`, WARTA_MEDIA_DIR: join(dir, "media") };
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const open = () => createDeps(loadConfig(env));
  async function run(which: "backup" | "restore", argv: string[], withEnv = env) {
    const out: string[] = [];
    const err: string[] = [];
    const io = { env: withEnv, print: (l: string) => out.push(l), error: (l: string) => err.push(l) };
    const command = which === "backup" ? createBackupCommand(io) : createRestoreCommand(io);
    const code = await command.run(argv);
    return { code, out: out.join("\n"), err: err.join("\n") };
  }
  async function headlines(deps: Deps): Promise<string[]> {
    const rows = await deps.store.db.selectFrom("articles").select("headline").orderBy("id").execute();
    return rows.map((r) => r.headline);
  }

  it("copies the store while it is in use, and restores it over later changes", async () => {
    const live = await open(); // the server keeps running during the backup
    await buildArticle(live, { headline: "Panen raya di Subang" });
    await buildArticle(live, { headline: "Kereta cepat menambah jadwal" });
    const file = join(dir, "cadangan.db");
    const backedUp = await run("backup", [file]);
    assert.equal(backedUp.code, 0, backedUp.err);
    assert.match(backedUp.out, /2 articles, \d+ migrations, integrity ok/);
    assert.equal((await run("backup", [file])).code, 1, "an existing file is kept without --force");

    await buildArticle(live, { headline: "Berita setelah cadangan" });
    await live.close();

    const refused = await run("restore", [file]);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /--force/);
    const restored = await run("restore", ["--force", file]);
    assert.equal(restored.code, 0, restored.err);
    assert.match(restored.out, /2 articles/);

    const after = await open();
    try {
      // The backup may hold events whose index batch was not written yet: the first node started
      // on the restored store takes them over (the restore expired their claims).
      await after.startEventDelivery();
      await after.search.flush();
      assert.deepEqual(await headlines(after), ["Panen raya di Subang", "Kereta cepat menambah jadwal"]);
      const found = await after.search.search({ ...SEARCH_DEFAULTS, q: "panen raya" });
      assert.equal(found.items.length, 1, "the search index came back with the store");
    } finally {
      await after.close();
    }
  });

  it("refuses a file that is not a Warta store and leaves the store alone", async () => {
    const junk = join(dir, "bukan.db");
    await writeFile(junk, "ini bukan basis data");
    const result = await run("restore", ["--force", junk]);
    assert.equal(result.code, 1);
    assert.match(result.err, /cannot be restored/);
    const deps = await open();
    try {
      assert.equal((await headlines(deps)).length, 2);
    } finally {
      await deps.close();
    }
  });

  it("on PostgreSQL prints pg_dump / pg_restore guidance without the password", async () => {
    const pgEnv = { ...env, WARTA_DATABASE_URL: "postgres://warta:sangat-rahasia@db.internal:5432/warta" };
    const backedUp = await run("backup", ["x.dump"], pgEnv);
    assert.equal(backedUp.code, 1);
    assert.match(backedUp.err, /pg_dump --format=custom/);
    assert.doesNotMatch(backedUp.err, /sangat-rahasia/);
    const restored = await run("restore", ["x.dump"], pgEnv);
    assert.match(restored.err, /pg_restore --clean/);
  });
});
