import { z } from "zod";
import { blockSchema, type Block } from "../content/body.schema.ts";
import type { CreditRole, Source } from "../core/article.ts";
import type { IndonesianTimeZone } from "../core/time-zones.ts";
import { ImportError } from "./import-error.ts";

/**
 * The one intermediate shape every importer produces, before anything touches services or the
 * database. Its JSON form (see `formatExtractedJson`) is exactly what `warta analyze-page FILE`
 * prints; the keys below are stable and appear in this order:
 *
 * - `headline`    the article title, whitespace-normalised.
 * - `section`     the section label (kicker), e.g. "Kompas dunia"; null when the source has none.
 * - `breadcrumb`  the section trail, root first, without "Home"/"Beranda"; `[]` when absent.
 * - `publishedAt` ISO 8601 UTC (`2024-10-25T01:08:00.000Z`) or null.
 * - `timeZone`    the desk zone the source printed the time in (WIB/WITA/WIT) or null if unknown.
 * - `dateline`    `{ place, outlet }` from the lead-in (`KAZAN, KOMPAS.TV -`); outlet null for `Jakarta -`.
 * - `credits`     `[{ role, name }]`, role ∈ penulis|editor|fotografer|kontributor, in source order.
 * - `sources`     `[{ name, url? }]` from `Sumber :` lines (or structured `isBasedOn`).
 * - `hero`        `{ url?, caption, credit }` for the lead photo, or null.
 * - `related`     the "Baca Juga" headlines, in body order.
 * - `tags`        tag names, in source order, de-duplicated.
 * - `paragraphs`  text of every paragraph and quote of the body, in order, verbatim. The first one
 *                 has its dateline lead-in removed (the dateline is its own field) and the last one
 *                 has trailing initials such as `(rfs/jbr)` removed (they become credits). Headings
 *                 and lists appear only in `blocks`.
 * - `blocks`      the body as body.schema.ts blocks: paragraph, blockquote (paragraphs opening with
 *                 “ or "), heading, list, and `related` blocks carrying `pendingHeadline` where the
 *                 "Baca Juga" line stood; inline photos are `image` blocks carrying the page's
 *                 `src`, `alt`, `caption` and `credit` instead of a `mediaId`. Importers never
 *                 invent `articleId`s or `mediaId`s; the import stores the files and resolves them.
 * - `lede`        a one-paragraph summary: the structured description when the source has one,
 *                 else the first body paragraph; null when there is no body.
 * - `sourceUrl`   canonical URL / feed item link or guid; null for captured text.
 * - `format`      which parser produced it: page-text | html | rss | atom | wxr.
 * - `status`      feed hint: "published" | "draft"; null for single pages (the caller decides).
 * - `dropped`     every input line left out of the story and not used for a field, with the reason
 *                 (`{ line, reason }`, reason in Indonesian: "navigasi", "daftar berita terkait",
 *                 "iklan", …), in page order, so nothing is lost in silence.
 */
export type ExtractedFormat = "page-text" | "html" | "rss" | "atom" | "wxr";

export type ExtractedStatus = "published" | "draft";

export interface ExtractedDateline {
  place: string;
  outlet: string | null;
}

/** A line of the input that is not in the story, and why (see `DROP_REASONS`). */
export interface DroppedLine {
  line: string;
  reason: string;
}

export interface ExtractedCredit {
  role: CreditRole;
  name: string;
}

export interface ExtractedHero {
  url?: string;
  caption: string;
  credit: string;
}

/**
 * An inline photo as the page shows it: `src` as written (a path next to the page, a `data:` URL or
 * a remote URL), the alt text, the caption and the credit. The import turns it into a body `image`
 * block with a `mediaId` (services/import/import-images.ts).
 */
export const extractedImageSchema = z.object({
  type: z.literal("image"),
  src: z.string().min(1),
  alt: z.string().max(500),
  caption: z.string().max(2000),
  credit: z.string().max(300),
});

export type ExtractedImage = z.infer<typeof extractedImageSchema>;

/** A body block of an extraction: a Warta body block, or an inline photo not stored yet. */
export type ExtractedBlock = Block | ExtractedImage;

