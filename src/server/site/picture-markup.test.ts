import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import sharp from "sharp";
import { SYSTEM_ACTOR } from "../../core/actor.ts";
import type { Article } from "../../core/article.ts";
import { bodyOf, buildArticle, buildSection } from "../../testing/factories.ts";
import { solidJpeg, twoToneJpeg } from "../../testing/image-fixtures.ts";
import { createTestContext, type TestContext } from "../../testing/test-app.ts";

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const urlsOf = (srcset: string) => srcset.split(", ").map((candidate) => candidate.split(" ")[0] as string);

/** Upload → derivatives → page markup, per format: every URL a page offers answers with its type. */
describe("pictures on pages", () => {
  let ctx: TestContext;
  let story: Article;
  let page: string;

  before(async () => {
    ctx = await createTestContext();
    const heroImage = await ctx.deps.media.storeImage(
      { bytes: await twoToneJpeg(1700, 1100, "#274c77", "#e7ecef"), alt: "Presiden berpidato di Kazan" },
      SYSTEM_ACTOR,
    );
    const inlineImage = await ctx.deps.media.storeImage(
      { bytes: await solidJpeg(900, 600, "#6096ba"), alt: "Peta lokasi KTT" },
      SYSTEM_ACTOR,
    );
    const section = await buildSection(ctx.deps, { name: "Dunia", slug: "dunia" });
    story = await buildArticle(ctx.deps, {
      sectionId: section.id,
      headline: "KTT BRICS dibuka di Kazan",
      hero: { mediaId: heroImage.id, caption: "Pembukaan KTT", credit: "BRICS 2024" },
      body: {
        version: 1,
        blocks: [
          ...bodyOf("Paragraf pertama.").blocks,
          { type: "image", mediaId: inlineImage.id, caption: "Lokasi", credit: "Warta" },
        ],
      },
    });
    const response = await ctx.app.inject({ method: "GET", url: `/dunia/${story.id}/${story.slug}` });
    assert.equal(response.statusCode, 200);
    page = response.body;
  });
  after(async () => ctx?.close());

  const get = (url: string) => ctx.app.inject({ method: "GET", url });

  it("the hero is a <picture>: AVIF and WebP sources, JPEG fallback, srcset + sizes, width/height, high priority, preloaded", async () => {
    const hero =
      /<figure class="hero">(<picture>.*?<\/picture>)/s.exec(page)?.[1] ?? assert.fail("no hero picture");
    const sources = [...hero.matchAll(/<source [^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(
      sources.map((s) => attr(s, "type")),
      ["image/avif", "image/webp"],
    );
    const img = /<img [^>]*>/.exec(hero)?.[0] ?? assert.fail("no img");
    assert.equal(attr(img, "alt"), "Presiden berpidato di Kazan");
    assert.equal(attr(img, "fetchpriority"), "high");
    assert.equal(attr(img, "loading"), undefined, "the hero is never lazy");
    assert.deepEqual([attr(img, "width"), attr(img, "height")], ["1600", "900"], "16:9 crop, largest width");
    for (const tag of [...sources, img]) assert.match(attr(tag, "sizes") ?? "", /calc\(100vw - 2rem\)$/);
    const preload = /<link rel="preload" as="image"[^>]*>/.exec(page)?.[0] ?? assert.fail("no preload");
    assert.equal(attr(preload, "imagesrcset"), attr(sources[0] as string, "srcset"));
    assert.equal(attr(preload, "fetchpriority"), "high");

    const expected = { "image/avif": "avif", "image/webp": "webp" } as const;
    for (const source of sources) {
      const type = attr(source, "type") as keyof typeof expected;
      const urls = urlsOf(attr(source, "srcset") ?? "");
      assert.deepEqual(
        urls.map((u) => /-(\d+)\.\w+$/.exec(u)?.[1]),
        ["320", "640", "960", "1280", "1600"],
      );
      for (const url of urls) {
        const response = await get(url);
        assert.equal(response.statusCode, 200, url);
        assert.equal(response.headers["content-type"], type);
        const info = await sharp(response.rawPayload).metadata();
        assert.equal(info.format === "heif" ? "avif" : info.format, expected[type], url);
        assert.equal(info.width, Number(/-(\d+)\.\w+$/.exec(url)?.[1]));
        assert.equal(Math.round(((info.height ?? 0) * 16) / (info.width ?? 1)), 9, `16:9: ${url}`);
      }
    }
    for (const url of [attr(img, "src") as string, ...urlsOf(attr(img, "srcset") ?? "")]) {
      const response = await get(url);
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.headers["content-type"], "image/jpeg");
    }
  });

  it("an inline image is lazy, in its own ratio, never wider than the original", () => {
    const figure =
      /<figure class="inline-image">(.*?)<\/figure>/s.exec(page)?.[1] ?? assert.fail("no inline image");
    const img = /<img [^>]*>/.exec(figure)?.[0] ?? assert.fail("no img");
    assert.equal(attr(img, "loading"), "lazy");
    assert.equal(attr(img, "fetchpriority"), undefined);
    assert.deepEqual([attr(img, "width"), attr(img, "height")], ["640", "427"]);
    assert.deepEqual(
      urlsOf(attr(img, "srcset") ?? "").map((u) => /w-(\d+)\.jpg$/.exec(u)?.[1]),
      ["320", "640"],
    );
    assert.match(figure, /<source type="image\/avif"/);
  });

  it("og:image is the 1200×630 card; JSON-LD and feeds point at JPEG derivatives that answer", async () => {
    const og =
      /<meta property="og:image" content="https:\/\/warta\.test([^"]+)"/.exec(page)?.[1] ??
      assert.fail("no og:image");
    assert.match(og, /\/social-1200\.jpg$/);
    assert.match(page, /<meta property="og:image:width" content="1200"/);
    assert.match(page, /<meta property="og:image:height" content="630"/);
    const card = await get(og);
    assert.equal(card.statusCode, 200);
    const info = await sharp(card.rawPayload).metadata();
    assert.deepEqual([info.format, info.width, info.height], ["jpeg", 1200, 630]);

    const ld = [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)]
      .map((m) => JSON.parse(m[1] as string) as { "@type": string; image?: { url: string; width: number } })
      .find((d) => d["@type"] === "NewsArticle");
    assert.ok(ld?.image);
    assert.match(ld.image.url, /\/hero-1600\.jpg$/);
    assert.equal((await get(ld.image.url.replace("https://warta.test", ""))).statusCode, 200);

    const rss = (await get("/feed/rss.xml")).body;
    const feedUrl = /<media:content url="https:\/\/warta\.test([^"]+)" type="image\/jpeg"/.exec(rss)?.[1];
    assert.ok(feedUrl, "media:content in RSS");
    assert.match(feedUrl, /\/w-1280\.jpg$/);
    assert.equal((await get(feedUrl)).statusCode, 200);
  });
});
