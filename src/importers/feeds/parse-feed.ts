import type { ExtractedArticle } from "../extracted-article.ts";
import { parseAtom } from "./atom.parser.ts";
import { parseRss } from "./rss.parser.ts";
import { parseWxr } from "./wxr.parser.ts";

export type FeedFormat = "rss" | "atom" | "wxr";

/** Parses a feed whose format `detectFormat` already decided. Items are not validated here. */
export function parseFeed(text: string, format: FeedFormat): ExtractedArticle[] {
  if (format === "atom") return parseAtom(text);
  if (format === "wxr") return parseWxr(text);
  return parseRss(text);
}
