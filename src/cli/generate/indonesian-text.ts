import { readFileSync } from "node:fs";
import type { Random } from "./random.ts";

const ROOT_WORDS_FILE = new URL("../../search/analyzer/data/kata-dasar.txt", import.meta.url);

const FUNCTION_WORDS = [
  "yang",
  "dan",
  "di",
  "ke",
  "dari",
  "untuk",
  "dengan",
  "pada",
  "itu",
  "ini",
  "akan",
  "tidak",
  "dalam",
  "juga",
  "sudah",
  "karena",
  "oleh",
  "bahwa",
  "para",
  "telah",
  "saat",
  "lebih",
  "masih",
  "bisa",
  "kata",
  "menurut",
  "hingga",
  "setelah",
  "tersebut",
  "sebagai",
  "atau",
  "agar",
  "namun",
  "serta",
  "bagi",
];

export const PLACES = [
  "Jakarta",
  "Surabaya",
  "Bandung",
  "Medan",
  "Makassar",
  "Semarang",
  "Yogyakarta",
  "Denpasar",
  "Palembang",
  "Balikpapan",
  "Manado",
  "Jayapura",
  "Kupang",
  "Pontianak",
  "Padang",
  "Ambon",
  "Mataram",
  "Banda Aceh",
  "Samarinda",
  "Sorong",
];

const ACTORS = [
  "Presiden",
  "DPR",
  "Gubernur",
  "Menteri Keuangan",
  "Bank Indonesia",
  "KPK",
  "Polri",
  "BMKG",
  "Pemerintah Daerah",
  "Wali Kota",
  "Mahkamah Konstitusi",
  "Kementerian Kesehatan",
  "PSSI",
  "OJK",
  "Badan Pusat Statistik",
  "TNI",
  "Bupati",
  "Kejaksaan Agung",
];

/** `me-` + root with the nasal the root's first letter calls for (mem-, men-, meng-, meny-, me-). */
function nasal(prefix: "me" | "pe", root: string): string {
  const first = root[0] ?? "";
  if ("aiueo".includes(first)) return `${prefix}ng${root}`;
  if ("bfv".includes(first)) return `${prefix}m${root}`;
  if (first === "p") return `${prefix}m${root.slice(1)}`;
  if ("cdjz".includes(first)) return `${prefix}n${root}`;
  if (first === "t") return `${prefix}n${root.slice(1)}`;
  if ("gh".includes(first)) return `${prefix}ng${root}`;
  if (first === "k") return `${prefix}ng${root.slice(1)}`;
  if (first === "s") return `${prefix}ny${root.slice(1)}`;
  return `${prefix}${root}`;
}

/** Turns a root into one of its common derived forms (di-, me-, ber-, ter-, pe-…-an, ke-…-an, -an, -nya). */
function derive(root: string, random: Random): string {
  const r = random.next();
  if (r < 0.45) return root;
  if (r < 0.55) return `di${root}${random.chance(0.4) ? "kan" : ""}`;
  if (r < 0.68) return `${nasal("me", root)}${random.chance(0.3) ? "kan" : random.chance(0.2) ? "i" : ""}`;
  if (r < 0.74) return `ber${root}`;
  if (r < 0.78) return `ter${root}`;
  if (r < 0.84) return `${nasal("pe", root)}an`;
  if (r < 0.88) return `ke${root}an`;
  if (r < 0.94) return `${root}an`;
  return `${root}nya`;
}

const capitalize = (text: string): string => (text[0] ?? "").toUpperCase() + text.slice(1);

/**
 * Indonesian-looking prose: root words from the stemmer's dictionary, with affixes, function
 * words and names in realistic proportions, and a Zipf-like word frequency. Sentences come from a
 * pool built once per seed, so generating a million articles stays fast.
 */
export function createTextMaker(random: Random, options: { poolSize?: number } = {}) {
  const roots = readFileSync(ROOT_WORDS_FILE, "utf8")
    .split("\n")
    .map((w) => w.trim())
    .filter((w) => /^[a-z]{3,10}$/.test(w));
  // A seed-dependent vocabulary ordering: rank decides frequency.
  for (let i = roots.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [roots[i], roots[j]] = [roots[j] as string, roots[i] as string];
  }
  const vocabulary = roots.slice(0, 12_000);

  function word(): string {
    const r = random.next();
    if (r < 0.3) return random.pick(FUNCTION_WORDS);
    if (r < 0.33) return random.pick(PLACES);
    if (r < 0.35) return random.pick(ACTORS);
    return derive(vocabulary[random.zipf(vocabulary.length, 30)] as string, random);
  }

  function words(min: number, max: number): string[] {
    const count = random.int(min, max);
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(word());
    return out;
  }

  function makeSentence(): string {
    const parts = words(8, 22);
    if (random.chance(0.25)) parts.splice(random.int(3, parts.length - 1), 0, `${parts.pop() ?? ""},`);
    const text = capitalize(parts.join(" ").replace(/,$/, ""));
    if (random.chance(0.08)) return `"${text}," kata ${random.pick(ACTORS)} di ${random.pick(PLACES)}.`;
    return `${text}.`;
  }

  const pool: string[] = [];
  for (let i = 0; i < (options.poolSize ?? 50_000); i++) pool.push(makeSentence());

  return {
    sentence: (): string => pool[Math.floor(random.next() * pool.length)] as string,
    paragraph(minSentences = 2, maxSentences = 4): string {
      const count = random.int(minSentences, maxSentences);
      let text = this.sentence();
      for (let i = 1; i < count; i++) text += ` ${this.sentence()}`;
      return text;
    },
    headline(): string {
      return capitalize(words(6, 11).join(" ")).slice(0, 200);
    },
    /** A short noun phrase: section-free tag names, captions. */
    phrase(min = 1, max = 3): string {
      return capitalize(
        Array.from({ length: random.int(min, max) }, () => vocabulary[random.zipf(3000, 20)] as string).join(
          " ",
        ),
      );
    },
  };
}

export type TextMaker = ReturnType<typeof createTextMaker>;
