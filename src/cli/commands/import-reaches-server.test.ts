import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { loadConfig } from "../../app/config.ts";
import { createDeps, type Deps } from "../../app/deps.ts";
import { buildApp } from "../../server/app.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";

const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));

/**
 * A `warta import` run in another process beside a running server: the import's events go through
 * the outbox, so the server's cached home page shows the story within a second of the import's exit.
 */
describe("a CLI import beside a running server", () => {
  let dir: string;
  let database: TestDatabase;
  let deps: Deps;
  let app: FastifyInstance;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "warta-import-server-"));
    database = await createTestDatabase(dir);
    const config = loadConfig({
      WARTA_DATABASE_URL: database.url,
      WARTA_MEDIA_DIR: join(dir, "media"),
      WARTA_SITE_URL: "https://warta.test",
      WARTA_NODE_ID: "server",
    });
    deps = await createDeps(config, { onEventError: (e) => assert.fail(String(e)) });
    app = await buildApp(deps);
    await deps.startEventDelivery();
  });
  after(async () => {
    await app.close();
    await deps.close();
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("reaches the server's page cache within a second", async () => {
    await app.inject("/");
    assert.equal((await app.inject("/")).headers["x-cache"], "HIT", "the home page is cached");
    const page = join(dir, "berita.txt");
    await writeFile(
      page,
      [
        "Nasional",
        "Jembatan Baru Diresmikan di Kutai",
        "Nasional | 3 Maret 2024, 10:15 WIB",
        "Isi berita.",
      ].join("\n"),
    );
    const result = await new Promise<{ code: number; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        [MAIN, "import", "--status", "published", page],
        {
          env: {
            ...process.env,
            WARTA_DATABASE_URL: database.url,
            WARTA_MEDIA_DIR: join(dir, "media"),
            WARTA_NODE_ID: "import",
          },
        },
        (error, _stdout, stderr) => resolve({ code: error ? 1 : 0, stderr }),
      ),
    );
    assert.equal(result.code, 0, result.stderr);
    const until = Date.now() + 1000;
    while (!(await app.inject("/")).body.includes("Jembatan Baru Diresmikan di Kutai")) {
      if (Date.now() > until) assert.fail("the server's home page does not show the import within 1 s");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
});
