import { parseCreditLine, splitNames } from "../common/credits.ts";
import { chromeReason, DROP_REASONS, type DropList } from "../common/dropped.ts";
import { isOutletName } from "../common/dateline.ts";
import type { ExtractedCredit, ExtractedHero } from "../extracted-article.ts";
import { findPrintedDateTime } from "../printed-date.ts";
import {
  parseBreadcrumbLine,
  parseBylineLine,
  parseCaptionLine,
  sectionOfDateLine,
} from "./page-text.header.ts";
import { isDateLine, type StoryLocation } from "./page-text.locate.ts";
import { isCaptionLine, isCounterLine, isProseLine, wordsOf } from "./page-text.lines.ts";

/** What the lines above the body give: headline, section, bylines, hero caption, deck. */
export interface PageHeader {
  headline: string;
  section: string | null;
  breadcrumb: string[];
  credits: ExtractedCredit[];
  hero: ExtractedHero | null;
  deck: string | null;
}

/** A person's or outlet's name as printed in a byline: `Laban Laisila`, `Arnold H Sianturi`, `Liputan6.com`. */
const NAME = /^[\p{Lu}][\p{L}.'-]{0,30}(?: [\p{Lu}][\p{L}.'-]{0,30}){1,4}$/u;
/** Words that never stand in a person's name: page chrome, conjunctions, slogans' glue. */
const NOT_NAME =
  /(?:^|\s)(dan|dari|yang|di|ke|untuk|follow|us|berita|terkait|terpopuler|terbaru|baca|juga|share|like|komentar|video|foto|credits?|rate|artikel)(?=\s|$)/iu;

export const isName = (text: string): boolean =>
  (NAME.test(text) &&
    !NOT_NAME.test(text) &&
    !(/\s/u.test(text) && text === text.toUpperCase()) &&
    !isCounterLine(text) &&
    !isOutletName(text.split(" ")[0] ?? "")) ||
  /^[\p{L}\d-]{2,30}\.(com|co\.id|id)$/iu.test(text);

/**
 * The byline printed with the date: `Oleh X pada 18 Jan 2019, 22:18 WIB`, `By X`, `X : 19 Jun 2015 | 13:06`,
 * `Reporter : X | Jumat, …`, `X02 Jun 2020, 19:15 WIB` (glued). `Kompas dunia | …` is a section, not a byline.
 */
