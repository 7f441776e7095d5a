import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { KyselyPlugin } from "kysely";
import { createArticlesRepository } from "../db/repositories/articles.repository.ts";
import { createMediaRepository } from "../db/repositories/media.repository.ts";
import { createRevisionsRepository } from "../db/repositories/revisions.repository.ts";
import { createTaxonomyRepository } from "../db/repositories/taxonomy.repository.ts";
import { buildArticle, buildImage, buildPerson, buildSection } from "../testing/factories.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import { createDistributionService, type DistributionService } from "./distribution.service.ts";

const NOW = new Date("2024-10-26T00:00:00Z");

/** Counts the queries the service sends. */
function queryCounter(): KyselyPlugin & { count: number } {
  const counter = {
    count: 0,
    transformQuery(args: Parameters<KyselyPlugin["transformQuery"]>[0]) {
      counter.count++;
      return args.node;
    },
    async transformResult(args: Parameters<KyselyPlugin["transformResult"]>[0]) {
      return args.result;
    },
  };
  return counter;
}

describe("distribution service", () => {
  let ctx: TestContext;
  let counter: ReturnType<typeof queryCounter>;
  let service: DistributionService;
  let sectionSlug: string;

  before(async () => {
    ctx = await createTestContext({ now: NOW });
    const { deps } = ctx;
    const section = await buildSection(deps, { name: "Dunia" });
    sectionSlug = section.slug;
    const people = [await buildPerson(deps), await buildPerson(deps), await buildPerson(deps)];
    const tags = await deps.tags.ensure(["Satu", "Dua", "Tiga"]);
    for (let i = 0; i < 12; i++) {
      const image = await buildImage(deps);
      await buildArticle(deps, {
        sectionId: section.id,
        hero: { mediaId: image.id, caption: `Keterangan ${i}`, credit: "Warta" },
        tagIds: tags.map((t) => t.id),
        credits: people.map((p, n) => ({
          role: n === 0 ? "penulis" : n === 1 ? "editor" : "kontributor",
          personId: p.id,
        })),
        sources: [{ name: "Sumber" }],
        publishedAt: new Date(NOW.getTime() - (i + 1) * 3_600_000),
      });
    }
    counter = queryCounter();
    service = createDistributionService({
      db: deps.store.db.withPlugin(counter),
      events: deps.events,
      clock: deps.clock,
      repos: {
        articles: createArticlesRepository(),
        taxonomy: createTaxonomyRepository(),
        media: createMediaRepository(),
        revisions: createRevisionsRepository(),
      },
      sections: deps.sections,
      siteUrl: "https://warta.test",
      siteName: "Warta",
    });
  });

  after(() => ctx?.close());

  async function queriesFor(limit: number, fullText: boolean): Promise<number> {
    const before = counter.count;
    const feed = await service.feed({ kind: "section", slugs: [sectionSlug] }, { limit, fullText });
    assert.equal(feed?.entries.length, limit);
    assert.ok(feed?.entries.every((e) => e.people.length === 3 && e.tags.length === 3 && e.image));
    return counter.count - before;
  }

  it("loads a feed in a fixed number of queries, however many entries (no N+1)", async () => {
    const one = await queriesFor(1, true);
    const twelve = await queriesFor(12, true);
    assert.equal(twelve, one);
    assert.ok(twelve <= 8, `queries per full-text feed: ${twelve}`);
    assert.ok((await queriesFor(12, false)) <= twelve);
  });
});
