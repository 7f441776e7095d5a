import type { CreditRole, Source } from "../../core/article.ts";
import type { ExtractedCredit } from "../extracted-article.ts";

const ROLE_LABELS: Readonly<Record<string, CreditRole>> = {
  penulis: "penulis",
  reporter: "penulis",
  pewarta: "penulis",
  wartawan: "penulis",
  oleh: "penulis",
  editor: "editor",
  penyunting: "editor",
  redaktur: "editor",
  fotografer: "fotografer",
  "pewarta foto": "fotografer",
  kontributor: "kontributor",
};

const LABEL =
  /(?:^|\s+|\|\s*)(penulis|reporter|pewarta foto|pewarta|wartawan|editor|penyunting|redaktur|fotografer|kontributor)\s*:\s*/giu;

/** Splits `A, B dan C` / `A & B` into names. */
export function splitNames(text: string): string[] {
  // Whitespace runs are collapsed first so the split pattern never rescans them (linear time).
  return text
    .replace(/\s+/gu, " ")
    .split(/ ?, ?| dan | ?& ?/iu)
    .map((name) =>
      name
        .trim()
        .replace(/[|;.,]+$/u, "")
        .trim(),
    )
    .filter((name) => name !== "");
}

/**
 * A whole line of `Label : names` pairs: `Penulis : Haryo Jati Editor : Desy-Afrianti`,
 * `Reporter: A`, `Editor: B dan C`, `Fotografer: D | Kontributor: E`. Null for any other line.
 */
export function parseCreditLine(line: string): ExtractedCredit[] | null {
  const text = line.trim();
  if (text.length > 300) return null;
  const labels = [...text.matchAll(LABEL)];
  const first = labels[0];
  if (first === undefined || first.index !== 0) return null;
  const credits: ExtractedCredit[] = [];
  for (const [i, label] of labels.entries()) {
    const start = label.index + label[0].length;
    const end = labels[i + 1]?.index ?? text.length;
    const role = ROLE_LABELS[(label[1] ?? "").toLowerCase()];
    // A `|` ends the names (`Reporter : X | Jumat, 19 Juni 2015`); names carry no figures.
    // `Arnold H Sianturi / FMB`: the desk's initials after a slash are not part of the name.
    const names = splitNames(text.slice(start, end).split("|")[0] ?? "")
      .map((name) => name.replace(/\s*\/\s*[\p{Lu}]{2,5}$/u, ""))
      .filter((name) => name !== "" && !/\d/u.test(name));
    if (role === undefined || names.length === 0) return null;
    for (const name of names) credits.push({ role, name });
  }
  return credits;
}

/** `Sumber : The New York Times` / `Sumber: Reuters, AFP dan Antara`. Null for any other line. */
export function parseSourceLine(line: string): Source[] | null {
  const match = /^sumber\s*:\s*(.+)$/iu.exec(line.trim());
  if (!match || line.length > 300) return null;
  return splitNames(match[1] ?? "").map(sourceFromText);
}

/** `Kompas.com (https://kompas.com/x)` or a bare URL becomes `{ name, url }`. */
export function sourceFromText(text: string): Source {
  // Linear: the URL is the last whitespace-free token, optionally in parentheses.
  const trimmed = text.trim();
  const at = trimmed.search(/\(?https?:\/\/\S+$/u);
  if (at >= 0) {
    const url = trimmed.slice(at).replace(/^\(/u, "").replace(/\)$/u, "");
    if (URL.canParse(url)) {
      const name = trimmed.slice(0, at).trim() || new URL(url).hostname.replace(/^www\./, "");
      return { name, url };
    }
  }
  return { name: text };
}

/** `Tag: banjir, Bandung` / `Topik: ...` lines on captured pages. Null for any other line. */
export function parseTagLine(line: string): string[] | null {
  const match = /^(?:tag|tags|topik|topik terkait)\s*:\s*(.+)$/iu.exec(line.trim());
  if (!match || line.length > 300) return null;
  return match[1]?.split(/\s*[,#|]\s*/u).filter((tag) => tag.trim() !== "") ?? null;
}

/** Trailing desk initials: `... kata dia. (rfs/jbr)`. Lower-case only, so `(AS)` is never taken. */
const TRAILING_INITIALS = /\(([a-z]{2,5}(?:\/[a-z]{2,5}){0,3})\)$/u;
/** After a sentence: `(Mvi/Ali)`, `(Dio/Ysl)` (mixed case, at least one slash, so `(AS)` stays). */
const TRAILING_MIXED_INITIALS = /(?<=[.!?"”’)]\s{0,3})\(([A-Za-z]{2,5}(?:\/[A-Za-z]{2,5}){1,3})\)$/u;
/** After a sentence: desk codes such as `(H-4)`, `(E-2)`: no name, nothing to credit. */
const TRAILING_DESK_CODE = /(?<=[.!?"”’]\s{0,3})\(([A-Z]{1,3}-\d{1,3})\)$/u;
/** After a sentence: a contributor's full name, `(Luh Wayanti)`. */
const TRAILING_NAME = /(?<=[.!?"”’]\s{0,3})\(([\p{Lu}][\p{Ll}]+(?: [\p{Lu}][\p{Ll}]+){1,3})\)$/u;

export interface InitialsMatch {
  credits: ExtractedCredit[];
  /** Length of the paragraph text to keep. */
  keep: number;
}

/**
 * Trailing sign-offs. Initials become credits named by the initials (lower-cased): the first is
 * the penulis, every later one an editor (the usual `(penulis/editor)` order on Indonesian news
 * sites). A desk code (`(H-4)`) is removed without a credit; a full name (`(Luh Wayanti)`) after
 * the last sentence is the kontributor.
 */
export function matchTrailingInitials(text: string): InitialsMatch | null {
  // Anchored on a trimmed tail of bounded length, so the scan is linear however long the text
  // and whatever runs of spaces it holds (an unanchored `\s*` before the match was quadratic).
  const trimmed = text.trimEnd();
  const from = Math.max(0, trimmed.length - 60);
  const tail = trimmed.slice(from);
  const code = TRAILING_DESK_CODE.exec(tail);
  const match =
    TRAILING_INITIALS.exec(tail) ?? TRAILING_MIXED_INITIALS.exec(tail) ?? code ?? TRAILING_NAME.exec(tail);
  if (!match) return null;
  const keep = trimmed.slice(0, from + match.index).trimEnd().length;
  const signed = match[1] ?? "";
  if (match === code) return { credits: [], keep };
  if (/\s/u.test(signed)) return { credits: [{ role: "kontributor", name: signed }], keep };
  const credits = signed.split("/").map((name, i): ExtractedCredit => ({
    role: i === 0 ? "penulis" : "editor",
    name: name.toLowerCase(),
  }));
  return { credits, keep };
}
