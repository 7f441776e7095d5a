/**
 * Import throughput: generates captured-page files in four house styles (Kompas TV, Kompas.com,
 * detik, Tempo) with credits, datelines, captions, Baca Juga links (earlier and later articles),
 * tags and page chrome, then imports them with `warta import` into a fresh SQLite store, through the
 * admin's services with events firing (search index included). Baselines in the same run: the same
 * import parsing in the main thread (no parser threads), and the files parsed only.
 *
 *   npx node bench/import.bench.ts [--count 10000] [--runs 3]   writes bench/results/import.json
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { importPaths } from "../src/services/import/import-paths.ts";
import { createCommandDeps } from "../src/cli/runtime.ts";
import { extractDocument } from "../src/importers/analyze-page.ts";
import { readImportFile } from "../src/importers/detect.ts";
import { validateExtracted } from "../src/importers/extracted-article.ts";
import { loadConfig } from "../src/app/config.ts";
import { expandPaths } from "../src/services/import/bulk-import.ts";
import { INDONESIAN_DAYS, INDONESIAN_MONTHS } from "../src/core/house-date.ts";

const RESULT_FILE = new URL("./results/import.json", import.meta.url);

const SHORT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];
const ZONES = [
  { name: "WIB", offset: 7 },
  { name: "WITA", offset: 8 },
  { name: "WIT", offset: 9 },
];
const PEOPLE = Array.from(
  { length: 40 },
  (_, i) =>
    `${["Andi", "Sari", "Budi", "Rina", "Yusuf", "Dewi", "Agus", "Maya"][i % 8]} ${["Pratama", "Wulandari", "Santoso", "Hamka", "Lestari"][i % 5]} ${i}`,
);
const SECTIONS = [
  ["Regional", "Makassar"],
  ["Regional", "Bandung"],
  ["Nasional", "Hukum"],
  ["Nasional", "Politik"],
  ["Internasional", "Asia"],
  ["Ekonomi", "Energi"],
  ["Olahraga", "Sepak Bola"],
  ["Tekno", "Digital"],
];
const PLACES = ["JAKARTA", "MAKASSAR", "BANDUNG", "AMBON", "JAYAPURA", "MEDAN", "KUPANG", "SURABAYA"];
const WORDS = [
  "warga",
  "pemerintah",
  "pasar",
  "sekolah",
  "pelabuhan",
  "jalan",
  "sungai",
  "desa",
  "kota",
  "petani",
  "nelayan",
  "rumah sakit",
  "bandara",
  "stasiun",
];
const TOPICS = [
  "Festival Budaya",
  "Perbaikan Jalan",
  "Harga Beras",
  "Banjir Rob",
  "Vaksinasi Anak",
  "Kapal Perintis",
  "Pasar Murah",
  "Lomba Perahu",
];

const pick = <T>(list: readonly T[], n: number): T =>
  list[((n % list.length) + list.length) % list.length] as T;
const headlineOf = (i: number): string =>
  `${pick(TOPICS, i)} di ${pick(["Kota", "Kabupaten", "Desa"], i >> 3)} ${pick(PLACES, i * 7)
    .toLowerCase()
    .replace(/^./, (c) => c.toUpperCase())} Nomor ${i} Menarik Perhatian`;

function sentence(i: number, k: number): string {
  return `Sebanyak ${((i * 31 + k * 17) % 900) + 10} ${pick(WORDS, i + k)} di ${pick(PLACES, k).toLowerCase()} ikut dalam kegiatan ${pick(TOPICS, i + k).toLowerCase()} pada hari ke-${k + 1} menurut catatan ${pick(WORDS, i * k + 3)} setempat.`;
}

/** One generated captured page; `style` rotates over the four layouts. */
export function generatePage(i: number, count: number): string {
  const style = i % 4;
  const date = new Date(Date.UTC(2020 + (i % 5), i % 12, 1 + (i % 28), (i * 5) % 24, (i * 7) % 60));
  const zone = pick(ZONES, i >> 2);
  const local = new Date(date.getTime() + zone.offset * 3600_000);
  const d = local.getUTCDate();
  const m = local.getUTCMonth();
  const y = local.getUTCFullYear();
  const hh = String(local.getUTCHours()).padStart(2, "0");
  const mm = String(local.getUTCMinutes()).padStart(2, "0");
  const day = INDONESIAN_DAYS[local.getUTCDay()] as string;
  const [parent, child] = pick(SECTIONS, i) as [string, string];
  const penulis = pick(PEOPLE, i);
  const editor = pick(PEOPLE, i * 3 + 1);
  const place = pick(PLACES, i);
  const paragraphs = Array.from({ length: 8 + (i % 8) }, (_, k) => sentence(i, k));
  const earlier = i >= 7 ? headlineOf(i - 7) : null;
  const later = i + 5 < count ? headlineOf(i + 5) : null;
  const body = [...paragraphs];
  if (earlier) body.splice(2, 0, `${style === 1 ? "Baca juga" : "Baca Juga"}: ${earlier}`);
  if (later && i % 3 === 0) body.splice(5, 0, `Baca Juga: ${later}`);
  const caption = `Suasana ${pick(WORDS, i)} di ${place.toLowerCase()} pada ${d} ${INDONESIAN_MONTHS[m]} ${y}.`;
  switch (style) {
    case 0: // Kompas TV, like the reference seed
      body[0] = `${place}, KOMPAS.TV - ${body[0]}`;
      return [
        "> >",
        `Kompas ${child.toLowerCase()}`,
        headlineOf(i),
        `Kompas ${child.toLowerCase()} | ${d} ${INDONESIAN_MONTHS[m]} ${y}, ${hh}:${mm} ${zone.name}`,
        `${caption} (Sumber: Humas ${place})`,
        ...body,
        `Penulis : ${penulis} Editor : ${editor}`,
        "Sumber : Kompas TV",
        "TERBARU",
        headlineOf(i + 1),
      ].join("\n");
    case 1: // Kompas.com
      body[0] = `${place}, KOMPAS.com – ${body[0]}`;
      return [
        `Home > ${parent} > ${child}`,
        "",
        headlineOf(i),
        "",
        `${parent} | ${day}, ${d} ${INDONESIAN_MONTHS[m]} ${y} | ${hh}:${mm} ${zone.name}`,
        `${caption} (Foto: KOMPAS.com/${penulis})`,
        "",
        ...body.flatMap((p) => [p, ""]),
        `Penulis: ${penulis}`,
        `Editor: ${editor}`,
        "",
        "Ikuti kami di Google News",
        "TERPOPULER",
        `1. ${headlineOf(i + 2)}`,
      ].join("\n");
    case 2: // detik
      body[0] = `${place.charAt(0)}${place.slice(1).toLowerCase()} - ${body[0]}`;
      body[body.length - 1] = `${body.at(-1)} (rfs/jbr)`;
      return [
        `detikNews > Berita > ${child}`,
        headlineOf(i),
        `${penulis} - detik${child.replace(/\s/g, "")}`,
        `${day}, ${d} ${SHORT[m]} ${y} ${hh}:${mm} ${zone.name}`,
        `${caption} (Foto: ${penulis}/detik)`,
        ...body,
        "Simak breaking news dan berita pilihan kami langsung di ponselmu.",
      ].join("\n");
    default: // Tempo
      body[0] = `TEMPO.CO, ${place.charAt(0)}${place.slice(1).toLowerCase()} - ${body[0]}`;
      return [
        `Beranda > ${parent} > ${child}`,
        parent,
        headlineOf(i),
        `Reporter: ${penulis}`,
        `Editor: ${editor}`,
        `${day}, ${d} ${INDONESIAN_MONTHS[m]} ${y} ${hh}:${mm} ${zone.name}`,
        `${caption} (TEMPO/${editor})`,
        ...body,
        `Tag: ${pick(TOPICS, i)}, ${pick(WORDS, i)}, ${child}`,
        "TERKINI",
      ].join("\n");
  }
}

