import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { SYSTEM_ACTOR } from "../core/actor.ts";
import { scopesForRole } from "../core/policy.ts";
import { loadConfig } from "../app/config.ts";
import { createDeps, type Deps } from "../app/deps.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { freePort, startVarnish, varnishSkipReason, type RunningVarnish } from "../testing/varnish.ts";

const skip = varnishSkipReason();
const NODE_MAIN = fileURLToPath(new URL("../testing/serve-node.ts", import.meta.url));

/**
 * The cluster on loopback: two Warta nodes as separate processes on one store (PostgreSQL when
 * WARTA_TEST_POSTGRES_URL is set, else one SQLite file), Varnish with the shipped VCL in front.
 */
describe("two nodes behind Varnish", { skip }, () => {
  let dir: string;
  let database: TestDatabase;
  let setup: Deps;
  let varnish: RunningVarnish;
  let token: string;
  let sectionId: number;
  const ports: Record<"a" | "b", number> = { a: 0, b: 0 };
  const nodes: Record<"a" | "b", ChildProcess | null> = { a: null, b: null };

  async function startNode(name: "a" | "b", varnishPort: number): Promise<void> {
    const child = spawn(process.execPath, [NODE_MAIN], {
      env: {
        ...process.env,
        PORT: String(ports[name]),
        HOST: "127.0.0.1",
        WARTA_DATABASE_URL: database.url,
        WARTA_MEDIA_DIR: join(dir, "media"),
        WARTA_SITE_URL: "https://warta.test",
        WARTA_NODE_ID: `node-${name}`,
        WARTA_LOG_LEVEL: "silent",
        WARTA_PURGE_URL: `http://127.0.0.1:${varnishPort}/`,
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    nodes[name] = child;
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
      child.once("exit", (code) => reject(new Error(`node ${name} exited (${code})`)));
    });
  }

  const node = (name: "a" | "b", path: string) => fetch(`http://127.0.0.1:${ports[name]}${path}`);
  const edge = (path: string) => fetch(`${varnish.url}${path}`);
  const text = async (response: Promise<Response>) => (await response).text();

  async function within(ms: number, check: () => Promise<boolean>, what: string): Promise<void> {
    const until = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > until) assert.fail(`${what}: not within ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async function publishThrough(
    name: "a" | "b",
    headline: string,
    at?: Date,
  ): Promise<{ id: number; slug: string }> {
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const created = await fetch(`http://127.0.0.1:${ports[name]}/api/v1/articles`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        headline,
        sectionId,
        body: { version: 1, blocks: [{ type: "paragraph", content: [{ text: `Isi ${headline}.` }] }] },
      }),
    });
    assert.equal(created.status, 201, await created.clone().text());
    const { id, slug } = (await created.json()) as { id: number; slug: string };
    const moved = await fetch(`http://127.0.0.1:${ports[name]}/api/v1/articles/${id}/transitions`, {
      method: "POST",
      headers,
      body: JSON.stringify(at ? { action: "schedule", at: at.toISOString() } : { action: "publish" }),
    });
    assert.equal(moved.status, 200, await moved.clone().text());
    return { id, slug };
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "warta-cluster-"));
    database = await createTestDatabase(dir);
    setup = await createDeps(
      loadConfig({
        WARTA_DATABASE_URL: database.url,
        WARTA_MEDIA_DIR: join(dir, "media"),
        WARTA_NODE_ID: "setup",
      }),
      { argon2: { memory: 1024, passes: 1, parallelism: 1 } },
    );
    const { user } = await setup.accounts.users.create(
      {
        email: "editor@warta.test",
        name: "Editor",
        role: "editor",
        personId: null,
        password: "rahasia-editor-1",
      },
      SYSTEM_ACTOR,
    );
    token = (
      await setup.accounts.tokens.create(
        user,
        { name: "klaster", scopes: scopesForRole("editor") },
        SYSTEM_ACTOR,
      )
    ).token;
    sectionId = (await setup.sections.create({ name: "Nasional", slug: "nasional" }, SYSTEM_ACTOR)).id;
    const varnishPort = await freePort();
    ports.a = await freePort();
    ports.b = await freePort();
    await startNode("a", varnishPort);
    await startNode("b", varnishPort);
    varnish = await startVarnish(
      [
        { name: "node_a", host: "127.0.0.1", port: ports.a },
        { name: "node_b", host: "127.0.0.1", port: ports.b },
      ],
      varnishPort,
    );
  });
  after(async () => {
    await varnish?.stop();
    for (const child of Object.values(nodes)) if (child && child.exitCode === null) child.kill("SIGTERM");
    await Promise.all(
      Object.values(nodes).map((c) =>
        c && c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null,
      ),
    );
    await setup?.close();
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  test("a story published through node A is on every door within a second", async () => {
    await text(edge("/"));
    await text(node("b", "/"));
    await text(edge("/")); // the home page is now in Varnish and in B's page cache
    const { id, slug } = await publishThrough("a", "Gunung Lewotobi kembali erupsi");
    const published = Date.now();
    await within(
      1000,
      async () => (await text(node("b", "/"))).includes("Gunung Lewotobi"),
      "home page on node B",
    );
    await within(
      1000,
      async () => (await text(edge("/"))).includes("Gunung Lewotobi"),
      "home page through Varnish",
    );
    const page = await edge(`/nasional/${id}/${slug}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Gunung Lewotobi kembali erupsi/);
    assert.ok(Date.now() - published <= 2000);
  });

  test("kill -9 of node A under read load: readers through Varnish get no 5xx; A catches up on restart", async () => {
    const paths = ["/", "/nasional", "/tidak-ada"];
    for (const path of paths) await text(edge(path));
    const statuses: number[] = [];
    let reading = true;
    const reader = async (offset: number) => {
      for (let i = offset; reading; i++) {
        const response = await fetch(`${varnish.url}${paths[i % paths.length]}?r=${i % 50}`);
        await response.arrayBuffer();
        statuses.push(response.status);
      }
    };
    const readers = [0, 1, 2, 3].map(reader);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = new Promise((resolve) => nodes.a?.once("exit", resolve));
    nodes.a?.kill("SIGKILL");
    await exited;
    // Meanwhile B publishes: A is down and will need to catch up.
    await publishThrough("b", "Kabar saat simpul A mati");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    reading = false;
    await Promise.all(readers);
    const errors = statuses.filter((s) => s >= 500);
    assert.ok(statuses.length > 50, `readers kept reading (${statuses.length})`);
    assert.deepEqual(errors, [], `${errors.length} of ${statuses.length} reads failed`);

    await startNode("a", varnish.port);
    await within(
      1000,
      async () => (await text(node("a", "/"))).includes("Kabar saat simpul A mati"),
      "A after restart",
    );
  });

  test("a story due while its node is down is published once after the restart, with one event", async () => {
    const due = new Date(Date.now() + 1500);
    const { id } = await publishThrough("b", "Embargo saat simpul mati", due);
    const exited = new Promise((resolve) => nodes.b?.once("exit", resolve));
    nodes.b?.kill("SIGKILL");
    await exited;
    const exitedA = new Promise((resolve) => nodes.a?.once("exit", resolve));
    nodes.a?.kill("SIGKILL"); // both nodes down at T
    await exitedA;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await startNode("a", varnish.port);
    await startNode("b", varnish.port);
    await within(
      2000,
      async () => (await text(edge("/"))).includes("Embargo saat simpul mati"),
      "published after restart",
    );
    const log = await setup.store.db
      .selectFrom("scheduled_publications")
      .select("runner")
      .where("article_id", "=", id)
      .execute();
    assert.equal(log.length, 1);
    const events = await setup.store.db
      .selectFrom("outbox")
      .select("payload")
      .where("event_type", "=", "article.published")
      .execute();
    assert.equal(events.filter((e) => JSON.parse(e.payload).articleId === id).length, 1);
  });
});
