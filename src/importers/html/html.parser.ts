import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { Block } from "../../content/body.schema.ts";
import { finishBody } from "../common/body-pipeline.ts";
import {
  emptyExtracted,
  isExtractedImage,
  type ExtractedArticle,
  type ExtractedBlock,
  type ExtractedCredit,
  type ExtractedHero,
} from "../extracted-article.ts";
import { ImportError } from "../import-error.ts";
import { elementToBlocks } from "./html-blocks.ts";
import {
  assertWithinLimits,
  densestParagraphParent,
  measureTree,
  readabilityAffordable,
  type HtmlShape,
} from "./html-limits.ts";
import { readPageMetadata } from "./html.metadata.ts";
import { choosePublished, cutToPrintedStory, readPrintedPage } from "./printed-page.ts";
import { DROP_REASONS, DropList } from "../common/dropped.ts";
import { blockText } from "../common/inline.ts";

/** Known article-body containers, most specific first. */
const BODY_SELECTORS = [
  '[itemprop="articleBody"]',
  ".read__content",
  ".detail__body-text",
  ".detail-text",
  ".entry-content",
  ".article-content",
  ".post-content",
  "article",
];

const parseDocument = (html: string): Document => parseHTML(html).document as unknown as Document;

/**
 * Parses an HTML article page. Metadata comes from structured data when present (JSON-LD
 * NewsArticle/Article incl. `@graph`, OpenGraph, `article:*` and `author` meta), else from the DOM
 * (`h1`, `time`, `figure`). The body is the first known article container, else what
 * @mozilla/readability extracts, else JSON-LD `articleBody`; it then goes through the same body pass
 * as captured text (dateline, Baca Juga, credit and source lines, chrome). `url` overrides the
 * page's own canonical URL and resolves relative links.
 */
export function parseHtmlArticle(html: string, options: { url?: string } = {}): ExtractedArticle {
  const document = parseDocument(html);
  // Markup that parses to no document element (a stray control character before "<A") has no page.
  if (!document.documentElement)
    throw new ImportError(
      "invalid_content",
      "Berkas HTML tidak berisi halaman yang bisa dibaca (the HTML file holds no readable page).",
    );
  const shape = measureTree(document);
  assertWithinLimits(shape);
  const metadata = readPageMetadata(document);
  const baseUrl = options.url ?? metadata.url;
  const rawBlocks =
    extractBody(document, html, baseUrl, shape) ?? blocksFromPlainText(metadata.articleBody ?? "");
  const printed = readPrintedPage(document.body, [
    ...metadata.titles,
    ...Array.from(document.querySelectorAll("h1")).map((h1) => h1.textContent ?? ""),
  ]);
  // The container cut to the printed story; what is cut is reported, not lost.
  const drops = new DropList();
  const story = cutToPrintedStory(
    dropHeroEcho(dropHeadlineEcho(rawBlocks, metadata.headline), metadata.hero, baseUrl),
    printed,
  );
  for (const block of story.before) drops.add(blockText(block), DROP_REASONS.outside);
  const body = finishBody(story.blocks, { headerCredits: metadata.credits, drops });
  for (const block of story.after) drops.add(blockText(block), DROP_REASONS.outside);

  const article = emptyExtracted("html");
  article.headline = printed?.headline ?? metadata.headline;
  article.section = metadata.section;
  article.breadcrumb =
    metadata.breadcrumb.length > 0 ? metadata.breadcrumb : metadata.section ? [metadata.section] : [];
  const published = choosePublished(metadata, printed);
  article.publishedAt = published.publishedAt;
  article.timeZone = published.timeZone;
  article.dateline = body.dateline;
  // Printed bylines are what readers see; metadata authors only when the page prints none.
  const printedCredits = printed?.credits ?? [];
  article.credits = dedupeCredits([
    ...(printedCredits.length > 0 ? printedCredits : metadata.credits),
    ...body.credits,
  ]);
  const sourceNames = new Set(metadata.sources.map((source) => source.name.toLowerCase()));
  article.sources = [
    ...metadata.sources,
    ...body.sources.filter((source) => !sourceNames.has(source.name.toLowerCase())),
  ];
  article.hero = metadata.hero;
  article.related = body.related;
  article.tags = [...new Set([...metadata.tags, ...body.tags])];
  article.blocks = body.blocks;
  article.paragraphs = body.paragraphs;
  article.lede = metadata.description ?? body.paragraphs[0] ?? null;
  article.sourceUrl = baseUrl;
  article.dropped = drops.lines;
  return article;
}

function extractBody(
  document: Document,
  html: string,
  baseUrl: string | null,
  shape: HtmlShape,
): ExtractedBlock[] | null {
  for (const selector of BODY_SELECTORS) {
    const container = document.querySelector(selector);
    if (container === null) continue;
    const blocks = elementToBlocks(container, baseUrl);
    if (blocks.some((block) => block.type === "paragraph")) return blocks;
  }
  if (!readabilityAffordable(shape)) {
    const densest = document.body === null ? null : densestParagraphParent(document.body);
    const blocks = densest === null ? [] : elementToBlocks(densest, baseUrl);
    return blocks.length > 0 ? blocks : null;
  }
  // Readability rewrites the document it reads, so it gets its own copy.
  const readable = new Readability<Node>(parseDocument(html), {
    serializer: (node) => node,
    charThreshold: 200,
  });
  const content = readable.parse()?.content;
  if (content) {
    const blocks = elementToBlocks(content, baseUrl);
    if (blocks.length > 0) return blocks;
  }
  return null;
}

function blocksFromPlainText(text: string): Block[] {
  return text
    .split(/\n+/u)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line): Block => ({ type: "paragraph", content: [{ text: line }] }));
}

/** The hero's `<figure>` often stands inside the body container: it is the hero, not an inline photo. */
function dropHeroEcho(
  blocks: ExtractedBlock[],
  hero: ExtractedHero | null,
  baseUrl: string | null,
): ExtractedBlock[] {
  const url = hero?.url;
  if (url === undefined) return blocks;
  const resolved = baseUrl !== null && URL.canParse(url, baseUrl) ? new URL(url, baseUrl).href : url;
  return blocks.filter((block) => !isExtractedImage(block) || (block.src !== url && block.src !== resolved));
}

/** Containers often repeat the `h1`; the headline is its own field. */
function dropHeadlineEcho(blocks: ExtractedBlock[], headline: string): ExtractedBlock[] {
  const first = blocks[0];
  return first?.type === "heading" && first.text === headline ? blocks.slice(1) : blocks;
}

function dedupeCredits(credits: readonly ExtractedCredit[]): ExtractedCredit[] {
  const seen = new Set<string>();
  return credits.filter((credit) => {
    const key = `${credit.role}\u0000${credit.name.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
