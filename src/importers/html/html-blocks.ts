import { parseHTML } from "linkedom";
import { isSafeLinkHref, type Block, type Inline, type Mark } from "../../content/body.schema.ts";
import { collapseSpaces, inlineText, mergeInline, trimInline } from "../common/inline.ts";
import type { ExtractedBlock } from "../extracted-article.ts";
import { figureImage, isCaptionBox, loneImages } from "./html-images.ts";

/** Elements that are never article text. */
const SKIP = new Set([
  "script",
  "style",
  "noscript",
  "iframe",
  "form",
  "button",
  "nav",
  "aside",
  "footer",
  "figure",
  "img",
  "picture",
  "video",
  "audio",
  "svg",
  "select",
  "input",
  "textarea",
  "template",
  "header",
  "table",
  "head",
  "object",
  "embed",
]);

const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "center",
  "blockquote",
  "ul",
  "ol",
  "li",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "pre",
  "dl",
  "dd",
  "dt",
  "hr",
  "body",
]);

const tagOf = (node: Node): string => (node.nodeType === 1 ? (node as Element).tagName.toLowerCase() : "");

/**
 * A link target the body schema accepts: http(s), mailto, or a site path. Protocol-relative and
 * document-relative links are resolved against `baseUrl` when one is known; anything else
 * (javascript:, data:, unresolvable) loses its link mark but keeps its text.
 */
export function safeHref(href: string, baseUrl: string | null): string | null {
  const candidate = resolveHref(href.trim(), baseUrl);
  // The body schema's rule decides; a link it would refuse is dropped and its text kept.
  return candidate !== null && isSafeLinkHref(candidate) ? candidate : null;
}

function resolveHref(value: string, baseUrl: string | null): string | null {
  if (/^(https?:\/\/|mailto:)/iu.test(value))
    return URL.canParse(value) || /^mailto:/iu.test(value) ? value : null;
  if (/^\/(?!\/)/u.test(value)) return value;
  if (/^[a-z][a-z0-9+.-]*:/iu.test(value) || value === "" || value.startsWith("#")) return null;
  if (baseUrl === null || !URL.canParse(value, baseUrl))
    return value.startsWith("//") ? `https:${value}` : null;
  const resolved = new URL(value, baseUrl);
  return /^https?:$/u.test(resolved.protocol) ? resolved.href : null;
}

/** Inline runs of a node, split into paragraphs wherever two or more `<br>` follow each other. */
function inlineRuns(node: Node, baseUrl: string | null): Inline[][] {
  const runs: Inline[][] = [[]];
  let breaks = 0;
  const visit = (current: Node, marks: Mark[]): void => {
    for (const child of Array.from(current.childNodes)) {
      if (child.nodeType === 3) {
        const text = collapseSpaces(child.textContent ?? "");
        if (text.trim() !== "") breaks = 0;
        if (text !== "") runs[runs.length - 1]?.push(marks.length > 0 ? { text, marks } : { text });
        continue;
      }
      const tag = tagOf(child);
      if (tag === "" || SKIP.has(tag)) continue;
      if (tag === "br") {
        breaks++;
        if (breaks === 2) runs.push([]);
        else runs[runs.length - 1]?.push({ text: " " });
        continue;
      }
      visit(child, [...marks, ...marksOf(child as Element, marks, baseUrl)]);
    }
  };
  visit(node, []);
  return runs.map((run) => mergeInline(trimInline(mergeInline(run)))).filter((run) => run.length > 0);
}

function marksOf(element: Element, current: readonly Mark[], baseUrl: string | null): Mark[] {
  const tag = element.tagName.toLowerCase();
  const has = (type: Mark["type"]): boolean => current.some((mark) => mark.type === type);
  if ((tag === "strong" || tag === "b") && !has("bold")) return [{ type: "bold" }];
  if ((tag === "em" || tag === "i") && !has("italic")) return [{ type: "italic" }];
  if (tag === "a" && !has("link")) {
    const href = safeHref(element.getAttribute("href") ?? "", baseUrl);
    if (href !== null) return [{ type: "link", href }];
  }
  return [];
}

const headingLevel = (tag: string): 2 | 3 | 4 => (tag === "h1" || tag === "h2" ? 2 : tag === "h3" ? 3 : 4);

