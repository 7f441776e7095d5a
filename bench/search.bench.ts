/**
 * Search benchmark: generates synthetic Indonesian-like articles (affixed words built from the root
 * dictionary, Zipf-distributed, plus recurring names and phrases) straight into a temporary SQLite
 * FTS5 index through the real analyzer and adapter, then measures index build rate, index size and
 * p50/p95 latency of a fixed mixed query set (single words, affixed forms, phrases, exclusions,
 * filters, typos, date sort) run through the real query parser and compiler, and apart from them
 * the p50/p95 of relaxed queries (questions whose words are not all in one story: search-relaxed.ts).
 *
 *   npx node bench/search.bench.ts                      100 000 articles (default)
 *   npx node bench/search.bench.ts --articles 1000000   also 1M (slow: prints how long it took)
 *   npx node bench/search.bench.ts --articles 20000     quick check
 *   npx node bench/search.bench.ts --store postgres     the same on PostgreSQL (tsvector adapter), in a
 *       temporary database created through --postgres-url (default: WARTA_BENCH_POSTGRES_URL, else
 *       postgres://postgres@127.0.0.1:5432/postgres)
 *   npx node bench/search.bench.ts --keep DIR           SQLite only: build fresh, keep the index in
 *       DIR/sqlite-<articles>.db (with its build figures beside it) instead of a deleted temporary file
 *   npx node bench/search.bench.ts --reuse DIR          SQLite only: measure the queries on the index kept
 *       in DIR when it holds the same number of articles in the current layout (the build figures
 *       reported are the kept build's, marked `reusedBuildFrom`); otherwise build and keep it as --keep
 *
 * Writes bench/results/search.json (SQLite) or bench/results/search-postgres.json.
 * Targets: p95 ≤ 20 ms at 100k, ≤ 50 ms at 1M.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { DatabaseSync } from "node:sqlite";
import { parseArgs } from "node:util";
import pg from "pg";
import { openPostgres } from "../src/db/dialects/postgres.ts";
import { createAnalyzer } from "../src/search/analyzer/analyzer.ts";
import { loadRootWords } from "../src/search/analyzer/root-words.ts";
import { createStemmer } from "../src/search/analyzer/stemmer.ts";
import { buildAliasTable } from "../src/search/query/compile-query.ts";
import { compileQuery } from "../src/search/query/compile-query.ts";
import { parseQuery } from "../src/search/query/parse-query.ts";
import type { SearchIndex } from "../src/search/search-index.ts";
import { createFts5SearchIndex } from "../src/search/sqlite/fts5.index.ts";
import { createTsvectorSearchIndex } from "../src/search/postgres/tsvector.index.ts";
import { createCorpus, NOW, querySet } from "./search-corpus.ts";
import { measureRelaxed, relaxedLines, type RelaxedFigures } from "./search-relaxed.ts";

export type BenchStore = "sqlite" | "postgres";
const RESULT_FILES: Record<BenchStore, URL> = {
  sqlite: new URL("./results/search.json", import.meta.url),
  postgres: new URL("./results/search-postgres.json", import.meta.url),
};
const DEFAULT_POSTGRES_URL =
  process.env.WARTA_BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface SearchBenchRun {
  store: BenchStore;
  articles: number;
  buildSeconds: number;
  articlesPerSecond: number;
  indexBytes: number | null;
  fileBytes: number;
  terms: number;
  queries: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  targetP95Ms: number;
  /** Set when the queries ran on an index kept by an earlier run: when that build ran. */
  reusedBuildFrom?: string;
  perQuery: { label: string; q: string; hits: number; medianMs: number }[];
  /** Relaxed queries (questions, long phrases; bench/search-relaxed.ts), apart from the set above. */
  relaxed: RelaxedFigures;
}

/** Where a kept SQLite index lives, and what its build measured (written beside it). */
interface KeptBuild {
  articles: number;
  builtAt: string;
  buildSeconds: number;
  articlesPerSecond: number;
}
const keptFiles = (dir: string, articles: number) => ({
  db: join(dir, `sqlite-${articles}.db`),
  build: join(dir, `sqlite-${articles}.json`),
});

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
const round = (n: number) => Math.round(n * 100) / 100;

interface OpenedBenchIndex {
  index: SearchIndex;
  /** The kept index's build, when it can be measured again without building. */
  kept: KeptBuild | null;
  /** After a build: remember its figures (kept indexes only). */
  recordBuild(build: KeptBuild): void;
  /** After the build: flush what the store buffers; returns the bytes on disk. */
  settle(): Promise<number>;
  close(): Promise<void>;
}

