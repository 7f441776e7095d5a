import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium; never a browser a tool downloads for itself. */
export const CHROMIUM_PATH = process.env.WARTA_CHROMIUM ?? "/usr/bin/chromium";

/**
 * Why browser tests cannot run here, or false when they can. CI sets WARTA_REQUIRE_BROWSER=1
 * (after installing Debian's chromium), so there a missing browser fails instead of skipping.
 */
export function browserSkipReason(): string | false {
  if (existsSync(CHROMIUM_PATH)) return false;
  if (process.env.WARTA_REQUIRE_BROWSER === "1")
    throw new Error(`Chromium is required but missing at ${CHROMIUM_PATH}`);
  return `Chromium not installed at ${CHROMIUM_PATH} (apt-get install chromium)`;
}

export interface LaunchedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<LaunchedBrowser> {
  // Playwright gives every launch a fresh, temporary user data dir of its own.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}
