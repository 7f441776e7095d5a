import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { after, afterEach, before, beforeEach } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ensureAdminBuild } from "../src/app/admin-build.ts";
import { SYSTEM_ACTOR } from "../src/core/actor.ts";
import { buildArticle, buildImage, buildPerson, buildSection } from "../src/testing/factories.ts";
import { createTestContext, type TestContext } from "../src/testing/test-app.ts";
import { launchChromium, type LaunchedBrowser } from "./browser.ts";

/** Shared by the admin's browser journeys (e2e/admin*.e2e.test.ts). */
export const SCREENSHOTS = new URL("./screenshots/", import.meta.url).pathname;
const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** The newsroom's staff in the admin journeys (each signs in with these). */
export const STAFF = {
  writer: { email: "penulis@warta.test", password: "rahasia-penulis-123" },
  editor: { email: "editor@warta.test", password: "rahasia-editor-123" },
  redaktur: { email: "redaktur@warta.test", password: "rahasia-redaktur-123" },
} as const;

/**
 * The desk the journeys start from: the Metropolitan section with one live story, a library photo
 * with `photoAlt`, and three staff — Rina Wulandari (penulis, credited as herself), Budi (editor)
 * and Sari (redaktur).
 */
export async function seedNewsroom(
  ctx: TestContext,
  photoAlt: string,
): Promise<{ sectionName: string; photoId: number }> {
  const section = await buildSection(ctx.deps, { name: "Metropolitan", slug: "metropolitan" });
  const person = await buildPerson(ctx.deps, { name: "Rina Wulandari" });
  await buildArticle(ctx.deps, {
    headline: "Banjir rob merendam pesisir utara Jakarta",
    sectionId: section.id,
  });
  const photo = await buildImage(ctx.deps, { alt: photoAlt, width: 640, height: 360 });
  const users = ctx.deps.accounts.users;
  await users.create(
    { ...STAFF.writer, name: "Rina Wulandari", role: "penulis", personId: person.id },
    SYSTEM_ACTOR,
  );
  await users.create({ ...STAFF.editor, name: "Budi Editor", role: "editor", personId: null }, SYSTEM_ACTOR);
  await users.create(
    { ...STAFF.redaktur, name: "Sari Redaktur", role: "redaktur", personId: null },
    SYSTEM_ACTOR,
  );
  return { sectionName: section.name, photoId: photo.id };
}

export function ensureScreenshotDir(): void {
  mkdirSync(SCREENSHOTS, { recursive: true });
}

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });

/** Serious and critical WCAG 2.2 A/AA violations axe-core finds on the page as it is now. */
export async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = (await page.evaluate(
    `axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] }).then((r) => r.violations)`,
  )) as AxeViolation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * A browser context per person at a tablet's width; what goes wrong in it (page errors, failed
 * requests, 4xx/5xx other than 401, console errors) is pushed to `problems`. `bypassCSP` only for
 * the axe scan (axe is injected inline).
 */
export async function openContext(
  browser: Browser,
  problems: string[],
  options: { bypassCSP?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1024, height: 900 },
    locale: "id-ID",
    bypassCSP: options.bypassCSP ?? false,
  });
  const watch = (page: Page) => {
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("requestfailed", (request) => {
      // Leaving a page cancels its pending calls (net::ERR_ABORTED): that is navigation, not a failure.
      if (!/ERR_ABORTED/.test(request.failure()?.errorText ?? ""))
        problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ""}`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400 && response.status() !== 401)
        problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    });
    page.on("console", (message) => {
      // 401s are expected while signed out and after the session is cut; anything else is a problem.
      if (message.type() === "error" && !/status of (401|404)/.test(message.text()))
        problems.push(`console: ${message.text()}`);
    });
  };
  context.on("page", watch);
  const page = await context.newPage();
  return { context, page };
}

export async function signIn(page: Page, origin: string, who: { email: string; password: string }) {
  await page.goto(`${origin}/admin`);
  await page.waitForURL(/\/admin\/masuk/);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Kata sandi").fill(who.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.getByRole("heading", { name: "Meja redaksi" }).waitFor();
}

/** One browser suite's running admin: the app on a port, Chromium, and what went wrong in the browser. */
export interface AdminSuite {
  ctx: TestContext;
  origin: string;
  browser: Browser;
  /** What went wrong in the browser during the current test (emptied before each). */
  problems: string[];
  open(options?: { bypassCSP?: boolean }): Promise<{ context: BrowserContext; page: Page }>;
  signIn(page: Page, who: { email: string; password: string }): Promise<void>;
}

/**
 * Registers an admin browser suite's hooks (call it inside `describe`): the admin built, a fresh
 * store seeded by `seed`, the app listening on a free port and Chromium launched; `problems` emptied
 * before each test and printed after one that had any; everything closed at the end.
 */
export function adminSuite(label: string, seed: (ctx: TestContext) => Promise<void>): AdminSuite {
  let launched: LaunchedBrowser | undefined;
  const suite = { problems: [] as string[] } as AdminSuite;
  suite.open = (options = {}) => openContext(suite.browser, suite.problems, options);
  suite.signIn = (page, who) => signIn(page, suite.origin, who);
  before(async () => {
    await ensureAdminBuild();
    ensureScreenshotDir();
    suite.ctx = await createTestContext();
    await seed(suite.ctx);
    suite.origin = await suite.ctx.app.listen({ port: 0, host: "127.0.0.1" });
    launched = await launchChromium();
    suite.browser = launched.browser;
  });
  after(async () => {
    await launched?.close();
    await suite.ctx?.close();
  });
  beforeEach(() => {
    suite.problems.length = 0;
  });
  afterEach(() => {
    if (suite.problems.length > 0)
      console.log(`${label}: what went wrong in the browser:`, [...suite.problems]);
  });
  return suite;
}
