/**
 * A simulated news day (issue #16): a generated corpus (1M articles by default, the pages bench's
 * cached corpus), Zipf-distributed reads over article pages (by recency rank) plus the home page and
 * section pages, a publish every few simulated minutes and updates of the newest stories in
 * between, compressed in time. Measured through the in-process page cache alone and through
 * Varnish (the shipped VCL, started here on loopback) in front of it, under the rule before
 * (`WARTA_TERBARU=inline`: TERBARU in every article page, so every publish purges every article
 * page) and after (TERBARU as an edge-side include). Prints hit ratio and origin renders per
 * 1,000 reads for each, and the ratios. Run through bench/run.ts (`--only news-day`).
 */
import type { AddressInfo } from "node:net";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { SYSTEM_ACTOR } from "../src/core/actor.ts";
import { articlePath } from "../src/core/urls.ts";
import { paragraph } from "../src/content/body.schema.ts";
import { loadConfig } from "../src/app/config.ts";
import { createDeps, type Deps } from "../src/app/deps.ts";
import { buildApp } from "../src/server/app.ts";
import type { PageCacheStats } from "../src/cache/page-cache.ts";
import { freePort, startVarnish, varnishSkipReason, type RunningVarnish } from "../src/testing/varnish.ts";
import { median, rawGet, round } from "./http-util.ts";
import type { Layer, NewsDayResult, Rule, ScenarioResult } from "./news-day-report.ts";
import { newsDayPlan, TRAFFIC_DEFAULTS, type NewsDayStep } from "./news-day-traffic.ts";
import { DEFAULTS as PAGES_DEFAULTS, ensureCorpus } from "./pages.bench.ts";

export interface NewsDayOptions {
  articles: number;
  seed: number;
  benchDir: string;
  reads: number;
  warmupReads: number;
  publishes: number;
  updatesPerPublish: number;
  /** Simulated minutes between two publishes (only labels the compression of time). */
  minutesPerPublish: number;
  concurrency: number;
  /** Memory of each cache: the in-process page cache and Varnish's malloc storage. */
  cacheMb: number;
  /** Which caches to measure through (both by default; Varnish only when installed). */
  layers: Layer[];
}

export const NEWS_DAY_DEFAULTS: NewsDayOptions = {
  articles: 1_000_000,
  seed: 1,
  benchDir: "",
  reads: 40_000,
  warmupReads: 10_000,
  publishes: 60,
  updatesPerPublish: 2,
  minutesPerPublish: 4,
  concurrency: 4,
  cacheMb: 256,
  layers: ["in-process", "varnish"],
};

const ACCEPT_ENCODING = "gzip, br";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function log(message: string): void {
  process.stderr.write(`[news-day] ${message}\n`);
}

interface Origin {
  deps: Deps;
  base: string;
  requests(): number;
  cacheStats(): PageCacheStats | null;
  close(): Promise<void>;
}

async function startOrigin(
  env: Record<string, string>,
  rule: Rule,
  cacheMb: number,
  purgeUrl: string | null,
): Promise<Origin> {
  const port = await freePort();
  const config = loadConfig({
    ...env,
    PORT: String(port),
    HOST: "127.0.0.1",
    WARTA_LOG_LEVEL: "warn",
    WARTA_NODE_ID: "news-day",
    WARTA_TERBARU: rule === "before" ? "inline" : "include",
    // Terpopuler counting is another question; its lists stay as the corpus has them.
    WARTA_VIEW_COUNTING: "off",
    WARTA_PAGE_CACHE_MB: String(cacheMb),
    ...(purgeUrl ? { WARTA_PURGE_URL: purgeUrl } : {}),
  });
  const deps = await createDeps(config);
  const app = await buildApp(deps);
  await app.listen({ port, host: "127.0.0.1" });
  let requests = 0;
  // After listen: the page cache has installed its hit path, so this listener only counts.
  app.server.prependListener("request", (req) => {
    if (req.url !== "/healthz") requests++;
  });
  return {
    deps,
    base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    requests: () => requests,
    cacheStats: () => app.pageCache?.stats() ?? null,
    async close() {
      await deps.relatedStories.settled();
      await app.close();
      await deps.close();
    },
  };
}

