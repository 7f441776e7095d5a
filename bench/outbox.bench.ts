/**
 * What the transactional outbox costs a write (issue #16): create + publish an article as one unit
 * of work, with the events appended to the outbox in the transaction and drained after the commit,
 * against the same unit of work publishing its events to an in-memory bus after the commit (the
 * design before the outbox) — measured in the same run, alternating, on the same store. No
 * subscribers on either side: this is the write path's own cost.
 *
 *   npx node bench/outbox.bench.ts [--writes 400] [--postgres postgres://…]
 *
 * Results in bench/results/outbox.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { paragraph } from "../src/content/body.schema.ts";
import { SYSTEM_ACTOR } from "../src/core/actor.ts";
import { createEventBus } from "../src/core/events.ts";
import { openStore, type Store } from "../src/db/store.ts";
import { createLocalMediaStorage } from "../src/media/media-storage.ts";
import { createOutbox } from "../src/services/outbox/outbox.ts";
import { inUnitOfWork, type ServiceContext } from "../src/services/services.ts";

const { values } = parseArgs({ options: { writes: { type: "string" }, postgres: { type: "string" } } });
const WRITES = Number(values.writes ?? 400);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

async function measure(store: Store, label: string) {
  const dir = await mkdtemp(join(tmpdir(), "warta-outbox-bench-media-"));
  const base = {
    db: store.db,
    clock: () => new Date(),
    storage: createLocalMediaStorage(dir),
    events: createEventBus((error) => console.error(error)),
  };
  const outbox = createOutbox({
    db: store.db,
    clock: () => new Date(),
    nodeId: "bench",
    notifyChannel: store.dialect === "postgres" ? "warta_outbox" : null,
    onError: (error) => console.error(error),
  });
  const withOutbox: ServiceContext = { ...base, events: outbox.bus, outbox };
  const inMemory: ServiceContext = base;
  const { value: section } = await inUnitOfWork(inMemory, (s) =>
    s.sections.create({ name: `Bench ${label}`, slug: `bench-${Date.now()}` }, SYSTEM_ACTOR),
  );
  const times = { inMemory: [] as number[], outbox: [] as number[] };
  const write = async (context: ServiceContext, n: number) => {
    const started = performance.now();
    await inUnitOfWork(context, async (s) => {
      const article = await s.articles.create(
        {
          headline: `Berita bench ${label} ${n}`,
          sectionId: section.id,
          body: { version: 1, blocks: [paragraph("Paragraf pertama berita uji tolok ukur.")] },
        },
        SYSTEM_ACTOR,
      );
      await s.articles.transition(article.id, "publish", SYSTEM_ACTOR);
    });
    return performance.now() - started;
  };
  for (let i = 0; i < 20; i++) await write(i % 2 ? withOutbox : inMemory, -i); // warm-up
  for (let i = 0; i < WRITES; i++) {
    if (i % 2 === 0) times.inMemory.push(await write(inMemory, i));
    else times.outbox.push(await write(withOutbox, i));
  }
  await rm(dir, { recursive: true, force: true });
  const result = {
    store: label,
    writes: WRITES,
    inMemoryMedianMs: Number(median(times.inMemory).toFixed(3)),
    outboxMedianMs: Number(median(times.outbox).toFixed(3)),
    ratio: Number((median(times.outbox) / median(times.inMemory)).toFixed(2)),
  };
  console.log(
    `${label}: create+publish median ${result.inMemoryMedianMs} ms in-memory events → ` +
      `${result.outboxMedianMs} ms through the outbox (×${result.ratio})`,
  );
  return result;
}

const results = [];
const dir = await mkdtemp(join(tmpdir(), "warta-outbox-bench-"));
const sqlite = await openStore({ dialect: "sqlite", path: join(dir, "warta.db") });
results.push(await measure(sqlite, "sqlite"));
await sqlite.close();
await rm(dir, { recursive: true, force: true });

const adminUrl = values.postgres ?? process.env.WARTA_TEST_POSTGRES_URL;
if (adminUrl) {
  const name = `warta_bench_outbox_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = await openStore({ dialect: "postgres", url: url.toString() });
  results.push(await measure(store, "postgres"));
  await store.close();
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.end();
}

mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(
  new URL("./results/outbox.json", import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`,
);
