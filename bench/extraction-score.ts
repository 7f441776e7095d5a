/**
 * Scoring of one extraction against the import-dev ground truth (../shared/data/import-dev/README.md):
 * headline, time within 2 minutes, body start, body end, clean length 0.8–1.25× of the truth,
 * dateline, authors. Words are whitespace-separated tokens, typographic quotes folded.
 */
import type { ExtractedArticle } from "../src/importers/extracted-article.ts";

export interface Expected {
  file: string;
  text: string;
  outlet: string;
  title: string;
  publishedAt: string | null;
  dateline: string | null;
  firstWords: string;
  lastWords: string;
  authors: { name: string; role: string }[];
}

export const FIELDS = ["headline", "time", "bodyStart", "bodyEnd", "length", "dateline", "authors"] as const;
export type Field = (typeof FIELDS)[number];
export type Score = Record<Field, boolean>;

const fold = (text: string): string =>
  text
    .replace(/[“”„‟″]/gu, '"')
    .replace(/[‘’‚‛′`]/gu, "'")
    .replace(/[\u00a0\u200b]/gu, " ");

export const tokens = (text: string): string[] =>
  fold(text)
    .split(/\s+/u)
    .filter((token) => token !== "");

/** The body as a reader sees it, block by block (related links are not body text). */
export function bodyText(article: ExtractedArticle): string {
  return article.blocks
    .map((block) => {
      switch (block.type) {
        case "paragraph":
        case "blockquote":
          return block.content.map((inline) => inline.text).join("");
        case "heading":
          return block.text;
        case "list":
          return block.items.map((item) => item.map((inline) => inline.text).join("")).join("\n");
        default:
          return "";
      }
    })
    .join("\n");
}

const sameTokens = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((token, i) => token === b[i]);

function indexOfSequence(haystack: readonly string[], needle: readonly string[], from = 0): number {
  outer: for (let i = from; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Words of the true body in the captured text: from the first words to the last words. */
export function truthLength(expected: Expected, captured: string): number | null {
  const all = tokens(captured);
  const first = tokens(expected.firstWords);
  const last = tokens(expected.lastWords);
  const start = indexOfSequence(all, first);
  if (start < 0) return null;
  let end = -1;
  for (let at = indexOfSequence(all, last, start); at >= 0; at = indexOfSequence(all, last, at + 1))
    end = at + last.length;
  return end < 0 ? null : end - start;
}

const simple = (text: string): string => fold(text).toLowerCase().replace(/\s+/gu, " ").trim();

/** Names printed on the page; initials-only sign-offs (`rfs`, `mdk/yan`) are not authors. */
function authorNames(article: ExtractedArticle): Set<string> {
  return new Set(
    article.credits
      .filter((credit) => !/^[a-z]{2,5}$/u.test(credit.name))
      .map((credit) => simple(credit.name)),
  );
}

export function scoreExtraction(
  article: ExtractedArticle | null,
  expected: Expected,
  truthWords: number | null,
): Score {
  if (article === null) return Object.fromEntries(FIELDS.map((field) => [field, false])) as Score;
  const body = tokens(bodyText(article));
  const first = tokens(expected.firstWords);
  const last = tokens(expected.lastWords);
  const expectedTime = expected.publishedAt === null ? null : Date.parse(expected.publishedAt);
  const gotTime = article.publishedAt === null ? null : Date.parse(article.publishedAt);
  const datelineParts = (text: string | null): string =>
    text === null ? "" : text.split(",").map(simple).sort().join("|");
  const gotDateline =
    article.dateline === null
      ? null
      : [article.dateline.place, article.dateline.outlet].filter((part) => part !== null).join(",");
  const names = authorNames(article);
  const wanted = new Set(expected.authors.map((author) => simple(author.name)));
  return {
    headline: tokens(article.headline).join(" ") === tokens(expected.title).join(" "),
    time:
      expectedTime === null
        ? gotTime === null
        : gotTime !== null && Math.abs(gotTime - expectedTime) <= 120_000,
    bodyStart: sameTokens(body.slice(0, first.length), first),
    bodyEnd: sameTokens(body.slice(body.length - last.length), last),
    length: truthWords !== null && body.length >= truthWords * 0.8 && body.length <= truthWords * 1.25,
    dateline: datelineParts(gotDateline) === datelineParts(expected.dateline),
    authors: names.size === wanted.size && [...wanted].every((name) => names.has(name)),
  };
}
