/**
 * `npm run bench` — the page benchmark (bench/pages.bench.ts) and, when present, the stemmer, search
 * and import benchmarks' exported run(). Results go to bench/results/*.json.
 *
 *   npm run bench                                  everything, 100k-article corpus
 *   npm run bench -- --only pages --articles 1000000
 *   npm run bench -- --only pages --duration 10 --connections 64 --rounds 3
 *   npm run bench -- --only pages --cases miss     forced misses only: lists computed on render (before #14) vs stored
 *   npm run bench -- --only stemmer,search,import
 *   npm run bench -- --only media                  image pipeline (bench/media.bench.ts)
 *   npm run bench -- --only admin                  the newsroom admin (bench/admin.bench.ts)
 *   npm run bench -- --only relevance --limit 500   relevance on the first 500 questions (both stores)
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULTS, formatPagesResult, run as runPages } from "./pages.bench.ts";
import { formatMediaResult, run as runMedia } from "./media.bench.ts";

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
  });
  const file = new URL(`pages-${sizeLabel(result.corpus.articles)}.json`, RESULTS);
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

// Other engineers' benchmarks: call their exported run() when the file exists.
for (const name of ["stemmer", "search", "import", "extraction", "admin", "relevance"]) {
  if (!selected.has(name)) continue;
  const file = new URL(`./${name}.bench.ts`, import.meta.url);
  if (!existsSync(file)) {
    console.log(`(${name}: bench/${name}.bench.ts not present, skipped)`);
    continue;
  }
  const module = (await import(file.href)) as { run?: (options?: { limit?: number }) => unknown };
  if (typeof module.run !== "function") {
    console.log(`(${name}: bench/${name}.bench.ts exports no run(), skipped)`);
    continue;
  }
  const result = await module.run(
    name === "relevance" && values.limit !== undefined ? { limit: number(values.limit, 0) } : undefined,
  );
  const resultFile = new URL(`${name}.json`, RESULTS);
  writeFileSync(resultFile, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`${name}:`, JSON.stringify(result, null, 2));
  console.log(`→ ${resultFile.pathname}`);
}
