/**
 * `npm run bench` — the page benchmark (bench/pages.bench.ts) and, when present, the stemmer, search
 * and import benchmarks' exported run(). Results go to bench/results/*.json.
 *
 *   npm run bench                                  everything, 100k-article corpus
 *   npm run bench -- --only pages --articles 1000000
 *   npm run bench -- --only pages --duration 10 --connections 64 --rounds 3
 *   npm run bench -- --only pages --cases miss     forced misses only: lists computed on render (before #14) vs stored
 *   npm run bench -- --only pages --store postgres --articles 100000
 *                                    the same in a fresh PostgreSQL database at WARTA_BENCH_POSTGRES_URL
 *                                    (default postgres://postgres@127.0.0.1:5432/postgres), dropped after
 *   npm run bench -- --only search --store postgres --articles 1000000
 *   npm run bench -- --only stemmer,search,import
 *   npm run bench -- --only related --articles 20000   Berita Terkait: SQLite vs PostgreSQL (before/after)
 *   npm run bench -- --only media                  image pipeline (bench/media.bench.ts)
 *   npm run bench -- --only admin                  the newsroom admin (bench/admin.bench.ts)
 *   npm run bench -- --only relevance --limit 500   relevance on the first 500 questions (both stores)
 *   npm run bench -- --only news-day               simulated news day at 1M, in-process cache and Varnish,
 *                                                  before/after the TERBARU include (bench/news-day.bench.ts)
 *   npm run bench -- --only news-day --articles 100000 --reads 20000 --publishes 30 --warmup 5000
 *   npm run bench -- --only news-day --layers varnish      only through Varnish
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULTS, formatPagesResult, run as runPages } from "./pages.bench.ts";
import { formatMediaResult, run as runMedia } from "./media.bench.ts";
import { NEWS_DAY_DEFAULTS, run as runNewsDay } from "./news-day.bench.ts";
import { formatNewsDayResult } from "./news-day-report.ts";

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    articles: { type: "string" },
    seed: { type: "string" },
    duration: { type: "string" },
    connections: { type: "string" },
    port: { type: "string" },
    dir: { type: "string" },
    rounds: { type: "string" },
    limit: { type: "string" },
    cases: { type: "string" },
    store: { type: "string" },
    reads: { type: "string" },
    warmup: { type: "string" },
    publishes: { type: "string" },
    updates: { type: "string" },
    "cache-mb": { type: "string" },
    layers: { type: "string" },
  },
  strict: true,
});

const RESULTS = new URL("./results/", import.meta.url);
const selected = new Set(
  (values.only ?? "pages,stemmer,search,import,extraction,media").split(",").map((s) => s.trim()),
);
const number = (value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`not a positive whole number: ${value}`);
  return n;
};
const sizeLabel = (n: number): string =>
  n % 1_000_000 === 0 ? `${n / 1_000_000}m` : n % 1000 === 0 ? `${n / 1000}k` : String(n);

const store = values.store ?? "sqlite";
if (store !== "sqlite" && store !== "postgres")
  throw new Error(`--store must be sqlite or postgres: ${store}`);

mkdirSync(RESULTS, { recursive: true });

if (selected.has("pages")) {
  const result = await runPages({
    articles: number(values.articles, DEFAULTS.articles),
    seed: number(values.seed, DEFAULTS.seed),
    durationSeconds: number(values.duration, DEFAULTS.durationSeconds),
    connections: number(values.connections, DEFAULTS.connections),
    port: number(values.port, DEFAULTS.port),
    benchDir: values.dir ?? DEFAULTS.benchDir,
    rounds: number(values.rounds, DEFAULTS.rounds),
    ...(values.cases ? { cases: values.cases.split(",").map((c) => c.trim()) } : {}),
    store,
  });
  const file = new URL(
    `pages-${store === "postgres" ? "postgres-" : ""}${sizeLabel(result.corpus.articles)}.json`,
    RESULTS,
  );
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(formatPagesResult(result));
  console.log(`→ ${file.pathname}`);
}

if (selected.has("media")) {
  const result = await runMedia({
    durationSeconds: number(values.duration, 5),
    connections: number(values.connections, 16),
    rounds: number(values.rounds, 3),
  });
  const file = new URL("media.json", RESULTS);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(formatMediaResult(result));
  console.log(`→ ${file.pathname}`);
}

if (selected.has("news-day")) {
  const result = await runNewsDay({
    articles: number(values.articles, NEWS_DAY_DEFAULTS.articles),
    seed: number(values.seed, NEWS_DAY_DEFAULTS.seed),
    benchDir: values.dir ?? DEFAULTS.benchDir,
    reads: number(values.reads, NEWS_DAY_DEFAULTS.reads),
    warmupReads: number(values.warmup, NEWS_DAY_DEFAULTS.warmupReads),
    publishes: number(values.publishes, NEWS_DAY_DEFAULTS.publishes),
    updatesPerPublish:
      values.updates === "0" ? 0 : number(values.updates, NEWS_DAY_DEFAULTS.updatesPerPublish),
    concurrency: number(values.connections, NEWS_DAY_DEFAULTS.concurrency),
    cacheMb: number(values["cache-mb"], NEWS_DAY_DEFAULTS.cacheMb),
    layers: (values.layers ?? "in-process,varnish").split(",").map((layer) => {
      if (layer !== "in-process" && layer !== "varnish")
        throw new Error(`--layers takes in-process and/or varnish: ${layer}`);
      return layer;
    }),
  });
  const file = new URL("news-day.json", RESULTS);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(formatNewsDayResult(result));
  console.log(`→ ${file.pathname}`);
}

// Other engineers' benchmarks: call their exported run() when the file exists.
for (const name of ["stemmer", "search", "import", "extraction", "admin", "relevance", "related"]) {
  if (!selected.has(name)) continue;
  const file = new URL(`./${name}.bench.ts`, import.meta.url);
  if (!existsSync(file)) {
    console.log(`(${name}: bench/${name}.bench.ts not present, skipped)`);
    continue;
  }
  const module = (await import(file.href)) as {
    run?: (options?: { limit?: number; store?: string; articles?: number[] }) => unknown;
  };
  if (typeof module.run !== "function") {
    console.log(`(${name}: bench/${name}.bench.ts exports no run(), skipped)`);
    continue;
  }
  const result = await module.run(
    name === "relevance" && values.limit !== undefined
      ? { limit: number(values.limit, 0) }
      : name === "search"
        ? { store, ...(values.articles ? { articles: [number(values.articles, 0)] } : {}) }
        : name === "related" && values.articles
          ? { articles: [number(values.articles, 0)] }
          : undefined,
  );
  const resultFile = new URL(
    name === "search" && store === "postgres" ? "search-postgres.json" : `${name}.json`,
    RESULTS,
  );
  writeFileSync(resultFile, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`${name}:`, JSON.stringify(result, null, 2));
  console.log(`→ ${resultFile.pathname}`);
}