function bylineOfDateLine(line: string): ExtractedCredit[] {
  const date = findPrintedDateTime(line);
  if (date === null || date.index === 0) return [];
  const before = line.slice(0, date.index);
  const labelled = parseCreditLine(
    before.replace(/[|,:\s-]+$/u, "").replace(/[\s|,]+(senin|selasa|rabu|kamis|jum'?at|sabtu|minggu)$/iu, ""),
  );
  if (labelled !== null) return labelled;
  const explicit = /^(?:oleh|by)\s*:?\s+(.+?)\s+(?:pada|on)?\s*$/iu.exec(before);
  const colon = /^(.+?)\s*:\s*$/u.exec(before);
  const glued = /\p{L}$/u.test(before) ? before : null;
  // `Reporter : X | Jumat, 19 Juni 2015`: the day name belongs to the date.
  const names = (explicit?.[1] ?? colon?.[1] ?? glued ?? "")
    .replace(/[\s|,]*(senin|selasa|rabu|kamis|jum'?at|sabtu|minggu)?[\s|,:-]*$/iu, "")
    .trim();
  if (names === "") return [];
  return splitNames(names)
    .filter(isName)
    .map((name): ExtractedCredit => ({ role: "penulis", name }));
}

/** A byline on its own line: `Oleh : X`, `By X`, `X - detiknews`, `X / Jurnalis`, or a bare name. */
function bylineOfLine(line: string, bare: boolean): ExtractedCredit[] | null {
  const by = /^by\s+(.{2,80})$/iu.exec(line);
  if (by) return splitNames(by[1] ?? "").map((name) => ({ role: "penulis", name }));
  const role = /^(.{2,60}?)\s*\/\s*(jurnalis|wartawan|reporter|penulis|kontributor)$/iu.exec(line);
  if (role && isName(role[1] ?? ""))
    return [
      { role: role[2]?.toLowerCase() === "kontributor" ? "kontributor" : "penulis", name: role[1] ?? "" },
    ];
  const credits = parseCreditLine(line) ?? parseBylineLine(line);
  if (credits !== null) return credits;
  const oleh = /^oleh\s*:\s*(.{2,80}?)(?:\s*\/\s*[\p{Lu}]{2,5})?$/iu.exec(line);
  if (oleh) return splitNames(oleh[1] ?? "").map((name) => ({ role: "penulis", name }));
  return bare && isName(line) && line.length <= 40 ? [{ role: "penulis", name: line }] : null;
}

/** Reads the lines above the body; every line not used is added to `drops`. */
export function readHeader(lines: readonly string[], location: StoryLocation, drops: DropList): PageHeader {
  const header: PageHeader = {
    headline: "",
    section: null,
    breadcrumb: [],
    credits: [],
    hero: null,
    deck: null,
  };
  const headlineAt = location.headline ?? -1;
  const bodyStart = location.body?.start ?? lines.length;
  header.headline = lines[headlineAt] ?? "";
  const above = lines.flatMap((line, i) => (line !== "" && i < headlineAt ? [i] : []));
  const zoneStart = above[Math.max(0, above.length - 3)] ?? headlineAt;
  for (let i = 0; i < bodyStart; i++) {
    const line = lines[i] ?? "";
    if (line === "" || i === headlineAt) continue;
    if (i < zoneStart) {
      drops.add(line, chromeReason(line) ?? DROP_REASONS.navigation);
      continue;
    }
    const used = readHeaderLine(header, line, i, { headlineAt, date: location.date, lines });
    if (used !== true) {
      const inside = i > headlineAt;
      drops.add(
        line,
        used || chromeReason(line) || (inside ? DROP_REASONS.outside : DROP_REASONS.navigation),
      );
    }
  }
  if (header.breadcrumb.length === 0 && header.section !== null) header.breadcrumb = [header.section];
  header.section ??= header.breadcrumb.at(-1) ?? null;
  return header;
}

interface Where {
  headlineAt: number;
  date: number | null;
  lines: readonly string[];
}

/** Uses one header line for a field (true); otherwise why it is dropped, or false when unknown. */
function readHeaderLine(header: PageHeader, line: string, i: number, where: Where): true | false | string {
  if (i === where.date) {
    header.section = sectionOfDateLine(line) ?? header.section;
    header.credits.push(...bylineOfDateLine(line));
    return true;
  }
  const crumbs = parseBreadcrumbLine(line);
  if (crumbs !== null) {
    if (header.breadcrumb.length === 0) header.breadcrumb = crumbs;
    return true;
  }
  if (i < where.headlineAt) {
    // A short label right above the headline is its kicker (section).
    const next = where.lines.slice(i + 1, where.headlineAt).every((rest) => rest === "");
    if (next && line.length <= 40 && wordsOf(line) <= 4 && chromeReason(line) === null) {
      header.section = line;
      return true;
    }
    return false;
  }
  if (isDateLine(line) || (line.length <= 200 && findPrintedDateTime(line) !== null))
    return DROP_REASONS.otherDate;
  const nearDate = where.date !== null && Math.abs(i - where.date) <= 3;
  const byline = bylineOfLine(line, nearDate || i === where.headlineAt + 1);
  if (byline !== null) {
    header.credits.push(...byline);
    return true;
  }
  if (header.hero === null && isCaptionLine(line)) {
    const caption = parseCaptionLine(line);
    header.hero = caption ?? { caption: line, credit: "" };
    return true;
  }
  if (header.deck === null && header.hero === null && isProseLine(line) && !isCaptionLine(line)) {
    header.deck = line;
    return true;
  }
  return false;
}
