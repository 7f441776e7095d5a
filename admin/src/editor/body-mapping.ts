import type { Block, BodyDocument, Inline, Mark } from "../../../src/content/body.schema.ts";
import { embedProviderOf } from "../../../src/content/embed-providers.ts";

/**
 * The body document (src/content/body.schema.ts) ↔ the TipTap/ProseMirror document of the editor.
 * One node per block type, one mark per inline mark: paragraph, heading (2–4, plain text),
 * blockquote (inline text + attribution attribute), bulletList/orderedList of listItem > paragraph,
 * image, related (Baca Juga), embed; marks bold, italic, link. Pure (no editor needed), so it is
 * unit-tested under `npm test` and shared by the editor, autosave and merge.
 */
export interface PmMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  text?: string;
  marks?: PmMark[];
}

const MARK_ORDER = ["bold", "italic", "link"] as const;
const SAFE_HREF = /^(https?:\/\/|\/(?!\/)|mailto:)/i;

function toPmMarks(marks: readonly Mark[] | undefined): PmMark[] | undefined {
  if (!marks || marks.length === 0) return undefined;
  return [...marks]
    .sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type))
    .map((m) => (m.type === "link" ? { type: "link", attrs: { href: m.href } } : { type: m.type }));
}

function inlineToPm(content: readonly Inline[]): PmNode[] {
  return content
    .filter((i) => i.text.length > 0)
    .map((i) => {
      const marks = toPmMarks(i.marks);
      return marks ? { type: "text", text: i.text, marks } : { type: "text", text: i.text };
    });
}

/** How the editor shows a photo of the library (not part of the body: looked up by id). */
export interface ImagePreview {
  src: string;
  alt: string;
}

/**
 * Baca Juga headlines and the photos' addresses and alt texts are not part of the body; the editor
 * shows them when it knows them.
 */
export function bodyToDoc(
  body: BodyDocument,
  headlines: ReadonlyMap<number, string> = new Map(),
  images: ReadonlyMap<number, ImagePreview> = new Map(),
): PmNode {
  const content: PmNode[] = body.blocks.map((block): PmNode => {
    switch (block.type) {
      case "paragraph":
        return { type: "paragraph", content: inlineToPm(block.content) };
      case "heading":
        return {
          type: "heading",
          attrs: { level: block.level },
          content: [{ type: "text", text: block.text }],
        };
      case "blockquote":
        return {
          type: "blockquote",
          attrs: { attribution: block.attribution ?? null },
          content: inlineToPm(block.content),
        };
      case "list":
        return {
          type: block.ordered ? "orderedList" : "bulletList",
          content: block.items.map((item) => ({
            type: "listItem",
            content: [{ type: "paragraph", content: inlineToPm(item) }],
          })),
        };
      case "image":
        return {
          type: "image",
          attrs: {
            mediaId: block.mediaId,
            caption: block.caption ?? null,
            credit: block.credit ?? null,
            src: images.get(block.mediaId)?.src ?? null,
            alt: images.get(block.mediaId)?.alt ?? null,
          },
        };
      case "related":
        return {
          type: "related",
          attrs: {
            articleId: block.articleId ?? null,
            pendingHeadline: block.pendingHeadline ?? null,
            headline: block.articleId !== undefined ? (headlines.get(block.articleId) ?? null) : null,
          },
        };
      case "embed":
        return {
          type: "embed",
          attrs: { provider: block.provider, url: block.url, title: block.title ?? null },
        };
      case "pendingImage":
        return {
          type: "pendingImage",
          attrs: { url: block.url, caption: block.caption ?? null, credit: block.credit ?? null },
        };
    }
  });
  return { type: "doc", content: content.length > 0 ? content : [{ type: "paragraph" }] };
}

function pmMarksToMarks(marks: readonly PmMark[] | undefined): Mark[] {
  const out: Mark[] = [];
  for (const type of MARK_ORDER) {
    const mark = marks?.find((m) => m.type === type);
    if (!mark) continue;
    if (type === "link") {
      const href = typeof mark.attrs?.href === "string" ? mark.attrs.href.trim() : "";
      if (SAFE_HREF.test(href)) out.push({ type: "link", href });
    } else out.push({ type });
  }
  return out;
}

const sameMarks = (a: readonly Mark[] | undefined, b: readonly Mark[] | undefined) =>
  JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