/**
 * Turns an element's children into body blocks: p → paragraph, blockquote → blockquote,
 * h1–h6 → heading (levels clamped to 2–4), ul/ol → list; div-like containers are walked; loose
 * text between blocks becomes paragraphs (split on `<br><br>`). Bold, italic and safe links are
 * kept as marks; photos (`<figure>`, `wp-caption` boxes, `<img>` in a paragraph) become `image`
 * blocks with their `src`, alt, caption and credit (html-images.ts); video, scripts, forms,
 * navigation and tables are dropped.
 */
export function elementToBlocks(container: Node, baseUrl: string | null): ExtractedBlock[] {
  const blocks: ExtractedBlock[] = [];
  let loose: Node[] = [];
  const flushLoose = (): void => {
    if (loose.length === 0) return;
    const holder = container.ownerDocument?.createElement("div");
    if (holder) {
      for (const node of loose) holder.appendChild(node.cloneNode(true));
      for (const content of inlineRuns(holder, baseUrl)) blocks.push({ type: "paragraph", content });
      blocks.push(...loneImages(holder, baseUrl));
    }
    loose = [];
  };
  for (const child of Array.from(container.childNodes)) {
    const tag = tagOf(child);
    if (child.nodeType !== 1 && child.nodeType !== 3) continue;
    if (tag === "figure" || (tag === "div" && isCaptionBox(child as Element))) {
      flushLoose();
      const image = figureImage(child as Element, baseUrl);
      if (image !== null) blocks.push(image);
      continue;
    }
    if (tag === "picture") {
      flushLoose();
      blocks.push(...loneImages(child as Element, baseUrl).slice(0, 1));
      continue;
    }
    if (tag === "img") {
      loose.push(child);
      continue;
    }
    if (SKIP.has(tag)) continue;
    if (child.nodeType === 3 || !BLOCK.has(tag)) {
      loose.push(child);
      continue;
    }
    flushLoose();
    if (tag === "p" || tag === "pre" || tag === "dd" || tag === "dt") {
      for (const content of inlineRuns(child, baseUrl)) blocks.push({ type: "paragraph", content });
      blocks.push(...loneImages(child as Element, baseUrl));
    } else if (/^h[1-6]$/u.test(tag)) {
      const text = collapseSpaces(child.textContent ?? "").trim();
      if (text !== "") blocks.push({ type: "heading", level: headingLevel(tag), text: text.slice(0, 500) });
    } else if (tag === "blockquote") {
      const content = mergeInline(
        trimInline(inlineRuns(child, baseUrl).flatMap((run, i) => (i === 0 ? run : [{ text: " " }, ...run]))),
      );
      if (content.length > 0) blocks.push({ type: "blockquote", content });
    } else if (tag === "ul" || tag === "ol") {
      const items = Array.from((child as Element).children)
        .filter((item) => tagOf(item) === "li")
        .map((item) => mergeInline(trimInline(inlineRuns(item, baseUrl).flat())))
        .filter((item) => item.length > 0);
      if (items.length > 0) blocks.push({ type: "list", ordered: tag === "ol", items });
    } else if (tag !== "hr") {
      flushLoose();
      blocks.push(...elementToBlocks(child, baseUrl));
    }
  }
  flushLoose();
  return blocks.filter((block) => block.type !== "paragraph" || inlineText(block.content).trim() !== "");
}

/** Body blocks of an HTML fragment (feed `content:encoded`, Atom `content`). */
export function htmlFragmentToBlocks(html: string, baseUrl: string | null): ExtractedBlock[] {
  if (!/<[a-z!/]/iu.test(html)) {
    // Plain text (some feeds): blank lines separate paragraphs.
    return html
      .split(/\n\s*\n/u)
      .map((paragraph) => collapseSpaces(paragraph).trim())
      .filter((paragraph) => paragraph !== "")
      .map((text): Block => ({ type: "paragraph", content: [{ text }] }));
  }
  // WordPress keeps captioned photos as `[caption …]<img …> Text[/caption]` in its exports.
  const figures = html
    .replace(/\[caption\b[^\]]{0,500}\]/giu, "<figure>")
    .replace(/\[\/caption\]/giu, "</figure>");
  const { document } = parseHTML(`<!doctype html><html><body>${figures}</body></html>`);
  return elementToBlocks((document as unknown as Document).body, baseUrl);
}
