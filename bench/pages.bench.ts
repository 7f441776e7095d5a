/**
 * Page serving benchmark (issue #7): Warta against the practical limit — a bare node:http server
 * answering with the same bytes — for warm pages and forced misses, plus cold render times,
 * resident memory and publish-to-visible time, on a generated corpus. Run through bench/run.ts.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { articlePath } from "../src/core/urls.ts";
import { loadConfig } from "../src/app/config.ts";
import { createDeps } from "../src/app/deps.ts";
import { measureColdRender, type ColdRenderResult } from "./cold-render.ts";
import { median, rawGet, round, waitFor } from "./http-util.ts";
import { drive, medianOf, type LoadResult } from "./load.ts";
import { createPostgresCorpus } from "./postgres-corpus.ts";
import {
  memoryOf,
  replayHeaders,
  runChild,
  startBaseline,
  startLimit,
  startWarta,
  stop,
} from "./bench-processes.ts";
import { measurePublishToVisible, type PublishVisibleResult } from "./publish-visible.ts";

export interface PagesBenchOptions {
  articles: number;
  seed: number;
  durationSeconds: number;
  connections: number;
  port: number;
  benchDir: string;
  renders: number;
  rounds: number;
  /** Only these load cases (keys: article, home, section, rss, miss); every one when absent. */
  cases?: string[];
  /** Where the corpus lives: the cached SQLite file, or a fresh PostgreSQL database (bench/postgres-corpus.ts). */
  store: "sqlite" | "postgres";
}

export interface LoadCase {
  page: string;
  url: string;
  bytes: number;
  encoding: string;
  warta: LoadResult;
  limit: LoadResult;
  ratio: number;
  note?: string;
}

export interface PagesBenchResult {
  date: string;
  node: string;
  cpus: number;
  loadAverage: number[];
  corpus: {
    store: "sqlite" | "postgres";
    articles: number;
    seed: number;
    dbBytes: number;
    generateSeconds: number | null;
  };
  load: {
    connections: number;
    durationSeconds: number;
    rounds: number;
    acceptEncoding: string;
    cases: LoadCase[];
    skipped: string[];
  };
  coldRender: ColdRenderResult;
  /** The forced-miss articles' Berita Terkait lists, computed between the two forced-miss cases. */
  relatedFill?: { lists: number; seconds: number; listsPerSecond: number };
  memory: { rssMb: number; peakRssMb: number; afterLoad: boolean; startupRssMb?: number };
  publishToVisible: PublishVisibleResult;
}

export const DEFAULTS: PagesBenchOptions = {
  articles: 100_000,
  seed: 1,
  durationSeconds: 5,
  connections: 64,
  port: 4170,
  benchDir: join(tmpdir(), "warta-bench"),
  renders: 200,
  rounds: 3,
  store: "sqlite",
};

const ACCEPT_ENCODING = "gzip, deflate, br";

function log(message: string): void {
  process.stderr.write(`[pages] ${message}\n`);
}

/** The corpus for (articles, seed): generated once, reused by later runs (also bench/news-day). */
export async function ensureCorpus(options: Pick<PagesBenchOptions, "articles" | "seed" | "benchDir">) {
  const dir = join(options.benchDir, `corpus-${options.articles}-s${options.seed}`);
  const env = { WARTA_DATABASE_URL: `sqlite:${join(dir, "warta.db")}`, WARTA_MEDIA_DIR: join(dir, "media") };
  const marker = join(dir, "ready.json");
  if (!existsSync(marker)) {
    log(`generating ${options.articles.toLocaleString("en-US")} articles into ${dir}`);
    mkdirSync(dir, { recursive: true });
    const start = performance.now();
    await runChild(
      ["src/cli/main.ts", "generate", "--articles", String(options.articles), "--seed", String(options.seed)],
      env,
    );
    writeFileSync(marker, JSON.stringify({ generateSeconds: round((performance.now() - start) / 1000, 1) }));
  }
  const ready = JSON.parse(readFileSync(marker, "utf8")) as { generateSeconds?: number };
  return { dir, env, generateSeconds: ready.generateSeconds ?? null };
}

