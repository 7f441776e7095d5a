import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadDemo } from "../src/cli/load-demo.ts";
import { createTestContext, type TestContext } from "../src/testing/test-app.ts";
import { browserSkipReason, launchChromium, type LaunchedBrowser } from "./browser.ts";

const skip = browserSkipReason();

/**
 * The strict Content-Security-Policy (src/server/plugins/security-policy.ts) holds in a real
 * browser: the site's pages and the API docs load with no violation reported.
 */
describe("Content-Security-Policy in headless Chromium", { skip }, () => {
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

  async function violationsOn(path: string): Promise<string[]> {
    const page = await browser.browser.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
    });
    await page.exposeFunction("__reportCsp", (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        (window as unknown as { __reportCsp(t: string): void }).__reportCsp(
          `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`,
        );
      });
    });
    const response = await page.goto(origin + path, { waitUntil: "load" });
    assert.ok(response, path);
    assert.match(String(response.headers()["content-security-policy"]), /default-src/, path);
    await page.waitForTimeout(100);
    await page.close();
    return violations;
  }

  it("the site's pages, the admin and the API docs load with no CSP violation", async () => {
    const article = (await ctx.deps.reading.home()).lead?.url ?? null;
    const paths = [
      "/",
      "/cari?q=banjir",
      "/api/v1/docs",
      "/halaman-yang-tidak-ada",
      "/topik",
      "/cek-fakta",
      "/admin/",
      "/admin/masuk",
    ];
    // A running live blog loads its script and opens its event stream under the same policy.
    const live = (await ctx.deps.reading.home()).latest.find((item) => item.label?.kind === "live");
    if (live) paths.push(live.url);
    if (article) paths.push(article);
    const sections = await ctx.deps.sections.directory();
    const first = sections.children(null)[0];
    if (first) paths.push(`/${first.slug}`);
    for (const path of paths) assert.deepEqual(await violationsOn(path), [], path);
  });
});
