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
  return text
    .split(/\s*,\s*|\s+dan\s+|\s*&\s*/iu)
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
    const names = splitNames(text.slice(start, end));
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
  const withUrl = /^(.*?)\s*\(?\s*(https?:\/\/\S+?)\s*\)?$/u.exec(text);
  if (withUrl && URL.canParse(withUrl[2] ?? "")) {
    const url = withUrl[2] ?? "";
    const name = (withUrl[1] ?? "").trim() || new URL(url).hostname.replace(/^www\./, "");
    return { name, url };
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
const TRAILING_INITIALS = /\s*\(([a-z]{2,5}(?:\/[a-z]{2,5}){0,3})\)\s*$/u;

export interface InitialsMatch {
  credits: ExtractedCredit[];
  /** Length of the paragraph text to keep. */
  keep: number;
}

/**
 * Trailing initials become credits named by the initials: the first is the penulis, every later
 * one an editor (the usual `(penulis/editor)` order on Indonesian news sites).
 */
export function matchTrailingInitials(text: string): InitialsMatch | null {
  const match = TRAILING_INITIALS.exec(text);
  if (!match) return null;
  const initials = (match[1] ?? "").split("/");
  const credits = initials.map((name, i): ExtractedCredit => ({
    role: i === 0 ? "penulis" : "editor",
    name,
  }));
  return { credits, keep: match.index };
}
