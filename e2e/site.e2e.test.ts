import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { after, before, describe, it } from "node:test";
import { loadDemo } from "../src/cli/load-demo.ts";
import { createTestContext, type TestContext } from "../src/testing/test-app.ts";
import { browserSkipReason, launchChromium, type LaunchedBrowser } from "./browser.ts";

const skip = browserSkipReason();
const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

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
  async function visit(
    path: string,
  ): Promise<{ problems: string[]; title: string; html: string; a11y: string[] }> {
    // axe-core is injected inline: this page looks at accessibility, e2e/csp.e2e.test.ts at the CSP.
    const page = await browser.browser.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true });
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
    // WCAG 2.2 A/AA rules of axe-core, run in the page itself.
    await page.addScriptTag({ path: AXE_PATH });
    const violations = (await page.evaluate(
      `axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] }).then((r) => r.violations)`,
    )) as AxeViolation[];
    const a11y = violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
    const title = await page.title();
    const html = await page.content();
    if (process.env.WARTA_SCREENSHOTS)
      await page.screenshot({
        path: `${process.env.WARTA_SCREENSHOTS}/${path.replace(/\W+/g, "_") || "home"}.png`,
        fullPage: true,
      });
    await page.close();
    return { problems, title, html, a11y };
  }

  it("opens home, a section, an article, a tag and a person page and search without console errors or WCAG AA violations", async () => {
    const home = await visit("/");
    assert.deepEqual(home.problems, []);
    assert.deepEqual(home.a11y, [], "home meets WCAG 2.2 AA checks");
    const articlePath = /<h2><a href="(\/[^"]+\/\d+\/[^"]+)"/.exec(home.html)?.[1];
    const sectionPath = /<h2 id="rubrik-[^"]+"><a href="(\/[^"]+)"/.exec(home.html)?.[1];
    assert.ok(articlePath && sectionPath);
    const article = await visit(articlePath);
    assert.deepEqual(article.problems, []);
    assert.deepEqual(article.a11y, [], "article meets WCAG 2.2 AA checks");
    const tagPath = /<a href="(\/tag\/[^"]+)" rel="tag"/.exec(article.html)?.[1];
    const personPath = /<a href="(\/profil\/[^"]+)"/.exec(article.html)?.[1];
    assert.ok(tagPath && personPath);
    const indexDay = `/indeks/${article.html.match(/<time datetime="(\d{4}-\d{2}-\d{2})T/)?.[1]}`;
    for (const path of [sectionPath, tagPath, personPath, "/cari?q=banjir", "/indeks", indexDay]) {
      const visited = await visit(path);
      assert.deepEqual(visited.problems, [], path);
      assert.deepEqual(visited.a11y, [], `${path} meets WCAG 2.2 AA checks`);
      assert.match(visited.title, / - Warta$/);
    }
  });

  it("opens the Cek Fakta list and a fact-check with its verdict, without console errors or WCAG AA violations", async () => {
    const list = await visit("/cek-fakta");
    assert.deepEqual(list.problems, []);
    assert.deepEqual(list.a11y, [], "/cek-fakta meets WCAG 2.2 AA checks");
    const checkPath = /<span class="label label-hoaks">Hoaks<\/span> <a href="([^"]+)"/.exec(list.html)?.[1];
    assert.ok(checkPath, "the demo's fact-check is listed with its verdict");
    const check = await visit(checkPath);
    assert.deepEqual(check.problems, []);
    assert.deepEqual(check.a11y, [], "a fact-check page meets WCAG 2.2 AA checks");
    assert.match(check.html, /"@type":"ClaimReview"/);
  });
});
