import { diffArrays, diffWords } from "diff";
import { REVISION_FIELDS, type RevisionSnapshot } from "../core/revision.ts";
import { renderBodyText } from "../content/body-text.renderer.ts";

export type WordOp = { op: "equal" | "insert" | "delete"; text: string };

/** One paragraph of the body diff; a "change" pairs a removed and an added paragraph word by word. */
export type ParagraphDiff =
  { op: "equal" | "insert" | "delete"; text: string } | { op: "change"; words: WordOp[] };

export interface RevisionDiff {
  /** Every field that differs, except the body, with both values. */
  fields: { field: keyof RevisionSnapshot; before: unknown; after: unknown }[];
  bodyChanged: boolean;
  body: ParagraphDiff[];
}

const paragraphs = (snapshot: RevisionSnapshot): string[] =>
  renderBodyText(snapshot.body)
    .split("\n\n")
    .filter((p) => p.length > 0);

function wordOps(before: string, after: string): WordOp[] {
  return diffWords(before, after).map((part) => ({
    op: part.added ? "insert" : part.removed ? "delete" : "equal",
    text: part.value,
  }));
}

/** Paragraph-level diff of the body text, refined to words where a paragraph was edited. */
export function diffBodies(a: RevisionSnapshot, b: RevisionSnapshot): ParagraphDiff[] {
  const out: ParagraphDiff[] = [];
  const parts = diffArrays(paragraphs(a), paragraphs(b));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part) continue;
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      // Edited paragraphs: pair them up in order, word-level; leftovers are plain deletes/inserts.
      const pairs = Math.min(part.value.length, next.value.length);
      for (let k = 0; k < pairs; k++)
        out.push({ op: "change", words: wordOps(part.value[k] ?? "", next.value[k] ?? "") });
      for (const text of part.value.slice(pairs)) out.push({ op: "delete", text });
      for (const text of next.value.slice(pairs)) out.push({ op: "insert", text });
      i++;
      continue;
    }
    const op = part.added ? "insert" : part.removed ? "delete" : "equal";
    for (const text of part.value) out.push({ op, text });
  }
  return out;
}

export function diffRevisions(a: RevisionSnapshot, b: RevisionSnapshot): RevisionDiff {
  const fields = REVISION_FIELDS.filter(
    (field) => field !== "body" && JSON.stringify(a[field]) !== JSON.stringify(b[field]),
  ).map((field) => ({ field, before: a[field], after: b[field] }));
  return {
    fields,
    bodyChanged: JSON.stringify(a.body) !== JSON.stringify(b.body),
    body: diffBodies(a, b),
  };
}
