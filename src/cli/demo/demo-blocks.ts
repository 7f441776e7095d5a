import type { Inline } from "../../content/body.schema.ts";
import type { DemoBlock } from "./demo-content.types.ts";

/** Small builders that keep the demo article files readable. */

type InlinePart = string | Inline;

function toInline(part: InlinePart): Inline {
  return typeof part === "string" ? { text: part } : part;
}

export function p(...parts: InlinePart[]): DemoBlock {
  return { type: "paragraph", content: parts.map(toInline) };
}

export function bold(text: string): Inline {
  return { text, marks: [{ type: "bold" }] };
}

export function italic(text: string): Inline {
  return { text, marks: [{ type: "italic" }] };
}

export function link(text: string, href: string): Inline {
  return { text, marks: [{ type: "link", href }] };
}

export function quote(text: string, attribution: string): DemoBlock {
  return { type: "blockquote", content: [{ text }], attribution };
}

export function heading(text: string, level: 2 | 3 | 4 = 2): DemoBlock {
  return { type: "heading", level, text };
}

export function bullets(...items: InlinePart[][]): DemoBlock {
  return { type: "list", ordered: false, items: items.map((item) => item.map(toInline)) };
}

export function steps(...items: InlinePart[][]): DemoBlock {
  return { type: "list", ordered: true, items: items.map((item) => item.map(toInline)) };
}

/** "Baca Juga" pointing at another demo article by key. */
export function related(article: string): DemoBlock {
  return { type: "related", article };
}

export function figure(image: string, caption: string, credit: string): DemoBlock {
  return { type: "image", image, caption, credit };
}
