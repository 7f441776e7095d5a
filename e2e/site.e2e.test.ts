import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadDemo } from "../src/cli/load-demo.ts";
import { createTestContext, type TestContext } from "../src/testing/test-app.ts";
import { browserSkipReason, launchChromium, type LaunchedBrowser } from "./browser.ts";

const skip = browserSkipReason();

describe("the demo site in headless Chromium", { skip }, () => {
  let ctx: TestContext;
  let browser: LaunchedBrowser;
  let origin: string;

  before(async () => {
    ctx = await createTestContext();
    await loadDemo(ctx.deps);
    origin = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await ctx?.close();
  });

  /** Opens a page and returns what went wrong on it: console errors, page errors, failed requests. */
  async function visit(path: string): Promise<{ problems: string[]; title: string; html: string }> {
    const page = await browser.browser.newPage({ viewport: { width: 390, height: 844 } });
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    const response = await page.goto(origin + path, { waitUntil: "load" });
    assert.equal(response?.status(), 200, path);
    const title = await page.title();
    const html = await page.content();
    if (process.env.WARTA_SCREENSHOTS)
      await page.screenshot({
        path: `${process.env.WARTA_SCREENSHOTS}/${path.replace(/\W+/g, "_") || "home"}.png`,
        fullPage: true,
      });
    await page.close();
    return { problems, title, html };
  }

  it("opens home, a section, an article, a tag and a person page without console errors", async () => {
    const home = await visit("/");
    assert.deepEqual(home.problems, []);
    const articlePath = /<h2><a href="(\/[^"]+\/\d+\/[^"]+)"/.exec(home.html)?.[1];
    const sectionPath = /<h2 id="rubrik-[^"]+"><a href="(\/[^"]+)"/.exec(home.html)?.[1];
    assert.ok(articlePath && sectionPath);
    const article = await visit(articlePath);
    assert.deepEqual(article.problems, []);
    const tagPath = /<a href="(\/tag\/[^"]+)" rel="tag"/.exec(article.html)?.[1];
    const personPath = /<a href="(\/profil\/[^"]+)"/.exec(article.html)?.[1];
    assert.ok(tagPath && personPath);
    for (const path of [sectionPath, tagPath, personPath]) {
      const visited = await visit(path);
      assert.deepEqual(visited.problems, [], path);
      assert.match(visited.title, / - Warta$/);
    }
  });
});
