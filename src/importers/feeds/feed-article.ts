import { finishBody } from "../common/body-pipeline.ts";
import { collapseSpaces } from "../common/inline.ts";
import {
  emptyExtracted,
  type ExtractedArticle,
  type ExtractedCredit,
  type ExtractedHero,
  type ExtractedStatus,
} from "../extracted-article.ts";
import { htmlFragmentToBlocks } from "../html/html-blocks.ts";
import { parseMachineDate } from "../indonesian-date.ts";

/** What each feed format reads from one item, before the shared body pass. */
export interface FeedItem {
  format: "rss" | "atom" | "wxr";
  title: string;
  /** Body HTML (content:encoded / Atom content), falling back to the summary. */
  html: string;
  summary: string;
  link: string | null;
  date: string;
  assumeUtc?: boolean;
  authors: string[];
  categories: string[];
  tags: string[];
  hero: ExtractedHero | null;
  status: ExtractedStatus;
}

/** Plain text of a title or summary that may carry HTML tags. */
export function plainText(html: string): string {
  return collapseSpaces(html.replace(/<[^>]*>/gu, " ")).trim();
}

/**
 * One feed item → ExtractedArticle: the first category is the section, the rest and all tags are
 * tags; authors are penulis credits; the body goes through the same pass as pages.
 */
export function feedItemToArticle(item: FeedItem): ExtractedArticle {
  const authors = item.authors.map((name): ExtractedCredit => ({ role: "penulis", name }));
  const body = finishBody(htmlFragmentToBlocks(item.html || item.summary, item.link), {
    headerCredits: authors,
  });
  const date = parseMachineDate(item.date, { assumeUtc: item.assumeUtc ?? false });
  const article = emptyExtracted(item.format);
  article.headline = plainText(item.title);
  article.section = item.categories[0] ?? null;
  article.breadcrumb = article.section === null ? [] : [article.section];
  article.publishedAt = date?.iso ?? null;
  article.timeZone = date?.timeZone ?? null;
  article.dateline = body.dateline;
  article.credits = [...authors, ...body.credits];
  article.sources = body.sources;
  article.hero = item.hero;
  article.related = body.related;
  article.tags = [...new Set([...item.categories.slice(1), ...item.tags, ...body.tags])];
  article.blocks = body.blocks;
  article.paragraphs = body.paragraphs;
  const summary = plainText(item.summary);
  article.lede = summary !== "" && item.html !== "" ? summary : (body.paragraphs[0] ?? null);
  article.sourceUrl = item.link;
  article.status = item.status;
  return article;
}
