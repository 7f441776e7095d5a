import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildAtom } from "./atom.builder.ts";
import type { FeedEntry, FeedModel, SiteInfo } from "./distribution.models.ts";
import { formatRfc822 } from "./feed-dates.ts";
import {
  feedparser,
  INDEX_SCHEMA,
  jsonFeedProblems,
  URLSET_SCHEMA,
  validatorsMissing,
  xmllint,
} from "./fixtures/validators.ts";
import { buildJsonFeed } from "./json-feed.builder.ts";
import { buildRss } from "./rss.builder.ts";
import {
  buildNewsSitemap,
  buildRobotsTxt,
  buildSitemapIndex,
  buildUrlset,
  SITEMAP_MAX_URLS,
} from "./sitemap.builder.ts";
import { cdata, escapeXml, stripInvalidXmlChars, xml } from "./xml.ts";

const site: SiteInfo = {
  siteUrl: "https://warta.test",
  siteName: "Warta & Kawan",
  logoUrl: "https://warta.test/aset/warta-logo.png",
  logoWidth: 192,
  logoHeight: 192,
  description: "Berita <terkini>",
};

/** Text that breaks naive XML: markup, entities, quotes, control characters, a CDATA end. */
const HOSTILE = `Judul <b>"tebal"</b> & 'kutip' ]]> \u0001\u000b akhir 😀`;

function entry(overrides: Partial<FeedEntry> = {}): FeedEntry {
  return {
    id: 7,
    guid: "tag:warta.test,2024-10-25:artikel/7",
    url: "https://warta.test/dunia/7/judul",
    headline: HOSTILE,
    summary: `Ringkasan ${HOSTILE}`,
    contentHtml: `<p>Isi ${HOSTILE.replace(/[<>&]/g, "")} ]]> <script>alert(1)</script></p>`,
    publishedAt: new Date("2024-10-25T01:08:00Z"),
    updatedAt: new Date("2024-10-25T03:00:00Z"),
    timeZone: "Asia/Makassar",
    section: { name: "Dunia & Asia", url: "https://warta.test/dunia" },
    tags: [{ name: "Korea <Utara>", url: "https://warta.test/tag/korea-utara" }],
    people: [
      { name: "Penulis & Satu", url: "https://warta.test/profil/a", role: "penulis" },
      { name: "Editor 'Dua'", url: "https://warta.test/profil/b", role: "editor" },
    ],
    image: {
      url: "https://warta.test/media/a.jpg?x=1&y=2",
      mimeType: "image/jpeg",
      width: 1200,
      height: 675,
      alt: "Alt",
      caption: `Keterangan ${HOSTILE}`,
      credit: "Kredit & Foto",
    },
    sources: [{ name: "Sumber <A>", url: "https://example.com/?a=1&b=2" }],
    ...overrides,
  };
}

function feed(entries: FeedEntry[], fullText = true): FeedModel {
  return {
    title: `Feed ${HOSTILE}`,
    description: "Deskripsi",
    pageUrl: "https://warta.test/",
    feedUrls: {
      rss: "https://warta.test/feed/rss.xml",
      atom: "https://warta.test/feed/atom.xml",
      json: "https://warta.test/feed/feed.json",
    },
    fullText,
    updated: new Date("2024-10-25T03:00:00Z"),
    entries,
    surrogateKeys: ["feeds"],
  };
}

const skipValidators = validatorsMissing();

describe("xml helpers", () => {
  it("escapes markup, quotes and ampersands and drops characters XML 1.0 forbids", () => {
    assert.equal(escapeXml(`a<b>&"'`), "a&lt;b&gt;&amp;&quot;&apos;");
    assert.equal(
      stripInvalidXmlChars("a\u0000b\u0008c\u000bd\u001fe\tf\ng\rh\ud800i\uffffj😀"),
      "abcde\tf\ng\rhij😀",
    );
    assert.equal(
      xml`<t a="${'"x"'}">${"<y>"}${xml`<z/>`}</t>`.value,
      '<t a="&quot;x&quot;">&lt;y&gt;<z/></t>',
    );
  });

  it("keeps a CDATA section closed only at its end", () => {
    assert.equal(cdata("a]]>b").value, "<![CDATA[a]]]]><![CDATA[>b]]>");
  });

  it("formats RFC 822 dates in the zone's wall clock", () => {
    const at = new Date("2024-10-25T01:08:00Z");
    assert.equal(formatRfc822(at, "Asia/Jakarta"), "Fri, 25 Oct 2024 08:08:00 +0700");
    assert.equal(formatRfc822(at, "Asia/Jayapura"), "Fri, 25 Oct 2024 10:08:00 +0900");
  });
});

