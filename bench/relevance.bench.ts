/**
 * Relevance benchmark: does search answer the questions readers type?
 *
 *   npm run bench -- --only relevance                   every question, SQLite and PostgreSQL
 *   npm run bench -- --only relevance --limit 500       the first 500 questions (quick runs)
 *   npx node bench/relevance.bench.ts --stores sqlite --limit 300
 *
 * On ../shared/data/search-dev/ (4 650 Indonesian Wikipedia passages, 5 369 questions with one
 * relevant passage each; see its README): each passage is imported as a published article (headline
 * `Dokumen <id>`, the passage as its body) through the article services, into a fresh SQLite file and
 * a fresh PostgreSQL database; every question is asked through the search service exactly as typed
 * (first page, 10 results), and the rank of the relevant passage gives MRR@10 and recall@10. In the
 * same run a plain BM25 (k1 0.9, b 0.4, over the same tokens: tokenized and folded, no stemming, no
 * stop words removed; its own small implementation below) answers the same questions over the same
 * passages, so the gain is a ratio. Also reports the service's median and p95 time per question.
 * Writes bench/results/relevance.json (through bench/run.ts, or directly when run on its own).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import { SYSTEM_ACTOR } from "../src/core/actor.ts";
import { loadConfig } from "../src/app/config.ts";
import { createDeps } from "../src/app/deps.ts";
import { createAnalyzer } from "../src/search/analyzer/analyzer.ts";
import { paragraph } from "../src/content/body.schema.ts";
import { SEARCH_DEFAULTS } from "../src/search/search.service.ts";

const DATA = new URL("../../shared/data/search-dev/", import.meta.url);
const DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres";
const TOP = 10;

export type RelevanceStore = "sqlite" | "postgres";

interface Question {
  qid: string;
  query: string;
  relevant: string;
}

interface Scores {
  mrr10: number;
  recall10: number;
  questions: number;
}

function readJsonl<T>(name: string): T[] {
  return readFileSync(new URL(name, DATA), "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as T);
}

export function loadDevSet(limit?: number): {
  passages: { id: string; text: string }[];
  questions: Question[];
} {
  const passages = readJsonl<{ id: string; text: string }>("corpus.jsonl");
  const relevant = new Map<string, string>();
  for (const line of readFileSync(new URL("qrels.txt", DATA), "utf8").split("\n")) {
    const [qid, , docId] = line.trim().split(/\s+/u);
    if (qid && docId) relevant.set(qid, docId);
  }
  const questions = readJsonl<{ qid: string; query: string }>("queries.jsonl").flatMap((q) => {
    const docId = relevant.get(q.qid);
    return docId ? [{ qid: q.qid, query: q.query, relevant: docId }] : [];
  });
  return { passages, questions: limit ? questions.slice(0, limit) : questions };
}

/** MRR@10 and recall@10 from the 1-based rank of the relevant passage (null: not in the first 10). */
function score(ranks: (number | null)[]): Scores {
  let rr = 0;
  let found = 0;
  for (const rank of ranks) {
    if (rank === null || rank > TOP) continue;
    rr += 1 / rank;
    found++;
  }
  const n = Math.max(1, ranks.length);
  return { mrr10: round(rr / n), recall10: round(found / n), questions: ranks.length };
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
};

type Tokenize = (text: string) => string[];

/** The baseline's tokens: Warta's tokenizer and folding, no stemming, stop words kept. */
function analyzerTokens(): Tokenize {
  const analyzer = createAnalyzer({ keepStopWords: true });
  return (text) => analyzer.analyze(text, { keepStopWords: true }).map((t) => t.token);
}

/**
 * A second, independent tokenization for the same baseline: lower-cased runs of letters and digits,
 * nothing folded. It shows whether the baseline's figure depends on Warta's tokenizer.
 */
