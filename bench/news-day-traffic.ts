/**
 * The traffic of a simulated news day (bench/news-day.bench.ts): a reproducible plan of reads
 * (article pages by Zipf over recency rank, the home page, section pages) with a publish every
 * few simulated minutes and updates of the newest stories in between. Pure, seeded.
 */

import { seededRandom } from "./seeded-random.ts";

/**
 * Zipf over ranks 0..n-1 (rank 0 the most read): P(r) ∝ 1 / (r + 1)^s, drawn by binary search on
 * the cumulative weights (n floats: 8 MB at 1M).
 */
export function zipfSampler(n: number, s: number, random: () => number): () => number {
  if (!Number.isInteger(n) || n <= 0) throw new Error(`Zipf needs a positive whole number of ranks: ${n}`);
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) {
    total += 1 / Math.pow(r + 1, s);
    cumulative[r] = total;
  }
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export type NewsDayStep =
  | { kind: "article"; rank: number }
  | { kind: "home" }
  | { kind: "section"; index: number }
  | { kind: "publish" }
  | { kind: "update"; rank: number };

export interface TrafficOptions {
  /** Reads counted (after the warm-up). */
  reads: number;
  /** Reads before the day starts (not counted, no publishes): a cache as warm as at dawn. */
  warmupReads: number;
  /** Publishes during the counted reads, evenly spread. */
  publishes: number;
  /** Updates of one of the newest stories between two publishes. */
  updatesPerPublish: number;
  /** Stories that can be read (ranked newest first). */
  articles: number;
  sections: number;
  /** Zipf exponent over recency rank. */
  zipf: number;
  /** Shares of the reads that go to the home page and to section pages; the rest are articles. */
  homeShare: number;
  sectionShare: number;
  /** Updates go to one of this many newest stories (developing stories). */
  updateWindow: number;
  seed: number;
}

export const TRAFFIC_DEFAULTS = {
  zipf: 1.0,
  homeShare: 0.08,
  sectionShare: 0.07,
  updateWindow: 20,
} as const;

/** The day's steps in order: warm-up reads, then reads with publishes and updates spread evenly. */
export function newsDayPlan(options: TrafficOptions): { warmup: NewsDayStep[]; day: NewsDayStep[] } {
  const random = seededRandom(options.seed);
  const articleRank = zipfSampler(options.articles, options.zipf, random);
  const sectionIndex = zipfSampler(Math.max(1, options.sections), options.zipf, random);
  const read = (): NewsDayStep => {
    const u = random();
    if (u < options.homeShare) return { kind: "home" };
    if (u < options.homeShare + options.sectionShare) return { kind: "section", index: sectionIndex() };
    return { kind: "article", rank: articleRank() };
  };
  const warmup = Array.from({ length: options.warmupReads }, read);
  // Every publish interval holds (updatesPerPublish + 1) equal stretches of reads, each followed by
  // an update, and the last by the next publish.
  const writes: NewsDayStep[] = [];
  for (let p = 0; p < options.publishes; p++) {
    for (let u = 0; u < options.updatesPerPublish; u++)
      writes.push({ kind: "update", rank: Math.floor(random() * options.updateWindow) });
    writes.push({ kind: "publish" });
  }
  const day: NewsDayStep[] = [];
  let written = 0;
  for (let i = 0; i < options.reads; i++) {
    day.push(read());
    const due = Math.floor(((i + 1) * writes.length) / options.reads);
    while (written < due) day.push(writes[written++] as NewsDayStep);
  }
  return { warmup, day };
}