interface PlannedCase {
  page: string;
  path: string;
  miss?: boolean;
  note?: string;
}

/** One load case: the Warta server at `base` against the bare limit serving the same bytes. */
async function measureCase(
  item: PlannedCase,
  base: string,
  options: PagesBenchOptions,
  dir: string,
  missPaths: string[],
): Promise<LoadCase | string> {
  const first = await rawGet(base + item.path, { "accept-encoding": ACCEPT_ENCODING });
  if (first.status !== 200) return `${item.page}: ${item.path} answered ${first.status}`;
  const sample = await rawGet(base + item.path, { "accept-encoding": ACCEPT_ENCODING });
  const limitPort = options.port + 1;
  const limit = await startLimit(
    limitPort,
    { headers: replayHeaders(sample.headers), body: sample.body },
    dir,
  );
  try {
    const limitRuns: LoadResult[] = [];
    const wartaRuns: LoadResult[] = [];
    for (let round = 0; round < options.rounds; round++) {
      log(`${item.page}: limit (round ${round + 1}/${options.rounds})`);
      limitRuns.push(
        await drive({
          url: `http://127.0.0.1:${limitPort}${item.path}`,
          connections: options.connections,
          durationSeconds: options.durationSeconds,
          headers: { "accept-encoding": ACCEPT_ENCODING },
        }),
      );
      log(`${item.page}: warta (round ${round + 1}/${options.rounds})`);
      wartaRuns.push(
        await drive({
          url: base + item.path,
          connections: options.connections,
          durationSeconds: options.durationSeconds,
          headers: item.miss
            ? { "accept-encoding": ACCEPT_ENCODING, "x-warta-cache-bypass": "1" }
            : { "accept-encoding": ACCEPT_ENCODING },
          ...(item.miss ? { paths: missPaths } : {}),
        }),
      );
    }
    const limitResult = medianOf(limitRuns);
    const wartaResult = medianOf(wartaRuns);
    return {
      page: item.page,
      url: item.path,
      bytes: sample.body.length,
      encoding: String(sample.headers["content-encoding"] ?? "identity"),
      warta: wartaResult,
      limit: limitResult,
      ratio: round(wartaResult.requestsPerSecond / limitResult.requestsPerSecond, 3),
      ...(item.note ? { note: item.note } : {}),
    };
  } finally {
    await stop(limit);
  }
}

interface Corpus {
  dir: string;
  env: Record<string, string>;
  generateSeconds: number | null;
  dbBytes(): Promise<number>;
}

export async function run(partial: Partial<PagesBenchOptions> = {}): Promise<PagesBenchResult> {
  const options = { ...DEFAULTS, ...partial };
  if (options.store === "postgres") {
    log(`generating ${options.articles.toLocaleString("en-US")} articles into a fresh PostgreSQL database`);
    const corpus = await createPostgresCorpus(options);
    try {
      return await measure(options, corpus);
    } finally {
      await corpus.drop();
    }
  }
  const corpus = await ensureCorpus(options);
  return measure(options, { ...corpus, dbBytes: async () => statSync(join(corpus.dir, "warta.db")).size });
}

