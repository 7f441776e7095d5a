import { isPrompt, isTrailer } from "../common/chrome.ts";
import { parseCreditLine } from "../common/credits.ts";
import { matchDateline } from "../common/dateline.ts";
import { findPrintedDateTime } from "../printed-date.ts";
import { parseBreadcrumbLine } from "./page-text.header.ts";
import {
  isCaptionLine,
  isCounterLine,
  isMarkupLine,
  isPagingLine,
  isProseLine,
  isTitleCase,
  wordsOf,
} from "./page-text.lines.ts";

/**
 * Where the story sits in a captured page (indices into the page's lines, blank lines included):
 * the body is the longest run of prose, the date line the printed date-time nearest above it, the
 * headline the line that best fits above (or just under) the date line.
 */
export interface StoryLocation {
  /** First and last line of the body (inclusive), or null when the page has no prose run. */
  body: { start: number; end: number } | null;
  date: number | null;
  headline: number | null;
}

/** Non-prose lines a body may hold between two prose lines (Baca Juga boxes, ads, headings). */
const MAX_GAP = 4;
/** How far above the body the date line and headline are looked for (non-empty lines). */
const HEADER_REACH = 25;

const nonEmpty = (lines: readonly string[]): number[] => lines.flatMap((line, i) => (line === "" ? [] : [i]));

/** The run of prose lines with the most prose text; runs stop at trailers (`TERPOPULER`). */
export function findProseRun(lines: readonly string[]): { start: number; end: number } | null {
  let best: { start: number; end: number; score: number } | null = null;
  let current: { start: number; end: number; score: number } | null = null;
  let gap = 0;
  for (const i of nonEmpty(lines)) {
    const line = lines[i] ?? "";
    if (isProseLine(line) && !isCaptionLine(line)) {
      if (current === null) current = { start: i, end: i, score: 0 };
      current.end = i;
      current.score += Math.min(line.length, 2000);
      gap = 0;
    } else if (current !== null && (isTrailer(line) || ++gap > MAX_GAP)) {
      if (best === null || current.score > best.score) best = current;
      current = null;
      gap = 0;
    }
  }
  if (current !== null && (best === null || current.score > best.score)) best = current;
  return best === null ? null : { start: best.start, end: best.end };
}

/** A date line: short, carries a printed date-time, and is not an "updated" stamp. */
export function isDateLine(line: string): boolean {
  return (
    line.length <= 200 &&
    !/^(diperbarui|diupdate|updated?|last updated)\b/iu.test(line) &&
    findPrintedDateTime(line) !== null
  );
}

/** The body's first line: its dateline lead-in when one opens a paragraph near the run's start. */
function adjustStart(lines: readonly string[], start: number, end: number): number {
  const candidates = nonEmpty(lines)
    .filter((i) => i >= start && i <= end)
    .slice(0, 4);
  const withDateline = candidates.find((i) => matchDateline(lines[i] ?? "") !== null);
  if (withDateline !== undefined) return withDateline;
  let at = start;
  for (const i of candidates) {
    if (i === at && isCaptionLine(lines[i] ?? "") && i < end)
      at = candidates[candidates.indexOf(i) + 1] ?? at;
  }
  return at;
}

/** Lines that can never be a headline. */
function notHeadline(line: string): boolean {
  return (
    line.length < 10 ||
    line.length > 250 ||
    wordsOf(line) < 2 ||
    isDateLine(line) ||
    parseCreditLine(line) !== null ||
    isCounterLine(line) ||
    isPagingLine(line) ||
    isMarkupLine(line) ||
    isCaptionLine(line) ||
    isPrompt(line) ||
    isTrailer(line) ||
    /^(oleh|by|reporter|penulis|editor)\b/iu.test(line) ||
    /[.,]$/u.test(line) ||
    (parseBreadcrumbLine(line)?.length ?? 0) > 0 ||
    matchDateline(line) !== null
  );
}

/**
 * The headline: among the lines a little above the date line (or the body) and just under the
 * date line, the one that fits best — headline length, headline capitalisation, close above the
 * date line; never a menu item, a date, a byline, a caption or a sentence.
 */
export function findHeadline(lines: readonly string[], anchor: number, bodyStart: number): number | null {
  const indices = nonEmpty(lines);
  const at = indices.findIndex((i) => i >= anchor);
  const window = indices.slice(
    Math.max(0, at - 8),
    indices.findIndex((i) => i >= bodyStart),
  );
  let best: { index: number; score: number } | null = null;
  for (const i of window) {
    const line = lines[i] ?? "";
    if (i === anchor || notHeadline(line)) continue;
    const words = wordsOf(line);
    const position = indices.indexOf(i) - indices.indexOf(anchor);
    let score = (Math.min(words, 12) / 12) * 2 + (isTitleCase(line) ? 0.5 : 0);
    if (words < 4) score -= 1;
    score -= position < 0 ? (-position - 1) * 0.6 : 0.8 + (position - 1) * 0.6;
    if (/[.!?]["”]?$/u.test(line) && words > 14) score -= 1;
    if (best === null || score > best.score) best = { index: i, score };
  }
  return best?.index ?? null;
}

/** Finds body, date line and headline; see `StoryLocation`. */
export function locateStory(lines: readonly string[]): StoryLocation {
  const run = findProseRun(lines);
  if (run === null) return { body: null, date: null, headline: null };
  const start = adjustStart(lines, run.start, run.end);
  const indices = nonEmpty(lines);
  const reach = indices.slice(Math.max(0, indices.indexOf(start) - HEADER_REACH), indices.indexOf(start));
  const date = [...reach].reverse().find((i) => isDateLine(lines[i] ?? "")) ?? null;
  const headline = findHeadline(lines, date ?? start, start);
  return { body: { start, end: run.end }, date, headline };
}
