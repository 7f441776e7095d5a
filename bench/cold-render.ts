import { sql } from "kysely";
import { performance } from "node:perf_hooks";
import { articlePath } from "../src/core/urls.ts";
import { buildEntry } from "../src/cache/page-cache.ts";
import type { Deps } from "../src/app/deps.ts";
import { loadSiteAssets } from "../src/server/site/assets.ts";
import { createSiteRenderer } from "../src/server/site/site-renderer.ts";
import { median, percentile, round } from "./http-util.ts";

export interface RenderTiming {
  renders: number;
  /** Wall-clock time. */
  medianMs: number;
  p90Ms: number;
  /** CPU time of this process (user + system): what the render costs, whatever else runs. */
  cpuMedianMs: number;
}

export interface ColdRenderResult {
  /**
   * Articles whose Berita Terkait is stored (computed at publish, services/related-stories.service.ts):
   * what a reader's miss costs.
   */
  article: RenderTiming;
  /** Other articles with the Berita Terkait list left empty: the rest of the page. */
  articleWithoutRelatedSearch: RenderTiming;
  /** Computing and storing one article's Berita Terkait (the search query): once per publish/update. */
  relatedCompute: RenderTiming;
  /** Search documents in the store (Berita Terkait costs nothing on an empty index). */
  searchDocuments: number;
  home: RenderTiming;
  section: RenderTiming;
  tag: RenderTiming;
  person: RenderTiming;
  /** Compressing one article page into br + gzip (what a miss adds to the render). */
  articleCompress: RenderTiming;
  articleHtmlBytes: number;
}

async function time(
  count: number,
  warmup: number,
  render: (i: number) => Promise<unknown>,
): Promise<RenderTiming> {
  for (let i = 0; i < warmup; i++) await render(i);
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await render(warmup + i);
    const used = process.cpuUsage(cpuStart);
    samples.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return {
    renders: count,
    medianMs: round(median(samples), 3),
    p90Ms: round(percentile(samples, 90), 3),
    cpuMedianMs: round(median(cpu), 3),
  };
}

/**
 * The cold render time of each page type, in-process through the site renderer (no page cache):
 * every article render is a different article, so it is a real miss for the article's rows.
 */
export async function measureColdRender(deps: Deps, count = 200): Promise<ColdRenderResult> {
  const renderer = createSiteRenderer(deps, loadSiteAssets());
  const directory = await deps.sections.directory();
  const { rows } = await sql<{ id: number; slug: string; section_id: number }>`
    SELECT id, slug, section_id FROM articles WHERE status = 'published' ORDER BY random() LIMIT ${(count + 10) * 2}`.execute(
    deps.store.db,
  );
  const articles = rows.flatMap((row) => {
    const path = directory.pathOf(row.section_id);
    return path ? [{ id: row.id, url: articlePath(path, row.id, row.slug) }] : [];
  });
  const sections = directory.all.map((s) =>
    (directory.pathOf(s.id)?.ancestors ?? []).concat(s).map((x) => x.slug),
  );
  const tags = (await deps.store.db.selectFrom("tags").select("slug").orderBy("id").limit(200).execute()).map(
    (t) => t.slug,
  );
  const people = (
    await deps.store.db.selectFrom("people").select("slug").orderBy("id").limit(200).execute()
  ).map((p) => p.slug);
  const pick = <T>(items: T[], i: number): T => items[i % items.length] as T;

  // Both article sets below get their Berita Terkait computed first, as a publish would: the
  // renders then read the stored list (and find the article's rows equally warm in SQLite).
  const relatedCompute = await time(Math.min(articles.length, (count + 10) * 2), 0, async (i) => {
    await deps.relatedStories.recompute(pick(articles, i).id);
  });
  let articleHtmlBytes = 0;
  const article = await time(count, 10, async (i) => {
    const target = pick(articles, i);
    const page = await renderer.article(target.id, target.url);
    if ("redirect" in page || page.status !== 200) throw new Error(`article ${target.id} did not render`);
    articleHtmlBytes = Buffer.byteLength(page.html.value);
  });
  const plain = createSiteRenderer(
    { ...deps, relatedStories: { ...deps.relatedStories, forArticle: async () => [] } },
    loadSiteAssets(),
  );
  const articleWithoutRelatedSearch = await time(count, 10, async (i) => {
    const target = pick(articles, count + 10 + i);
    const page = await plain.article(target.id, target.url);
    if ("redirect" in page || page.status !== 200) throw new Error(`article ${target.id} did not render`);
  });
  const { rows: docs } = await sql<{ n: number }>`SELECT count(*) AS n FROM search_docs`
    .execute(deps.store.db)
    .catch(() => ({ rows: [{ n: 0 }] }));
  const sample = await renderer.article(articles[0]?.id ?? 1, articles[0]?.url ?? "/");
  const sampleBody = Buffer.from("html" in sample ? sample.html.value : "");
  return {
    article,
    articleWithoutRelatedSearch,
    relatedCompute,
    searchDocuments: Number(docs[0]?.n ?? 0),
    home: await time(Math.min(count, 100), 5, () => renderer.home()),
    section: await time(Math.min(count, 100), 5, (i) => renderer.section(pick(sections, i), undefined)),
    tag: await time(Math.min(count, 100), 5, (i) => renderer.tag(pick(tags, i), undefined)),
    person: await time(Math.min(count, 100), 5, (i) => renderer.person(pick(people, i), undefined)),
    articleCompress: await time(50, 5, () =>
      buildEntry(
        {
          key: "/x",
          body: sampleBody,
          headers: { "content-type": "text/html; charset=utf-8" },
          surrogateKeys: ["x"],
          ttlSeconds: 60,
          compress: true,
          brotliQuality: 5,
        },
        Date.now(),
      ),
    ),
    articleHtmlBytes,
  };
}
