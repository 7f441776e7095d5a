/**
 * `npm run bench -- --only media` — the image pipeline (docs/media.md):
 *
 * 1. derivatives per second on this machine, per format (fresh encodes, no disk hits);
 * 2. bytes saved against the original on a sample set of camera-sized JPEGs it makes itself;
 * 3. served image requests per second warm (`warta serve` in a child process, one public AVIF
 *    derivative already on disk), side by side with a bare `node:http` server sending the same
 *    bytes and headers, measured in the same run.
 *
 * Prints medians and ratios; the result object goes to bench/results/media.json.
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { loadConfig } from "../src/app/config.ts";
import { createDeps } from "../src/app/deps.ts";
import { SYSTEM_ACTOR } from "../src/core/actor.ts";
import { derivativePath, type DerivativeSpec, type Media, type MediaFormat } from "../src/core/media.ts";
import { createDerivativeMaker } from "../src/media/derivatives.ts";
import { createLocalMediaStorage } from "../src/media/media-storage.ts";
import { median, rawGet, round, waitFor } from "./http-util.ts";
import { drive } from "./load.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const NODE = process.execPath;
const FORMATS: MediaFormat[] = ["avif", "webp", "jpg"];
const SAMPLES = 6;

/** A photo-like 2400×1600 JPEG (q92, as cameras and editors export): smooth areas, edges and grain. */
async function samplePhoto(seed: number): Promise<Buffer> {
  const width = 2400;
  const height = 1600;
  const base = await sharp({
    create: {
      width: width / 8,
      height: height / 8,
      channels: 3,
      background: "#000000",
      noise: { type: "gaussian", mean: 90 + seed * 12, sigma: 60 },
    },
  })
    .png()
    .toBuffer();
  const grain = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: "#000000",
      noise: { type: "gaussian", mean: 128, sigma: 10 + seed * 3 },
    },
  })
    .png()
    .toBuffer();
  return sharp(base)
    .resize(width, height, { kernel: "cubic" })
    .blur(2 + seed)
    .composite([{ input: grain, blend: "overlay" }])
    .jpeg({ quality: 92 })
    .toBuffer();
}

async function encodeRates(dir: string, originals: Media[]) {
  const perFormat: Record<string, { derivativesPerSecond: number; medianMs: number; count: number }> = {};
  for (const format of FORMATS) {
    const storage = createLocalMediaStorage(join(dir, `encode-${format}`));
    for (const m of originals)
      await storage.put(m.file, (await createLocalMediaStorage(join(dir, "media")).get(m.file)) as Buffer);
    const maker = createDerivativeMaker(storage);
    const times: number[] = [];
    const start = performance.now();
    for (const media of originals)
      for (const spec of [
        { crop: "w", width: 640 },
        { crop: "w", width: 1280 },
        { crop: "hero", width: 960 },
        { crop: "thumb", width: 320 },
      ] as const) {
        const t = performance.now();
        await maker.ensure(media, { ...spec, format });
        times.push(performance.now() - t);
      }
    const seconds = (performance.now() - start) / 1000;
    perFormat[format] = {
      derivativesPerSecond: round(maker.made / seconds, 1),
      medianMs: round(median(times), 1),
      count: maker.made,
    };
  }
  return perFormat;
}

async function bytesSaved(dir: string, originals: Media[], originalBytes: number[]) {
  const storage = createLocalMediaStorage(join(dir, "media"));
  const maker = createDerivativeMaker(storage);
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const originalTotal = total(originalBytes);
  const out: Record<string, { bytes: number; savedPercent: number }> = {};
  for (const width of [1280, 640])
    for (const format of FORMATS) {
      const sizes: number[] = [];
      for (const media of originals) {
        const key = await maker.ensure(media, { crop: "w", width, format });
        sizes.push(((await storage.get(key)) as Buffer).length);
      }
      out[`w-${width}.${format}`] = {
        bytes: total(sizes),
        savedPercent: round((1 - total(sizes) / originalTotal) * 100, 1),
      };
    }
  return { originals: { count: originals.length, bytes: originalTotal }, derivatives: out };
}

