import { paragraph, type Block } from "../../content/body.schema.ts";
import { finishBody } from "../common/body-pipeline.ts";
import { isTrailer, matchRelated } from "../common/chrome.ts";
import { parseCreditLine, parseSourceLine, parseTagLine } from "../common/credits.ts";
import { chromeReason, DROP_REASONS, DropList } from "../common/dropped.ts";
import { emptyExtracted, type ExtractedArticle, type ExtractedCredit } from "../extracted-article.ts";
import { findPrintedDateTime } from "../printed-date.ts";
import { readCreditBlocks } from "./page-text.credit-block.ts";
import { readHeader } from "./page-text.header-zone.ts";
import { locateStory } from "./page-text.locate.ts";
import { isCaptionLine, isProseLine, isTitleCase, wordsOf } from "./page-text.lines.ts";
import { invalidDate, parseStructuredPage } from "./page-text.structured.ts";

/** Lines of a captured page; more are reported as dropped, not parsed. */
export const MAX_LINES = 20_000;

/**
 * Parses captured page text: what a browser's "select all, copy" gives for a whole article page,
 * menus, tickers, related lists and footers included, or just the story.
 *
 * The story is found by its anchors (see page-text.locate.ts): the longest run of prose is the
 * body, its dateline lead-in (`JAKARTA, KOMPAS.com -`) its first line; the printed date-time
 * nearest above it is the date line; the headline is the line that fits best around the date
 * line. Header lines between the headline and the body give the section (kicker, breadcrumb,
 * label before `|`), bylines, the hero caption and the deck. After the body, credit, source and
 * tag lines are read until the page's trailing lists start. A page without a prose run (a short
 * story of one-line paragraphs) is read top-down instead (page-text.structured.ts).
 *
 * Every non-blank line that ends up in no field is listed in `dropped` with its reason.
 * An impossible printed date throws `ImportError("invalid_date")`. Not validated here.
 */
export function parsePageText(text: string): ExtractedArticle {
  const all = text.replace(/^\uFEFF/u, "").split(/\r\n|\r|\n/u);
  const drops = new DropList();
  for (const line of all.slice(MAX_LINES)) drops.add(line, DROP_REASONS.limit);
  const lines = all.slice(0, MAX_LINES).map((line) => line.trim().replace(/^[\u00a0\s]+$/u, ""));
  const location = locateStory(lines);
  if (location.body === null || location.headline === null) return parseStructuredPage(lines, drops);

  const article = emptyExtracted("page-text");
  const header = readHeader(lines, location, drops);
  const { start, end } = location.body;
  const bodyEnd = extendWithList(lines, end);
  const { blocks, signOffCredits } = bodyBlocks(lines, start, bodyEnd, drops);
  const tail = readTail(lines, bodyEnd + 1, drops);
  // Credit boxes spread over several lines, above or below the body (page-text.credit-block.ts).
  const outside = lines.flatMap((line, i) => (line !== "" && (i < start || i > bodyEnd) ? [i] : []));
  const boxes = readCreditBlocks(lines, outside);
  drops.release(new Set([...boxes.used].map((i) => lines[i] ?? "")));

  if (location.date !== null) {
    const date = findPrintedDateTime(lines[location.date] ?? "");
    if (date?.impossible) throw invalidDate(lines[location.date] ?? "");
    if (date) {
      article.publishedAt = date.instant.toISOString();
      article.timeZone = date.timeZone;
    }
  }
  article.headline = header.headline;
  article.section = header.section;
  article.breadcrumb = header.breadcrumb;
  article.hero = header.hero;
  const headerCredits = [...header.credits, ...tail.credits];
  const body = finishBody(blocks, { headerCredits, drops });
  article.blocks = body.blocks;
  article.paragraphs = body.paragraphs;
  article.dateline = body.dateline;
  article.credits = dedupe([
    ...header.credits,
    ...body.credits,
    ...tail.credits,
    ...boxes.credits,
    ...signOffCredits,
  ]);
  article.sources = [...body.sources, ...tail.sources];
  article.related = body.related;
  article.tags = [...new Set([...body.tags, ...tail.tags])];
  article.lede = header.deck ?? body.paragraphs[0] ?? null;
  article.dropped = drops.lines;
  return article;
}

const LIST_ITEM = /^(?:\d{1,2}[.)]|[•·▪●*–-])\s*\S/u;

/**
 * What directly follows the last paragraph still belongs to the body: a list (`1. …`, `• …`),
 * `Baca Juga: …` / `Pilihan Editor: …` lines, and sign-off initials on their own line (`(bgs/rul)`).
 */
