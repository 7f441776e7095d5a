/**
 * The search benchmark's corpus and query set (bench/search.bench.ts): synthetic Indonesian-like
 * articles — affixed words built from the root dictionary, Zipf-distributed, recurring names and
 * phrases, dated over five years — and a fixed mix of queries over them. Seeded: every run and
 * both stores see the same documents and the same questions.
 */
import { createAnalyzer } from "../src/search/analyzer/analyzer.ts";
import { loadRootWords } from "../src/search/analyzer/root-words.ts";
import { endOfWibDay, startOfWibDay } from "../src/search/query/search-params.ts";
import type { IndexQuery, SearchDocument } from "../src/search/search-index.ts";
import { seededRandom } from "./seeded-random.ts";

export const NOW = new Date("2026-11-01T00:00:00Z");
const YEARS = 5;

/** meN- with its sound changes, and the other common affixes, so the stemmer has real work. */
function affix(root: string, kind: number): string {
  const first = root[0] ?? "";
  const meN = () => {
    if ("lmnrwy".includes(first)) return `me${root}`;
    if ("bfv".includes(first)) return `mem${root}`;
    if (first === "p") return `mem${root.slice(1)}`;
    if ("cdjz".includes(first)) return `men${root}`;
    if (first === "t") return `men${root.slice(1)}`;
    if (first === "s") return `meny${root.slice(1)}`;
    if (first === "k") return `meng${root.slice(1)}`;
    return `meng${root}`;
  };
  switch (kind) {
    case 0:
      return meN();
    case 1:
      return `${meN()}kan`;
    case 2:
      return `di${root}`;
    case 3:
      return `di${root}kan`;
    case 4:
      return `ber${root}`;
    case 5:
      return `${root}an`;
    case 6:
      return `${root}nya`;
    case 7:
      return `ter${root}`;
    default:
      return root;
  }
}

const FIRST = [
  "Vladimir",
  "Joko",
  "Sri",
  "Budi",
  "Siti",
  "Ahmad",
  "Dewi",
  "Agus",
  "Rina",
  "Hendra",
  "Yohanes",
  "Made",
];
const LAST = [
  "Putin",
  "Widodo",
  "Mulyani",
  "Santoso",
  "Rahayu",
  "Hidayat",
  "Lestari",
  "Saputra",
  "Wijaya",
  "Rumaropen",
];
const PHRASES = [
  "Korea Utara",
  "pakta pertahanan bersama",
  "suku bunga acuan",
  "Amerika Serikat",
  "peringatan dini",
];

export interface Corpus {
  roots: string[];
  documents(count: number): Generator<SearchDocument>;
}

export function createCorpus(analyzer = createAnalyzer()): Corpus {
  const all = [...loadRootWords()].filter((w) => /^[a-z]{4,}$/u.test(w));
  const pick = seededRandom(7);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(pick() * (i + 1));
    [all[i], all[j]] = [all[j] as string, all[i] as string];
  }
  const roots = all.slice(0, 20_000);
  // Zipf (s = 1.05) over the roots: a few very common words, a long tail.
  const cdf: number[] = [];
  let sum = 0;
  for (let r = 1; r <= roots.length; r++) cdf.push((sum += 1 / r ** 1.05));
  const zipf = (x: number) => {
    const target = x * sum;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return roots[lo] as string;
  };
  return {
    roots,
    *documents(count) {
      const random = seededRandom(42);
      const words = (n: number) => {
        const out: string[] = [];
        for (let i = 0; i < n; i++) out.push(affix(zipf(random()), Math.floor(random() * 12)));
        if (random() < 0.08)
          out.splice(
            Math.floor(random() * out.length),
            0,
            PHRASES[Math.floor(random() * PHRASES.length)] as string,
          );
        return out.join(" ");
      };
      const name = () =>
        `${FIRST[Math.floor(random() * FIRST.length)]} ${LAST[Math.floor(random() * LAST.length)]}`;
      const span = YEARS * 365 * 86_400_000;
      for (let id = 1; id <= count; id++) {
        const person = name();
        const body = `${words(60)}. ${person} ${words(50)}. ${words(60)}.`;
        const section = 1 + Math.floor(random() * 20);
        yield {
          id,
          headline: analyzer.toIndexText(words(9)),
          lede: analyzer.toIndexText(words(22)),
          body: analyzer.toIndexText(body),
          extra: analyzer.toIndexText(`${name()}. ${person}`),
          sectionIds: section > 10 ? [section - 10, section] : [section],
          tagIds: [1 + Math.floor(random() * 500), 1 + Math.floor(random() * 500)],
          personIds: [1 + Math.floor(random() * 300)],
          publishedAt: new Date(NOW.getTime() - Math.floor(random() * span)),
        };
      }
    },
  };
}

export interface BenchQuery {
  label: string;
  q: string;
  filters?: IndexQuery["filters"];
  sort?: "relevance" | "date";
}

/** The fixed mixed query set: words picked by frequency rank, so the set is the same every run. */
export function querySet(roots: string[]): BenchQuery[] {
  const r = (rank: number) => roots[rank] as string;
  return [
    { label: "common word", q: r(2) },
    { label: "frequent word", q: r(20) },
    { label: "mid word", q: r(300) },
    { label: "rare word", q: r(5000) },
    { label: "affixed (meN-kan)", q: affix(r(40), 1) },
    { label: "affixed (di-)", q: affix(r(150), 2) },
    { label: "affixed (ber-)", q: affix(r(900), 4) },
    { label: "two words", q: `${r(30)} ${r(200)}` },
    { label: "three words", q: `${affix(r(10), 0)} ${r(100)} ${r(1000)}` },
    { label: "phrase", q: '"pakta pertahanan bersama"' },
    { label: "phrase (alias)", q: "Korut" },
    { label: "name", q: "Vladimir Putin" },
    { label: "typo name", q: "Vladimr Putin" },
    { label: "typo word", q: `${r(60).slice(0, 2)}${r(60).slice(3)}` },
    { label: "exclusion", q: `${r(25)} -${r(50)}` },
    { label: "phrase + exclusion", q: `"suku bunga acuan" -${r(5)}` },
    { label: "section filter", q: r(15), filters: { sectionIds: [3] } },
    { label: "tag filter", q: r(8), filters: { tagIds: [17] } },
    { label: "person filter", q: r(12), filters: { personIds: [42] } },
    {
      label: "date range",
      q: r(35),
      filters: { from: startOfWibDay("2025-01-01") as Date, to: endOfWibDay("2025-03-31") as Date },
    },
    { label: "sort by date", q: r(45), sort: "date" },
    { label: "sort by date, common", q: r(3), sort: "date" },
  ];
}
