/**
 * Render times of feeds and sitemaps over a generated store (in-process `app.inject`, no network,
 * page cache off so every request renders). Sized for a small shared machine by default.
 *
 *   npx node bench/distribution.bench.ts [--articles 20000] [--runs 15]
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/app/config.ts";
import { createDeps } from "../src/app/deps.ts";
import { createArticlesRepository } from "../src/db/repositories/articles.repository.ts";

const { values } = parseArgs({
  options: { articles: { type: "string", default: "20000" }, runs: { type: "string", default: "15" } },
});
const ARTICLES = Number(values.articles);
const RUNS = Number(values.runs);
const NOW = new Date("2026-11-26T05:00:00Z");
const MONTHS = 24;

const dir = await mkdtemp(join(tmpdir(), "warta-dist-bench-"));
const config = loadConfig({
  WARTA_DATABASE_URL: `sqlite:${join(dir, "warta.db")}`,
  WARTA_MEDIA_DIR: join(dir, "media"),
  WARTA_SITE_URL: "https://warta.test",
  WARTA_LOG_LEVEL: "silent",
  // Measure renders, not page-cache hits.
  WARTA_PAGE_CACHE_MB: "0",
});
const deps = await createDeps(config, { clock: () => NOW });
const db = deps.store.db;

const t0 = performance.now();
const sectionIds: number[] = [];
for (let s = 0; s < 8; s++)
  sectionIds.push(
    (
      await db
        .insertInto("sections")
        .values({ slug: `rubrik-${s}`, name: `Rubrik ${s}`, parent_id: null, position: s, description: "" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id,
  );
const personIds: number[] = [];
for (let p = 0; p < 40; p++)
  personIds.push(
    (
      await db
        .insertInto("people")
        .values({ slug: `orang-${p}`, name: `Orang ${p}`, bio: "", photo_media_id: null })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id,
  );
const tagIds: number[] = [];
for (let t = 0; t < 200; t++)
  tagIds.push(
    (
      await db
        .insertInto("tags")
        .values({ slug: `tag-${t}`, name: `Tag ${t}` })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id,
  );
const mediaId = (
  await db
    .insertInto("media")
    .values({
      file: "2026/11/foto.jpg",
      mime_type: "image/jpeg",
      width: 1200,
      height: 675,
      alt: "Foto",
      caption: "",
      credit: "",
      created_at: NOW.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow()
).id;
const repo = createArticlesRepository();
const paragraph = (i: number) => ({
  type: "paragraph" as const,
  content: [
    {
      text: `Paragraf ${i} berita uji dengan teks yang cukup panjang untuk menyerupai berita sungguhan di situs.`,
    },
  ],
});
await db.transaction().execute(async (tx) => {
  for (let i = 0; i < ARTICLES; i++) {
    const publishedAt = new Date(
      NOW.getTime() - Math.floor((i / ARTICLES) * MONTHS * 30 * 86_400_000) - 60_000,
    );
    await repo.insert(tx, {
      slug: `berita-${i}`,
      headline: `Berita uji nomor ${i}`,
      lede: `Ringkasan berita ${i}.`,
      sectionId: sectionIds[i % sectionIds.length] as number,
      dateline: { place: "Jakarta", outlet: "WARTA", timeZone: "Asia/Jakarta" },
      body: { version: 1, blocks: Array.from({ length: 12 }, (_, n) => paragraph(n)) },
      hero: { mediaId, caption: `Keterangan foto ${i}`, credit: "WARTA" },
      sources: [{ name: "Sumber" }],
      status: "published",
      publishedAt,
      firstPublishedAt: publishedAt,
      updatedAt: null,
      createdAt: publishedAt,
      modifiedAt: publishedAt,
      tagIds: [tagIds[i % 200] as number, tagIds[(i * 7) % 200] as number],
      credits: [
        { role: "penulis", personId: personIds[i % 40] as number, position: 0 },
        { role: "editor", personId: personIds[(i + 1) % 40] as number, position: 0 },
      ],
    });
  }
});
const seeded = performance.now() - t0;

const app = await buildApp(deps);
const month = NOW.toISOString().slice(0, 7);
const urls = [
  "/feed/rss.xml",
  "/feed/rss.xml?lengkap=1",
  "/feed/atom.xml",
  "/feed/feed.json",
  "/feed/rubrik/rubrik-0/rss.xml",
  "/feed/tag/tag-0/rss.xml",
  "/feed/profil/orang-0/rss.xml",
  "/sitemap.xml",
  `/sitemaps/artikel-${month}.xml`,
  "/sitemaps/berita.xml",
  "/sitemaps/rubrik.xml",
  "/sitemaps/tag.xml",
  "/sitemaps/profil.xml",
];
console.log(
  `${ARTICLES} live articles over ${MONTHS} months, seeded in ${(seeded / 1000).toFixed(1)} s; ${RUNS} runs each (ms)`,
);
console.log("url".padEnd(36), "median".padStart(8), "p90".padStart(8), "bytes".padStart(9));
for (const url of urls) {
  const times: number[] = [];
  let bytes = 0;
  for (let r = 0; r < RUNS + 2; r++) {
    const start = performance.now();
    const response = await app.inject({ method: "GET", url });
    const elapsed = performance.now() - start;
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`);
    bytes = response.rawPayload.length;
    if (r >= 2) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    (times[Math.min(times.length - 1, Math.floor(q * times.length))] as number).toFixed(1);
  console.log(url.padEnd(36), at(0.5).padStart(8), at(0.9).padStart(8), String(bytes).padStart(9));
}
await app.close();
await deps.close();
await rm(dir, { recursive: true, force: true });