function startWarta(env: Record<string, string>, port: number): ChildProcess {
  return spawn(NODE, ["src/cli/main.ts", "serve"], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", WARTA_LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function startBare(port: number, headers: Record<string, string>, body: Buffer, dir: string) {
  const bodyFile = join(dir, "bare-body.bin");
  const specFile = join(dir, "bare-response.json");
  writeFileSync(bodyFile, body);
  writeFileSync(specFile, JSON.stringify({ headers, bodyFile }));
  const child = fork(join(ROOT, "bench/bare-server.ts"), [String(port), specFile], { stdio: "inherit" });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return child;
}

/** A port nothing listens on right now (other benchmarks may run beside this one). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

export async function run(options: { durationSeconds?: number; connections?: number; rounds?: number } = {}) {
  const durationSeconds = options.durationSeconds ?? 5;
  const connections = options.connections ?? 16;
  const rounds = options.rounds ?? 3;
  const dir = mkdtempSync(join(tmpdir(), "warta-media-bench-"));
  const env = {
    WARTA_DATABASE_URL: `sqlite://${join(dir, "warta.db")}`,
    WARTA_MEDIA_DIR: join(dir, "media"),
    WARTA_SITE_URL: "http://127.0.0.1",
  };
  try {
    const deps = await createDeps(loadConfig({ ...env, WARTA_LOG_LEVEL: "warn" }), { backgroundWork: false });
    const originals: Media[] = [];
    const originalBytes: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const bytes = await samplePhoto(i);
      originalBytes.push(bytes.length);
      originals.push(await deps.media.storeImage({ bytes, alt: `Contoh ${i + 1}` }, SYSTEM_ACTOR));
    }
    const section = await deps.sections.create({ name: "Bench", slug: "bench" }, SYSTEM_ACTOR);
    const hero = originals[0] as Media;
    const article = await deps.articles.create(
      {
        headline: "Foto untuk bench",
        sectionId: section.id,
        body: { version: 1, blocks: [{ type: "paragraph", content: [{ text: "Isi." }] }] },
        hero: { mediaId: hero.id, caption: "Contoh", credit: "Warta" },
      },
      SYSTEM_ACTOR,
    );
    await deps.articles.transition(article.id, "publish", SYSTEM_ACTOR);
    await deps.close();

    const encode = await encodeRates(dir, originals);
    const saved = await bytesSaved(dir, originals, originalBytes);

    const spec: DerivativeSpec = { crop: "hero", width: 960, format: "avif" };
    const path = derivativePath(hero, spec);
    const wartaPort = await freePort();
    const barePort = await freePort();
    const warta = startWarta(env, wartaPort);
    let bare: ChildProcess | null = null;
    try {
      await waitFor(`http://127.0.0.1:${wartaPort}/healthz`, 30_000);
      const warm = await rawGet(`http://127.0.0.1:${wartaPort}${path}`);
      if (warm.status !== 200) throw new Error(`derivative answered ${warm.status}`);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(warm.headers))
        if (
          typeof value === "string" &&
          !["date", "connection", "keep-alive", "transfer-encoding"].includes(name)
        )
          headers[name] = value;
      bare = await startBare(barePort, headers, warm.body, dir);
      const wartaRps: number[] = [];
      const bareRps: number[] = [];
      const wartaP99: number[] = [];
      for (let r = 0; r < rounds; r++) {
        const w = await drive({ url: `http://127.0.0.1:${wartaPort}${path}`, connections, durationSeconds });
        const b = await drive({ url: `http://127.0.0.1:${barePort}${path}`, connections, durationSeconds });
        if (w.non2xx > 0 || w.errors > 0) throw new Error(`warta: ${w.non2xx} non-2xx, ${w.errors} errors`);
        wartaRps.push(w.requestsPerSecond);
        wartaP99.push(w.p99Ms);
        bareRps.push(b.requestsPerSecond);
      }
      const serve = {
        url: path,
        bytes: warm.body.length,
        connections,
        durationSeconds,
        rounds,
        wartaRequestsPerSecond: round(median(wartaRps), 0),
        wartaP99Ms: round(median(wartaP99), 1),
        bareNodeHttpRequestsPerSecond: round(median(bareRps), 0),
        ratio: round(median(wartaRps) / median(bareRps), 2),
      };
      return { machine: { cpus: (await import("node:os")).cpus().length }, encode, bytesSaved: saved, serve };
    } finally {
      if (bare) await stop(bare);
      await stop(warta);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Human-readable summary. */
export function formatMediaResult(result: Awaited<ReturnType<typeof run>>): string {
  const lines = ["media benchmark"];
  for (const [format, r] of Object.entries(result.encode))
    lines.push(
      `  encode ${format.padEnd(4)}: ${r.derivativesPerSecond} derivatives/s (median ${r.medianMs} ms, n=${r.count})`,
    );
  lines.push(
    `  originals: ${result.bytesSaved.originals.count} × 2400×1600 JPEG q92, ${result.bytesSaved.originals.bytes} bytes`,
  );
  for (const [name, r] of Object.entries(result.bytesSaved.derivatives))
    lines.push(`  ${name.padEnd(12)}: ${r.bytes} bytes (${r.savedPercent}% saved)`);
  const s = result.serve;
  lines.push(
    `  serve ${s.url} (${s.bytes} B): warta ${s.wartaRequestsPerSecond} req/s (p99 ${s.wartaP99Ms} ms), bare node:http ${s.bareNodeHttpRequestsPerSecond} req/s, ratio ${s.ratio}`,
  );
  return lines.join("\n");
}