describe("feed builders with hostile text", { skip: skipValidators }, () => {
  for (const [name, build] of [
    ["RSS", buildRss],
    ["Atom", buildAtom],
  ] as const) {
    it(`${name} parses cleanly in feedparser and keeps the text intact`, () => {
      const parsed = feedparser(build(feed([entry()]), site));
      assert.equal(parsed.bozo, 0, parsed.bozo_exception ?? "");
      const item = parsed.entries[0];
      assert.ok(item);
      const expected = stripInvalidXmlChars(HOSTILE);
      assert.equal(item.title, expected);
      assert.equal(item.authors[0]?.name, "Penulis & Satu");
      assert.equal(item.contributors[0]?.name, "Editor 'Dua'");
      assert.equal(item.media_content[0]?.url, "https://warta.test/media/a.jpg?x=1&y=2");
      assert.equal(item.media_credit[0]?.content, "Kredit & Foto");
      assert.match(item.published ?? "", /\+0?8:?00$/);
      const html = item.content.find((c) => c.type === "text/html")?.value ?? "";
      assert.ok(html.includes("]]>"), "a literal ]]> in the HTML survives");
      assert.ok(!html.includes("<script"), "feedparser's sanitizer still sees the HTML as HTML");
      assert.deepEqual(
        item.tags.map((t) => t.term),
        ["Dunia & Asia", "Korea <Utara>"],
      );
    });
  }

  it("an entry without people, image or update still parses", () => {
    for (const build of [buildRss, buildAtom]) {
      const bare = entry({
        people: [],
        image: null,
        updatedAt: null,
        sources: [],
        tags: [],
        contentHtml: null,
      });
      const parsed = feedparser(build(feed([bare], false), site));
      assert.equal(parsed.bozo, 0, parsed.bozo_exception ?? "");
      assert.equal(parsed.entries.length, 1);
    }
  });
});

describe("JSON Feed builder", () => {
  it("meets the 1.1 spec's required fields, puts extras under _warta", () => {
    const json = JSON.parse(buildJsonFeed(feed([entry()]), site)) as Record<string, unknown>;
    assert.deepEqual(jsonFeedProblems(json), []);
    const item = (json.items as Record<string, unknown>[])[0] as Record<string, unknown>;
    assert.equal(item.date_published, "2024-10-25T09:08:00+08:00");
    assert.deepEqual(item.authors, [{ name: "Penulis & Satu", url: "https://warta.test/profil/a" }]);
    assert.equal((item._warta as { image_credit: string }).image_credit, "Kredit & Foto");
  });

  it("the checker catches a feed that breaks the spec", () => {
    assert.ok(
      jsonFeedProblems({ version: "1", items: [{ title: "x", date_published: "kemarin" }] }).length >= 4,
    );
  });
});

describe("sitemap builders", { skip: skipValidators }, () => {
  const urls = [
    { loc: "https://warta.test/a?x=1&y=2", lastmod: new Date("2024-10-25T01:08:00Z") },
    { loc: "https://warta.test/b", lastmod: null },
  ];

  it("a urlset, an index and a news sitemap validate against the sitemaps.org and Google XSDs", () => {
    assert.equal(xmllint(buildUrlset(urls), URLSET_SCHEMA), "");
    assert.equal(xmllint(buildSitemapIndex(urls), INDEX_SCHEMA), "");
    const news = buildNewsSitemap(
      [
        {
          loc: "https://warta.test/a",
          headline: HOSTILE,
          publishedAt: new Date("2024-10-25T01:08:00Z"),
          timeZone: "Asia/Jakarta",
          keywords: ["Rusia", "Korea Utara"],
        },
      ],
      site.siteName,
    );
    assert.equal(xmllint(news, URLSET_SCHEMA), "");
    assert.ok(news.includes("<news:publication_date>2024-10-25T08:08:00+07:00</news:publication_date>"));
  });

  it("xmllint rejects what the schema forbids (the check can fail)", () => {
    const broken = buildUrlset(urls).replace(
      "<loc>https://warta.test/b</loc>",
      "<loc>https://warta.test/b</loc><priority>2</priority>",
    );
    assert.notEqual(xmllint(broken, URLSET_SCHEMA), "");
  });

  it("refuses more than 50,000 URLs in one file", () => {
    const many = Array.from({ length: SITEMAP_MAX_URLS + 1 }, (_, i) => ({
      loc: `https://warta.test/${i}`,
      lastmod: null,
    }));
    assert.throws(() => buildUrlset(many), RangeError);
  });

  it("robots.txt disallows admin, api and search and names the sitemaps", () => {
    const robots = buildRobotsTxt("https://warta.test", ["/sitemap.xml", "/sitemaps/berita.xml"]);
    for (const line of [
      "Disallow: /admin",
      "Disallow: /api",
      "Disallow: /cari",
      "Sitemap: https://warta.test/sitemap.xml",
      "Sitemap: https://warta.test/sitemaps/berita.xml",
    ])
      assert.ok(robots.split("\n").includes(line), line);
  });
});
