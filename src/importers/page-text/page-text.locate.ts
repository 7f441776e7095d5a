import { isPrompt, isTrailer } from "../common/chrome.ts";
import { chromeReason } from "../common/dropped.ts";
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
  isSignOffLine,
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
/** Headlines a `Baca Juga` box inside the body may list. */
const MAX_BOX = 5;
/** How far above the body the date line and headline are looked for (non-empty lines). */
const HEADER_REACH = 25;

const nonEmpty = (lines: readonly string[]): number[] => lines.flatMap((line, i) => (line === "" ? [] : [i]));

/**
 * A teaser in a news list: a paragraph-long line that opens with its own date-time
 * (`DETIKNEWS | Kamis 18 Jun 2015, 07:20 WIB Seorang korban …`). Not story prose.
 */
function isTeaser(line: string): boolean {
  const date = findPrintedDateTime(line.slice(0, 120));
  return date !== null && date.index < 60;
}

/** Lines a body may carry between its paragraphs without ending: ads, counters, prompts, captions. */
const isInterlude = (line: string): boolean =>
  isCaptionLine(line) ||
  /^perbesar$/iu.test(line) ||
  // Embedded posts: `— Name (@handle) December 20, 2021`, `… pic.twitter.com/…`.
  /^[—–-]\s.{1,80}\(@[\w.]{1,30}\)/u.test(line) ||
  /pic\.twitter\.com\//u.test(line) ||
  // List items between paragraphs (`1. Amerika Serikat: 24,8 juta kasus`).
  /^(?:\d{1,2}[.)]|[•·▪●*–-])\s*\S/u.test(line) ||
  (chromeReason(line) !== null && !isTrailer(line) && !isSignOffLine(line));

/** Story prose: a prose line that is not a caption or a dated teaser. */
const isStoryProse = (line: string): boolean => isProseLine(line) && !isCaptionLine(line) && !isTeaser(line);

/**
 * The run of prose lines that most looks like the story; runs stop at trailers (`TERPOPULER`) and
 * after more than MAX_GAP other lines (interludes such as ads, captions and a `Baca Juga` box of
 * up to MAX_BOX headlines do not count). A run is scored by its prose text, doubled when it opens
 * with a dateline lead-in (`JAKARTA, KOMPAS.com -`) and raised by half when a date line stands
 * above it, so the story beats a longer sidebar or a second story lower on the page.
 */
export function findProseRun(lines: readonly string[]): { start: number; end: number } | null {
  const runs: { start: number; end: number; prose: number }[] = [];
  let current: { start: number; end: number; prose: number } | null = null;
  let gap = 0;
  let box = 0;
  const close = (): void => {
    if (current !== null) runs.push(current);
    current = null;
    gap = 0;
    box = 0;
  };
  for (const i of nonEmpty(lines)) {
    const line = lines[i] ?? "";
    if (isStoryProse(line)) {
      if (current === null) current = { start: i, end: i, prose: 0 };
      current.end = i;
      current.prose += Math.min(line.length, 2000);
      gap = 0;
      box = 0;
      continue;
    }
    if (current === null) continue;
    // A trailer ends the story, and so do sign-off initials on their own line (`(mdk/ank)`).
    if (isTrailer(line) || isSignOffLine(line)) close();
    else if (/^(baca juga|baca pula|artikel terkait)\s*:?$/iu.test(line)) box = MAX_BOX;
    else if (box > 0) box--;
    else if (!isInterlude(line) && ++gap > MAX_GAP) close();
  }
  close();
  let best: { start: number; end: number; score: number } | null = null;
  const indices = nonEmpty(lines);
  const position = new Map(indices.map((line, k) => [line, k]));
  for (const run of runs) {
    const score = run.prose * storyBonus(lines, indices, position.get(run.start) ?? 0);
    if (best === null || score > best.score) best = { start: run.start, end: run.end, score };
  }
  return best === null ? null : { start: best.start, end: best.end };
}

/** How much a run at `start` looks like the story's opening (see `findProseRun`). */
function storyBonus(lines: readonly string[], indices: readonly number[], at: number): number {
  const opening = indices.slice(at, at + 3);
  const reach = indices.slice(Math.max(0, at - HEADER_REACH), at);
  let bonus = 1;
  if (opening.some((i) => matchDateline(lines[i] ?? "") !== null)) bonus *= 2;
  if (reach.some((i) => isDateLine(lines[i] ?? ""))) bonus *= 1.5;
  return bonus;
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
    // A menu printed on one line: `Most Popular · Opini Anda · Suara Pembaca · Blog`.
    (line.match(/\s[·|•/]\s|\s[·|•]$/gu)?.length ?? 0) >= 2 ||
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
    // A line in capitals is a slogan or a label (`MUDA DAN MENGINSPIRASI`), rarely the headline.
    if (/\p{Lu}/u.test(line) && line === line.toUpperCase()) score -= 1;
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
  // A standfirst above the date line can open the run (`Deck.` / `Jumat, 19 Juni 2015 | 13:12 WIB`
  // / `Oleh : X` / body): the body starts after the date line then.
  const opening = nonEmpty(lines)
    .filter((i) => i >= run.start && i <= run.end)
    .slice(0, 6);
  const dateInside = [...opening].reverse().find((i) => isDateLine(lines[i] ?? ""));
  const afterDate =
    dateInside === undefined
      ? undefined
      : nonEmpty(lines).find((i) => i > dateInside && i <= run.end && isStoryProse(lines[i] ?? ""));
  const start = adjustStart(lines, afterDate ?? run.start, run.end);
  const indices = nonEmpty(lines);
  const reach = indices.slice(Math.max(0, indices.indexOf(start) - HEADER_REACH), indices.indexOf(start));
  const date = [...reach].reverse().find((i) => isDateLine(lines[i] ?? "")) ?? null;
  const headline = findHeadline(lines, date ?? start, start);
  return { body: { start, end: run.end }, date, headline };
}