export const isExtractedImage = (block: ExtractedBlock): block is ExtractedImage =>
  block.type === "image" && "src" in block;

export interface ExtractedArticle {
  headline: string;
  section: string | null;
  breadcrumb: string[];
  publishedAt: string | null;
  timeZone: IndonesianTimeZone | null;
  dateline: ExtractedDateline | null;
  credits: ExtractedCredit[];
  sources: Source[];
  hero: ExtractedHero | null;
  related: string[];
  tags: string[];
  paragraphs: string[];
  blocks: ExtractedBlock[];
  lede: string | null;
  sourceUrl: string | null;
  format: ExtractedFormat;
  status: ExtractedStatus | null;
  dropped: DroppedLine[];
}

/** The stable key order of the JSON form. */
export const EXTRACTED_KEYS = [
  "headline",
  "section",
  "breadcrumb",
  "publishedAt",
  "timeZone",
  "dateline",
  "credits",
  "sources",
  "hero",
  "related",
  "tags",
  "paragraphs",
  "blocks",
  "lede",
  "sourceUrl",
  "format",
  "status",
  "dropped",
] as const satisfies readonly (keyof ExtractedArticle)[];

export const extractedArticleSchema = z.object({
  headline: z.string().min(1).max(500),
  section: z.string().min(1).nullable(),
  breadcrumb: z.array(z.string().min(1)),
  publishedAt: z.iso.datetime().nullable(),
  timeZone: z.enum(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]).nullable(),
  dateline: z.object({ place: z.string().min(1), outlet: z.string().min(1).nullable() }).nullable(),
  credits: z.array(
    z.object({ role: z.enum(["penulis", "editor", "fotografer", "kontributor"]), name: z.string().min(1) }),
  ),
  sources: z.array(z.object({ name: z.string().min(1), url: z.string().optional() })),
  hero: z.object({ url: z.string().optional(), caption: z.string(), credit: z.string() }).nullable(),
  related: z.array(z.string().min(1)),
  tags: z.array(z.string().min(1)),
  paragraphs: z.array(z.string()),
  blocks: z.array(z.union([extractedImageSchema, blockSchema])).max(2000),
  lede: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  format: z.enum(["page-text", "html", "rss", "atom", "wxr"]),
  status: z.enum(["published", "draft"]).nullable(),
  dropped: z.array(z.object({ line: z.string(), reason: z.string().min(1) })),
});

/**
 * Fails with a one-line Indonesian (English) reason when the extraction is not an article: no
 * recognisable headline, no body text, or a shape that breaks the body schema. Returns the input.
 */
export function validateExtracted(article: ExtractedArticle): ExtractedArticle {
  if (article.headline.trim() === "") {
    throw new ImportError("no_headline", "Judul artikel tidak ditemukan (no recognisable headline found).");
  }
  if (!article.blocks.some((block) => block.type === "paragraph" || block.type === "blockquote")) {
    throw new ImportError("no_body", "Isi artikel tidak ditemukan (no recognisable article body found).");
  }
  const result = extractedArticleSchema.safeParse(article);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? issue.path.join(".") : "?";
    const what = issue ? issue.message : "invalid";
    throw new ImportError(
      "invalid_content",
      `Hasil ekstraksi tidak sah di ${where}: ${what} (extracted article is invalid at ${where}).`,
    );
  }
  return article;
}

/** The `analyze-page` JSON: keys in `EXTRACTED_KEYS` order, two-space indent, trailing newline. */
export function formatExtractedJson(article: ExtractedArticle): string {
  const ordered: Record<string, unknown> = {};
  for (const key of EXTRACTED_KEYS) ordered[key] = article[key];
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** An empty extraction to build on; parsers fill in what they find. */
export function emptyExtracted(format: ExtractedFormat): ExtractedArticle {
  return {
    headline: "",
    section: null,
    breadcrumb: [],
    publishedAt: null,
    timeZone: null,
    dateline: null,
    credits: [],
    sources: [],
    hero: null,
    related: [],
    tags: [],
    paragraphs: [],
    blocks: [],
    lede: null,
    sourceUrl: null,
    format,
    status: null,
    dropped: [],
  };
}