export interface KeepOptions {
  /** Keep the SQLite index in this directory; with `reuse`, measure an index kept there before. */
  dir: string;
  reuse: boolean;
}

/**
 * A SQLite file (temporary, or kept in `keep.dir`), or a temporary PostgreSQL database created
 * through `postgresUrl`.
 */
async function openBenchIndex(
  store: BenchStore,
  postgresUrl: string,
  articles: number,
  keep: KeepOptions | null,
): Promise<OpenedBenchIndex> {
  if (store === "sqlite") {
    const dir = keep ? keep.dir : mkdtempSync(join(tmpdir(), "warta-search-bench-"));
    mkdirSync(dir, { recursive: true });
    const files = keep ? keptFiles(dir, articles) : { db: join(dir, "index.db"), build: null };
    let previous: KeptBuild | null = null;
    if (files.build && keep?.reuse && existsSync(files.build) && existsSync(files.db))
      previous = JSON.parse(readFileSync(files.build, "utf8")) as KeptBuild;
    if (!previous) {
      // A fresh build: never measure on top of a half-written or older index.
      for (const file of [files.db, `${files.db}-wal`, `${files.db}-shm`]) rmSync(file, { force: true });
      if (files.build) rmSync(files.build, { force: true });
    }
    const db = new DatabaseSync(files.db);
    db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536");
    const index = createFts5SearchIndex(db);
    // An index from an older layout was just emptied by the adapter; one of another size is not it.
    const kept =
      previous &&
      !index.needsRebuild &&
      previous.articles === articles &&
      (await index.documentCount?.()) === articles
        ? previous
        : null;
    return {
      index,
      kept,
      recordBuild: (build) => {
        if (files.build) writeFileSync(files.build, JSON.stringify(build, null, 2) + "\n");
      },
      settle: async () => {
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        return statSync(files.db).size;
      },
      close: async () => {
        db.close();
        if (!keep) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (keep) throw new Error("--keep and --reuse are for the SQLite store only");
  const name = `warta_bench_${process.pid}_${Date.now()}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const { db } = openPostgres(url.toString(), 4);
  const index = createTsvectorSearchIndex(db);
  await index.ready?.();
  return {
    index,
    kept: null,
    recordBuild: () => {},
    settle: async () => {
      // Nothing is buffered: the rebuild committed and analyzed. Bytes are the index tables'.
      return (await index.stats()).bytes ?? 0;
    },
    close: async () => {
      await db.destroy();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export async function runOne(
  articles: number,
  options: {
    rounds?: number;
    log?: (line: string) => void;
    store?: BenchStore;
    postgresUrl?: string;
    keep?: KeepOptions;
  } = {},
) {
  const log = options.log ?? (() => {});
  const store = options.store ?? "sqlite";
  const opened = await openBenchIndex(
    store,
    options.postgresUrl ?? DEFAULT_POSTGRES_URL,
    articles,
    options.keep ?? null,
  );
  const { index, kept } = opened;
  try {
    // A stemmer cache big enough for the whole generated vocabulary, as a long reindex would want.
    const analyzer = createAnalyzer({
      stemmer: createStemmer({ rootWords: loadRootWords(), cacheSize: 400_000 }),
    });
    const corpus = createCorpus(analyzer);
    let count: number;
    let buildSeconds: number;
    if (kept) {
      log(`  reusing the index kept on ${kept.builtAt} (built in ${kept.buildSeconds} s)`);
      count = kept.articles;
      buildSeconds = kept.buildSeconds;
    } else {
      const start = performance.now();
      let lastLog = start;
      count = await index.rebuild(corpus.documents(articles), {
        total: articles,
        progress: (done) => {
          const t = performance.now();
          if (t - lastLog > 5000) {
            lastLog = t;
            log(`  indexed ${done.toLocaleString("en")} / ${articles.toLocaleString("en")}`);
          }
        },
      });
      buildSeconds = (performance.now() - start) / 1000;
    }
    const fileBytes = await opened.settle();
    if (!kept)
      opened.recordBuild({
        articles: count,
        builtAt: new Date().toISOString(),
        buildSeconds: round(buildSeconds),
        articlesPerSecond: Math.round(count / buildSeconds),
      });
    const stats = await index.stats();
    const aliases = buildAliasTable(
      [
        { term: "Korut", expansion: "Korea Utara" },
        { term: "AS", expansion: "Amerika Serikat" },
      ],
      analyzer,
    );
    const queries = querySet(corpus.roots);
    const rounds = options.rounds ?? 7;
    const samples: number[] = [];
    const perQuery = new Map<string, { q: string; hits: number; times: number[] }>();
    for (let round = 0; round <= rounds; round++) {
      for (const query of queries) {
        const t0 = performance.now();
        const compiled = await compileQuery(parseQuery(query.q, analyzer), { aliases, index, analyzer });
        const result = compiled.match
          ? await index.search({
              match: compiled.match,
              exclude: compiled.exclude,
              filters: query.filters,
              sort: query.sort,
              limit: 10,
              now: NOW,
            })
          : { total: 0, hits: [] };
        const ms = performance.now() - t0;
        if (round === 0) continue; // warm-up
        samples.push(ms);
        const entry = perQuery.get(query.label) ?? { q: query.q, hits: result.total, times: [] };
        entry.times.push(ms);
        perQuery.set(query.label, entry);
      }
    }
    const documents = (await index.documentCount?.()) ?? stats.documents;
    const relaxed = await measureRelaxed(corpus.roots, { index, documents, aliases, analyzer, rounds });
    const run: SearchBenchRun = {
      store,
      articles: count,
      buildSeconds: round(buildSeconds),
      articlesPerSecond: Math.round(count / buildSeconds),
      indexBytes: stats.bytes,
      fileBytes,
      terms: stats.terms,
      queries: samples.length,
      p50Ms: round(percentile(samples, 50)),
      p95Ms: round(percentile(samples, 95)),
      maxMs: round(Math.max(...samples)),
      targetP95Ms: articles >= 1_000_000 ? 50 : 20,
      ...(kept ? { reusedBuildFrom: kept.builtAt } : {}),
      perQuery: [...perQuery].map(([label, e]) => ({
        label,
        q: e.q,
        hits: e.hits,
        medianMs: round(percentile(e.times, 50)),
      })),
      relaxed,
    };
    return run;
  } finally {
    await opened.close();
  }
}

export async function run(
  options: {
    articles?: number[];
    rounds?: number;
    log?: (line: string) => void;
    store?: BenchStore;
    postgresUrl?: string;
    keep?: KeepOptions;
  } = {},
) {
  const sizes = options.articles ?? [100_000];
  const runs: SearchBenchRun[] = [];
  for (const size of sizes) {
    options.log?.(`building ${size.toLocaleString("en")} articles (${options.store ?? "sqlite"})…`);
    runs.push(await runOne(size, options));
  }
  // The machine's load while measuring: latency on a shared, busy machine is not latency on an idle one.
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    loadAverage: loadavg(),
    runs,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", multiple: true },
      store: { type: "string", default: "sqlite" },
      "postgres-url": { type: "string", default: DEFAULT_POSTGRES_URL },
      keep: { type: "string" },
      reuse: { type: "string" },
    },
  });
  if (values.keep && values.reuse)
    throw new Error("--keep builds afresh and --reuse reuses: give one of them");
  const keepDir = values.keep ?? values.reuse;
  const keep = keepDir ? { dir: keepDir, reuse: values.reuse !== undefined } : undefined;
  const store = values.store;
  if (store !== "sqlite" && store !== "postgres") throw new Error("--store takes sqlite or postgres");
  const sizes = (values.articles ?? ["100000"]).flatMap((v) => v.split(",")).map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("--articles takes whole numbers");
  const result = await run({
    articles: sizes,
    store,
    postgresUrl: values["postgres-url"],
    keep,
    log: (line) => console.log(line),
  });
  const resultFile = RESULT_FILES[store];
  for (const r of result.runs) {
    console.log(
      `${r.store}, ${r.articles.toLocaleString("en")} articles: built in ${r.buildSeconds} s (${r.articlesPerSecond.toLocaleString("en")}/s), ` +
        `index ${((r.indexBytes ?? r.fileBytes) / 1024 / 1024).toFixed(1)} MiB, ${r.terms.toLocaleString("en")} terms` +
        (r.reusedBuildFrom ? ` (build figures of the index kept on ${r.reusedBuildFrom})` : ""),
    );
    console.log(
      `  ${r.queries} queries: p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms (target ≤ ${r.targetP95Ms} ms), max ${r.maxMs} ms`,
    );
    for (const q of r.perQuery)
      console.log(
        `    ${q.label.padEnd(22)} ${String(q.medianMs).padStart(8)} ms  ${String(q.hits).padStart(8)} hits  ${q.q}`,
      );
    for (const line of relaxedLines(r.relaxed)) console.log(line);
  }
  mkdirSync(new URL("./", resultFile), { recursive: true });
  writeFileSync(resultFile, JSON.stringify(result, null, 2) + "\n");
  console.log(`wrote ${resultFile.pathname}`);
}

if (import.meta.main) await main();
