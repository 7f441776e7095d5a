import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { importPaths } from "../../services/import/import-paths.ts";
import { solidJpeg } from "../../testing/image-fixtures.ts";
import { createTestContext, type TestContext } from "../../testing/test-app.ts";
import { importImagesCommand } from "./import-images.command.ts";

describe("warta import-images", () => {
  let server: Server;
  let photo: Buffer | null = null;
  let ctx: TestContext;
  const saved = { ...process.env };

  before(async () => {
    server = createServer((request, response) =>
      photo && request.url === "/peta.jpg"
        ? response.writeHead(200).end(photo)
        : response.writeHead(404).end(),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const env = { WARTA_IMAGE_FETCH_ALLOW_INTERNAL: "127.0.0.1" };
    ctx = await createTestContext({ env });
    Object.assign(process.env, env, {
      WARTA_DATABASE_URL: ctx.deps.config.databaseUrl,
      WARTA_MEDIA_DIR: ctx.deps.config.mediaDir,
    });
    const dir = join(ctx.dir, "arsip");
    await mkdir(dir);
    await writeFile(
      join(dir, "a.html"),
      `<!doctype html><html><head><title>Peta Genangan Rob Jakarta Utara Diperbarui</title></head><body>
      <article><h1>Peta Genangan Rob Jakarta Utara Diperbarui</h1>
      <time datetime="2024-03-03T10:15:00+07:00">Minggu, 3 Maret 2024 10:15 WIB</time>
      <div class="entry-content"><p>JAKARTA, WARTA - Badan penanggulangan bencana memperbarui peta genangan rob hari ini.</p>
      <p><img src="${base}/peta.jpg" alt="Peta genangan"></p>
      <p>Warga diminta memeriksa peta sebelum bepergian ke kawasan pesisir pada pagi hari.</p></div></article></body></html>`,
    );
    const report = await importPaths(ctx.deps, { paths: [dir] });
    assert.equal(report.imported, 1, JSON.stringify(report.entries));
  });
  after(async () => {
    process.env = saved;
    await ctx.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function run(argv: string[]) {
    const lines: string[] = [];
    const log = console.log;
    console.log = (line: string) => void lines.push(line);
    try {
      return { code: await importImagesCommand.run(argv), out: lines.join("\n") };
    } finally {
      console.log = log;
    }
  }

  it("lists waiting photos, fetches them now, reports failures with their reason, retries them", async () => {
    const waiting = await run([]);
    assert.equal(waiting.code, 0);
    assert.match(
      waiting.out,
      /#1 {2}artikel 1 {2}foto isi {2}menunggu \(0x\) {2}http:\/\/127\.0\.0\.1:\d+\/peta\.jpg/,
    );

    const failed = await run(["--fetch"]);
    assert.equal(failed.code, 1);
    assert.match(failed.out, /Diunduh \(fetched\): 0, gagal \(failed\): 1/);
    assert.match(failed.out, /#1 .*GAGAL \(1x\): server menjawab HTTP 404/);
    assert.match((await run(["--failed"])).out, /GAGAL/);

    photo = await solidJpeg(320, 200, "#2277aa");
    const retried = await run(["--retry", "--id", "1", "--fetch"]);
    assert.equal(retried.code, 0);
    assert.match(retried.out, /Diantrekan lagi \(queued again\): 1/);
    assert.match(retried.out, /Diunduh \(fetched\): 1, gagal \(failed\): 0/);
    assert.match(retried.out, /Tidak ada gambar yang menunggu\./);
    const article = await ctx.deps.articles.get(1);
    assert.deepEqual(
      article.body.blocks.map((b) => b.type),
      ["paragraph", "image", "paragraph"],
    );
  });

  it("refuses --id without --retry", async () => {
    await assert.rejects(run(["--id", "1"]), /--id goes with --retry/);
  });
});
