import { paragraph } from "../../content/body.schema.ts";
import { finishBody } from "../common/body-pipeline.ts";
import { isPrompt, isTrailer } from "../common/chrome.ts";
import { parseCreditLine } from "../common/credits.ts";
import { emptyExtracted, type ExtractedArticle, type ExtractedCredit } from "../extracted-article.ts";
import { parseIndonesianDateTime } from "../indonesian-date.ts";
import {
  isDateLine,
  parseBreadcrumbLine,
  parseBylineLine,
  parseCaptionLine,
  sectionOfDateLine,
} from "./page-text.header.ts";

type HeaderLine =
  | { kind: "breadcrumb"; parts: string[] }
  | { kind: "date"; line: string }
  | { kind: "credits"; credits: ExtractedCredit[] }
  | { kind: "prompt" };

function classifyHeader(line: string): HeaderLine | null {
  const parts = parseBreadcrumbLine(line);
  if (parts !== null) return { kind: "breadcrumb", parts };
  if (isDateLine(line)) return { kind: "date", line };
  const credits = parseCreditLine(line) ?? parseBylineLine(line);
  if (credits !== null) return { kind: "credits", credits };
  if (isPrompt(line)) return { kind: "prompt" };
  return null;
}

/** How many unclassified lines may precede the first header line (kicker, headline, deck). */
const MAX_PRE_LINES = 3;

/**
 * Parses captured article page text (what a browser's "copy all" or a text dump gives):
 *
 * - header: `>` breadcrumb lines, the headline, a date line (`Kompas dunia | 25 Oktober 2024, 08:08 WIB`;
 *   the label before `|` is the section), bylines and credit lines, and a hero caption ending in
 *   `(Sumber: X)` / `(Foto: X)`; a short line above the headline is taken as the section and a
 *   line between the headline and the date line as the deck (the lede);
 * - body: every other non-empty line is one paragraph, kept verbatim (only the line's ends are
 *   trimmed), then the shared body pass (dateline, Baca Juga, credits, sources, chrome).
 *
 * When the breadcrumb line has no names (`> >`) the breadcrumb is `[section]`. An impossible date
 * throws `ImportError("invalid_date")`. The result is not validated: see `validateExtracted`.
 */
export function parsePageText(text: string): ExtractedArticle {
  const article = emptyExtracted("page-text");
  const lines = text
    .replace(/^\uFEFF/u, "")
    .split(/\r\n|\r|\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !/^[>\s]+$/u.test(line));
  let breadcrumb: string[] = [];
  let dateLine: string | null = null;
  const headerCredits: ExtractedCredit[] = [];

  const applyHeader = (header: HeaderLine): void => {
    if (header.kind === "breadcrumb" && breadcrumb.length === 0) breadcrumb = header.parts;
    if (header.kind === "date" && dateLine === null) dateLine = header.line;
    if (header.kind === "credits") headerCredits.push(...header.credits);
  };

  let i = 0;
  // Chrome and breadcrumbs above the headline.
  for (let header = classifyHeader(lines[i] ?? ""); i < lines.length && header !== null;) {
    applyHeader(header);
    header = classifyHeader(lines[++i] ?? "");
  }
  // Kicker / headline: up to MAX_PRE_LINES unclassified lines before the first header line.
  const pre: string[] = [];
  while (
    i < lines.length &&
    pre.length < MAX_PRE_LINES &&
    classifyHeader(lines[i] ?? "") === null &&
    !isTrailer(lines[i] ?? "")
  ) {
    pre.push(lines[i] ?? "");
    i++;
  }
  let deck: string | null = null;
  if (pre.length > 0 && classifyHeader(lines[i] ?? "") !== null) {
    // A header line follows: the first long line is the headline, a short line above it the
    // kicker (section), a line below it the deck.
    // A short headline (no line over 40 characters) still has a kicker above it when the first
    // line is a short label and the next one is longer ("Nasional" / "Harga Cabai Turun").
    const long = pre.findIndex((line) => line.length > 40);
    const shortPair =
      pre.length >= 2 && (pre[0]?.length ?? 0) <= 25 && (pre[1]?.length ?? 0) > (pre[0]?.length ?? 0);
    const index = long >= 0 ? long : shortPair ? 1 : 0;
    const kicker = pre[index - 1];
    if (kicker !== undefined && kicker.length <= 40) article.section = kicker;
    article.headline = pre[index] ?? "";
    deck = pre[index + 1] ?? null;
  } else {
    // No header line: the first line is the headline and the body starts right under it.
    article.headline = pre[0] ?? "";
    i -= Math.max(0, pre.length - 1);
  }
  // Header lines under the headline: date, bylines, caption.
  for (; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const header = classifyHeader(line);
    if (header !== null) {
      applyHeader(header);
      continue;
    }
    const caption = article.hero === null && !isTrailer(line) ? parseCaptionLine(line) : null;
    if (caption === null) break;
    article.hero = caption;
  }

  if (dateLine !== null) {
    const parsed = parseIndonesianDateTime(dateLine);
    article.publishedAt = parsed.instant.toISOString();
    article.timeZone = parsed.timeZone;
    article.section = sectionOfDateLine(dateLine) ?? article.section;
  }
  article.section ??= breadcrumb.at(-1) ?? null;
  article.breadcrumb = breadcrumb.length > 0 ? breadcrumb : article.section !== null ? [article.section] : [];

  const body = finishBody(
    lines.slice(i).map((line) => paragraph(line)),
    { headerCredits },
  );
  article.blocks = body.blocks;
  article.paragraphs = body.paragraphs;
  article.dateline = body.dateline;
  article.credits = [...headerCredits, ...body.credits];
  article.sources = body.sources;
  article.related = body.related;
  article.tags = [...new Set(body.tags)];
  article.lede = deck ?? body.paragraphs[0] ?? null;
  return article;
}