function extendWithList(lines: readonly string[], end: number): number {
  let last = end;
  const nextNonEmpty = (from: number): string =>
    lines.slice(from, from + 4).find((line) => line !== "") ?? "";
  for (let i = end + 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line === "") continue;
    const belongs =
      (LIST_ITEM.test(line) && line.length <= 600) ||
      // A short label between lists (`RING II`, `(Sepanjang …)`) when a list item follows.
      (line.length <= 80 && !isTrailer(line) && LIST_ITEM.test(nextNonEmpty(i + 1)) && i - last <= 3) ||
      matchRelated(line) !== null ||
      /^\([a-z]{2,5}(\/[a-z]{2,5}){0,3}\)$/u.test(line);
    if (!belongs || isTrailer(line)) break;
    last = i;
  }
  return last;
}

/** A section heading inside the body: a short headline-like line between paragraphs. */
const isInBodyHeading = (line: string): boolean =>
  wordsOf(line) >= 2 &&
  wordsOf(line) <= 14 &&
  line.length <= 120 &&
  !/[.,;]$/u.test(line) &&
  (isTitleCase(line) || /[?:!]$/u.test(line)) &&
  !isCaptionLine(line);

/** The body's lines as blocks; chrome inside it (ads, prompts, paging, captions) is dropped. */
function bodyBlocks(lines: readonly string[], start: number, end: number, drops: DropList) {
  const blocks: Block[] = [];
  const signOffCredits: ExtractedCredit[] = [];
  let relatedBox = false;
  for (let i = start; i <= end; i++) {
    const line = lines[i] ?? "";
    if (line === "") {
      relatedBox = false;
      continue;
    }
    if (/^(baca juga|baca pula|berita terkait|artikel terkait)\s*:?$/iu.test(line)) {
      relatedBox = true;
      drops.add(line, DROP_REASONS.related);
      continue;
    }
    if (relatedBox && !isProseLine(line)) {
      blocks.push({ type: "related", pendingHeadline: line.slice(0, 500) });
      continue;
    }
    relatedBox = false;
    const reason = isProseLine(line) || matchRelated(line) !== null ? null : chromeReason(line);
    if (
      reason === DROP_REASONS.signOff &&
      /^\(\s*[\p{Lu}][\p{Ll}]+(?: [\p{Lu}][\p{Ll}]+){1,3}\s*\)$/u.test(line)
    ) {
      signOffCredits.push({ role: "kontributor", name: line.slice(1, -1).trim() });
      continue;
    }
    if (reason !== null && reason !== DROP_REASONS.signOff) {
      drops.add(line, reason);
      continue;
    }
    if (reason === DROP_REASONS.signOff && !/^\([a-z]{2,5}(\/[a-z]{2,5}){0,3}\)$/u.test(line)) {
      drops.add(line, reason);
      continue;
    }
    if (!isProseLine(line) && isInBodyHeading(line) && i !== start && i !== end) {
      blocks.push({ type: "heading", level: 2, text: line.slice(0, 500) });
      continue;
    }
    blocks.push(paragraph(line));
  }
  return { blocks, signOffCredits };
}

/** After the body: sign-offs, credit, source and tag lines until the trailing lists; the rest dropped. */
function readTail(lines: readonly string[], from: number, drops: DropList) {
  const credits: ExtractedCredit[] = [];
  const sources: ExtractedArticle["sources"] = [];
  const tags: string[] = [];
  let seen = 0;
  let inTrailer = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line === "") continue;
    seen++;
    const credit = seen <= 40 ? parseCreditLine(line) : null;
    if (credit !== null) {
      credits.push(...credit);
      continue;
    }
    const source = !inTrailer && seen <= 15 ? parseSourceLine(line) : null;
    if (source !== null) {
      sources.push(...source);
      continue;
    }
    const tag = !inTrailer && seen <= 15 ? parseTagLine(line) : null;
    if (tag !== null) {
      tags.push(...tag);
      continue;
    }
    if (seen <= 3 && /^\(\s*[\p{Lu}][\p{Ll}]+(?: [\p{Lu}][\p{Ll}]+){1,3}\s*\)$/u.test(line)) {
      credits.push({ role: "kontributor", name: line.slice(1, -1).trim() });
      continue;
    }
    if (
      isTrailer(line) ||
      /^(baca juga|tag terkait|topik terkait|tags?|berita rekomendasi)\s*:?$/iu.test(line)
    )
      inTrailer = true;
    drops.add(line, chromeReason(line) ?? (inTrailer ? DROP_REASONS.related : DROP_REASONS.footer));
  }
  return { credits, sources, tags };
}

function dedupe(credits: readonly ExtractedCredit[]): ExtractedCredit[] {
  const seen = new Set<string>();
  return credits.filter((credit) => {
    const key = `${credit.role}\u0000${credit.name.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