async function measure(options: PagesBenchOptions, corpus: Corpus): Promise<PagesBenchResult> {
  const config = loadConfig({ ...corpus.env, WARTA_LOG_LEVEL: "warn" });

  // 1. Cold render, in-process, before any server competes for the CPU.
  log("cold render (in-process, no page cache)");
  const deps = await createDeps(config);
  let coldRender: ColdRenderResult;
  let missPaths: string[];
  let missIds: number[];
  let targets: { article: string; section: string };
  try {
    // `warta generate` publishes no events: its corpus is indexed here once (as `warta reindex`).
    const { rows: live } = await sql<{ n: number }>`
      SELECT count(*) AS n FROM articles WHERE status = 'published'`.execute(deps.store.db);
    if (((await deps.search.index.documentCount?.()) ?? 0) < Number(live[0]?.n ?? 0) * 0.9) {
      log("indexing the corpus for search (once)");
      await deps.search.reindex();
    }
    coldRender = await measureColdRender(deps, options.renders);
    const directory = await deps.sections.directory();
    const { rows } = await sql<{ id: number; slug: string; section_id: number }>`
      SELECT id, slug, section_id FROM articles WHERE status = 'published' ORDER BY random() LIMIT 3000`.execute(
      deps.store.db,
    );
    missPaths = rows.flatMap((r) => {
      const path = directory.pathOf(r.section_id);
      return path ? [articlePath(path, r.id, r.slug)] : [];
    });
    missIds = rows.map((r) => r.id);
    // The forced-miss baseline is an archive whose stories have no stored Berita Terkait list yet
    // (a generated or imported corpus before `warta related --all`).
    await deps.store.db.deleteFrom("related_stories").where("article_id", "in", missIds).execute();
    const top = directory.children(null)[0];
    targets = { article: (await deps.reading.latest(1))[0]?.url ?? "/", section: top ? `/${top.slug}` : "/" };
  } finally {
    await deps.close();
  }

  // 2. Load: Warta (child process) against the bare limit serving the same bytes.
  const base = `http://127.0.0.1:${options.port}`;
  const cases: LoadCase[] = [];
  const skipped: string[] = [];
  const wanted = (key: string) => !options.cases || options.cases.includes(key);
  const missNote = `every request renders one of ${missPaths.length} articles (cache bypass), compresses, stores nothing`;
  const measure = async (item: PlannedCase) => {
    const measured = await measureCase(item, base, options, corpus.dir, missPaths);
    if (typeof measured === "string") skipped.push(measured);
    else cases.push(measured);
  };
  let relatedFill: PagesBenchResult["relatedFill"];
  if (wanted("miss")) {
    // 2a. Before #14: missing lists computed on the request path (bench/related-baseline-server.ts).
    const baseline = await startBaseline(corpus.env, options.port);
    try {
      await waitFor(`${base}/healthz`, 300_000);
      await measure({
        page: "article (forced miss, lists computed on render: before #14)",
        path: targets.article,
        miss: true,
        note: `${missNote}; their Berita Terkait lists are not stored yet`,
      });
    } finally {
      await stop(baseline);
    }
    // 2b. The lists computed as `warta related --all` does.
    log(`computing the Berita Terkait lists of the ${missIds.length} forced-miss articles`);
    const fillDeps = await createDeps(config, { backgroundWork: false });
    try {
      const started = performance.now();
      const lists = await fillDeps.relatedStories.fill({ ids: missIds });
      const seconds = (performance.now() - started) / 1000;
      relatedFill = { lists, seconds: round(seconds, 1), listsPerSecond: round(lists / seconds, 1) };
    } finally {
      await fillDeps.close();
    }
  }
  const warta = startWarta(corpus.env, options.port);
  let memory: PagesBenchResult["memory"] = { rssMb: NaN, peakRssMb: NaN, afterLoad: false };
  let startupRssMb = NaN;
  try {
    await waitFor(`${base}/healthz`, 300_000);
    if (warta.pid !== undefined) startupRssMb = memoryOf(warta.pid).rssMb;
    const plan: (PlannedCase & { key: string })[] = [
      { key: "article", page: "article (warm)", path: targets.article },
      { key: "home", page: "home", path: "/" },
      { key: "section", page: "section", path: targets.section },
      { key: "rss", page: "rss", path: "/feed/rss.xml" },
      {
        key: "miss",
        page: "article (forced miss)",
        path: targets.article,
        miss: true,
        note: `${missNote}; lists stored (warta related --all)`,
      },
    ];
    for (const item of plan) if (wanted(item.key)) await measure(item);
    if (warta.pid !== undefined) memory = { ...memoryOf(warta.pid), afterLoad: true, startupRssMb };
  } finally {
    await stop(warta);
  }

  // 3. Publish-to-visible, Warta in-process so the publish reaches its cache.
  log("publish-to-visible");
  const publishDeps = await createDeps(config);
  let publishToVisible: PublishVisibleResult;
  try {
    publishToVisible = await measurePublishToVisible(publishDeps, options.port + 2);
  } finally {
    await publishDeps.close();
  }

  const { cpus, loadavg } = await import("node:os");
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    loadAverage: loadavg().map((n) => round(n)),
    corpus: {
      store: options.store,
      articles: options.articles,
      seed: options.seed,
      dbBytes: await corpus.dbBytes(),
      generateSeconds: corpus.generateSeconds,
    },
    load: {
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      rounds: options.rounds,
      acceptEncoding: ACCEPT_ENCODING,
      cases,
      skipped,
    },
    coldRender,
    ...(relatedFill ? { relatedFill } : {}),
    memory,
    publishToVisible,
  };
}

