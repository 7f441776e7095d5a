import { paragraph } from "../../content/body.schema.ts";
import { finishBody } from "../common/body-pipeline.ts";
import { isPrompt, isTrailer } from "../common/chrome.ts";
import { parseCreditLine } from "../common/credits.ts";
import { DROP_REASONS, type DropList } from "../common/dropped.ts";
import { emptyExtracted, type ExtractedArticle, type ExtractedCredit } from "../extracted-article.ts";
import { ImportError } from "../import-error.ts";
import { findPrintedDateTime } from "../printed-date.ts";
import {
  parseBreadcrumbLine,
  parseBylineLine,
  parseCaptionLine,
  sectionOfDateLine,
} from "./page-text.header.ts";
import { isDateLine } from "./page-text.locate.ts";

type HeaderLine =
  | { kind: "breadcrumb"; parts: string[] }
  | { kind: "date"; line: string }
  | { kind: "credits"; credits: ExtractedCredit[] }
  | { kind: "prompt"; line: string };

function classifyHeader(line: string): HeaderLine | null {
  if (line === "") return null;
  const parts = parseBreadcrumbLine(line);
  if (parts !== null) return { kind: "breadcrumb", parts };
  if (isDateLine(line)) return { kind: "date", line };
  const credits = parseCreditLine(line) ?? parseBylineLine(line);
  if (credits !== null) return { kind: "credits", credits };
  if (isPrompt(line)) return { kind: "prompt", line };
  return null;
}

/** How many unclassified lines may precede the first header line (kicker, headline, deck). */
const MAX_PRE_LINES = 3;

/**
 * A page with no run of prose (a short story of one-line paragraphs), read top-down: breadcrumb
 * and chrome lines, up to three lines of kicker / headline / deck, header lines (date, bylines,
 * caption), then every other line is a paragraph, through the shared body pass.
 */
export function parseStructuredPage(allLines: readonly string[], drops: DropList): ExtractedArticle {
  const article = emptyExtracted("page-text");
  const lines = allLines.filter((line) => line !== "");
  let breadcrumb: string[] = [];
  let dateLine: string | null = null;
  const headerCredits: ExtractedCredit[] = [];
  const applyHeader = (header: HeaderLine): void => {
    if (header.kind === "breadcrumb" && breadcrumb.length === 0) breadcrumb = header.parts;
    if (header.kind === "date" && dateLine === null) dateLine = header.line;
    if (header.kind === "credits") headerCredits.push(...header.credits);
    if (header.kind === "prompt") drops.add(header.line, DROP_REASONS.prompt);
  };

  let i = 0;
  for (let header = classifyHeader(lines[i] ?? ""); i < lines.length && header !== null;) {
    applyHeader(header);
    header = classifyHeader(lines[++i] ?? "");
  }
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
    // The first long line is the headline, a short line above it the kicker, a line below it the deck.
    const long = pre.findIndex((line) => line.length > 40);
    const shortPair =
      pre.length >= 2 && (pre[0]?.length ?? 0) <= 25 && (pre[1]?.length ?? 0) > (pre[0]?.length ?? 0);
    const index = long >= 0 ? long : shortPair ? 1 : 0;
    const kicker = pre[index - 1];
    if (kicker !== undefined && kicker.length <= 40) article.section = kicker;
    else if (kicker !== undefined) drops.add(kicker, DROP_REASONS.navigation);
    for (const line of pre.slice(0, Math.max(0, index - 1))) drops.add(line, DROP_REASONS.navigation);
    article.headline = pre[index] ?? "";
    deck = pre[index + 1] ?? null;
  } else {
    article.headline = pre[0] ?? "";
    i -= Math.max(0, pre.length - 1);
  }
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
    const date = findPrintedDateTime(dateLine);
    if (date?.impossible) throw invalidDate(dateLine);
    if (date) {
      article.publishedAt = date.instant.toISOString();
      article.timeZone = date.timeZone;
    }
    article.section = sectionOfDateLine(dateLine) ?? article.section;
  }
  article.section ??= breadcrumb.at(-1) ?? null;
  article.breadcrumb = breadcrumb.length > 0 ? breadcrumb : article.section !== null ? [article.section] : [];

  const body = finishBody(
    lines.slice(i).map((line) => paragraph(line)),
    { headerCredits, drops },
  );
  article.blocks = body.blocks;
  article.paragraphs = body.paragraphs;
  article.dateline = body.dateline;
  article.credits = [...headerCredits, ...body.credits];
  article.sources = body.sources;
  article.related = body.related;
  article.tags = [...new Set(body.tags)];
  article.lede = deck ?? body.paragraphs[0] ?? null;
  article.dropped = drops.lines;
  return article;
}

/** `invalid_date` for a printed date that cannot exist (31 Februari, 25:61). */
export function invalidDate(line: string): ImportError {
  const shown = line.length > 80 ? `${line.slice(0, 77)}...` : line;
  return new ImportError("invalid_date", `Tanggal mustahil: "${shown}" (impossible calendar date or time).`);
}
