/** The news-day bench's result (bench/news-day.bench.ts) and its printed table. */
import { round } from "./http-util.ts";
import type { NewsDayOptions } from "./news-day.bench.ts";

export type Layer = "in-process" | "varnish";
export type Rule = "before" | "after";

export interface ScenarioResult {
  layer: Layer;
  rule: Rule;
  reads: number;
  /** Reads answered from a cache (the edge's for Varnish), without a render of the page. */
  hitRatio: number;
  /** In-process only: hits that were put together from a cached shell and TERBARU (a splice). */
  composedPer1000: number;
  /** Pages the origin rendered (page-cache misses, the TERBARU fragment included) per 1,000 reads. */
  originRendersPer1000: number;
  /** Varnish only: requests that reached the origin (ESI fragment fetches included). */
  backendFetchesPer1000: number | null;
  readMedianMs: number;
  readP90Ms: number;
  evictions: number;
  publishes: number;
  updates: number;
  non200: number;
  seconds: number;
}

export interface NewsDayResult {
  date: string;
  node: string;
  cpus: number;
  loadAverage: number[];
  options: NewsDayOptions;
  simulated: {
    minutes: number;
    readsPerPublish: number;
    zipf: number;
    homeShare: number;
    sectionShare: number;
  };
  scenarios: ScenarioResult[];
  /** Per layer: before ÷ after of origin renders, and the hit ratios side by side. */
  comparison: {
    layer: Layer;
    rendersBeforeOverAfter: number;
    hitRatioBefore: number;
    hitRatioAfter: number;
  }[];
  skipped: string[];
}

export function formatNewsDayResult(result: NewsDayResult): string {
  const o = result.options;
  const hours = round(result.simulated.minutes / 60, 1);
  const lines = [
    `News day on ${o.articles.toLocaleString("en-US")} articles (${result.cpus} CPUs, load ${result.loadAverage.join(" ")}): ` +
      `${o.reads.toLocaleString("en-US")} reads after ${o.warmupReads.toLocaleString("en-US")} warm-up reads, ` +
      `${o.publishes} publishes (one every ${o.minutesPerPublish} simulated min, ${hours} h) and ${o.updatesPerPublish} updates between each, ` +
      `${result.simulated.readsPerPublish} reads per publish; Zipf s=${result.simulated.zipf} over recency, ` +
      `${round(result.simulated.homeShare * 100, 1)}% home, ${round(result.simulated.sectionShare * 100, 1)}% sections; caches ${o.cacheMb} MB each`,
    `  ${"layer".padEnd(11)} ${"rule".padEnd(7)} ${"hit ratio".padStart(9)} ${"renders/1k".padStart(10)} ${"composed/1k".padStart(11)} ${"fetches/1k".padStart(10)} ${"median ms".padStart(9)} ${"p90 ms".padStart(7)} ${"evicted".padStart(7)} ${"non-200".padStart(7)} ${"seconds".padStart(7)}`,
  ];
  for (const s of result.scenarios)
    lines.push(
      `  ${s.layer.padEnd(11)} ${s.rule.padEnd(7)} ${s.hitRatio.toFixed(3).padStart(9)} ${s.originRendersPer1000.toFixed(1).padStart(10)} ${s.composedPer1000.toFixed(1).padStart(11)} ${(s.backendFetchesPer1000 === null ? "-" : s.backendFetchesPer1000.toFixed(1)).padStart(10)} ${s.readMedianMs.toFixed(2).padStart(9)} ${s.readP90Ms.toFixed(2).padStart(7)} ${String(s.evictions).padStart(7)} ${String(s.non200).padStart(7)} ${s.seconds.toFixed(1).padStart(7)}`,
    );
  for (const c of result.comparison)
    lines.push(
      `  ${c.layer}: origin renders before ÷ after = ${c.rendersBeforeOverAfter.toFixed(2)}×; hit ratio ${c.hitRatioBefore.toFixed(3)} → ${c.hitRatioAfter.toFixed(3)}`,
    );
  for (const s of result.skipped) lines.push(`  skipped ${s}`);
  return lines.join("\n");
}
