import type { Inline } from "../../content/body.schema.ts";
import type { ExtractedBlock } from "../extracted-article.ts";

/** Plain text of inline content. */
export function inlineText(content: readonly Inline[]): string {
  return content.map((inline) => inline.text).join("");
}

/** Plain text of a block as a reader sees it ("" for blocks without text). */
export function blockText(block: ExtractedBlock): string {
  switch (block.type) {
    case "paragraph":
    case "blockquote":
      return inlineText(block.content);
    case "heading":
      return block.text;
    case "list":
      return block.items.map(inlineText).join("\n");
    case "related":
      return block.pendingHeadline ?? "";
    case "image":
      return "src" in block ? block.caption : (block.caption ?? "");
    default:
      return "";
  }
}

/** Removes the first `count` characters across inline runs, then leading whitespace. */
export function stripInlinePrefix(content: readonly Inline[], count: number): Inline[] {
  let remaining = count;
  const result: Inline[] = [];
  for (const inline of content) {
    if (remaining >= inline.text.length) {
      remaining -= inline.text.length;
      continue;
    }
    result.push({ ...inline, text: inline.text.slice(remaining) });
    remaining = 0;
  }
  return trimInline(result);
}

/** Keeps the first `length` characters across inline runs, then trims trailing whitespace. */
export function truncateInline(content: readonly Inline[], length: number): Inline[] {
  let remaining = length;
  const result: Inline[] = [];
  for (const inline of content) {
    if (remaining <= 0) break;
    result.push({ ...inline, text: inline.text.slice(0, remaining) });
    remaining -= inline.text.length;
  }
  return trimInline(result);
}

/** Trims whitespace at both ends of the run list and drops empty runs. */
export function trimInline(content: readonly Inline[]): Inline[] {
  const result = content.filter((inline) => inline.text !== "").map((inline) => ({ ...inline }));
  while (result.length > 0) {
    const first = result[0];
    if (first === undefined) break;
    first.text = first.text.trimStart();
    if (first.text !== "") break;
    result.shift();
  }
  while (result.length > 0) {
    const last = result[result.length - 1];
    if (last === undefined) break;
    last.text = last.text.trimEnd();
    if (last.text !== "") break;
    result.pop();
  }
  return result;
}

/** Joins adjacent runs that carry the same marks. */
export function mergeInline(content: readonly Inline[]): Inline[] {
  const result: Inline[] = [];
  for (const inline of content) {
    if (inline.text === "") continue;
    const previous = result[result.length - 1];
    if (previous && JSON.stringify(previous.marks ?? []) === JSON.stringify(inline.marks ?? [])) {
      previous.text += inline.text;
    } else {
      result.push({ ...inline });
    }
  }
  return result;
}

/** Collapses runs of whitespace (HTML semantics; non-breaking spaces are kept). */
export function collapseSpaces(text: string): string {
  return text.replace(/[ \t\r\n\f]+/g, " ");
}