export const rawTokens: Tokenize = (text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** The baseline: plain BM25 over tokenized, folded text (no stemming, stop words kept). */
export function createBaselineBm25(
  passages: { id: string; text: string }[],
  k1 = 0.9,
  b = 0.4,
  tokens: Tokenize = analyzerTokens(),
) {
  const postings = new Map<string, Map<number, number>>();
  const lengths: number[] = [];
  passages.forEach((passage, doc) => {
    const words = tokens(passage.text);
    lengths.push(words.length);
    for (const word of words) {
      let list = postings.get(word);
      if (!list) postings.set(word, (list = new Map()));
      list.set(doc, (list.get(doc) ?? 0) + 1);
    }
  });
  const n = passages.length;
  const avg = lengths.reduce((a, c) => a + c, 0) / Math.max(1, n);
  return (query: string): string[] => {
    const scores = new Map<number, number>();
    for (const word of new Set(tokens(query))) {
      const list = postings.get(word);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.size + 0.5) / (list.size + 0.5));
      for (const [doc, tf] of list) {
        const norm = tf + k1 * (1 - b + (b * (lengths[doc] as number)) / avg);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (k1 + 1)) / norm);
      }
    }
    return [...scores]
      .sort(([da, a], [db, b2]) => b2 - a || da - db)
      .slice(0, TOP)
      .map(([doc]) => (passages[doc] as { id: string }).id);
  };
}

