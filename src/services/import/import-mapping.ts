import { createHash } from "node:crypto";
import type { Block, BodyDocument } from "../../content/body.schema.ts";
import { BODY_VERSION } from "../../content/body.schema.ts";
import type { Article, Source } from "../../core/article.ts";
import type { ExtractedArticle } from "../../importers/extracted-article.ts";
import type { ArticleInput } from "../article-input.ts";

/**
 * The key a "Baca Juga" headline and an article headline are matched by: case, quotes,
 * punctuation and spacing do not matter ("Respons Putin…" = "respons putin ...").
 */
export function normalizeHeadline(headline: string): string {
  return headline
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/** Idempotency key: the source URL, else a hash of headline + publishedAt + body text. */
export function importKeyOf(article: ExtractedArticle): string {
  if (article.sourceUrl) return article.sourceUrl.slice(0, 2000);
  const text = [article.headline, article.publishedAt ?? "", ...article.paragraphs].join("\n");
  return `sha256:${sha256(text)}`;
}

/** Hash of everything an import writes: equal hashes mean an unchanged item (skipped). */
export function contentHashOf(article: ExtractedArticle, status: string): string {
  // The report of dropped lines is not imported, so it does not make an item "changed".
  const { dropped: _dropped, ...imported } = article;
  return sha256(JSON.stringify({ article: imported, status }));
}

const fit = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/u, "")}…`;

/** Http(s) URLs survive; anything else (relative, javascript:, broken) keeps only the name. */
function cleanSources(sources: Source[]): Source[] {
  return sources.slice(0, 20).map((source) => {
    const name = fit(source.name.trim(), 200);
    const url =
      source.url && /^https?:\/\//i.test(source.url) && URL.canParse(source.url) ? source.url : null;
    return url ? { name, url } : { name };
  });
}

/** Related blocks resolved where the headline is known; returns the headlines still pending. */
export function resolveRelated(
  blocks: readonly Block[],
  lookup: (headlineKey: string) => number | undefined,
): { blocks: Block[]; pending: string[] } {
  const pending: string[] = [];
  const resolved = blocks.map((block): Block => {
    if (block.type !== "related" || block.articleId !== undefined || block.pendingHeadline === undefined)
      return block;
    const key = normalizeHeadline(block.pendingHeadline);
    const id = lookup(key);
    if (id === undefined) {
      pending.push(key);
      return block;
    }
    return { type: "related", articleId: id };
  });
  return { blocks: resolved, pending };
}

export interface MappedIds {
  sectionId: number;
  credits: { role: Article["credits"][number]["role"]; personId: number }[];
  tagIds: number[];
  hero: { mediaId: number; caption: string; credit: string } | null;
  body: BodyDocument;
}

/** The admin's article input for an extraction whose references are already looked up. */
export function toArticleInput(article: ExtractedArticle, ids: MappedIds): ArticleInput {
  const firstParagraph = article.paragraphs[0] ?? "";
  const lede = article.lede && article.lede !== firstParagraph ? fit(article.lede, 1000) : "";
  return {
    headline: article.headline,
    lede,
    sectionId: ids.sectionId,
    dateline: {
      place: fit(article.dateline?.place ?? "", 100),
      outlet: article.dateline?.outlet ? fit(article.dateline.outlet, 100) : null,
      timeZone: article.timeZone ?? "Asia/Jakarta",
    },
    body: ids.body,
    hero: ids.hero,
    sources: cleanSources(article.sources),
    tagIds: ids.tagIds.slice(0, 30),
    credits: ids.credits.slice(0, 30),
  };
}

export const bodyOfBlocks = (blocks: Block[]): BodyDocument => ({ version: BODY_VERSION, blocks });

/** The input that re-saves an article as it is (used to fill in a resolved Baca Juga). */
export function inputOfArticle(article: Article, body: BodyDocument): ArticleInput {
  return {
    headline: article.headline,
    slug: article.slug,
    lede: article.lede,
    sectionId: article.sectionId,
    dateline: article.dateline,
    body,
    hero: article.hero,
    sources: article.sources,
    tagIds: article.tagIds,
    credits: article.credits.map((c) => ({ role: c.role, personId: c.personId })),
  };
}
