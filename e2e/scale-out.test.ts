import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { SYSTEM_ACTOR } from "../src/core/actor.ts";
import { loadConfig } from "../src/app/config.ts";
import { createDeps } from "../src/app/deps.ts";
import { bodyOf, buildArticle, buildSection } from "../src/testing/factories.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database.ts";
import { startVarnish, varnishSkipReason, type RunningVarnish } from "../src/testing/varnish.ts";
import { freePort, startWarta, type WartaProcess } from "./server-process.ts";

/**
 * Scale-out on loopback (docs/operations.md): PostgreSQL, two `warta serve` nodes, Varnish in
 * front with the shipped VCL. A publish through node A reaches Varnish and node B within a second;
 * node A killed with SIGKILL under read load costs readers through Varnish no 5xx; the scheduler
 * publishes a story that falls due meanwhile exactly once, and nothing is doubled after A's restart.
 * Needs PostgreSQL (`npm run test:postgres`) and Varnish.
 */
const postgres = process.env.WARTA_TEST_POSTGRES_URL;
const skip = !postgres ? "needs PostgreSQL (WARTA_TEST_POSTGRES_URL)" : varnishSkipReason();

async function eventually(what: string, check: () => Promise<boolean>, withinMs = 1_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check()) return performance.now() - started;
    if (performance.now() - started > withinMs) assert.fail(`${what}: not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("two nodes on PostgreSQL behind Varnish", { skip, timeout: 180_000 }, () => {
  let dir: string;
  let database: TestDatabase;
  let varnish: RunningVarnish;
  let nodeA: WartaProcess;
  let nodeB: WartaProcess;
  let envA: Record<string, string>;
  let token: string;
  let sectionId: number;
  let storyUrls: string[];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "warta-scale-out-"));
    database = await createTestDatabase(dir);
    const [portA, portB, varnishPort] = [await freePort(), await freePort(), await freePort()];
    const common = {
      WARTA_DATABASE_URL: database.url,
      WARTA_MEDIA_DIR: join(dir, "media"),
      WARTA_SITE_URL: `http://127.0.0.1:${varnishPort}`,
      WARTA_LOG_LEVEL: "silent",
      WARTA_PURGE_URL: `http://127.0.0.1:${varnishPort}/`,
      HOST: "127.0.0.1",
    };
    envA = { ...common, PORT: String(portA) };
    const deps = await createDeps(loadConfig(envA), { argon2: { memory: 1024, passes: 1, parallelism: 1 } });
    sectionId = (await buildSection(deps, { name: "Nasional", slug: "nasional" })).id;
    for (let i = 0; i < 8; i++)
      await buildArticle(deps, { sectionId, headline: `Berita awal nomor ${i + 1}` });
    storyUrls = (await deps.reading.home()).latest.map((item) => item.url);
    const { user } = await deps.accounts.users.create(
      {
        email: "redaksi@warta.test",
        name: "Redaksi",
        role: "editor",
        personId: null,
        password: "rahasia-redaksi-1",
      },
      SYSTEM_ACTOR,
    );
    token = (
      await deps.accounts.tokens.create(
        user,
        { name: "skala", scopes: ["articles:write", "articles:publish", "content:read"] },
        SYSTEM_ACTOR,
      )
    ).token;
    await deps.close();
    [nodeA, nodeB] = await Promise.all([startWarta(envA), startWarta({ ...common, PORT: String(portB) })]);
    varnish = await startVarnish(
      [
        { name: "node_a", host: "127.0.0.1", port: portA },
        { name: "node_b", host: "127.0.0.1", port: portB },
      ],
      varnishPort,
    );
  });
  after(async () => {
    await varnish?.stop();
    await Promise.all([nodeA?.stop("SIGKILL"), nodeB?.stop("SIGKILL")]);
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const page = async (origin: string, path: string) => {
    const response = await fetch(`${origin}${path}`);
    return { status: response.status, text: await response.text() };
  };
  const api = (origin: string, method: string, path: string, body?: unknown) =>
    fetch(`${origin}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it("a publish through node A is on Varnish's and node B's cached pages within a second", async () => {
    // Warm every cache first: the home page and TERBARU through Varnish and on node B.
    for (const origin of [varnish.url, nodeB.origin]) {
      for (const path of ["/", "/_fragmen/terbaru", storyUrls[0]!])
        assert.equal((await page(origin, path)).status, 200);
    }
    const created = await api(nodeA.origin, "POST", "/articles", {
      headline: "Gempa kecil terasa di dua kota",
      sectionId,
      body: bodyOf("Getaran terasa singkat."),
    });
    assert.equal(created.status, 201);
    const id = ((await created.json()) as { id: number }).id;
    assert.equal(
      (await api(nodeA.origin, "POST", `/articles/${id}/transitions`, { action: "publish" })).status,
      200,
    );

    const shows = (origin: string, path: string) => async () =>
      (await page(origin, path)).text.includes("Gempa kecil terasa");
    const times = [
      await eventually("home through Varnish", shows(varnish.url, "/")),
      await eventually("TERBARU through Varnish", shows(varnish.url, "/_fragmen/terbaru")),
      await eventually("home on node B", shows(nodeB.origin, "/")),
      await eventually("TERBARU on node B", shows(nodeB.origin, "/_fragmen/terbaru")),
      await eventually("an article page's TERBARU through Varnish", shows(varnish.url, storyUrls[0]!)),
    ];
    assert.ok(times.every((ms) => ms <= 1_000));
  });

  it("node A killed under read load: no 5xx through Varnish; a due story is published once; restart doubles nothing", async () => {
    const due = new Date(Date.now() + 1_500);
    const scheduled = await api(nodeA.origin, "POST", "/articles", {
      headline: "Jadwal terbit saat simpul mati",
      sectionId,
      body: bodyOf("Terbit sesuai jadwal."),
    });
    const id = ((await scheduled.json()) as { id: number }).id;
    const schedule = await api(nodeA.origin, "POST", `/articles/${id}/transitions`, {
      action: "schedule",
      at: due.toISOString(),
    });
    assert.equal(schedule.status, 200);

    const statuses = new Map<number, number>();
    let reading = true;
    const paths = ["/", "/nasional", "/_fragmen/terbaru", ...storyUrls, "/cari?q=berita"];
    const readers = Array.from({ length: 4 }, async (_, n) => {
      for (let i = n; reading; i++) {
        const response = await fetch(`${varnish.url}${paths[i % paths.length]}`);
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await nodeA.stop("SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    reading = false;
    await Promise.all(readers);
    const errors = [...statuses].filter(([status]) => status >= 500);
    assert.deepEqual(errors, [], `statuses seen: ${JSON.stringify([...statuses])}`);
    assert.ok((statuses.get(200) ?? 0) > 20);

    // Node B's scheduler publishes the story that fell due while A was dead.
    await eventually(
      "the scheduled story on node B",
      async () =>
        ((await api(nodeB.origin, "GET", `/articles/${id}`).then((r) => r.json())) as { status: string })
          .status === "published",
      5_000,
    );
    nodeA = await startWarta(envA);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const deps = await createDeps(loadConfig(envA));
    try {
      const publishes = await deps.store.db
        .selectFrom("article_workflow_log")
        .select("id")
        .where("article_id", "=", id)
        .where("to_status", "=", "published")
        .execute();
      assert.equal(publishes.length, 1, `published ${publishes.length} times`);
    } finally {
      await deps.close();
    }
    assert.match((await page(varnish.url, "/")).text, /Jadwal terbit saat simpul mati/);
  });
});
