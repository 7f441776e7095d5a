/**
 * Extraction accuracy on the development set `../shared/data/import-dev/` (25 real pages, saved HTML
 * and captured text, hand-checked truth; see its README): `analyzePage` on every page, each field
 * scored as bench/extraction-score.ts defines, per outlet and overall, for HTML and captured text.
 *
 *   npm run bench -- --only extraction            writes bench/results/extraction.json
 *   npx node bench/extraction.bench.ts [--dir PATH] [--verbose]
 */
import { readFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { analyzePage } from "../src/importers/analyze-page.ts";
import type { ExtractedArticle } from "../src/importers/extracted-article.ts";
import {
  FIELDS,
  scoreExtraction,
  truthLength,
  type Expected,
  type Field,
  type Score,
} from "./extraction-score.ts";

const DEFAULT_DIR = resolve(import.meta.dirname, "../../shared/data/import-dev");

type Kind = "html" | "text";

interface PageResult {
  page: string;
  outlet: string;
  kind: Kind;
  ms: number;
  error: string | null;
  score: Score;
}

export interface ExtractionBenchResult {
  dir: string;
  pages: number;
  /** Share of pages right, per field, then `all` = every field of every page. */
  overall: Record<Kind, Record<Field | "all", number>>;
  perOutlet: Record<string, Record<Kind, Record<Field | "all", number>>>;
  medianMsPerPage: Record<Kind, number>;
  misses: { page: string; kind: Kind; fields: Field[]; error: string | null }[];
}

function accuracy(results: readonly PageResult[]): Record<Field | "all", number> {
  const out = {} as Record<Field | "all", number>;
  for (const field of FIELDS) out[field] = results.filter((r) => r.score[field]).length / results.length;
  out.all = FIELDS.reduce((sum, field) => sum + out[field], 0) / FIELDS.length;
  return out;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

function analyzeOne(path: string): { article: ExtractedArticle | null; error: string | null; ms: number } {
  const t = performance.now();
  try {
    const article = analyzePage(path, readFileSync(path));
    return { article, error: null, ms: performance.now() - t };
  } catch (error) {
    return {
      article: null,
      error: error instanceof Error ? error.message : String(error),
      ms: performance.now() - t,
    };
  }
}

export async function run(options: { dir?: string; verbose?: boolean } = {}): Promise<ExtractionBenchResult> {
  const dir = options.dir ?? DEFAULT_DIR;
  if (!existsSync(join(dir, "expected.jsonl"))) throw new Error(`no development set at ${dir}`);
  const expectedPages = readFileSync(join(dir, "expected.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Expected);
  const results: PageResult[] = [];
  for (const expected of expectedPages) {
    const captured = readFileSync(join(dir, expected.text), "utf8");
    const truth = truthLength(expected, captured);
    for (const kind of ["html", "text"] as const) {
      const path = join(dir, kind === "html" ? expected.file : expected.text);
      const { article, error, ms } = analyzeOne(path);
      const score = scoreExtraction(article, expected, truth);
      results.push({
        page: expected.file.replace(/^html\/|\.html$/gu, ""),
        outlet: expected.outlet,
        kind,
        ms,
        error,
        score,
      });
      if (options.verbose && article !== null) {
        const missed = FIELDS.filter((field) => !score[field]);
        if (missed.length > 0)
          console.log(
            kind,
            expected.file,
            missed.join(","),
            JSON.stringify({
              headline: article.headline,
              publishedAt: article.publishedAt,
              dateline: article.dateline,
              credits: article.credits,
            }),
          );
      }
    }
  }
  const byKind = (kind: Kind, list: readonly PageResult[]) => list.filter((r) => r.kind === kind);
  const outlets = [...new Set(results.map((r) => r.outlet))].sort();
  const perOutlet: ExtractionBenchResult["perOutlet"] = {};
  for (const outlet of outlets) {
    const some = results.filter((r) => r.outlet === outlet);
    perOutlet[outlet] = { html: accuracy(byKind("html", some)), text: accuracy(byKind("text", some)) };
  }
  const result: ExtractionBenchResult = {
    dir,
    pages: expectedPages.length,
    overall: { html: accuracy(byKind("html", results)), text: accuracy(byKind("text", results)) },
    perOutlet,
    medianMsPerPage: {
      html: median(byKind("html", results).map((r) => r.ms)),
      text: median(byKind("text", results).map((r) => r.ms)),
    },
    misses: results
      .filter((r) => r.error !== null || FIELDS.some((field) => !r.score[field]))
      .map((r) => ({
        page: r.page,
        kind: r.kind,
        fields: FIELDS.filter((field) => !r.score[field]),
        error: r.error,
      })),
  };
  console.log(formatExtractionResult(result));
  return result;
}

const percent = (n: number): string => `${Math.round(n * 100)}%`.padStart(5);

/** The accuracy table: one row per outlet and kind, then the overall rows. */
export function formatExtractionResult(result: ExtractionBenchResult): string {
  const header = `${"outlet".padEnd(16)} kind  ${FIELDS.map((f) => f.padStart(9)).join("")}      all`;
  const row = (label: string, kind: Kind, acc: Record<Field | "all", number>): string =>
    `${label.padEnd(16)} ${kind.padEnd(5)} ${FIELDS.map((f) => percent(acc[f]).padStart(9)).join("")}${percent(acc.all).padStart(9)}`;
  const lines = [header];
  for (const [outlet, kinds] of Object.entries(result.perOutlet))
    for (const kind of ["html", "text"] as const) lines.push(row(outlet, kind, kinds[kind]));
  lines.push("-".repeat(header.length));
  for (const kind of ["html", "text"] as const)
    lines.push(row(`OVERALL (${result.pages})`, kind, result.overall[kind]));
  lines.push(
    `median per page: html ${result.medianMsPerPage.html.toFixed(1)} ms, text ${result.medianMsPerPage.text.toFixed(1)} ms`,
  );
  for (const miss of result.misses)
    lines.push(
      `  miss ${miss.kind} ${miss.page}: ${miss.fields.join(", ")}${miss.error ? ` (${miss.error})` : ""}`,
    );
  return lines.join("\n");
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { dir: { type: "string" }, verbose: { type: "boolean" } } });
  await run({ ...(values.dir ? { dir: values.dir } : {}), verbose: values.verbose ?? false });
}
