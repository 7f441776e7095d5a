import { isOutletName } from "../common/dateline.ts";
import { splitNames } from "../common/credits.ts";
import type { ExtractedCredit, ExtractedHero } from "../extracted-article.ts";
import { looksLikeIndonesianDateTime } from "../indonesian-date.ts";

/** Header-line recognisers for captured page text. Each returns null when the line is not its kind. */

const ROOT_CRUMB = /^(home|beranda|index|indeks)$/iu;
/** A breadcrumb level: a short label (`Regional`, `Liga Indonesia`, `detikNews`), no sentence, no figures. */
const CRUMB = /^[\p{L}][\p{L}\d.&'-]*(?: [\p{L}][\p{L}\d.&'-]*){0,3}$/u;

/**
 * `> >`, `Home > Internasional > Asia`, `Tribunnews.com » Metropolitan » News`: the levels without
 * the root "Home"/"Beranda". A line is a breadcrumb only when every level is a short label: a
 * headline or sentence with `>` in it (`Suku Bunga > 6 Persen, Cicilan Naik`) is not one.
 */
export function parseBreadcrumbLine(line: string): string[] | null {
  if (line.length > 200 || !/[>»]/u.test(line)) return null;
  const parts = line.split(/[>»]/u).map((part) => part.trim());
  const named = parts.filter((part) => part !== "");
  if (named.some((part) => part.length > 40 || !CRUMB.test(part))) return null;
  if (named.length === 1 && parts.length === 2 && !ROOT_CRUMB.test(named[0] ?? "")) return null;
  if (ROOT_CRUMB.test(named[0] ?? "")) named.shift();
  return named;
}

/** A short line carrying the publication date-time, e.g. `Kompas dunia | 25 Oktober 2024, 08:08 WIB`. */
export function isDateLine(line: string): boolean {
  return line.length <= 160 && looksLikeIndonesianDateTime(line);
}

const DAY_NAME = /^(senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\b/iu;

/**
 * The label before the first `|` of a date line: the section (`Kompas dunia`). Outlet names
 * (`CNN Indonesia | Jumat, ...`) and dates are not sections.
 */
export function sectionOfDateLine(line: string): string | null {
  const bar = line.indexOf("|");
  if (bar < 0) return null;
  const label = line.slice(0, bar).trim();
  if (label === "" || label.length > 60 || DAY_NAME.test(label) || looksLikeIndonesianDateTime(label))
    return null;
  if (/\d{4}/u.test(label) || isOutletName(label)) return null;
  // `Reporter : X | Jumat, …` is a byline, not a section.
  if (/^(oleh|by|reporter|penulis|editor|pewarta|wartawan|jurnalis)\b/iu.test(label)) return null;
  return label;
}

/** `Rizky Pratama - detikJabar`, `Oleh: Sita Dewi`, `Oleh Ani dan Budi`: the byline. */
export function parseBylineLine(line: string): ExtractedCredit[] | null {
  const oleh = /^oleh\s*:?\s+(.{2,120})$/iu.exec(line);
  const outlet = /^([\p{Lu}][\p{L}.' ,&-]{1,120}?)\s+[-–—]\s+(\S+)$/u.exec(line);
  let names: string | undefined;
  if (oleh) names = oleh[1]?.replace(/\s*\/\s*[\p{Lu}]{2,5}$/u, "");
  else if (outlet && /^detik|\.(com|co\.id|id|tv)$/iu.test(outlet[2] ?? "")) names = outlet[1];
  if (names === undefined) return null;
  return splitNames(names).map((name): ExtractedCredit => ({ role: "penulis", name }));
}

const CAPTION_LABELLED =
  /\s*\(\s*(?:sumber|foto|dok\.?|dokumentasi|kredit|ilustrasi)\s*:\s*([^()]+?)\s*\)\s*$/iu;
const CAPTION_AGENCY = /\s*\(\s*([\p{Lu}][\p{Lu}\d .]*\/[^()]+?)\s*\)\s*$/u;

/**
 * A hero caption ending in its credit: `... 23 Oktober 2024. (Sumber: BRICS 2024)`,
 * `... (Foto: Rizky/detikJabar)`, `... (ANTARA FOTO/Aditya Pradana)`.
 */
export function parseCaptionLine(line: string): ExtractedHero | null {
  // One space per whitespace run keeps the `\s*` of the patterns from rescanning (linear time).
  const text = line.replace(/\s+/gu, " ").trim();
  const match = CAPTION_LABELLED.exec(text) ?? CAPTION_AGENCY.exec(text);
  if (!match) return null;
  return { caption: text.slice(0, match.index).trim(), credit: (match[1] ?? "").trim() };
}
