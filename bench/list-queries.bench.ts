/**
 * Tag, person and section list queries on a generated corpus: the link-table index path
 * (migration 006) against the old `articles.id IN (subquery)` path, same store, same run.
 *
 *   npx node bench/list-queries.bench.ts /tmp/warta-bench/corpus-1000000-s1/warta.db
 *
 * The old path is what `liveQuery` still builds when another filter is present; passing an
 * `excludeIds` of [-1] (no such article) selects it here.
 */
import { performance } from "node:perf_hooks";
import { createArticlesRepository, type LiveListQuery } from "../src/db/repositories/articles.repository.ts";
import { openStore } from "../src/db/store.ts";
import { median, round } from "./http-util.ts";

const path = process.argv[2];
if (!path) throw new Error("usage: list-queries.bench.ts <sqlite file>");
const store = await openStore({ dialect: "sqlite", path });
const repo = createArticlesRepository();
const db = store.db;
const now = new Date();

async function timeIt(run: () => Promise<unknown>, repeat = 7): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return round(median(samples), 2);
}

const topTag = await db
  .selectFrom("article_tags")
  .select(["tag_id", (eb) => eb.fn.countAll<number>().as("n")])
  .groupBy("tag_id")
  .orderBy("n", "desc")
  .limit(1)
  .executeTakeFirstOrThrow();
const topPerson = await db
  .selectFrom("article_credits")
  .select(["person_id", (eb) => eb.fn.countAll<number>().as("n")])
  .groupBy("person_id")
  .orderBy("n", "desc")
  .limit(1)
  .executeTakeFirstOrThrow();
const sections = await db.selectFrom("sections").select("id").execute();

const cases: { name: string; query: Omit<LiveListQuery, "limit" | "offset" | "now"> }[] = [
  { name: `top tag (${topTag.n} links)`, query: { tagId: topTag.tag_id } },
  { name: `top person (${topPerson.n} links)`, query: { personId: topPerson.person_id } },
  { name: "all sections (home-sized subtree)", query: { sectionIds: sections.map((s) => s.id) } },
];
const rows: Record<string, unknown>[] = [];
for (const { name, query } of cases) {
  const old = { ...query, excludeIds: [-1] };
  const result: Record<string, unknown> = { case: name };
  for (const [label, q] of [
    ["new", query],
    ["old", old],
  ] as const) {
    result[`${label} count ms`] = await timeIt(() => repo.countLive(db, { ...q, now }));
    result[`${label} page 1 ms`] = await timeIt(() => repo.listLive(db, { ...q, now, limit: 20 }));
    result[`${label} page 50 ms`] = await timeIt(() =>
      repo.listLive(db, { ...q, now, limit: 20, offset: 980 }),
    );
  }
  rows.push(result);
}
console.table(rows);
await store.close();
