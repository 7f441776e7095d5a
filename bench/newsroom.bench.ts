/**
 * Newsroom workflow benchmark (issue #4): scheduler lateness when many stories are due at once,
 * staged save + publish latency, the cost webhooks add to a publish, and revision diff time.
 *
 *   npx node bench/newsroom.bench.ts [--due 300] [--saves 200]
 *
 * Real timers, a fresh SQLite file in a temp dir; results in bench/results/newsroom.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { SYSTEM_ACTOR } from "../src/core/actor.ts";
import { paragraph } from "../src/content/body.schema.ts";
import { loadConfig } from "../src/app/config.ts";
import { createDeps } from "../src/app/deps.ts";
import { diffRevisions } from "../src/services/revision-diff.ts";
import { revisionSnapshotOf } from "../src/core/revision.ts";

const { values } = parseArgs({ options: { due: { type: "string" }, saves: { type: "string" } } });
const DUE = Number(values.due ?? 300);
const SAVES = Number(values.saves ?? 200);

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};
const stats = (xs: number[]) => ({
  n: xs.length,
  mean: Number((xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)).toFixed(2)),
  p50: Number(quantile(xs, 0.5).toFixed(2)),
  p95: Number(quantile(xs, 0.95).toFixed(2)),
  max: Number(Math.max(...xs).toFixed(2)),
});
const body = (n: number, salt: string) => ({
  version: 1 as const,
  blocks: Array.from({ length: n }, (_, i) =>
    paragraph(`Paragraf ${i} ${salt}: kabar dari daerah tentang harga pangan, cuaca dan jalan.`),
  ),
});

const dir = await mkdtemp(join(tmpdir(), "warta-bench-newsroom-"));
const deps = await createDeps(
  loadConfig({
    WARTA_DATABASE_URL: `sqlite:${join(dir, "warta.db")}`,
    WARTA_MEDIA_DIR: join(dir, "media"),
    WARTA_PAGE_CACHE_MB: "0",
  }),
);
try {
  const section = await deps.sections.create({ name: "Bench", parentId: null }, SYSTEM_ACTOR);

  // 1. Scheduler: DUE stories all due at the same instant.
  const ids: number[] = [];
  for (let i = 0; i < DUE; i++)
    ids.push(
      (
        await deps.articles.create(
          { headline: `Jadwal ${i}`, sectionId: section.id, body: body(5, String(i)) },
          SYSTEM_ACTOR,
        )
      ).id,
    );
  const at = new Date(Date.now() + 2000);
  for (const id of ids) await deps.articles.transition(id, "schedule", SYSTEM_ACTOR, { at });
  await deps.newsroom.scheduler.start();
  while ((await deps.newsroom.scheduler.publications(DUE)).length < DUE)
    await new Promise((r) => setTimeout(r, 50));
  const log = await deps.newsroom.scheduler.publications(DUE);
  const lateness = stats(log.map((p) => p.latenessMs));
  await deps.newsroom.scheduler.stop();

  // 2. Staged save + publish of a live story (20 paragraphs).
  const live = ids[0] as number;
  const stageMs: number[] = [];
  const applyMs: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const current = await deps.articles.get(live);
    let t = performance.now();
    await deps.articles.save(
      live,
      { headline: `Jadwal 0 (${i})`, sectionId: section.id, body: body(20, `rev ${i}`) },
      SYSTEM_ACTOR,
      { expectedVersion: current.version },
    );
    stageMs.push(performance.now() - t);
    t = performance.now();
    await deps.articles.transition(live, "publish", SYSTEM_ACTOR);
    applyMs.push(performance.now() - t);
  }

  // 3. Publish with and without 5 webhooks (delivery is asynchronous; this is the enqueue cost).
  const server = createServer((_q, s) => s.end("ok"));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const publishOnce = async () => {
    const a = await deps.articles.create(
      { headline: "Webhook", sectionId: section.id, body: body(5, "w") },
      SYSTEM_ACTOR,
    );
    const t = performance.now();
    await deps.articles.transition(a.id, "publish", SYSTEM_ACTOR);
    return performance.now() - t;
  };
  const without: number[] = [];
  for (let i = 0; i < 100; i++) without.push(await publishOnce());
  for (let i = 0; i < 5; i++) await deps.newsroom.webhooks.create({ url }, SYSTEM_ACTOR);
  const withHooks: number[] = [];
  for (let i = 0; i < 100; i++) withHooks.push(await publishOnce());
  const t0 = performance.now();
  let sent = 0;
  for (let n = await deps.newsroom.webhooks.dispatch(); n > 0; n = await deps.newsroom.webhooks.dispatch())
    sent += n;
  const dispatchMs = performance.now() - t0;
  server.close();

  // 4. Diff of two 200-paragraph revisions with 10 paragraphs edited.
  const a = await deps.articles.get(live);
  const before = { ...revisionSnapshotOf(a), body: body(200, "x") };
  const afterBody = body(200, "x");
  for (let i = 0; i < 200; i += 20)
    afterBody.blocks[i] = paragraph(`Paragraf ${i} diubah: kabar baru tentang jalan.`);
  const diffMs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    diffRevisions(before, { ...before, body: afterBody });
    diffMs.push(performance.now() - t);
  }

  const result = {
    at: new Date().toISOString(),
    scheduler: { dueAtOnce: DUE, latenessMs: lateness },
    stagedSaveMs: stats(stageMs),
    publishStagedMs: stats(applyMs),
    publishMs: { withoutWebhooks: stats(without), withFiveWebhooks: stats(withHooks) },
    webhookDispatch: { deliveries: sent, totalMs: Number(dispatchMs.toFixed(1)) },
    diff200ParagraphsMs: stats(diffMs),
  };
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  writeFileSync(new URL("./results/newsroom.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  await deps.close();
  await rm(dir, { recursive: true, force: true });
}
