import { blockText } from "../common/inline.ts";
import type { ExtractedBlock, ExtractedCredit } from "../extracted-article.ts";
import { parsePageText } from "../page-text/page-text.parser.ts";
import { headlineOverlap } from "./title.ts";
import { visibleText } from "./visible-text.ts";
import type { IndonesianTimeZone } from "../../core/time-zones.ts";

/** What an HTML page prints around its story, read from its visible text with the captured-text rules. */
export interface PrintedPage {
  headline: string;
  publishedAt: string | null;
  timeZone: IndonesianTimeZone | null;
  credits: ExtractedCredit[];
  /** The story's first and last paragraphs as printed (first without its dateline lead-in). */
  firstParagraph: string | null;
  lastParagraph: string | null;
}

/** How much of a structured title the printed headline must share to be the same story. */
const SAME_STORY = 0.75;

/**
 * The printed headline, date line and bylines of an HTML page: its visible text goes through the
 * captured-text locator (page-text.locate.ts). Trusted only when the printed headline is the
 * story the page's titles name (structured titles and `<h1>`s; a sidebar story can hold the
 * longest prose run); null otherwise, or when the visible text has no story.
 */
export function readPrintedPage(body: Node | null, titles: readonly string[]): PrintedPage | null {
  if (body === null) return null;
  let printed;
  try {
    printed = parsePageText(visibleText(body));
  } catch {
    return null;
  }
  if (printed.headline === "") return null;
  if (!titles.some((title) => headlineOverlap(printed.headline, title) >= SAME_STORY)) return null;
  return {
    headline: printed.headline,
    publishedAt: printed.publishedAt,
    timeZone: printed.timeZone,
    credits: printed.credits,
    firstParagraph: printed.paragraphs[0] ?? null,
    lastParagraph: printed.paragraphs.at(-1) ?? null,
  };
}

/**
 * The publication time: structured metadata in order of trust (JSON-LD, meta, `<time>`), unless
 * the page prints a date line that disagrees by more than two minutes (wrong offsets, date-only
 * meta, rounded seconds): what the page prints wins then. Without metadata, the printed time.
 */
export function choosePublished(
  structured: { publishedAt: string | null; timeZone: IndonesianTimeZone | null },
  printed: PrintedPage | null,
): { publishedAt: string | null; timeZone: IndonesianTimeZone | null } {
  if (printed === null || printed.publishedAt === null) return structured;
  if (structured.publishedAt !== null) {
    const gap = Math.abs(Date.parse(structured.publishedAt) - Date.parse(printed.publishedAt));
    if (gap <= 120_000) return structured;
  }
  return { publishedAt: printed.publishedAt, timeZone: printed.timeZone };
}

const squashSpaces = (text: string): string => text.replace(/\s+/gu, " ").trim();

/**
 * The container's blocks cut to the story the page prints: blocks before the one holding the
 * printed first paragraph (date lines, captions, slogans inside the container) and after the one
 * holding the printed last paragraph are left out, and returned as `dropped`. Only when both
 * anchors are found, in order; otherwise the blocks are returned as they are.
 */
export function cutToPrintedStory(
  blocks: readonly ExtractedBlock[],
  printed: PrintedPage | null,
): { blocks: ExtractedBlock[]; before: ExtractedBlock[]; after: ExtractedBlock[] } {
  const whole = { blocks: [...blocks], before: [], after: [] };
  if (printed === null || printed.firstParagraph === null || printed.lastParagraph === null) return whole;
  const words = (text: string): string[] => squashSpaces(text).split(" ");
  const head = words(printed.firstParagraph).slice(0, 8).join(" ");
  const tail = words(printed.lastParagraph).slice(-8).join(" ");
  if (head.length < 20 || tail.length < 20) return whole;
  const texts = blocks.map((block) => squashSpaces(blockText(block)));
  const first = texts.findIndex((text) => text.includes(head));
  let last = -1;
  texts.forEach((text, i) => {
    if (i >= first && text.includes(tail)) last = i;
  });
  if (first < 0 || last < first) return whole;
  return {
    blocks: blocks.slice(first, last + 1),
    before: blocks.slice(0, first),
    after: blocks.slice(last + 1),
  };
}
