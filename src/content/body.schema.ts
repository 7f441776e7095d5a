import { z } from "zod";
import { EMBED_PROVIDERS, type EmbedProvider } from "./embed-providers.ts";

/**
 * The article body: a versioned list of blocks. Version 1 is frozen; a change of shape
 * gets a new version and an upgrade function, never an in-place edit.
 */
export const BODY_VERSION = 1;

const MAX_TEXT = 20_000;

const httpUrl = z
  .string()
  .max(2048)
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), {
    message: "harus URL http(s) yang sah",
  });

/**
 * A link target: absolute http(s), a site-relative path, or mailto. Never javascript: or data:.
 * A browser reads `/\host` and `//host` as another site, and drops tabs and line breaks inside a
 * URL, so a site path may not start with a second slash or a backslash and no link carries
 * whitespace or control characters.
 */
export function isSafeLinkHref(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(value)) return false;
  if (/^https?:\/\//i.test(value)) return URL.canParse(value);
  if (value.startsWith("/")) return !/^\/[\\/]/.test(value);
  return /^mailto:[^/\\]/i.test(value);
}

const linkHref = z.string().max(2048).refine(isSafeLinkHref, {
  message: "tautan harus http(s), mailto, atau jalur situs",
});

export const markSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("bold") }),
  z.object({ type: z.literal("italic") }),
  z.object({ type: z.literal("link"), href: linkHref }),
]);

export const inlineSchema = z.object({
  text: z.string().min(1).max(MAX_TEXT),
  marks: z.array(markSchema).max(3).optional(),
});

const inlineContent = z.array(inlineSchema).min(1).max(500);

const embedSchema = z
  .object({
    type: z.literal("embed"),
    provider: z.enum(Object.keys(EMBED_PROVIDERS) as [EmbedProvider, ...EmbedProvider[]]),
    url: httpUrl,
    title: z.string().max(300).optional(),
  })
  .refine((block) => EMBED_PROVIDERS[block.provider].test(block.url), {
    message: "URL tidak cocok dengan penyedia sematan yang diizinkan",
    path: ["url"],
  });

/**
 * "Baca Juga": points at another article by id, so it survives slug changes. An importer that
 * cannot resolve the target yet keeps the headline in `pendingHeadline` and no id; such a block
 * renders nothing until it is resolved.
 */
const relatedSchema = z
  .object({
    type: z.literal("related"),
    articleId: z.number().int().positive().optional(),
    pendingHeadline: z.string().min(1).max(500).optional(),
  })
  .refine((block) => block.articleId !== undefined || block.pendingHeadline !== undefined, {
    message: "blok Baca Juga butuh articleId atau pendingHeadline",
  });

/**
 * A photo an import found at a remote URL, waiting to be fetched in the background
 * (services/import/remote-images.service.ts): renders nothing — never a broken image — until the
 * fetch replaces it with an `image` block carrying the same caption and credit.
 */
const pendingImageSchema = z.object({
  type: z.literal("pendingImage"),
  url: httpUrl,
  caption: z.string().max(2000).optional(),
  credit: z.string().max(300).optional(),
});

export const blockSchema = z.union([
  z.object({ type: z.literal("paragraph"), content: inlineContent }),
  z.object({
    type: z.literal("heading"),
    level: z.union([z.literal(2), z.literal(3), z.literal(4)]),
    text: z.string().min(1).max(500),
  }),
  z.object({
    type: z.literal("blockquote"),
    content: inlineContent,
    attribution: z.string().min(1).max(300).optional(),
  }),
  z.object({
    type: z.literal("list"),
    ordered: z.boolean(),
    items: z.array(inlineContent).min(1).max(200),
  }),
  z.object({
    type: z.literal("image"),
    mediaId: z.number().int().positive(),
    caption: z.string().max(2000).optional(),
    credit: z.string().max(300).optional(),
  }),
  relatedSchema,
  embedSchema,
  pendingImageSchema,
]);

export const bodyDocumentSchema = z.object({
  version: z.literal(BODY_VERSION),
  blocks: z.array(blockSchema).max(2000),
});

export type Mark = z.infer<typeof markSchema>;
export type Inline = z.infer<typeof inlineSchema>;
export type Block = z.infer<typeof blockSchema>;
export type BodyDocument = z.infer<typeof bodyDocumentSchema>;
export type BlockOf<T extends Block["type"]> = Extract<Block, { type: T }>;

export function emptyBody(): BodyDocument {
  return { version: BODY_VERSION, blocks: [] };
}

/** Convenience for importers and fixtures: plain strings become unmarked paragraphs. */
export function paragraph(text: string): BlockOf<"paragraph"> {
  return { type: "paragraph", content: [{ text }] };
}