export function formatPagesResult(result: PagesBenchResult): string {
  const lines = [
    `Pages on ${result.corpus.articles.toLocaleString("en-US")} articles, ${result.corpus.store ?? "sqlite"} (${result.cpus} CPUs, load ${result.loadAverage.join(" ")}, ${result.load.connections} connections, ${result.load.durationSeconds} s × ${result.load.rounds} rounds each (medians), ${result.load.acceptEncoding}, ${result.load.cases[0]?.limit.tool ?? "?"}):`,
    `  ${"page".padEnd(22)} ${"bytes".padStart(7)} ${"warta req/s".padStart(12)} ${"p50".padStart(6)} ${"p99".padStart(6)} ${"limit req/s".padStart(12)} ${"p50".padStart(6)} ${"p99".padStart(6)} ${"ratio".padStart(6)}`,
  ];
  for (const c of result.load.cases)
    lines.push(
      `  ${c.page.padEnd(22)} ${String(c.bytes).padStart(7)} ${Math.round(c.warta.requestsPerSecond).toString().padStart(12)} ${c.warta.p50Ms.toFixed(1).padStart(6)} ${c.warta.p99Ms.toFixed(1).padStart(6)} ${Math.round(c.limit.requestsPerSecond).toString().padStart(12)} ${c.limit.p50Ms.toFixed(1).padStart(6)} ${c.limit.p99Ms.toFixed(1).padStart(6)} ${c.ratio.toFixed(2).padStart(6)}`,
    );
  for (const s of result.load.skipped) lines.push(`  skipped ${s}`);
  const before = result.load.cases.find((c) => c.page.startsWith("article (forced miss, lists computed"));
  const after = result.load.cases.find((c) => c.page === "article (forced miss)");
  if (before && after)
    lines.push(
      `Forced miss with stored lists vs lists computed on render (before #14): ${Math.round(after.warta.requestsPerSecond)} vs ${Math.round(before.warta.requestsPerSecond)} req/s, ×${(after.warta.requestsPerSecond / before.warta.requestsPerSecond).toFixed(1)}`,
    );
  if (result.relatedFill)
    lines.push(
      `Berita Terkait fill (warta related --all's path): ${result.relatedFill.lists} lists in ${result.relatedFill.seconds} s (${result.relatedFill.listsPerSecond} lists/s)`,
    );
  const r = result.coldRender;
  lines.push(
    `Cold render, median wall / p90 wall / median CPU ms: ` +
      (
        [
          "article",
          "articleWithoutRelatedSearch",
          "relatedCompute",
          "home",
          "section",
          "tag",
          "person",
        ] as const
      )
        .map((k) => `${k} ${r[k].medianMs} / ${r[k].p90Ms} / ${r[k].cpuMedianMs}`)
        .join(", ") +
      `; br+gzip of an article ${r.articleCompress.medianMs} ms (${r.articleHtmlBytes} bytes HTML); ${r.searchDocuments} search documents`,
    `Memory of the serving process after the load: RSS ${result.memory.rssMb} MB (peak ${result.memory.peakRssMb} MB; ${result.memory.startupRssMb ?? "?"} MB once ready)`,
    `Publish-to-visible on ${result.publishToVisible.pages.length} pages: median ${result.publishToVisible.medianAllPagesMs} ms, max ${result.publishToVisible.maxAllPagesMs} ms over ${result.publishToVisible.trials} publishes (the publish call itself: median ${round(median(result.publishToVisible.publishCallMs), 1)} ms)`,
  );
  for (const failure of result.publishToVisible.failures) lines.push(`  ! ${failure}`);
  return lines.join("\n");
}
