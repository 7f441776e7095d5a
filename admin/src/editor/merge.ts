import type { Block, BodyDocument } from "../../../src/content/body.schema.ts";
import { sameJson } from "../lib/equal.ts";
import type { ArticleFields } from "../lib/types.ts";

/**
 * Three-way merge of a story when a save meets a newer version (409): `base` is what this editor
 * loaded, `mine` what it has now, `theirs` the server's current version. A field (or a body block)
 * changed on one side only takes that side; changed the same way on both is fine; changed
 * differently on both is a conflict for the user to decide — never a silent overwrite.
 * The body merges block by block when both sides kept the number of blocks; otherwise a body
 * changed on both sides is one conflict.
 */
export type FieldName = keyof ArticleFields;

export const FIELD_NAMES: FieldName[] = [
  "headline",
  "sectionId",
  "lede",
  "dateline",
  "body",
  "credits",
  "tagIds",
  "hero",
  "sources",
];

export interface MergeResult {
  merged: ArticleFields;
  /** Fields both sides changed differently (the merged value holds "mine" until resolved). */
  conflicts: FieldName[];
}

const same = sameJson;

function mergeBlocks(base: Block[], mine: Block[], theirs: Block[]): Block[] | null {
  if (base.length !== mine.length || base.length !== theirs.length) return null;
  const out: Block[] = [];
  for (let i = 0; i < base.length; i++) {
    const [b, m, t] = [base[i]!, mine[i]!, theirs[i]!];
    if (same(m, t) || same(t, b)) out.push(m);
    else if (same(m, b)) out.push(t);
    else return null;
  }
  return out;
}

export function mergeFields(base: ArticleFields, mine: ArticleFields, theirs: ArticleFields): MergeResult {
  const merged = { ...mine };
  const conflicts: FieldName[] = [];
  const set = <K extends FieldName>(key: K, value: ArticleFields[K]) => {
    merged[key] = value;
  };
  for (const key of FIELD_NAMES) {
    const [b, m, t] = [base[key], mine[key], theirs[key]];
    if (same(m, t) || same(t, b)) continue;
    if (same(m, b)) {
      set(key, t);
      continue;
    }
    if (key === "body") {
      const blocks = mergeBlocks(
        (b as BodyDocument).blocks,
        (m as BodyDocument).blocks,
        (t as BodyDocument).blocks,
      );
      if (blocks) {
        set("body", { version: 1, blocks });
        continue;
      }
    }
    conflicts.push(key);
  }
  return { merged, conflicts };
}

/** Applies the user's choice for each conflicting field. */
export function resolveConflicts(
  result: MergeResult,
  theirs: ArticleFields,
  choices: Partial<Record<FieldName, "mine" | "theirs">>,
): ArticleFields {
  const out = { ...result.merged };
  for (const key of result.conflicts) {
    if (choices[key] === "theirs") (out as Record<FieldName, unknown>)[key] = theirs[key];
  }
  return out;
}
