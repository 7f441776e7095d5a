import { ImportError } from "../import-error.ts";

/**
 * Size limits of an HTML page, measured in one linear walk before anything expensive runs.
 * Real article pages nest 20–60 elements deep and hold a few thousand elements; the limits leave
 * wide room for them and keep pathological pages (10,000 nested `<div>`, millions of elements)
 * from hanging an import.
 */
export const HTML_LIMITS = {
  /** Deeper than this, readability (whose scoring walks ancestors per node) is not used. */
  readabilityDepth: 120,
  /** More elements than this, readability is not used either. */
  readabilityElements: 60_000,
  /** Refused outright beyond these. */
  maxDepth: 3_000,
  maxElements: 400_000,
} as const;

export interface HtmlShape {
  depth: number;
  elements: number;
}

/** Depth and element count of the tree under `root`, iteratively (no recursion, linear time). */
export function measureTree(root: Node): HtmlShape {
  let elements = 0;
  let depth = 0;
  const stack: { node: Node; level: number }[] = [{ node: root, level: 0 }];
  while (stack.length > 0) {
    const { node, level } = stack.pop() as { node: Node; level: number };
    if (node.nodeType !== 1 && node.nodeType !== 9) continue;
    elements++;
    if (level > depth) depth = level;
    if (elements > HTML_LIMITS.maxElements || depth > HTML_LIMITS.maxDepth) break;
    for (let child = node.firstChild; child !== null; child = child.nextSibling)
      stack.push({ node: child, level: level + 1 });
  }
  return { depth, elements };
}

/** Throws `ImportError("too_complex")` with an Indonesian reason when a page is beyond the hard limits. */
export function assertWithinLimits(shape: HtmlShape): void {
  if (shape.depth > HTML_LIMITS.maxDepth)
    throw new ImportError(
      "too_complex",
      `Halaman terlalu dalam bersarang (lebih dari ${HTML_LIMITS.maxDepth} tingkat elemen) (page nests elements more than ${HTML_LIMITS.maxDepth} levels deep).`,
    );
  if (shape.elements > HTML_LIMITS.maxElements)
    throw new ImportError(
      "too_complex",
      `Halaman memuat terlalu banyak elemen (lebih dari ${HTML_LIMITS.maxElements}) (page has more than ${HTML_LIMITS.maxElements} elements).`,
    );
}

/** Whether readability may run on a page of this shape. */
export const readabilityAffordable = (shape: HtmlShape): boolean =>
  shape.depth <= HTML_LIMITS.readabilityDepth && shape.elements <= HTML_LIMITS.readabilityElements;

/**
 * The body container of last resort, in linear time: the element whose own `<p>` children carry
 * the most text (what readability usually finds, without its per-ancestor scoring).
 */
export function densestParagraphParent(root: Element): Element | null {
  const scores = new Map<Element, number>();
  for (const paragraph of Array.from(root.querySelectorAll("p"))) {
    const parent = paragraph.parentElement;
    if (parent === null) continue;
    const length = (paragraph.textContent ?? "").trim().length;
    scores.set(parent, (scores.get(parent) ?? 0) + length);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, score] of scores)
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  return best;
}
