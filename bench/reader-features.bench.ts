/**
 * Reader features (issue 17), run as `npx node --expose-gc bench/reader-features.bench.ts`:
 *
 * 1. Warm hit-path throughput of an article page with Terpopuler counting on (`server`) vs off,
 *    alternating rounds against two server processes on one store; ratio = on / off (goal ≥ 0.95).
 * 2. Live blog: N idle Server-Sent Events connections to one node (resident memory per
 *    connection, against the same node before they opened), and the time from posting an entry to
 *    the last of them receiving it.
 *
 * Env: BENCH_SECONDS (5), BENCH_ROUNDS (3), BENCH_CONNECTIONS (50), BENCH_SSE (10000; 0 skips),
 * BENCH_ON_MODE (server; `off` makes an A/A control run of the two processes).
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { request, type ClientRequest } from "node:http";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/app/config.ts";
import { createDeps } from "../src/app/deps.ts";
import { SYSTEM_ACTOR } from "../src/core/actor.ts";
import { buildArticle, buildSection } from "../src/testing/factories.ts";
import { median, rawGet, round } from "./http-util.ts";
import { drive, type LoadResult } from "./load.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SSE = Number(process.env.BENCH_SSE ?? 10_000);
const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
const ROOT = new URL("../", import.meta.url).pathname;

const dir = mkdtempSync(join(tmpdir(), "warta-reader-bench-"));
const file = join(dir, "warta.db");

/** What counting adds to one hit, in-process: the bot check (cached) and one map increment. */
let countedReadNs = 0;
function perReadNs(deps: Awaited<ReturnType<typeof createDeps>>, articleId: number): number {
  const batch = 200_000;
  const batches: number[] = [];
  for (let b = 0; b < 7; b++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) deps.reader.views.record(articleId, BROWSER);
    batches.push(Number(process.hrtime.bigint() - started) / batch);
  }
  return round(median(batches), 1);
}

async function prepare(): Promise<{ articleUrl: string; liveId: number }> {
  const deps = await createDeps(
    loadConfig({ WARTA_DATABASE_URL: `sqlite:${file}`, WARTA_MEDIA_DIR: join(dir, "media") }),
  );
  const section = await buildSection(deps, { name: "Nasional", slug: "nasional" });
  const ids: number[] = [];
  for (let i = 0; i < 30; i++) {
    const article = await buildArticle(deps, {
      headline: `Berita uji nomor ${i + 1} tentang pembangunan daerah`,
      sectionId: section.id,
      publishedAt: new Date(Date.now() - (i + 1) * 3_600_000),
    });
    ids.push(article.id);
    for (let v = 0; v < 30 - i; v++) deps.reader.views.record(article.id, BROWSER);
  }
  await deps.reader.views.flush();
  countedReadNs = perReadNs(deps, ids[5] as number);
  await deps.reader.views.flush();
  const liveId = ids[0] as number;
  await deps.reader.liveBlogs.start(liveId, {}, SYSTEM_ACTOR);
  const model = await deps.reading.articlePage(ids[10] as number);
  await deps.close();
  return { articleUrl: model?.url ?? "/", liveId };
}

