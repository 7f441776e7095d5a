/**
 * Berita Terkait benchmark: the time to compute one article's related-stories list ("more like
 * this", src/search/search.service.ts `related`) on SQLite and on PostgreSQL over the same
 * generated corpus, and on PostgreSQL the word-rarity lookups as they were before (one
 * `documentFrequency` per stem, a round trip each) beside the batched `documentFrequencies`.
 *
 *   npm run bench -- --only related                         100 000 articles, 60 lists per path
 *   node bench/related.bench.ts --articles 20000 --lists 30
 *   node bench/related.bench.ts --postgres URL              an already generated and indexed
 *       PostgreSQL newsroom of the same size and seed (else one is generated, indexed and dropped)
 *
 * Every path starts with a cold word-rarity cache (its own search service) and computes the lists
 * of the same articles in the same order, interleaved, so the load of the shared machine falls on
 * all of them alike. Writes bench/results/related.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { loadConfig } from "../src/app/config.ts";
import { createDeps, type Deps } from "../src/app/deps.ts";
import { createAnalyzer } from "../src/search/analyzer/analyzer.ts";
import { loadRootWords } from "../src/search/analyzer/root-words.ts";
import { createStemmer } from "../src/search/analyzer/stemmer.ts";
import type { SearchIndex } from "../src/search/search-index.ts";
import { createSearchService, type SearchService } from "../src/search/search.service.ts";
import { round } from "./http-util.ts";
import { DEFAULTS, ensureCorpus } from "./pages.bench.ts";
import { createPostgresCorpus } from "./postgres-corpus.ts";

interface PathFigures {
  lists: number;
  medianMs: number;
  p90Ms: number;
}

const analyzer = createAnalyzer({
  stemmer: createStemmer({ rootWords: loadRootWords(), cacheSize: 200_000 }),
});

/** A search service of its own (a cold word cache) over `index`. */
function serviceOver(deps: Deps, index: SearchIndex): SearchService {
  return createSearchService({
    store: deps.store,
    clock: deps.clock,
    sections: deps.sections,
    index,
    analyzer,
    aliases: deps.searchAliases,
  });
}

/** Before: one `documentFrequency` (a statement and its round trips) per stem. */
const perStem = (index: SearchIndex): SearchIndex => ({
  ...index,
  documentFrequencies: async (terms, cap) => {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, await index.documentFrequency(term, cap));
    return counts;
  },
});

const median = (values: number[], p = 50) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

/** Published article ids spread over the archive, newest first (the same on both stores: same seed). */
async function sampleIds(deps: Deps, lists: number): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    SELECT id FROM articles WHERE status = 'published' ORDER BY id DESC`.execute(deps.store.db);
  const ids = rows.rows.map((row) => Number(row.id));
  const step = Math.max(1, Math.floor(ids.length / lists));
  return Array.from({ length: lists }, (_, i) => ids[i * step] as number).filter(Boolean);
}

async function measure(paths: Record<string, SearchService>, ids: number[]) {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(paths).map((name) => [name, []]));
  const firsts: Record<string, number[][]> = {};
  for (const id of ids)
    for (const [name, service] of Object.entries(paths)) {
      const start = performance.now();
      const items = await service.related(id, 8);
      times[name]?.push(performance.now() - start);
      (firsts[name] ??= []).push(items.map((item) => item.id));
    }
  const figures: Record<string, PathFigures> = {};
  for (const [name, samples] of Object.entries(times))
    figures[name] = {
      lists: samples.length,
      medianMs: round(median(samples), 1),
      p90Ms: round(median(samples, 90), 1),
    };
  return { figures, lists: firsts };
}

export async function run(options: { articles?: number[]; lists?: number; postgres?: string } = {}) {
  const articles = options.articles?.[0] ?? 100_000;
  const lists = options.lists ?? 60;
  const log = (line: string) => console.error(line);
  log(`SQLite corpus (${articles.toLocaleString("en")} articles)…`);
  const sqliteCorpus = await ensureCorpus({ articles, seed: 1, benchDir: DEFAULTS.benchDir });
  const pgCorpus = options.postgres
    ? null
    : await createPostgresCorpus({ articles, seed: 1, benchDir: DEFAULTS.benchDir });
  const pgEnv = pgCorpus?.env ?? {
    WARTA_DATABASE_URL: options.postgres as string,
    WARTA_MEDIA_DIR: join(DEFAULTS.benchDir, "related-media"),
  };
  const sqliteDeps = await createDeps(loadConfig({ ...sqliteCorpus.env, WARTA_LOG_LEVEL: "warn" }), {
    backgroundWork: false,
  });
  log("PostgreSQL newsroom (the search index is built if it is not)…");
  const pgDeps = await createDeps(loadConfig({ ...pgEnv, WARTA_LOG_LEVEL: "warn" }), {
    backgroundWork: false,
  });
  try {
    const ids = await sampleIds(sqliteDeps, lists);
    log(`computing ${ids.length} lists per path…`);
    const { figures, lists: found } = await measure(
      {
        sqlite: serviceOver(sqliteDeps, sqliteDeps.search.index),
        postgresBefore: serviceOver(pgDeps, perStem(pgDeps.search.index)),
        postgres: serviceOver(pgDeps, pgDeps.search.index),
      },
      ids,
    );
    const same = (a: number[][] | undefined, b: number[][] | undefined) =>
      (a ?? []).filter((list, i) => JSON.stringify(list) === JSON.stringify(b?.[i])).length;
    const f = figures as Record<"sqlite" | "postgresBefore" | "postgres", PathFigures>;
    return {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      loadAverage: loadavg(),
      articles,
      paths: figures,
      /** PostgreSQL's median over SQLite's, before and after; and the speed-up on PostgreSQL. */
      ratios: {
        postgresBeforeOverSqlite: round(f.postgresBefore.medianMs / f.sqlite.medianMs, 1),
        postgresOverSqlite: round(f.postgres.medianMs / f.sqlite.medianMs, 1),
        postgresSpeedUp: round(f.postgresBefore.medianMs / f.postgres.medianMs, 1),
      },
      /** Lists identical before and after on PostgreSQL (the change must not alter them). */
      identicalListsBeforeAfter: same(found.postgresBefore, found.postgres),
    };
  } finally {
    await sqliteDeps.close();
    await pgDeps.close();
    await pgCorpus?.drop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { articles: { type: "string" }, lists: { type: "string" }, postgres: { type: "string" } },
  });
  const result = await run({
    ...(values.articles ? { articles: [Number(values.articles)] } : {}),
    ...(values.lists ? { lists: Number(values.lists) } : {}),
    ...(values.postgres ? { postgres: values.postgres } : {}),
  });
  console.log(JSON.stringify(result, null, 2));
  const file = new URL("./results/related.json", import.meta.url);
  mkdirSync(new URL("./", file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
}

if (import.meta.main) await main();
