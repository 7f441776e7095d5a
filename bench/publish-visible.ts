import { performance } from "node:perf_hooks";
import type { AddressInfo } from "node:net";
import { SYSTEM_ACTOR } from "../src/core/actor.ts";
import { paragraph } from "../src/content/body.schema.ts";
import { buildApp } from "../src/server/app.ts";
import type { Deps } from "../src/app/deps.ts";
import { median, rawGet, round } from "./http-util.ts";

export interface PublishVisibleResult {
  trials: number;
  pages: string[];
  /** Per trial: the time until the last affected page showed the article. */
  allPagesMs: number[];
  medianAllPagesMs: number;
  maxAllPagesMs: number;
  /** Per trial: how long the publish call itself took (transaction + every event subscriber). */
  publishCallMs: number[];
  /** Median per page over the trials. */
  perPageMedianMs: Record<string, number>;
  failures: string[];
}

/**
 * Publish-to-visible: Warta in this process (so the publish goes through the service and its
 * events reach this server's cache), every affected page warm in the cache; then publish a new
 * article and poll each affected URL until it shows the headline.
 */
export async function measurePublishToVisible(
  deps: Deps,
  port: number,
  trials = 5,
): Promise<PublishVisibleResult> {
  const app = await buildApp(deps);
  await app.listen({ port, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const directory = await deps.sections.directory();
    const leaf =
      directory.all.find((s) => (directory.pathOf(s.id)?.ancestors.length ?? 0) >= 2) ?? directory.all[0];
    if (!leaf) throw new Error("no sections in the store");
    const trail = [...(directory.pathOf(leaf.id)?.ancestors ?? []), leaf];
    const tag = await deps.store.db
      .selectFrom("tags")
      .selectAll()
      .orderBy("id")
      .limit(1)
      .executeTakeFirstOrThrow();
    const person = await deps.store.db
      .selectFrom("people")
      .selectAll()
      .orderBy("id")
      .limit(1)
      .executeTakeFirstOrThrow();
    const latest = await deps.reading.latest(1);
    const feed = (await rawGet(`${base}/feed/rss.xml`)).status === 200 ? ["/feed/rss.xml"] : [];
    const pages = [
      "/",
      ...trail.map(
        (_, i) =>
          `/${trail
            .slice(0, i + 1)
            .map((s) => s.slug)
            .join("/")}`,
      ),
      `/tag/${tag.slug}`,
      `/profil/${person.slug}`,
      latest[0]?.url ?? "/",
      ...feed,
    ];
    const allPagesMs: number[] = [];
    const perPage = new Map<string, number[]>(pages.map((p) => [p, []]));
    const failures: string[] = [];
    const publishCallMs: number[] = [];
    for (let trial = 0; trial < trials; trial++) {
      // The previous publish's background work (its Berita Terkait, a second later) is done, as it
      // would be between two publishes in a newsroom; it is not counted against this publish.
      await deps.relatedStories.settled();
      for (const page of pages) {
        await rawGet(base + page);
        await rawGet(base + page);
      }
      const headline = `Kabar terkini uji terbit nomor ${Date.now()}-${trial}`;
      const draft = await deps.articles.create(
        {
          headline,
          sectionId: leaf.id,
          body: {
            version: 1,
            blocks: [paragraph("Isi berita uji untuk mengukur waktu tampil setelah terbit.")],
          },
          tagIds: [tag.id],
          credits: [{ role: "penulis", personId: person.id }],
        },
        SYSTEM_ACTOR,
      );
      const start = performance.now();
      await deps.articles.transition(draft.id, "publish", SYSTEM_ACTOR);
      publishCallMs.push(performance.now() - start);
      const seen = await Promise.all(
        pages.map(async (page) => {
          for (;;) {
            const response = await rawGet(base + page);
            if (response.body.includes(headline)) return performance.now() - start;
            if (performance.now() - start > 5000) {
              failures.push(`${page} did not show the article within 5 s (trial ${trial})`);
              return NaN;
            }
          }
        }),
      );
      pages.forEach((page, i) => perPage.get(page)?.push(seen[i] as number));
      allPagesMs.push(Math.max(...seen));
    }
    return {
      trials,
      pages,
      allPagesMs: allPagesMs.map((ms) => round(ms)),
      medianAllPagesMs: round(median(allPagesMs)),
      maxAllPagesMs: round(Math.max(...allPagesMs)),
      publishCallMs: publishCallMs.map((ms) => round(ms)),
      perPageMedianMs: Object.fromEntries([...perPage].map(([page, ms]) => [page, round(median(ms))])),
      failures,
    };
  } finally {
    await app.close();
  }
}
