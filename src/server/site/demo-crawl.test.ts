import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadDemo } from "../../cli/load-demo.ts";
import { DEMO_ARTICLES, DRAFT_ARTICLE_KEY, SCHEDULED_ARTICLE_KEY } from "../../cli/demo/demo-content.ts";
import { createTestContext, type TestContext } from "../../testing/test-app.ts";

const NOW = new Date("2026-11-26T05:00:00Z");
const MAX_PAGES = 1500;

/** Heading levels that skip one going down (h1 → h3): the W3C validator and axe flag them. */
export function skippedHeadings(html: string): string[] {
  const skipped: string[] = [];
  let previous = 0;
  for (const match of html.matchAll(/<h([1-6])[\s>]/g)) {
    const level = Number(match[1]);
    if (level > previous + 1) skipped.push(`h${previous} → h${level}`);
    previous = level;
  }
  return skipped;
}

/** Every same-site link and asset on a page: href, src and srcset values. */
function linksOf(html: string): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) links.push(match[1] as string);
  return links
    .map((link) => link.replace(/&amp;/g, "&"))
    .filter((link) => link.startsWith("/") && !link.startsWith("//"))
    .map((link) => link.split("#")[0] as string);
}

describe("crawl of the demo site", () => {
  let ctx: TestContext;

  before(async () => {
    ctx = await createTestContext({ now: NOW });
    await loadDemo(ctx.deps);
  });

  after(() => ctx.close());

  it("finds every page reachable from home, with no 3xx/4xx/5xx link and no unpublished text", async () => {
    const hidden = DEMO_ARTICLES.filter(
      (a) => a.key === DRAFT_ARTICLE_KEY || a.key === SCHEDULED_ARTICLE_KEY,
    ).map((a) => a.headline);
    assert.equal(hidden.length, 2);
    const seen = new Set<string>(["/", "/cari?q=banjir"]);
    const queue = ["/", "/cari?q=banjir"];
    const broken: string[] = [];
    let pages = 0;
    while (queue.length > 0 && seen.size < MAX_PAGES) {
      const url = queue.shift() as string;
      const response = await ctx.app.inject({ method: "GET", url });
      if (response.statusCode >= 300) {
        broken.push(`${response.statusCode} ${url}`);
        continue;
      }
      if (!String(response.headers["content-type"]).startsWith("text/html")) continue;
      pages++;
      assert.deepEqual(skippedHeadings(response.body), [], `${url} skips no heading level`);
      for (const headline of hidden)
        assert.ok(!response.body.includes(headline), `${url} shows unpublished "${headline}"`);
      for (const link of linksOf(response.body)) {
        if (!seen.has(link)) {
          seen.add(link);
          queue.push(link);
        }
      }
    }
    assert.deepEqual(broken, []);
    const published = DEMO_ARTICLES.filter((a) => (a.status ?? "published") === "published").length;
    assert.ok(pages >= published + 10, `crawled ${pages} pages, expected at least every article plus lists`);
    const articlePages = [...seen].filter((u) => /\/\d+\/[a-z0-9-]+$/.test(u));
    assert.equal(articlePages.length, published, "every published demo article is reachable");
  });
});