export interface ImportBenchResult {
  count: number;
  runs: number;
  machine: { cpus: number; node: string };
  /** Articles per second through `warta import` (services, transactions, events, search index). */
  importPerSecond: { median: number; all: number[] };
  /** The same per CPU second of this process, parser threads included. */
  importPerCpuSecond: { median: number; all: number[] };
  /**
   * Milliseconds the main thread (the writer: services, transactions, events, search index) was
   * busy per article. Parsing runs on parser threads beside it, so this is the ceiling:
   * 1000 / this = articles per second when the parser threads keep up.
   */
  mainThreadMsPerArticle: { median: number; all: number[] };
  /** The machine's load average (1 min) before and after: other work slows every figure here. */
  loadAverage: { before: number; after: number };
  /** Baseline, same run: `warta import` with parsing in the main thread (no parser threads). */
  inProcessPerSecond: { median: number; all: number[] };
  /** Baseline: read + detect + parse + validate only, no store. */
  parseOnlyPerSecond: { median: number; all: number[] };
  outcome: { imported: number; failed: number; pendingRelatedLeft: number };
  target: { perSecond: number; met: boolean };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

export async function run(options: { count?: number; runs?: number } = {}): Promise<ImportBenchResult> {
  const count = options.count ?? 10_000;
  const runs = options.runs ?? 3;
  const dir = await mkdtemp(join(tmpdir(), "warta-import-bench-"));
  try {
    const input = join(dir, "pages");
    for (let start = 0; start < count; start += 500) {
      const batch = Math.min(500, count - start);
      const sub = join(input, String(Math.floor(start / 1000)).padStart(3, "0"));
      mkdirSync(sub, { recursive: true });
      await Promise.all(
        Array.from({ length: batch }, (_, k) =>
          writeFile(join(sub, `${String(start + k).padStart(6, "0")}.txt`), generatePage(start + k, count)),
        ),
      );
    }
    const files = await expandPaths([input]);
    /** One `warta import` of every file into a fresh store; `workers: 0` parses in process. */
    const importOnce = async (run: string, workers?: number) => {
      const storeDir = join(dir, `store-${run}`);
      // As `warta import` builds them (no background work in a one-shot command).
      const deps = await createCommandDeps(
        loadConfig({
          WARTA_DATABASE_URL: `sqlite:${join(storeDir, "warta.db")}`,
          WARTA_MEDIA_DIR: join(storeDir, "media"),
        }),
      );
      try {
        const t = performance.now();
        const cpu = process.cpuUsage();
        const busy = performance.eventLoopUtilization();
        const report = await importPaths(deps, {
          paths: [input],
          ...(workers === undefined ? {} : { workers }),
        });
        const seconds = (performance.now() - t) / 1000;
        const used = process.cpuUsage(cpu);
        const left = await deps.store.db
          .withTables<{ import_pending_related: { article_id: number } }>()
          .selectFrom("import_pending_related")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow();
        if (report.failed > 0)
          console.error(report.entries.filter((e) => e.outcome === "failed").slice(0, 5));
        return {
          rate: report.imported / seconds,
          cpuRate: report.imported / ((used.user + used.system) / 1e6),
          mainMs: performance.eventLoopUtilization(busy).active / report.imported,
          outcome: { imported: report.imported, failed: report.failed, pendingRelatedLeft: Number(left.n) },
        };
      } finally {
        await deps.close();
        await rm(storeDir, { recursive: true, force: true });
      }
    };
    const parseRates: number[] = [];
    const importRates: number[] = [];
    const inProcessRates: number[] = [];
    const cpuRates: number[] = [];
    const mainMs: number[] = [];
    const loadBefore = loadavg()[0] as number;
    let outcome = { imported: 0, failed: 0, pendingRelatedLeft: 0 };
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      let parsed = 0;
      for (const file of files) {
        const doc = extractDocument(file, await readImportFile(file));
        if ("articles" in doc) for (const a of doc.articles) if (validateExtracted(a)) parsed++;
      }
      parseRates.push(parsed / ((performance.now() - t) / 1000));
      const measured = await importOnce(`${r}`);
      importRates.push(measured.rate);
      cpuRates.push(measured.cpuRate);
      mainMs.push(measured.mainMs);
      outcome = measured.outcome;
      inProcessRates.push((await importOnce(`${r}-in-process`, 0)).rate);
    }
    const importMedian = Math.round(median(importRates));
    return {
      count,
      runs,
      machine: { cpus: availableParallelism(), node: process.version },
      importPerSecond: { median: importMedian, all: importRates.map(Math.round) },
      importPerCpuSecond: { median: Math.round(median(cpuRates)), all: cpuRates.map(Math.round) },
      parseOnlyPerSecond: { median: Math.round(median(parseRates)), all: parseRates.map(Math.round) },
      inProcessPerSecond: { median: Math.round(median(inProcessRates)), all: inProcessRates.map(Math.round) },
      mainThreadMsPerArticle: {
        median: Math.round(median(mainMs) * 1000) / 1000,
        all: mainMs.map((ms) => Math.round(ms * 1000) / 1000),
      },
      loadAverage: { before: loadBefore, after: loadavg()[0] as number },
      outcome,
      target: { perSecond: 1000, met: importMedian >= 1000 },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { count: { type: "string" }, runs: { type: "string" } } });
  const result = await run({
    ...(values.count ? { count: Number(values.count) } : {}),
    ...(values.runs ? { runs: Number(values.runs) } : {}),
  });
  console.log(
    `import: ${result.importPerSecond.median} articles/s (median of ${result.runs}: ${result.importPerSecond.all.join(", ")}); ` +
      `${result.importPerCpuSecond.median} per CPU second; main thread ${result.mainThreadMsPerArticle.median} ms/article; ` +
      `baselines: parsing in process ${result.inProcessPerSecond.median}/s, parse only (one thread) ${result.parseOnlyPerSecond.median}/s; ${result.outcome.imported} imported, ${result.outcome.failed} failed, ` +
      `${result.outcome.pendingRelatedLeft} Baca Juga still pending; target ${result.target.perSecond}/s ${result.target.met ? "met" : "NOT met"} (load average ${result.loadAverage.before.toFixed(1)} → ${result.loadAverage.after.toFixed(1)} on ${result.machine.cpus} cores)`,
  );
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
}

if (import.meta.main) await main();
