import type { Block, BodyDocument, Inline } from "./body.schema.ts";

const inlineText = (content: readonly Inline[]): string => content.map((i) => i.text).join("");

function blockText(block: Block): string | null {
  switch (block.type) {
    case "paragraph":
      return inlineText(block.content);
    case "heading":
      return block.text;
    case "blockquote":
      return block.attribution
        ? `${inlineText(block.content)} — ${block.attribution}`
        : inlineText(block.content);
    case "list":
      return block.items.map((item) => `- ${inlineText(item)}`).join("\n");
    case "image":
      return block.caption ?? null;
    case "related":
    case "embed":
    case "pendingImage":
      return null;
  }
}

/** The body as plain text, one paragraph per block, for search, feeds' summaries and word counts. */
export function renderBodyText(body: BodyDocument): string {
  return body.blocks
    .map(blockText)
    .filter((text): text is string => text !== null && text.length > 0)
    .join("\n\n");
}

/** The first `maxLength` characters of the text, cut at a word boundary, with an ellipsis. */
export function excerpt(text: string, maxLength = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:]+$/, "")}…`;
}