/** The readable stories newest first (the Zipf ranks), and the section pages. */
async function siteMap(deps: Deps) {
  const directory = await deps.sections.directory();
  const { rows } = await sql<{ id: number; slug: string; section_id: number }>`
    SELECT id, slug, section_id FROM articles WHERE status = 'published'
    ORDER BY published_at DESC, id DESC`.execute(deps.store.db);
  const stories = rows.map((r) => ({ id: r.id, sectionId: r.section_id, slug: r.slug }));
  const sections = directory.all.flatMap((s) => {
    const path = directory.pathOf(s.id);
    return path
      ? [{ id: s.id, url: "/" + [...path.ancestors, path.section].map((x) => x.slug).join("/") }]
      : [];
  });
  const urlOf = (story: { id: number; sectionId: number; slug: string }): string => {
    const path = directory.pathOf(story.sectionId);
    return path ? articlePath(path, story.id, story.slug) : "/";
  };
  return { stories, sections, urlOf };
}

type SiteMap = Awaited<ReturnType<typeof siteMap>>;

async function runScenario(
  layer: Layer,
  rule: Rule,
  corpusEnv: Record<string, string>,
  plan: { warmup: NewsDayStep[]; day: NewsDayStep[] },
  options: NewsDayOptions,
): Promise<ScenarioResult> {
  const varnishPort = layer === "varnish" ? await freePort() : null;
  const origin = await startOrigin(
    corpusEnv,
    rule,
    options.cacheMb,
    varnishPort ? `http://127.0.0.1:${varnishPort}/` : null,
  );
  let varnish: RunningVarnish | null = null;
  try {
    const port = Number(new URL(origin.base).port);
    if (varnishPort)
      varnish = await startVarnish(
        [{ name: "warta", host: "127.0.0.1", port }],
        varnishPort,
        `malloc,${options.cacheMb}m`,
      );
    const front = varnish ? varnish.url : origin.base;
    log(`${layer}, ${rule}: loading the ranks`);
    const site: SiteMap = await siteMap(origin.deps);
    const fresh: SiteMap["stories"] = []; // published during this scenario, newest last
    const storyAt = (rank: number) =>
      rank < fresh.length ? fresh[fresh.length - 1 - rank] : site.stories[rank - fresh.length];
    const leaves = site.sections.filter((s) => s.url.split("/").length >= 3);
    const cache = () => origin.cacheStats();

    let hits = 0;
    let non200 = 0;
    const latencies: number[] = [];
    let counting = false;
    const read = async (step: NewsDayStep) => {
      const url =
        step.kind === "home"
          ? "/"
          : step.kind === "section"
            ? (site.sections[step.index % site.sections.length]?.url ?? "/")
            : step.kind === "article"
              ? site.urlOf(storyAt(step.rank) ?? (site.stories[0] as SiteMap["stories"][0]))
              : "/";
      const start = performance.now();
      const response = await rawGet(front + url, { "accept-encoding": ACCEPT_ENCODING });
      if (!counting) return;
      latencies.push(performance.now() - start);
      if (response.status !== 200) non200++;
      else if (response.headers["x-cache"] === "HIT") hits++;
    };
    let publishes = 0;
    let updates = 0;
    const write = async (step: NewsDayStep) => {
      if (step.kind === "publish") {
        const section = leaves[publishes % leaves.length] ?? site.sections[0];
        if (!section) throw new Error("no sections in the corpus");
        const headline = `Kabar hari ini nomor ${publishes + 1} (${layer}, ${rule})`;
        const draft = await origin.deps.articles.create(
          {
            headline,
            sectionId: section.id,
            body: { version: 1, blocks: [paragraph(`Isi ${headline}: berita yang baru terbit.`)] },
          },
          SYSTEM_ACTOR,
        );
        const live = await origin.deps.articles.transition(draft.id, "publish", SYSTEM_ACTOR);
        fresh.push({ id: live.id, sectionId: live.sectionId, slug: live.slug });
        publishes++;
      } else if (step.kind === "update") {
        const story = storyAt(step.rank);
        if (!story) return;
        const current = await origin.deps.articles.get(story.id);
        await origin.deps.articles.update(
          story.id,
          {
            headline: current.headline,
            slug: current.slug,
            sectionId: current.sectionId,
            body: {
              ...current.body,
              blocks: [...current.body.blocks, paragraph(`Pembaruan ke-${updates + 1}: keterangan terbaru.`)],
            },
          },
          SYSTEM_ACTOR,
          { expectedVersion: current.version },
        );
        updates++;
      }
      // The purge of Varnish is sent after the commit, without waiting: let it land.
      if (varnish) await sleep(20);
    };
    const play = async (steps: NewsDayStep[]) => {
      let i = 0;
      while (i < steps.length) {
        const batch: NewsDayStep[] = [];
        while (i < steps.length && ["article", "home", "section"].includes((steps[i] as NewsDayStep).kind))
          batch.push(steps[i++] as NewsDayStep);
        let next = 0;
        await Promise.all(
          Array.from({ length: options.concurrency }, async () => {
            while (next < batch.length) await read(batch[next++] as NewsDayStep);
          }),
        );
        if (i < steps.length) await write(steps[i++] as NewsDayStep);
      }
    };

    log(`${layer}, ${rule}: warm-up, ${plan.warmup.length.toLocaleString("en-US")} reads`);
    await play(plan.warmup);
    const before = cache();
    const requestsBefore = origin.requests();
    counting = true;
    log(`${layer}, ${rule}: the day, ${options.reads.toLocaleString("en-US")} reads`);
    const start = performance.now();
    await play(plan.day);
    const seconds = (performance.now() - start) / 1000;
    const after = cache();
    const per1000 = (n: number) => round((n * 1000) / options.reads, 1);
    const result: ScenarioResult = {
      layer,
      rule,
      reads: options.reads,
      hitRatio: round(hits / options.reads, 4),
      composedPer1000:
        layer === "in-process" && before && after ? per1000(after.compositions - before.compositions) : 0,
      originRendersPer1000: before && after ? per1000(after.misses - before.misses) : NaN,
      backendFetchesPer1000: varnish ? per1000(origin.requests() - requestsBefore) : null,
      readMedianMs: round(median(latencies), 2),
      readP90Ms: round([...latencies].sort((a, b) => a - b)[Math.floor(latencies.length * 0.9)] ?? NaN, 2),
      evictions: before && after ? after.evictions - before.evictions : 0,
      publishes,
      updates,
      non200,
      seconds: round(seconds, 1),
    };
    log(`${layer}, ${rule}: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await varnish?.stop();
    await origin.close();
  }
}

export async function run(partial: Partial<NewsDayOptions> = {}): Promise<NewsDayResult> {
  const options: NewsDayOptions = { ...NEWS_DAY_DEFAULTS, ...partial };
  if (options.benchDir === "") options.benchDir = PAGES_DEFAULTS.benchDir;
  const corpus = await ensureCorpus(options);
  const skipped: string[] = [];

  // The plan needs the number of stories and sections: read them once.
  const probe = await createDeps(loadConfig({ ...corpus.env, WARTA_LOG_LEVEL: "warn" }));
  let counts: { stories: number; sections: number };
  try {
    const map = await siteMap(probe);
    counts = { stories: map.stories.length, sections: map.sections.length };
  } finally {
    await probe.close();
  }
  log(`${counts.stories.toLocaleString("en-US")} live stories, ${counts.sections} sections`);
  const plan = newsDayPlan({
    reads: options.reads,
    warmupReads: options.warmupReads,
    publishes: options.publishes,
    updatesPerPublish: options.updatesPerPublish,
    articles: counts.stories,
    sections: counts.sections,
    seed: options.seed,
    ...TRAFFIC_DEFAULTS,
  });

  const layers: Layer[] = options.layers.filter((layer) => layer === "in-process");
  const noVarnish = varnishSkipReason();
  if (!options.layers.includes("varnish")) skipped.push("varnish: not asked for (--layers)");
  else if (noVarnish) skipped.push(`varnish: ${noVarnish}`);
  else layers.push("varnish");
  const scenarios: ScenarioResult[] = [];
  for (const layer of layers)
    for (const rule of ["before", "after"] as const)
      scenarios.push(await runScenario(layer, rule, corpus.env, plan, options));

  const comparison = layers.flatMap((layer) => {
    const before = scenarios.find((s) => s.layer === layer && s.rule === "before");
    const after = scenarios.find((s) => s.layer === layer && s.rule === "after");
    if (!before || !after) return [];
    return [
      {
        layer,
        rendersBeforeOverAfter: round(before.originRendersPer1000 / after.originRendersPer1000, 2),
        hitRatioBefore: before.hitRatio,
        hitRatioAfter: after.hitRatio,
      },
    ];
  });
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    loadAverage: loadavg().map((n) => round(n)),
    options,
    simulated: {
      minutes: options.publishes * options.minutesPerPublish,
      readsPerPublish: round(options.reads / options.publishes, 1),
      zipf: TRAFFIC_DEFAULTS.zipf,
      homeShare: TRAFFIC_DEFAULTS.homeShare,
      sectionShare: TRAFFIC_DEFAULTS.sectionShare,
    },
    scenarios,
    comparison,
    skipped,
  };
}
