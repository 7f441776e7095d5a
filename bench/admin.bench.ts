/**
 * `npm run bench -- --only admin`: the newsroom admin at scale.
 *
 * - Desk list API (`GET /api/v1/articles` as the desk and the story list call it) on a generated
 *   corpus (default 100,000 stories; `WARTA_BENCH_ADMIN_ARTICLES=…`), p50/p95, as ratios of an
 *   authenticated `GET /auth/me` measured in the same run (the request floor).
 * - Bundle sizes (raw and gzip) of the built admin, and what the desk loads first.
 * - In Chromium: time to open a 5,000-word story in the editor (ratio to opening the desk), and
 *   keystroke-to-paint p50/p95 while typing in it.
 *
 * The corpus is shared with the page benchmark (`$TMPDIR/warta-bench/corpus-N-s1`).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { ADMIN_DIST, builtAssetSizes, ensureAdminBuild } from "../src/app/admin-build.ts";
import { loadConfig } from "../src/app/config.ts";
import { createDeps } from "../src/app/deps.ts";
import { SYSTEM_ACTOR } from "../src/core/actor.ts";
import { buildApp } from "../src/server/app.ts";
import { CHROMIUM_PATH, launchChromium } from "../e2e/browser.ts";
import { median, percentile, round } from "./http-util.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const ARTICLES = Number(process.env.WARTA_BENCH_ADMIN_ARTICLES ?? 100_000);
const SEED = 1;
const EMAIL = "bench-admin@warta.test";
const PASSWORD = "rahasia-bench-admin-123";

const log = (message: string) => console.error(`[admin bench] ${message}`);

async function ensureCorpus(): Promise<Record<string, string>> {
  const dir = join(tmpdir(), "warta-bench", `corpus-${ARTICLES}-s${SEED}`);
  const env = { WARTA_DATABASE_URL: `sqlite:${join(dir, "warta.db")}`, WARTA_MEDIA_DIR: join(dir, "media") };
  const marker = join(dir, "ready.json");
  if (!existsSync(marker)) {
    log(`generating ${ARTICLES.toLocaleString("en-US")} articles into ${dir}`);
    mkdirSync(dir, { recursive: true });
    const start = performance.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ["src/cli/main.ts", "generate", "--articles", String(ARTICLES), "--seed", String(SEED)],
        { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] },
      );
      child.on("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`generate exited with ${code}`)),
      );
    });
    writeFileSync(marker, JSON.stringify({ generateSeconds: round((performance.now() - start) / 1000, 1) }));
  }
  return env;
}

function stats(samples: number[]) {
  return { p50: round(median(samples), 2), p95: round(percentile(samples, 95), 2), n: samples.length };
}

export async function run() {
  await ensureAdminBuild();
  const env = await ensureCorpus();
  const config = loadConfig({ ...env, WARTA_LOG_LEVEL: "silent", WARTA_SITE_URL: "http://127.0.0.1" });
  const deps = await createDeps(config, {});
  const app = await buildApp(deps);
  try {
    try {
      await deps.accounts.users.byEmail(EMAIL);
    } catch {
      await deps.accounts.users.create(
        { email: EMAIL, password: PASSWORD, name: "Bench Admin", role: "admin", personId: null },
        SYSTEM_ACTOR,
      );
    }
    const login = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: EMAIL, password: PASSWORD },
    });
    const cookie = String(login.headers["set-cookie"]).split(";")[0] ?? "";
    const me = (await app.inject({ url: "/api/v1/auth/me", headers: { cookie } })).json() as {
      user: { id: number };
    };
    const section = await deps.store.db
      .selectFrom("sections")
      .select("id")
      .limit(1)
      .executeTakeFirstOrThrow();
    const word = "jakarta";

    const time = async (url: string, rounds = 60) => {
      const samples: number[] = [];
      for (let i = 0; i < rounds + 5; i++) {
        const start = performance.now();
        const response = await app.inject({ url, headers: { cookie } });
        const ms = performance.now() - start;
        if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
        if (i >= 5) samples.push(ms);
      }
      return stats(samples);
    };
    // The fifth page of the story list: follow the cursor as the admin does.
    let cursor = "";
    for (let i = 0; i < 4; i++) {
      const page = (
        await app.inject({ url: `/api/v1/articles?limit=25${cursor}`, headers: { cookie } })
      ).json() as { nextCursor: string };
      cursor = `&cursor=${encodeURIComponent(page.nextCursor)}`;
    }
    const baseline = await time("/api/v1/auth/me");
    const cases: Record<string, string> = {
      "desk: my drafts": `/api/v1/articles?status=draft&userId=${me.user.id}&limit=10`,
      "desk: waiting for review": "/api/v1/articles?status=in_review&limit=10",
      "desk: scheduled": "/api/v1/articles?status=scheduled&limit=10",
      "desk: recently published": "/api/v1/articles?status=published&limit=10",
      "list: page 1": "/api/v1/articles?limit=25",
      "list: page 5 (cursor)": `/api/v1/articles?limit=25${cursor}`,
      "list: section filter": `/api/v1/articles?sectionId=${section.id}&limit=25`,
      [`list: headline search "${word}"`]: `/api/v1/articles?q=${word}&limit=25`,
    };
    const api: Record<string, unknown> = { "baseline GET /auth/me": baseline };
    for (const [name, url] of Object.entries(cases)) {
      const s = await time(url, name.includes("search") ? 20 : 60);
      api[name] = { ...s, p50VsBaseline: round(s.p50 / baseline.p50, 1) };
      log(`${name}: p50 ${s.p50} ms, p95 ${s.p95} ms`);
    }

    const assets = builtAssetSizes().map((a) => ({
      ...a,
      gzipBytes: gzipSync(readFileSync(join(ADMIN_DIST, "assets", a.file)), { level: 9 }).byteLength,
    }));
    const shell = readFileSync(join(ADMIN_DIST, "index.html"), "utf8");
    const initial = assets.filter((a) => shell.includes(a.file));
    const bundles = {
      assets,
      deskInitialGzipBytes: initial.reduce((n, a) => n + a.gzipBytes, 0),
      deskInitialJsGzipBytes: initial
        .filter((a) => a.file.endsWith(".js"))
        .reduce((n, a) => n + a.gzipBytes, 0),
    };

    const browser = existsSync(CHROMIUM_PATH) ? await browserTimings(app, deps, cookie) : null;
    return { articles: ARTICLES, api, bundles, browser };
  } finally {
    await app.close();
    await deps.close();
  }
}

async function browserTimings(
  app: Awaited<ReturnType<typeof buildApp>>,
  deps: Awaited<ReturnType<typeof createDeps>>,
  cookie: string,
) {
  const sentence =
    "Warga di bantaran sungai mulai mengungsi setelah hujan deras mengguyur kota sejak sore hari tadi.";
  const paragraph = Array.from({ length: 5 }, () => sentence).join(" "); // 75 words
  const blocks = Array.from({ length: 67 }, (_, i) => ({
    type: "paragraph" as const,
    content: [{ text: `${i + 1}. ${paragraph}` }],
  }));
  const section = await deps.store.db.selectFrom("sections").select("id").limit(1).executeTakeFirstOrThrow();
  const story = await deps.articles.create(
    {
      headline: "Cerita panjang 5.000 kata untuk uji editor",
      sectionId: section.id,
      body: { version: 1, blocks },
    },
    SYSTEM_ACTOR,
  );
  const origin = await app.listen({ port: 0, host: "127.0.0.1" });
  const launched = await launchChromium();
  try {
    const context = await launched.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([
      { name: cookie.split("=")[0]!, value: cookie.split("=").slice(1).join("="), url: origin },
    ]);
    const page = await context.newPage();
    await page.goto(`${origin}/admin`); // warm the asset cache, as a journalist's browser would be
    await page.goto(`${origin}/admin/berita/${story.id}`);
    await page.getByText("67. Warga").waitFor();
    const desk: number[] = [];
    const editor: number[] = [];
    for (let i = 0; i < 5; i++) {
      let start = performance.now();
      await page.goto(`${origin}/admin`);
      await page.getByRole("heading", { name: "Meja redaksi" }).waitFor();
      await page.getByText("Memuat…").first().waitFor({ state: "detached" });
      desk.push(performance.now() - start);
      start = performance.now();
      await page.goto(`${origin}/admin/berita/${story.id}`);
      await page.getByRole("textbox", { name: "Isi berita" }).getByText("67. Warga").waitFor();
      editor.push(performance.now() - start);
    }
    const words = await page.getByText(/^\d[\d.]* kata/).textContent();
    // Keystroke to paint: keydown → the frame after the editor's DOM changed.
    await page.evaluate(() => {
      const w = window as unknown as { __lat: number[] };
      w.__lat = [];
      let start = 0;
      document.addEventListener("keydown", () => (start = performance.now()), true);
      document.addEventListener("input", () => {
        const t0 = start;
        requestAnimationFrame(() => setTimeout(() => w.__lat.push(performance.now() - t0), 0));
      });
    });
    await page.getByRole("textbox", { name: "Isi berita" }).click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(
      "Sebanyak tiga ratus lima puluh warga mengungsi ke masjid terdekat malam ini. ",
      {
        delay: 25,
      },
    );
    await page.waitForTimeout(200);
    const latencies = (await page.evaluate(
      () => (window as unknown as { __lat: number[] }).__lat,
    )) as number[];
    await context.close();
    const openDesk = stats(desk);
    const openEditor = stats(editor);
    const result = {
      storyWords: words,
      openDeskMs: openDesk,
      open5000WordStoryMs: { ...openEditor, p50VsDesk: round(openEditor.p50 / openDesk.p50, 1) },
      keystrokeToPaintMs: stats(latencies),
    };
    log(`open 5,000-word story: p50 ${openEditor.p50} ms (desk ${openDesk.p50} ms)`);
    log(
      `keystroke to paint: p50 ${result.keystrokeToPaintMs.p50} ms, p95 ${result.keystrokeToPaintMs.p95} ms`,
    );
    return result;
  } finally {
    await launched.close();
    await deps.articles.remove(story.id, SYSTEM_ACTOR, { draftsOnly: true });
  }
}