/** Text nodes → inline runs: unknown marks dropped, neighbours with the same marks joined. */
export function pmToInline(nodes: readonly PmNode[] | undefined): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes ?? []) {
    if (node.type !== "text" || !node.text) continue;
    const marks = pmMarksToMarks(node.marks);
    const last = out[out.length - 1];
    if (last && sameMarks(last.marks, marks)) last.text += node.text;
    else out.push(marks.length > 0 ? { text: node.text, marks } : { text: node.text });
  }
  return out;
}

const plainText = (nodes: readonly PmNode[] | undefined) =>
  (nodes ?? []).map((n) => (n.type === "text" ? (n.text ?? "") : "")).join("");
const hasText = (inline: readonly Inline[]) => inline.some((i) => i.text.trim() !== "");
const str = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);
const num = (value: unknown) =>
  typeof value === "number" && Number.isInteger(value) && value > 0
    ? value
    : typeof value === "string" && /^\d+$/.test(value) && Number(value) > 0
      ? Number(value)
      : undefined;

/** The editor's document → a body document. Empty blocks (a blank paragraph, a bare bullet) are dropped. */
export function docToBody(doc: PmNode): BodyDocument {
  const blocks: Block[] = [];
  for (const node of doc.content ?? []) {
    switch (node.type) {
      case "paragraph": {
        const content = pmToInline(node.content);
        if (hasText(content)) blocks.push({ type: "paragraph", content });
        break;
      }
      case "heading": {
        const text = plainText(node.content).trim();
        const raw = Number(node.attrs?.level ?? 2);
        const level = (raw <= 2 ? 2 : raw >= 4 ? 4 : 3) as 2 | 3 | 4;
        if (text) blocks.push({ type: "heading", level, text });
        break;
      }
      case "blockquote": {
        // A pasted blockquote may still hold paragraphs: their text is the quote.
        const inner = (node.content ?? []).flatMap((c) => (c.type === "paragraph" ? (c.content ?? []) : [c]));
        const content = pmToInline(inner);
        const attribution = str(node.attrs?.attribution);
        if (hasText(content))
          blocks.push({ type: "blockquote", content, ...(attribution ? { attribution } : {}) });
        break;
      }
      case "bulletList":
      case "orderedList": {
        const items = (node.content ?? [])
          .map((item) => pmToInline((item.content ?? []).flatMap((p) => p.content ?? [])))
          .filter(hasText);
        if (items.length > 0) blocks.push({ type: "list", ordered: node.type === "orderedList", items });
        break;
      }
      case "image": {
        const mediaId = num(node.attrs?.mediaId);
        if (mediaId === undefined) break;
        const caption = str(node.attrs?.caption);
        const credit = str(node.attrs?.credit);
        blocks.push({
          type: "image",
          mediaId,
          ...(caption ? { caption } : {}),
          ...(credit ? { credit } : {}),
        });
        break;
      }
      case "related": {
        const articleId = num(node.attrs?.articleId);
        const pendingHeadline = str(node.attrs?.pendingHeadline);
        if (articleId !== undefined) blocks.push({ type: "related", articleId });
        else if (pendingHeadline) blocks.push({ type: "related", pendingHeadline });
        break;
      }
      case "pendingImage": {
        const url = str(node.attrs?.url);
        const caption = str(node.attrs?.caption);
        const credit = str(node.attrs?.credit);
        if (url && /^https?:\/\//i.test(url))
          blocks.push({
            type: "pendingImage",
            url,
            ...(caption ? { caption } : {}),
            ...(credit ? { credit } : {}),
          });
        break;
      }
      case "embed": {
        const url = str(node.attrs?.url);
        const provider = str(node.attrs?.provider);
        const title = str(node.attrs?.title);
        // Only what the body schema accepts: an allow-listed provider whose pattern the URL matches.
        const detected = url ? embedProviderOf(url) : null;
        if (url && detected !== null && detected === provider)
          blocks.push({ type: "embed", provider: detected, url, ...(title ? { title } : {}) });
        break;
      }
    }
  }
  return { version: 1, blocks };
}

/** Plain text of a body (word count, reading time, Baca Juga suggestions). */
export function bodyText(body: BodyDocument): string {
  return body.blocks
    .map((b) => {
      switch (b.type) {
        case "paragraph":
        case "blockquote":
          return b.content.map((i) => i.text).join("");
        case "heading":
          return b.text;
        case "list":
          return b.items.map((item) => item.map((i) => i.text).join("")).join("\n");
        case "image":
          return b.caption ?? "";
        default:
          return "";
      }
    })
    .filter(Boolean)
    .join("\n");
}
