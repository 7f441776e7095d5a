import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { SYSTEM_ACTOR } from "../src/core/actor.ts";
import type { Article } from "../src/core/article.ts";
import { bodyOf, buildArticle, buildSection } from "../src/testing/factories.ts";
import { solidJpeg, twoToneJpeg } from "../src/testing/image-fixtures.ts";
import { createTestContext, type TestContext } from "../src/testing/test-app.ts";
import { browserSkipReason, launchChromium, type LaunchedBrowser } from "./browser.ts";

const skip = browserSkipReason();

describe("pictures in headless Chromium", { skip }, () => {
  let ctx: TestContext;
  let browser: LaunchedBrowser;
  let origin: string;
  let story: Article;

  before(async () => {
    ctx = await createTestContext();
    const hero = await ctx.deps.media.storeImage(
      { bytes: await twoToneJpeg(1800, 1200, "#003049", "#fcbf49"), alt: "Perahu nelayan di Teluk Jakarta" },
      SYSTEM_ACTOR,
    );
    const inline = await ctx.deps.media.storeImage(
      { bytes: await solidJpeg(1000, 700, "#2a9d8f"), alt: "Peta jalur pelayaran" },
      SYSTEM_ACTOR,
    );
    const section = await buildSection(ctx.deps, { name: "Nasional", slug: "nasional" });
    // Far enough below the fold on a wide screen for Chromium's lazy-load distance (up to 2,500 px).
    const filler = Array.from(
      { length: 80 },
      (_, i) =>
        `Paragraf panjang nomor ${i + 1} tentang nelayan yang kembali melaut setelah badai reda di teluk.`,
    );
    story = await buildArticle(ctx.deps, {
      sectionId: section.id,
      headline: "Nelayan Teluk Jakarta melaut lagi",
      hero: { mediaId: hero.id, caption: "Perahu nelayan", credit: "Warta" },
      body: {
        version: 1,
        blocks: [
          ...bodyOf(...filler).blocks,
          { type: "image", mediaId: inline.id, caption: "Peta", credit: "Warta" },
        ],
      },
    });
    origin = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await ctx?.close();
  });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1366, height: 900 },
  ])
    it(`loads the hero and the lazy inline image as AVIF with no failed request (${viewport.width} px)`, async () => {
      const page = await browser.browser.newPage({ viewport });
      const problems: string[] = [];
      const images: { url: string; type: string }[] = [];
      page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(`console: ${message.text()}`);
      });
      page.on("response", (response) => {
        if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
        if (response.url().includes("/media/"))
          images.push({ url: response.url(), type: response.headers()["content-type"] ?? "" });
      });
      await page.goto(`${origin}/nasional/${story.id}/${story.slug}`, { waitUntil: "load" });
      const hero = (await page.evaluate(`(() => {
        const img = document.querySelector("figure.hero picture img");
        return { src: img.currentSrc, complete: img.complete, natural: img.naturalWidth, shown: img.getBoundingClientRect().width * devicePixelRatio };
      })()`)) as { src: string; complete: boolean; natural: number; shown: number };
      assert.ok(hero.complete && hero.natural > 0, JSON.stringify(hero));
      assert.match(hero.src, /\/hero-\d+\.avif$/, "Chromium picks the AVIF source");
      const chosen = Number(/-(\d+)\.avif$/.exec(hero.src)?.[1]);
      assert.ok(
        chosen >= hero.shown,
        `sizes lead to a candidate at least as wide as shown: ${JSON.stringify(hero)}`,
      );
      const lazyBefore = (await page.evaluate(
        `document.querySelector("figure.inline-image img").complete && document.querySelector("figure.inline-image img").naturalWidth > 0`,
      )) as boolean;
      await page.evaluate(`document.querySelector("figure.inline-image").scrollIntoView()`);
      // Polled with evaluate (the site's CSP forbids the string evaluation waitForFunction uses).
      const loaded = `(() => { const img = document.querySelector("figure.inline-image img"); return img.complete && img.naturalWidth > 0; })()`;
      for (let i = 0; i < 150 && !((await page.evaluate(loaded)) as boolean); i++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const inline = (await page.evaluate(
        `document.querySelector("figure.inline-image img").currentSrc`,
      )) as string;
      assert.match(inline, /\/w-\d+\.avif$/);
      assert.equal(lazyBefore, false, "the inline image waits until it is near the viewport");
      assert.deepEqual(problems, []);
      assert.ok(images.length >= 2);
      for (const image of images) assert.equal(image.type, "image/avif", image.url);
      await page.close();
    });
});