async function openDatabase(store: RelevanceStore, postgresUrl: string, dir: string) {
  if (store === "sqlite") return { url: `sqlite:${join(dir, "warta.db")}`, drop: async () => {} };
  const name = `warta_relevance_${process.pid}_${Date.now()}`;
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
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Imports the passages into a fresh store and asks every question through the search service. */
async function runStore(
  store: RelevanceStore,
  devSet: ReturnType<typeof loadDevSet>,
  postgresUrl: string,
  log: (line: string) => void,
) {
  const dir = mkdtempSync(join(tmpdir(), "warta-relevance-"));
  const database = await openDatabase(store, postgresUrl, dir);
  const deps = await createDeps(
    loadConfig({
      WARTA_DATABASE_URL: database.url,
      WARTA_MEDIA_DIR: join(dir, "media"),
      WARTA_SITE_URL: "https://warta.test",
    }),
  );
  try {
    const importStart = performance.now();
    const section = await deps.sections.create({ name: "Ensiklopedia", slug: "ensiklopedia" }, SYSTEM_ACTOR);
    const passageOf = new Map<number, string>();
    const publishedAt = new Date(deps.clock().getTime() - 86_400_000);
    for (const [i, passage] of devSet.passages.entries()) {
      const created = await deps.articles.create(
        {
          headline: `Dokumen ${passage.id}`,
          sectionId: section.id,
          body: { version: 1, blocks: [paragraph(passage.text)] },
        },
        SYSTEM_ACTOR,
      );
      await deps.articles.transition(created.id, "publish", SYSTEM_ACTOR, { at: publishedAt });
      passageOf.set(created.id, passage.id);
      if ((i + 1) % 1000 === 0) log(`  ${store}: imported ${i + 1} / ${devSet.passages.length}`);
    }
    await deps.search.flush();
    const importSeconds = (performance.now() - importStart) / 1000;

    const ranks: (number | null)[] = [];
    const times: number[] = [];
    let relaxed = 0;
    let zero = 0;
    for (const question of devSet.questions) {
      const start = performance.now();
      const results = await deps.search.search({ ...SEARCH_DEFAULTS, q: question.query, pageSize: TOP });
      times.push(performance.now() - start);
      if ((results as { relaxed?: boolean }).relaxed) relaxed++;
      if (results.items.length === 0) zero++;
      const at = results.items.findIndex((item) => passageOf.get(item.id) === question.relevant);
      ranks.push(at < 0 ? null : at + 1);
    }
    return {
      ...score(ranks),
      relaxedQuestions: relaxed,
      zeroResultQuestions: zero,
      importSeconds: round(importSeconds, 1),
      msPerQuestion: { median: round(percentile(times, 0.5), 2), p95: round(percentile(times, 0.95), 2) },
      ranks,
    };
  } finally {
    await deps.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface RelevanceOptions {
  limit?: number;
  stores?: RelevanceStore[];
  postgresUrl?: string;
  log?: (line: string) => void;
}

export async function run(options: RelevanceOptions = {}) {
  const log = options.log ?? ((line: string) => console.log(line));
  const devSet = loadDevSet(options.limit);
  const stores = options.stores ?? ["sqlite", "postgres"];
  log(`relevance: ${devSet.passages.length} passages, ${devSet.questions.length} questions`);

  const scoreOf = (ranked: (query: string) => string[]) =>
    score(
      devSet.questions.map((q) => {
        const at = ranked(q.query).indexOf(q.relevant);
        return at < 0 ? null : at + 1;
      }),
    );
  const baselineStart = performance.now();
  const baselineScores = scoreOf(createBaselineBm25(devSet.passages));
  const baselineSeconds = round((performance.now() - baselineStart) / 1000, 1);
  const rawScores = scoreOf(createBaselineBm25(devSet.passages, 0.9, 0.4, rawTokens));

  const warta: Record<string, Awaited<ReturnType<typeof runStore>>> = {};
  for (const store of stores) {
    warta[store] = await runStore(store, devSet, options.postgresUrl ?? DEFAULT_POSTGRES_URL, log);
  }
  // Where the two stores put the relevant passage at a different rank (ideally none).
  const [first, second] = stores.map((s) => warta[s]?.ranks ?? []);
  const rankDifferences = first && second ? first.filter((rank, i) => rank !== second[i]).length : null;

  const table = [
    `| | MRR@10 | recall@10 | vs baseline (MRR) | ms/question median / p95 |`,
    `|---|---|---|---|---|`,
    `| plain BM25 baseline (k1 0.9, b 0.4, no stemming) | ${baselineScores.mrr10.toFixed(3)} | ${baselineScores.recall10.toFixed(3)} | 1.00 | — |`,
    `| the same over raw lower-cased tokens (nothing folded) | ${rawScores.mrr10.toFixed(3)} | ${rawScores.recall10.toFixed(3)} | ${(rawScores.mrr10 / Math.max(1e-9, baselineScores.mrr10)).toFixed(2)} | — |`,
    ...stores.map((store) => {
      const r = warta[store] as Awaited<ReturnType<typeof runStore>>;
      return `| Warta, ${store} | ${r.mrr10.toFixed(3)} | ${r.recall10.toFixed(3)} | ${(r.mrr10 / Math.max(1e-9, baselineScores.mrr10)).toFixed(2)} | ${r.msPerQuestion.median} / ${r.msPerQuestion.p95} |`;
    }),
  ].join("\n");
  log(table);
  if (rankDifferences !== null)
    log(`questions where the stores rank the relevant passage differently: ${rankDifferences}`);

  return {
    measuredAt: new Date().toISOString(),
    passages: devSet.passages.length,
    questions: devSet.questions.length,
    baseline: { ...baselineScores, seconds: baselineSeconds },
    baselineRawTokens: rawScores,
    warta: Object.fromEntries(
      Object.entries(warta).map(([store, { ranks: _ranks, ...rest }]) => [
        store,
        { ...rest, mrrRatioToBaseline: round(rest.mrr10 / Math.max(1e-9, baselineScores.mrr10), 3) },
      ]),
    ),
    storesRankDifferently: rankDifferences,
    table,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      limit: { type: "string" },
      stores: { type: "string", default: "sqlite,postgres" },
      "postgres-url": { type: "string", default: DEFAULT_POSTGRES_URL },
    },
    strict: true,
  });
  const result = await run({
    limit: values.limit ? Number(values.limit) : undefined,
    stores: values.stores.split(",").map((s) => s.trim()) as RelevanceStore[],
    postgresUrl: values["postgres-url"],
  });
  const file = new URL("./results/relevance.json", import.meta.url);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`→ ${file.pathname}`);
}

if (import.meta.main) await main();