function server(port: number, counting: string): Promise<ChildProcess> {
  const child = fork(join(ROOT, "bench/reader-server.ts"), [String(port), file, counting], {
    stdio: "inherit",
    execArgv: ["--expose-gc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function ask<T>(child: ChildProcess, message: unknown): Promise<T> {
  return new Promise((resolve) => {
    child.once("message", (reply) => resolve(reply as T));
    child.send(message as never);
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

async function hitPath(articleUrl: string) {
  const off = await server(4711, "off");
  const on = await server(4712, process.env.BENCH_ON_MODE ?? "server");
  const headers = { "user-agent": BROWSER, "accept-encoding": "br" };
  const runs: { off: LoadResult[]; on: LoadResult[] } = { off: [], on: [] };
  try {
    for (const port of [4711, 4712]) {
      for (let i = 0; i < 2; i++) await rawGet(`http://127.0.0.1:${port}${articleUrl}`, headers);
      const warm = await rawGet(`http://127.0.0.1:${port}${articleUrl}`, headers);
      if (warm.headers["x-cache"] !== "HIT") throw new Error(`port ${port}: not a cache hit`);
    }
    const run = (port: number) =>
      drive({
        url: `http://127.0.0.1:${port}${articleUrl}`,
        connections: CONNECTIONS,
        durationSeconds: SECONDS,
        headers,
      });
    // Alternating which goes first, so drift in the machine's load favours neither.
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        runs.off.push(await run(4711));
        runs.on.push(await run(4712));
      } else {
        runs.on.push(await run(4712));
        runs.off.push(await run(4711));
      }
    }
  } finally {
    await stop(off);
    await stop(on);
  }
  const rps = (list: LoadResult[]) => round(median(list.map((r) => r.requestsPerSecond)), 1);
  // Each round runs both servers back to back: its ratio compares them under (nearly) the same load.
  const perRound = runs.on
    .map((on, i) => on.requestsPerSecond / (runs.off[i]?.requestsPerSecond ?? Number.NaN))
    .sort((a, b) => a - b);
  const quantile = (q: number) => round(perRound[Math.round(q * (perRound.length - 1))] ?? Number.NaN, 3);
  return {
    tool: runs.on[0]?.tool,
    offRps: rps(runs.off),
    onRps: rps(runs.on),
    ratio: round(rps(runs.on) / rps(runs.off), 3),
    roundRatio: {
      median: round(median(perRound), 3),
      min: quantile(0),
      p25: quantile(0.25),
      p75: quantile(0.75),
      max: quantile(1),
    },
    offRuns: runs.off.map((r) => round(r.requestsPerSecond, 1)),
    onRuns: runs.on.map((r) => round(r.requestsPerSecond, 1)),
    p99OffMs: round(median(runs.off.map((r) => r.p99Ms)), 2),
    p99OnMs: round(median(runs.on.map((r) => r.p99Ms)), 2),
    errors: [...runs.on, ...runs.off].reduce((n, r) => n + r.errors + r.non2xx, 0),
  };
}

async function sse(liveId: number) {
  const node = await server(4713, "server");
  const clients: ClientRequest[] = [];
  try {
    const before = await ask<{ rss: number }>(node, "memory");
    let received = 0;
    let allReceived: () => void = () => {};
    const everyone = new Promise<void>((resolve) => (allReceived = resolve));
    let opened = 0;
    const openAt = Date.now();
    await new Promise<void>((resolve, reject) => {
      const step = Math.ceil(SSE / 50);
      // 50 chains, each opening its own share of the connections one after another.
      const open = (i: number, end: number) => {
        const req = request(
          { host: "127.0.0.1", port: 4713, path: `/_langsung/${liveId}`, agent: false },
          (res) => {
            res.setEncoding("utf8");
            let seen = false;
            res.on("data", (chunk: string) => {
              if (!seen && chunk.includes("event: entry")) {
                seen = true;
                if (++received === SSE) allReceived();
              }
            });
            if (++opened === SSE) resolve();
            else if (i + 1 < end) open(i + 1, end);
          },
        );
        req.on("error", reject);
        req.end();
        clients.push(req);
      };
      for (let start = 0; start < SSE; start += step) open(start, Math.min(SSE, start + step));
    }).catch((error) => {
      throw error;
    });
    const openSeconds = (Date.now() - openAt) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await ask<{ rss: number }>(node, "memory");
    const started = performance.now();
    const server = ask<{ serverMs: number }>(node, { post: liveId });
    await everyone;
    const { serverMs } = await server;
    const fanOutMs = performance.now() - started;
    return {
      connections: SSE,
      openSeconds: round(openSeconds, 1),
      rssBeforeMb: round(before.rss / 1048576, 1),
      rssAfterMb: round(after.rss / 1048576, 1),
      bytesPerConnection: Math.round((after.rss - before.rss) / SSE),
      fanOutMs: round(fanOutMs, 1),
      serverPostAndWriteMs: round(serverMs, 1),
    };
  } finally {
    for (const req of clients) req.destroy();
    await stop(node);
  }
}

const load = () => loadavg().map((n) => round(n, 1));
const { articleUrl, liveId } = await prepare();
const loadBefore = load();
const hit = await hitPath(articleUrl);
const loadAfter = load();
const spread = hit.roundRatio;
console.log(
  `hit path (${hit.tool}, ${CONNECTIONS} conn, ${ROUNDS}×${SECONDS}s; load average ${loadBefore.join("/")} before, ${loadAfter.join("/")} after): counting off ${hit.offRps} req/s, on ${hit.onRps} req/s, ratio of medians ${hit.ratio}; per-round ratio median ${spread.median} (quartiles ${spread.p25}–${spread.p75}, range ${spread.min}–${spread.max}) (runs off ${hit.offRuns.join("/")}, on ${hit.onRuns.join("/")}; p99 ${hit.p99OffMs}/${hit.p99OnMs} ms; errors ${hit.errors})`,
);
// The bound the in-process cost puts on the ratio, whatever the machine's load does to the runs:
// the server is one thread, so at R req/s a hit costs it at most 1/R s; counting adds c to each.
const fastest = Math.max(...hit.offRuns);
console.log(
  `one counted read: ${countedReadNs} ns in-process (median of 7×200,000); at the fastest off round (${fastest} req/s) counting bounds the ratio at ≥ ${round(1 / (1 + (countedReadNs * fastest) / 1e9), 4)}`,
);
const stream = SSE > 0 ? await sse(liveId) : null;
if (stream)
  console.log(
    `SSE: ${stream.connections} idle connections opened in ${stream.openSeconds}s; RSS ${stream.rssBeforeMb} → ${stream.rssAfterMb} MB (${stream.bytesPerConnection} B per connection); entry posted → received by all in ${stream.fanOutMs} ms (server: post + writes to all streams ${stream.serverPostAndWriteMs} ms)`,
  );
mkdirSync(join(ROOT, "bench/results"), { recursive: true });
writeFileSync(
  join(ROOT, "bench/results/reader-features.json"),
  `${JSON.stringify({ date: new Date().toISOString(), loadAverage: { before: loadBefore, after: loadAfter }, countedReadNs, hitPath: hit, sse: stream }, null, 2)}\n`,
);
process.exit(0);
