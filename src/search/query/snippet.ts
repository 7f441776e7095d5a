/**
 * Highlighted snippets: the original text, cut around the densest run of matching words, as
 * segments to be marked (<mark>) by the view. Offsets come from the tokenizer, so the marked spans
 * are exactly what the reader wrote ("bersamanya" is marked for the stem "sama").
 */
import type { Analyzer } from "../analyzer/analyzer.ts";

export interface Segment {
  text: string;
  mark: boolean;
}

/** The whole text, with matching words marked. */
export function highlightText(text: string, stems: ReadonlySet<string>, analyzer: Analyzer): Segment[] {
  return segmentsOf(text, 0, text.length, stems, analyzer);
}

function segmentsOf(
  text: string,
  start: number,
  end: number,
  stems: ReadonlySet<string>,
  analyzer: Analyzer,
): Segment[] {
  const segments: Segment[] = [];
  let cursor = start;
  for (const token of analyzer.analyze(text.slice(start, end))) {
    if (!stems.has(token.stem)) continue;
    const tokenStart = start + token.start;
    const tokenEnd = start + token.end;
    if (tokenStart > cursor) segments.push({ text: text.slice(cursor, tokenStart), mark: false });
    segments.push({ text: text.slice(tokenStart, tokenEnd), mark: true });
    cursor = tokenEnd;
  }
  if (cursor < end) segments.push({ text: text.slice(cursor, end), mark: false });
  return segments;
}

/**
 * About `maxLength` characters of `text` around the window with the most matches, cut at word
 * boundaries, with ellipses where text was left out. Falls back to the opening when nothing matches.
 */
export function snippet(
  text: string,
  stems: ReadonlySet<string>,
  analyzer: Analyzer,
  maxLength = 220,
): Segment[] {
  const flat = text.replace(/\s+/gu, " ").trim();
  if (flat.length === 0) return [];
  const tokens = analyzer.analyze(flat);
  let bestStart = 0;
  let bestHits = 0;
  let right = 0;
  let hits = 0;
  for (let left = 0; left < tokens.length; left++) {
    const leftToken = tokens[left] as (typeof tokens)[number];
    while (
      right < tokens.length &&
      (tokens[right] as (typeof tokens)[number]).end - leftToken.start <= maxLength
    ) {
      if (stems.has((tokens[right] as (typeof tokens)[number]).stem)) hits++;
      right++;
    }
    // Windows open on a match, so the snippet leads with it rather than ending on it.
    if (hits > bestHits && stems.has(leftToken.stem)) {
      bestHits = hits;
      bestStart = leftToken.start;
    }
    if (stems.has(leftToken.stem)) hits--;
  }
  // Start a little before the first match, at a word boundary, so the reader gets context.
  let start = bestHits > 0 ? Math.max(0, bestStart - 40) : 0;
  if (start > 0) {
    const space = flat.indexOf(" ", start);
    start = space >= 0 && space < bestStart ? space + 1 : bestStart;
  }
  let end = Math.min(flat.length, start + maxLength);
  if (end < flat.length) {
    const space = flat.lastIndexOf(" ", end);
    if (space > start + maxLength / 2) end = space;
  }
  const segments = segmentsOf(flat, start, end, stems, analyzer);
  if (start > 0) segments.unshift({ text: "… ", mark: false });
  if (end < flat.length) segments.push({ text: " …", mark: false });
  return segments;
}

export function segmentsToText(segments: readonly Segment[]): string {
  return segments.map((s) => s.text).join("");
}
