import { validateExtracted, type ExtractedArticle } from "./extracted-article.ts";
import { detectFormat, readImportFile, type DetectedFormat, type ImportFileOptions } from "./detect.ts";
import { parseFeed } from "./feeds/parse-feed.ts";
import { parseHtmlArticle } from "./html/html.parser.ts";
import { ImportError } from "./import-error.ts";
import { parsePageText } from "./page-text/page-text.parser.ts";

export { formatExtractedJson, EXTRACTED_KEYS } from "./extracted-article.ts";

export interface AnalyzeOptions extends ImportFileOptions {
  /** The page's URL when known: becomes `sourceUrl` and resolves relative links in HTML. */
  url?: string;
}

/**
 * `warta analyze-page FILE`: one HTML page or captured page text → a validated ExtractedArticle.
 * Nothing is written. Feeds and exports are refused with a pointer to `warta import`. Throws
 * `ImportError` with a one-line reason for anything that is not an article.
 */
export function analyzePage(
  fileName: string,
  bytes: Uint8Array,
  options: AnalyzeOptions = {},
): ExtractedArticle {
  const detected = detectFormat(fileName, bytes, options);
  if (detected.format === "html") {
    return validateExtracted(
      parseHtmlArticle(detected.text, options.url === undefined ? {} : { url: options.url }),
    );
  }
  if (detected.format === "page-text") {
    const article = parsePageText(detected.text);
    if (options.url !== undefined) article.sourceUrl = options.url;
    return validateExtracted(article);
  }
  throw new ImportError(
    "unsupported_format",
    `analyze-page hanya untuk HTML atau teks halaman, bukan ${detected.format}; gunakan warta import (analyze-page takes one HTML page or captured text; use warta import for ${detected.format}).`,
  );
}

/** `analyzePage` for a path: size-checked before reading (see `readImportFile`). */
export async function analyzePageFile(path: string, options: AnalyzeOptions = {}): Promise<ExtractedArticle> {
  return analyzePage(path, await readImportFile(path, options), options);
}

export type ExtractedDocument =
  | { format: Exclude<DetectedFormat, "warta-json" | "jsonl">; articles: ExtractedArticle[] }
  | { format: "warta-json" | "jsonl"; text: string };

/**
 * For bulk import: any supported file → its extracted articles (one for a page, many for a feed),
 * not yet validated so one bad feed item can be reported while the rest continue. Warta JSON
 * exports and JSON Lines are only detected and handed back as text for their own importer.
 */
export function extractDocument(
  fileName: string,
  bytes: Uint8Array,
  options: AnalyzeOptions = {},
): ExtractedDocument {
  const detected = detectFormat(fileName, bytes, options);
  switch (detected.format) {
    case "html":
      return {
        format: "html",
        articles: [parseHtmlArticle(detected.text, options.url === undefined ? {} : { url: options.url })],
      };
    case "page-text":
      return { format: "page-text", articles: [parsePageText(detected.text)] };
    case "rss":
    case "atom":
    case "wxr":
      return { format: detected.format, articles: parseFeed(detected.text, detected.format) };
    case "warta-json":
    case "jsonl":
      return { format: detected.format, text: detected.text };
  }
}
