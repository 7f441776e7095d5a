import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadDemo } from "../../../cli/load-demo.ts";
import { DEMO_ARTICLES, DRAFT_ARTICLE_KEY, SCHEDULED_ARTICLE_KEY } from "../../../cli/demo/demo-content.ts";
import { feedPath, type FeedScope } from "../../../core/urls.ts";
import {
  feedparserMany,
  INDEX_SCHEMA,
  jsonFeedProblems,
  jsonLdBlocks,
  URLSET_SCHEMA,
  validatorsMissing,
  xmllint,
} from "../../../distribution/fixtures/validators.ts";
import { createTestContext, type TestContext } from "../../../testing/test-app.ts";
import { DISTRIBUTION_CACHE_CONTROL } from "./distribution.routes.ts";

const NOW = new Date("2026-11-26T05:00:00Z");
const SITE = "https://warta.test";
const OFFSET = /[+-]\d{2}:?\d{2}$/;
const HIDDEN = DEMO_ARTICLES.filter(
  (a) => a.key === DRAFT_ARTICLE_KEY || a.key === SCHEDULED_ARTICLE_KEY,
).map((a) => a.headline);
const xmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

const skip = validatorsMissing();

describe("distribution routes on the demo site", { skip }, () => {
  let ctx: TestContext;
  let scopes: { scope: FeedScope; key: string }[];
  const get = (url: string) => ctx.app.inject({ method: "GET", url });

  before(async () => {
    ctx = await createTestContext({ now: NOW });
    await loadDemo(ctx.deps);
    const { deps } = ctx;
    const directory = await deps.sections.directory();
    const tags = await deps.store.db.selectFrom("tags").select(["id", "slug"]).execute();
    const people = await deps.store.db.selectFrom("people").select(["id", "slug"]).execute();
    scopes = [
      { scope: { kind: "home" }, key: "feeds" },
      ...directory.all.map((s) => ({
        scope: { kind: "section", path: directory.pathOf(s.id) } as FeedScope,
        key: `section:${s.id}`,
      })),
      ...tags.map((t) => ({ scope: { kind: "tag", slug: t.slug } as FeedScope, key: `tag:${t.id}` })),
      ...people.map((p) => ({ scope: { kind: "person", slug: p.slug } as FeedScope, key: `person:${p.id}` })),
    ];
  });

  after(() => ctx?.close());

  it("serves every feed (home, sections, tags, people × RSS, Atom, JSON) with types, caching and keys", async () => {
    const xmlDocs: string[] = [];
    let jsonItems = 0;
    for (const { scope, key } of scopes)
      for (const format of ["rss", "atom", "json"] as const) {
        const url = feedPath(scope, format);
        const response = await get(url);
        assert.equal(response.statusCode, 200, url);
        assert.equal(
          response.headers["content-type"],
          {
            rss: "application/rss+xml; charset=utf-8",
            atom: "application/atom+xml; charset=utf-8",
            json: "application/feed+json; charset=utf-8",
          }[format],
        );
        assert.equal(response.headers["cache-control"], DISTRIBUTION_CACHE_CONTROL);
        const keys = String(response.headers["surrogate-key"]).split(" ");
        assert.ok(keys.includes("feeds") && keys.includes(key), `${url}: ${keys.join(" ")}`);
        for (const headline of HIDDEN)
          assert.ok(!response.body.includes(xmlText(headline)), `${url} leaks ${headline}`);
        if (format === "json") {
          const feed = JSON.parse(response.body) as { items: unknown[] };
          assert.deepEqual(jsonFeedProblems(feed), [], url);
          jsonItems += feed.items.length;
        } else xmlDocs.push(response.body);
      }
    assert.ok(jsonItems > 20);

    const parsed = feedparserMany(xmlDocs);
    let withImage = 0;
    for (const [index, feed] of parsed.entries()) {
      assert.equal(feed.bozo, 0, `feed ${index}: ${feed.bozo_exception}`);
      assert.equal(feed.version, index % 2 === 0 ? "rss20" : "atom10");
      assert.ok(feed.feed.self?.startsWith(`${SITE}/feed/`), "self link");
      for (const entry of feed.entries) {
        assert.ok(entry.title && entry.link?.startsWith(SITE) && entry.id, JSON.stringify(entry));
        assert.match(entry.published ?? "", OFFSET, "published carries its offset");
        assert.ok(entry.authors.length > 0 && entry.authors[0]?.name, `authors of ${entry.title}`);
        assert.ok(entry.summary, `summary of ${entry.title}`);
        assert.ok(entry.tags.length > 0, `categories of ${entry.title}`);
        if (entry.media_content.length > 0) {
          withImage++;
          assert.match(entry.media_content[0]?.url ?? "", /^https:\/\/warta\.test\/media\//);
          assert.ok(entry.media_credit[0]?.content, `credit of ${entry.title}`);
        }
      }
    }
    assert.ok(withImage > 20, `entries with hero: ${withImage}`);
  });

  it("full text with ?lengkap=1: content:encoded, Atom html content and JSON content_html", async () => {
    const [rss, atom] = feedparserMany([
      (await get("/feed/rss.xml?lengkap=1")).body,
      (await get("/feed/atom.xml?lengkap=1")).body,
    ]);
    for (const feed of [rss, atom]) {
      assert.equal(feed?.bozo, 0);
      for (const entry of feed?.entries ?? []) {
        const htmlContent = entry.content.find((c) => c.type === "text/html")?.value ?? "";
        assert.ok(htmlContent.includes("<p>"), `full text of ${entry.title}`);
      }
      assert.ok(feed?.feed.self?.endsWith("?lengkap=1"));
    }
    const json = JSON.parse((await get("/feed/feed.json?lengkap=1")).body) as {
      items: { content_html?: string }[];
    };
    assert.ok(json.items.every((item) => item.content_html?.includes("<p>")));
    const short = JSON.parse((await get("/feed/feed.json")).body) as { items: { content_html?: string }[] };
    assert.ok(short.items.every((item) => item.content_html === undefined));
  });

  it("404s for unknown feeds, formats and sitemaps", async () => {
    for (const url of [
      "/feed/tag/tidak-ada/rss.xml",
      "/feed/profil/tidak-ada/atom.xml",
      "/feed/rubrik/tidak-ada/feed.json",
      "/feed/rss.txt",
      "/feed/rubrik/rss.xml",
      "/sitemaps/artikel-1999-01.xml",
      "/sitemaps/artikel-2026-11-1.xml",
      "/sitemaps/artikel-2026-13.xml",
      "/sitemaps/lain.xml",
    ]) {
      const response = await get(url);
      assert.equal(response.statusCode, 404, url);
      assert.match(String(response.headers["content-type"]), /text\/html/);
    }
  });

  it("the sitemap index and every sitemap it names validate; they list exactly the live articles", async () => {
    const index = await get("/sitemap.xml");
    assert.equal(index.statusCode, 200);
    assert.equal(index.headers["content-type"], "application/xml; charset=utf-8");
    assert.equal(index.headers["cache-control"], DISTRIBUTION_CACHE_CONTROL);
    assert.match(String(index.headers["surrogate-key"]), /\bsitemap\b/);
    assert.equal(xmllint(index.body, INDEX_SCHEMA), "");
    const locs = [...index.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] as string);
    assert.ok(locs.some((l) => /\/sitemaps\/artikel-\d{4}-\d{2}\.xml$/.test(l)));
    assert.ok(locs.includes(`${SITE}/sitemaps/indeks.xml`), "the Indeks days are in the sitemaps");
    for (const kind of ["rubrik", "tag", "profil"])
      assert.ok(locs.includes(`${SITE}/sitemaps/${kind}.xml`), kind);
    const articleUrls: string[] = [];
    for (const loc of [...locs, `${SITE}/sitemaps/berita.xml`]) {
      const response = await get(loc.slice(SITE.length));
      assert.equal(response.statusCode, 200, loc);
      assert.equal(xmllint(response.body, URLSET_SCHEMA), "", loc);
      for (const headline of HIDDEN) assert.ok(!response.body.includes(xmlText(headline)), `${loc} leaks`);
      if (loc.includes("/artikel-"))
        for (const m of response.body.matchAll(
          /<url>\s*<loc>([^<]+)<\/loc>\s*<lastmod>([^<]+)<\/lastmod>/g,
        )) {
          articleUrls.push(m[1] as string);
          assert.match(m[2] as string, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
        }
    }
    const live = await ctx.deps.reading.latest(1000);
    assert.deepEqual(articleUrls.sort(), live.map((item) => SITE + item.url).sort());
    const news = (await get("/sitemaps/berita.xml")).body;
    assert.ok(
      news.includes("<news:name>Warta</news:name>") && news.includes("<news:language>id</news:language>"),
    );
    const newsDates = [...news.matchAll(/<news:publication_date>([^<]+)</g)].map((m) =>
      Date.parse(m[1] as string),
    );
    assert.ok(newsDates.length > 0);
    for (const date of newsDates) assert.ok(NOW.getTime() - date <= 48 * 3_600_000 && date <= NOW.getTime());
  });

  it("every live article page carries NewsArticle JSON-LD, OpenGraph and Twitter meta", async () => {
    for (const item of await ctx.deps.reading.latest(1000)) {
      const page = (await get(item.url)).body;
      const article = jsonLdBlocks(page).find((b) => b["@type"] === "NewsArticle");
      assert.ok(article, item.url);
      for (const key of [
        "headline",
        "datePublished",
        "dateModified",
        "author",
        "editor",
        "publisher",
        "articleSection",
        "isAccessibleForFree",
        "mainEntityOfPage",
        "url",
      ])
        assert.ok(article[key] !== undefined, `${item.url}: ${key}`);
      assert.match(String(article.datePublished), /\+0[789]:00$/);
      assert.equal(article.url, SITE + item.url);
      assert.ok(jsonLdBlocks(page).some((b) => b["@type"] === "BreadcrumbList"));
      assert.ok(page.includes(`<meta property="og:type" content="article"`));
      assert.ok(page.includes(`<meta property="og:url" content="${SITE}${item.url}"`));
      assert.ok(page.includes(`<meta property="og:locale" content="id_ID"`));
      assert.ok(page.includes(`<meta name="twitter:card"`));
    }
  });

  it("home carries WebSite + SearchAction; pages link the feeds that describe them, and those links work", async () => {
    const home = (await get("/")).body;
    const website = jsonLdBlocks(home).find((b) => b["@type"] === "WebSite") as
      { potentialAction: { target: { urlTemplate: string } } } | undefined;
    assert.equal(website?.potentialAction.target.urlTemplate, `${SITE}/cari?q={search_term_string}`);
    const sectionUrl = (await ctx.deps.reading.latest(1))[0]?.url.split("/").slice(0, 2).join("/") as string;
    const tagUrl = /href="(\/tag\/[^"]+)"/.exec(
      (await get((await ctx.deps.reading.latest(1))[0]?.url as string)).body,
    )?.[1];
    const personUrl = /href="(\/profil\/[^"]+)"/.exec(
      (await get((await ctx.deps.reading.latest(1))[0]?.url as string)).body,
    )?.[1];
    for (const url of ["/", sectionUrl, tagUrl as string, personUrl as string]) {
      const page = (await get(url)).body;
      assert.ok(page.includes(`<meta property="og:type" content="website"`), `${url}: social card`);
      assert.ok(page.includes(`<meta property="og:url" content="${SITE}${url}"`), `${url}: og:url`);
      const links = [...page.matchAll(/<link rel="alternate" type="([^"]+)" title="[^"]+" href="([^"]+)"/g)];
      assert.deepEqual(
        links.map((l) => l[1]),
        ["application/rss+xml", "application/atom+xml", "application/feed+json"],
        url,
      );
      for (const link of links) {
        const response = await get((link[2] as string).slice(SITE.length));
        assert.equal(response.statusCode, 200, link[2]);
      }
    }
  });

  it("robots.txt points at the sitemaps and keeps crawlers out of admin, api and search", async () => {
    const response = await get("/robots.txt");
    assert.equal(response.headers["content-type"], "text/plain; charset=utf-8");
    const lines = response.body.split("\n");
    for (const line of [
      "User-agent: *",
      "Disallow: /admin",
      "Disallow: /api",
      "Disallow: /cari",
      `Sitemap: ${SITE}/sitemap.xml`,
      `Sitemap: ${SITE}/sitemaps/berita.xml`,
    ])
      assert.ok(lines.includes(line), line);
  });

  it("serves the publisher logo as a PNG", async () => {
    const response = await get("/aset/warta-logo.png");
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["content-type"], "image/png");
    assert.deepEqual([...response.rawPayload.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  });
});
