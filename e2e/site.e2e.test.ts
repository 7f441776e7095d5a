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

  it("opens Topik Pilihan and a live blog without console errors or WCAG AA violations", async () => {
    const topics = await visit("/topik");
    assert.deepEqual(topics.problems, []);
    assert.deepEqual(topics.a11y, [], "/topik meets WCAG 2.2 AA checks");
    const topicPath = /<a href="(\/topik\/[^"]+)">/.exec(topics.html)?.[1];
    assert.ok(topicPath, "the demo topic is listed");
    const topic = await visit(topicPath);
    assert.deepEqual(topic.problems, []);
    assert.deepEqual(topic.a11y, [], "a topic page meets WCAG 2.2 AA checks");
    const livePath =
      /<h3 class="item-title"><span class="label label-live">Langsung<\/span> <a href="([^"]+)"/.exec(
        topic.html,
      )?.[1];
    assert.ok(livePath, "the topic's pinned live blog");
    const live = await visit(livePath);
    assert.deepEqual(live.problems, []);
    assert.deepEqual(live.a11y, [], "a live blog meets WCAG 2.2 AA checks");
    assert.match(live.html, /"@type":"LiveBlogPosting"/);
    assert.match(live.html, /Terpopuler/, "the demo's reads make Terpopuler non-empty");
  });

  it("shows a live-blog entry posted through the API on an open page within a second, without a reload", async () => {
    const model = await ctx.deps.reading.home();
    const liveItem = [model.lead, ...model.latest].find((item) => item?.label?.kind === "live");
    assert.ok(liveItem, "the demo's live blog is on the home page");
    const page = await browser.browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    // Marks the document once its event stream is open: the response head has arrived, which the
    // server writes as it joins the stream to the blog's audience.
    await page.addInitScript(() => {
      const Native = window.EventSource;
      window.EventSource = class extends Native {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          this.addEventListener("open", () => (document.documentElement.dataset.liveOpen = "1"));
        }
      };
    });
    try {
      await page.goto(origin + liveItem.url, { waitUntil: "load" });
      // Post as the newsroom would once the stream is open.
      await page.waitForFunction(() => document.documentElement.dataset.liveOpen === "1");
      const editor = await ctx.deps.accounts.users.create(
        {
          email: "langsung@warta.test",
          name: "Editor Langsung",
          role: "editor",
          personId: null,
          password: "rahasia-editor-123",
        },
        { kind: "system", name: "e2e" },
      );
      assert.ok(editor.user.id);
      const login = await fetch(`${origin}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "langsung@warta.test", password: "rahasia-editor-123" }),
      });
      const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const csrf = ((await login.json()) as { csrfToken?: string }).csrfToken ?? "";
      const posted = Date.now();
      const response = await fetch(`${origin}/api/v1/articles/${liveItem.id}/live-blog/entries`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, "x-csrf-token": csrf },
        body: JSON.stringify({ text: "Kabar uji dari peramban: genangan mulai surut." }),
      });
      assert.equal(response.status, 201, await response.text());
      await page.waitForFunction(
        () =>
          document.querySelector("[data-live-stream]")?.textContent?.includes("genangan mulai surut") ??
          false,
        undefined,
        { timeout: 1000 },
      );
      assert.ok(Date.now() - posted < 1000 + 200);
      assert.deepEqual(problems, []);
      await page.reload({ waitUntil: "load" });
      assert.match(await page.content(), /Kabar uji dari peramban: genangan mulai surut\./);
    } finally {
      await page.close();
    }
  });
});
