import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { loadConfig } from "../../app/config.ts";
import { createDeps } from "../../app/deps.ts";
import { buildArticle } from "../../testing/factories.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { relatedCommand } from "./related.command.ts";

describe("warta related --all", () => {
  let dir: string;
  let database: TestDatabase;
  const saved = { ...process.env };
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "warta-related-"));
    database = await createTestDatabase(dir);
    process.env.WARTA_DATABASE_URL = database.url;
    process.env.WARTA_MEDIA_DIR = join(dir, "media");
  });
  after(async () => {
    process.env = saved;
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  async function capture(run: () => Promise<number>) {
    const lines: string[] = [];
    const log = console.log;
    console.log = (line: string) => void lines.push(line);
    try {
      return { code: await run(), out: lines.join("\n") };
    } finally {
      console.log = log;
    }
  }

  it("fills every live story's list once; a second run has nothing to do", async () => {
    // An archive written by a one-shot command (an import): no list computed yet.
    const deps = await createDeps(loadConfig(process.env), { backgroundWork: false });
    const ids: number[] = [];
    for (const word of ["sawah", "sawah", "sawah"])
      ids.push((await buildArticle(deps, { headline: `Panen padi di ${word} Karawang` })).id);
    for (const headline of [
      "Banjir rob di Jakarta Utara",
      "Tim nasional menang di Bangkok",
      "Harga emas turun lagi",
    ])
      await buildArticle(deps, { headline });
    await buildArticle(deps, { status: "draft", headline: "Panen padi draf" });
    await deps.close();

    const first = await capture(() => relatedCommand.run(["--all"]));
    assert.equal(first.code, 0);
    assert.match(first.out, /Computed 6 Berita Terkait lists/);
    const second = await capture(() => relatedCommand.run(["--all"]));
    assert.match(second.out, /already has a fresh Berita Terkait list/);

    const check = await createDeps(loadConfig(process.env), { backgroundWork: false });
    try {
      const shown = await check.relatedStories.forArticle(ids[0] as number, 5);
      assert.deepEqual(shown.map((i) => i.id).sort(), [ids[1], ids[2]].sort());
    } finally {
      await check.close();
    }
  });

  it("asks for --all", async () => {
    await assert.rejects(relatedCommand.run([]), /--all/);
  });
});
