/**
 * The text a reader sees on an HTML page, line by line, roughly as `innerText` gives it: block
 * elements and `<br>` break lines, scripts, styles and hidden templates are left out. Used to read
 * what the page prints (headline, date line, bylines) with the captured-text rules. Iterative
 * (no recursion) and linear in the size of the tree.
 */
const HIDDEN = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "svg",
  "iframe",
  "object",
  "select",
  "textarea",
]);

const BREAKS = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "nav",
  "aside",
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
  "br",
  "table",
  "tr",
  "figure",
  "figcaption",
  "form",
  "address",
]);

const MAX_CHARS = 2_000_000;

export function visibleText(root: Node): string {
  const out: string[] = [];
  let size = 0;
  // A marker object on the stack closes a block element (emits its trailing line break).
  const stack: (Node | "break")[] = [root];
  while (stack.length > 0 && size < MAX_CHARS) {
    const item = stack.pop() as Node | "break";
    if (item === "break") {
      out.push("\n");
      continue;
    }
    if (item.nodeType === 3) {
      const text = (item.textContent ?? "").replace(/\s+/gu, " ");
      out.push(text);
      size += text.length;
      continue;
    }
    if (item.nodeType !== 1 && item.nodeType !== 9 && item.nodeType !== 11) continue;
    const tag = item.nodeType === 1 ? (item as Element).tagName.toLowerCase() : "";
    if (HIDDEN.has(tag)) continue;
    if (
      item.nodeType === 1 &&
      ((item as Element).hasAttribute("hidden") ||
        /display:\s*none/iu.test((item as Element).getAttribute("style") ?? ""))
    )
      continue;
    const breaks = BREAKS.has(tag);
    if (breaks) {
      out.push("\n");
      stack.push("break");
    }
    const children: Node[] = [];
    for (let child = item.firstChild; child !== null; child = child.nextSibling) children.push(child);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
  }
  return out
    .join("")
    .split("\n")
    .map((line) => line.trim())
    .filter((line, i, lines) => line !== "" || (lines[i - 1] ?? "") !== "")
    .join("\n");
}
