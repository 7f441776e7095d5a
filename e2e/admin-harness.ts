import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";

/** Shared by the admin's browser journeys (e2e/admin*.e2e.test.ts). */
export const SCREENSHOTS = new URL("./screenshots/", import.meta.url).pathname;
const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
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
